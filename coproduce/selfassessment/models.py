"""The organisation's self-assessment: questions under four areas (culture, structure,
practice, review) across the four principles (equality, diversity, access, reciprocity);
rounds over time, answered by staff and by carers separately; and the action plan each
round leads to, tracked like You Said, We Did actions.

Questions are data. The guidance set (no organisation) is seeded by a migration and kept
by platform operators in the Django admin; an organisation starts from a copy of it, which
its admin may change."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from coproduce.accountability.models import ActionStatus
from coproduce.people.models import Person
from coproduce.people.personal_data import personal
from coproduce.tenancy.models import Organisation

QUESTION_LIMIT = 500
COMMENT_LIMIT = 2_000


class Area(models.TextChoices):
    CULTURE = "culture", _("Culture")
    STRUCTURE = "structure", _("Structure")
    PRACTICE = "practice", _("Practice")
    REVIEW = "review", _("Review")


class Principle(models.TextChoices):
    EQUALITY = "equality", _("Equality")
    DIVERSITY = "diversity", _("Diversity")
    ACCESS = "access", _("Access")
    RECIPROCITY = "reciprocity", _("Reciprocity")


class Side(models.TextChoices):
    STAFF = "staff", _("Staff")
    CARERS = "carers", _("Carers")


class Score(models.IntegerChoices):
    NOT_YET = 1, _("Not yet")
    STARTING = 2, _("Starting")
    MOSTLY = 3, _("Mostly")
    FULLY = 4, _("Fully")


class Channel(models.TextChoices):
    WEB = "web", _("Online")
    PAPER = "paper", _("On paper")
    PHONE = "phone", _("By phone")


class Question(models.Model):
    """One statement to score. `organisation` is None for the guidance set."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="self_assessment_questions",
    )
    area = models.CharField(_("area"), max_length=20, choices=Area)
    principle = models.CharField(_("principle"), max_length=20, choices=Principle)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("statement"), max_length=QUESTION_LIMIT)
    text_cy = models.CharField(_("statement in Welsh"), max_length=QUESTION_LIMIT, blank=True)
    active = models.BooleanField(_("asked in new rounds"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["organisation", "active", "position"], name="saquestion_org"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="saquestion_has_text"),
            models.CheckConstraint(
                condition=models.Q(area__in=[a.value for a in Area]), name="saquestion_area_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(principle__in=[p.value for p in Principle]),
                name="saquestion_principle_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def shown(self) -> str:
        """The statement in Welsh when the page is in Welsh and there is one."""
        if get_language() == "cy" and self.text_cy:
            return self.text_cy
        return self.text


class Round(models.Model):
    """One time the organisation assessed itself. Open until an admin closes it; at most
    one open at a time. Carers see its results once an admin publishes them."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="self_assessment_rounds"
    )
    title = models.CharField(_("name of the round"), max_length=200)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    results_published = models.BooleanField(default=False)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-opened_at"], name="saround_org")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(closed_at__isnull=True),
                name="saround_one_open_per_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True)
                | models.Q(closed_at__gte=models.F("opened_at")),
                name="saround_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Submission(models.Model):
    """One person's answers in a round, as staff or as a carer. A carer's answers keep the
    carer (so they answer once, and can see and erase them); `entered_by` is the staff
    member who typed in a paper or phone answer. Erasure removes the person and the
    comments; the scores stay in the figures."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="submissions")
    side = models.CharField(max_length=10, choices=Side)
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="self_assessment_submissions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=Channel, default=Channel.WEB)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["submitted_at", "pk"]
        indexes = [models.Index(fields=["round", "side"], name="sasubmission_round")]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "person"],
                condition=models.Q(person__isnull=False),
                name="sasubmission_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["round", "user"],
                condition=models.Q(side="staff", user__isnull=False),
                name="sasubmission_once_per_staff",
            ),
            models.CheckConstraint(
                condition=models.Q(side__in=[s.value for s in Side]),
                name="sasubmission_side_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Submission {self.pk} to round {self.round_id}"


class Answer(models.Model):
    """A score for one statement (None: "I don't know") and an optional comment."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.RESTRICT, related_name="answers")
    score = models.PositiveSmallIntegerField(choices=Score, null=True, blank=True)
    comment = personal(models.TextField(_("comment"), max_length=COMMENT_LIMIT, blank=True))

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["question"], name="saanswer_question")]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "question"], name="saanswer_once_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=4),
                name="saanswer_score_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


class PlanAction(models.Model):
    """What the organisation will do after a round: what, who, by when, and where it
    stands, with the statuses of You Said, We Did actions."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("what we will do"), max_length=300)
    who = models.CharField(_("who will do it"), max_length=200)
    due_on = models.DateField(_("by when"))
    area = models.CharField(_("area"), max_length=20, choices=Area, blank=True)
    principle = models.CharField(_("principle"), max_length=20, choices=Principle, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus, default=ActionStatus.PLANNED
    )
    reason = models.TextField(_("why it is not possible"), max_length=2_000, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["round", "due_on"], name="saaction_round")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="not_possible") | ~models.Q(reason=""),
                name="saaction_not_possible_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="done") | models.Q(done_on__isnull=False),
                name="saaction_done_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in ActionStatus]),
                name="saaction_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title
