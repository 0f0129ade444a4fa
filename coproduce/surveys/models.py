"""Consultations and surveys: questionnaires in English and Welsh, with conditional
questions, answered online (signed in or not), on paper or by phone through staff. Each
response becomes one contribution (its answers, question by question, in order), kept as
private as the respondent chose and considered as a whole."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.contributions.models import Contribution, Privacy
from coproduce.lib import bilingual
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.recruitment.models import Brief

# A long letter's worth; the answer pages say so.
ANSWER_MAX_LENGTH = 5_000


class Bilingual:
    """Models with `<field>` and `<field>_cy` show the Welsh when the page is in Welsh."""

    def shown(self, field: str) -> str:
        return bilingual.text(self, field)


class Audience(models.TextChoices):
    MEMBERS = "members", _("The project's group")
    BRIEF = "brief", _("People who said they were interested in a brief")
    PUBLIC = "public", _("Anyone with the link, without an account")


class Layout(models.TextChoices):
    ONE_PER_PAGE = "one_per_page", _("One question on each page")
    ALL_ON_ONE_PAGE = "all_on_one_page", _("All questions on one page")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Survey(Bilingual, models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("title"), max_length=200)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), max_length=3000, blank=True)
    intro_cy = models.TextField(_("introduction in Welsh"), max_length=3000, blank=True)
    audience = models.CharField(
        _("who can answer"), max_length=20, choices=Audience, default=Audience.MEMBERS
    )
    brief = models.ForeignKey(
        Brief, on_delete=models.PROTECT, null=True, blank=True, related_name="surveys"
    )
    layout = models.CharField(
        _("layout"), max_length=20, choices=Layout, default=Layout.ONE_PER_PAGE
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=SurveyStatus, default=SurveyStatus.DRAFT)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    results_published = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "-created_at"], name="survey_project")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(audience="brief") | models.Q(brief__isnull=False),
                name="survey_brief_audience_has_brief",
            ),
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def public_url(self) -> str:
        return reverse("surveys:start", args=[self.public_id])


class QuestionKind(models.TextChoices):
    FREE_TEXT = "free_text", _("Free text")
    SINGLE_CHOICE = "single_choice", _("Choose one option")
    MULTIPLE_CHOICE = "multiple_choice", _("Choose any options")
    RATING = "rating", _("Rating from 1 to 5")
    YES_NO = "yes_no", _("Yes or no")


class Question(Bilingual, models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("kind of answer"), max_length=20, choices=QuestionKind)
    text = models.CharField(_("question"), max_length=500)
    text_cy = models.CharField(_("question in Welsh"), max_length=500, blank=True)
    hint = models.CharField(_("hint"), max_length=500, blank=True)
    hint_cy = models.CharField(_("hint in Welsh"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is needed"), default=True)
    # Shown only when the answer to an earlier question includes this option.
    condition = models.ForeignKey(
        "Option", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"],
                name="question_position_unique",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def has_options(self) -> bool:
        return self.kind in OPTION_KINDS


OPTION_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.YES_NO}
)


class Option(Bilingual, models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("option"), max_length=200)
    text_cy = models.CharField(_("option in Welsh"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class ResponseChannel(models.TextChoices):
    WEB = "web", _("Online")
    PAPER = "paper", _("On paper")
    PHONE = "phone", _("By phone")


class Response(models.Model):
    """One person's answers to one survey. `token` is the secret in the "come back later"
    link. A submitted anonymous response keeps no person."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_responses"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    privacy = models.CharField(max_length=20, choices=Privacy)
    channel = models.CharField(max_length=10, choices=ResponseChannel, default=ResponseChannel.WEB)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["survey", "submitted_at"], name="response_survey")]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "person"],
                condition=models.Q(person__isnull=False),
                name="response_one_per_person",
            ),
            models.CheckConstraint(
                condition=models.Q(submitted_at__isnull=True)
                | ~models.Q(privacy="anonymous")
                | models.Q(person__isnull=True),
                name="response_anonymous_has_no_person",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} to survey {self.survey_id}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(blank=True, max_length=ANSWER_MAX_LENGTH)
    options = models.ManyToManyField(Option, blank=True, related_name="answers")
    # Set once, when the response is submitted: every answer of one response points to the
    # response's one contribution, so nothing is counted twice.
    contribution = models.ForeignKey(
        Contribution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_answers",
    )

    class Meta:
        ordering = ["question__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="answer_once_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


class LateAnswer(models.Model):
    """What someone wrote after the survey closed: kept, and offered to the coordinator
    as late feedback they can turn into an open-door contribution."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="late_answers")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    privacy = models.CharField(max_length=20, choices=Privacy)
    text = models.TextField()
    received_at = models.DateTimeField(auto_now_add=True)
    contribution = models.OneToOneField(
        Contribution, on_delete=models.SET_NULL, null=True, blank=True, related_name="late_answer"
    )

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["survey", "received_at"], name="late_answer_survey")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(privacy="anonymous") | models.Q(person__isnull=True),
                name="late_answer_anonymous_has_no_person",
            )
        ]

    def __str__(self) -> str:
        return f"Late answer {self.pk}"
