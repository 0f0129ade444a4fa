"""The co-produced evaluation plan: questions the group's members and staff propose, agreed
by the group through a decision, and each time the agreed questions were asked (a survey
made for that point: after an activity, or at the end of Delivery)."""

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
