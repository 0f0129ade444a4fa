"""The co-produced evaluation plan: questions the group's members and staff propose, agreed
by the group through a decision, and each time the agreed questions were asked (a survey
made for that point: after an activity, or at the end of Delivery). And the project's final
review: drafted by staff, commented on and agreed by the group, then published."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.activities.models import Activity
from coproduce.decisions.models import Proposal
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.surveys.models import Survey

QUESTION_LIMIT = 500


class Method(models.TextChoices):
    SURVEY = "survey", _("A survey")
    DISCUSSION = "discussion", _("A group discussion")
    INTERVIEWS = "interviews", _("Interviews, in person or by phone")


class AskWhen(models.TextChoices):
    AFTER_EACH_ACTIVITY = "after_each_activity", _("After each activity")
    END_OF_DELIVERY = "end_of_delivery", _("At the end of Delivery")


class EvaluationQuestion(models.Model):
    """A question the project should answer about itself, and how and when to ask it.

    It is agreed when the proposal it was put to the group in is decided "agreed" (with or
    without reservations). `proposed_by_carer` keeps, after the proposer's name is erased,
    that a carer member of the group proposed it (evidence for the ladder rung)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="evaluation_questions"
    )
    text = models.CharField(_("question"), max_length=QUESTION_LIMIT)
    text_cy = models.CharField(_("question in Welsh"), max_length=QUESTION_LIMIT, blank=True)
    method = models.CharField(_("how to gather answers"), max_length=20, choices=Method)
    ask_when = models.CharField(_("when to ask"), max_length=30, choices=AskWhen)
    proposed_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_questions",
    )
    proposed_by_carer = models.BooleanField(default=False)
    proposed_at = models.DateTimeField()
    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_questions",
    )

    class Meta:
        ordering = ["proposed_at", "pk"]
        indexes = [
            models.Index(fields=["project", "proposed_at"], name="evalquestion_project"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="evalquestion_has_text"),
            models.CheckConstraint(
                condition=models.Q(method__in=[m.value for m in Method]),
                name="evalquestion_method_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(ask_when__in=[w.value for w in AskWhen]),
                name="evalquestion_ask_when_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Asking(models.Model):
    """One time the agreed questions were asked: the survey made for it. Once after each
    activity, and once at the end of Delivery, by the database."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="askings")
    point = models.CharField(_("when"), max_length=30, choices=AskWhen)
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="askings"
    )
    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="asking")
    questions = models.ManyToManyField(EvaluationQuestion, related_name="askings")
    asked_at = models.DateTimeField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["asked_at", "pk"]
        indexes = [models.Index(fields=["project", "asked_at"], name="asking_project")]
        constraints = [
            models.UniqueConstraint(
                fields=["activity"],
                condition=models.Q(activity__isnull=False),
                name="asking_once_per_activity",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(point="end_of_delivery"),
                name="asking_once_at_end_of_delivery",
            ),
            models.CheckConstraint(
                condition=models.Q(point="end_of_delivery", activity__isnull=True)
                | models.Q(point="after_each_activity"),
                name="asking_end_of_delivery_has_no_activity",
            ),
        ]

    def __str__(self) -> str:
        return f"Asking {self.pk} of project {self.project_id}"


# --- The final review ------------------------------------------------------------------------

REVIEW_SECTION_LIMIT = 10_000
EASY_READ_LIMIT = 3_000
COMMENT_LIMIT = 2_000


class Review(models.Model):
    """A project's final review: what it achieved against its aims, what changed for carers,
    what everyone learnt, what it cost and what to do next time; each section in English and,
    where written, in Welsh, with a short easy-read summary.

    Staff draft it; each revision raises `version`, so the group's agreement is to a version.
    Published (`published_at`), anyone with its address (`public_id`, not guessable) can read
    it, as a web page, a PDF and an easy-read page."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="review")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    outcomes = models.TextField(
        _("outcomes against the project's aims"), max_length=REVIEW_SECTION_LIMIT
    )
    outcomes_cy = models.TextField(
        _("outcomes in Welsh"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    changed_for_carers = models.TextField(
        _("what changed for carers"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    changed_for_carers_cy = models.TextField(
        _("what changed for carers, in Welsh"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    learnt_by_carers = models.TextField(
        _("what carers learnt"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    learnt_by_carers_cy = models.TextField(
        _("what carers learnt, in Welsh"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    learnt_by_professionals = models.TextField(
        _("what professionals learnt"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    learnt_by_professionals_cy = models.TextField(
        _("what professionals learnt, in Welsh"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    recommendations = models.TextField(
        _("recommendations"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    recommendations_cy = models.TextField(
        _("recommendations in Welsh"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    costs_note = models.TextField(_("about the costs"), max_length=REVIEW_SECTION_LIMIT, blank=True)
    costs_note_cy = models.TextField(
        _("about the costs, in Welsh"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    next_time = models.TextField(
        _("what to do next time"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    next_time_cy = models.TextField(
        _("what to do next time, in Welsh"), max_length=REVIEW_SECTION_LIMIT, blank=True
    )
    easy_read = models.TextField(_("easy-read summary"), max_length=EASY_READ_LIMIT, blank=True)
    easy_read_cy = models.TextField(
        _("easy-read summary in Welsh"), max_length=EASY_READ_LIMIT, blank=True
    )
    version = models.PositiveIntegerField(default=1)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(outcomes=""), name="review_has_outcomes"),
            models.CheckConstraint(condition=models.Q(version__gte=1), name="review_version_1_up"),
        ]

    def __str__(self) -> str:
        return f"Review of {self.project}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Agreement(models.TextChoices):
    AGREE = "agree", _("I agree with this draft")
    NOT_YET = "not_yet", _("Not yet: it needs changing")


class ReviewComment(models.Model):
    """A member's comment on a draft of the review, and whether they agree with it. Only
    staff see who said what; the review itself never quotes or names anyone."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="review_comments"
    )
    agreement = models.CharField(_("do you agree?"), max_length=10, choices=Agreement)
    text = models.TextField(_("comment"), max_length=COMMENT_LIMIT, blank=True)
    version = models.PositiveIntegerField()
    given_at = models.DateTimeField()

    class Meta:
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["review", "-given_at"], name="reviewcomment_review")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agreement__in=[a.value for a in Agreement]),
                name="reviewcomment_agreement_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.review}"
