"""Contributions: a view, idea or experience given through any channel, and how it was
considered. The contributor's privacy choice is made before they speak and decides who
may ever see their name or their words (see `rules.py`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.activities.models import Activity
from coproduce.people.models import Person
from coproduce.projects.models import Project, Stage
from coproduce.tenancy.models import Organisation

# Long enough for a page of writing typed in from a letter; the forms say so.
MAX_TEXT_LENGTH = 10_000


class ContributionChannel(models.TextChoices):
    MEETING = "meeting", _("Said in a meeting")
    PHONE = "phone", _("Phone call")
    VIDEO = "video", _("Video call")
    WEB = "web", _("Written on this website")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")
    SURVEY = "survey", _("Survey response")
    VISIT = "visit", _("Home visit")
    FOLLOW_UP = "follow_up", _("After-meeting follow-up")
    OPEN_DOOR = "open_door", _("Open-door feedback")


class Privacy(models.TextChoices):
    """Ordered from least to most private (see rules.PRIVACY_ORDER)."""

    IDENTIFIABLE = "identifiable", _("My name can be shown to the project group")
    ANONYMOUS_TO_GROUP = "anonymous_to_group", _("Staff know it is me; nobody else does")
    ANONYMOUS = "anonymous", _("Not linked to me at all")
    CONFIDENTIAL = "confidential", _("Confidential: only the coordinator sees it")


class ResponseStatus(models.TextChoices):
    NEW = "new", _("Not yet considered")
    CONSIDERED = "considered", _("Considered")
    PLANNED = "planned", _("Planned")
    ACTED_ON = "acted_on", _("Acted on")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")


class Theme(models.Model):
    """A label coordinators give contributions so that every view can be seen together."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("theme"), max_length=100)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="theme_unique_per_project")
        ]

    def __str__(self) -> str:
        return self.name


class Contribution(models.Model):
    """One view given once. `project` is empty only for open-door feedback to the
    organisation. `person` is empty for anonymous contributions (never linked)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contributions"
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="contributions"
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="contributions"
    )
    stage = models.CharField(_("project stage"), max_length=20, choices=Stage.choices, blank=True)
    channel = models.CharField(_("how it was given"), max_length=20, choices=ContributionChannel)
    privacy = models.CharField(_("who may know"), max_length=20, choices=Privacy)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="contributions"
    )
    text = models.TextField(_("what they said"), max_length=MAX_TEXT_LENGTH)
    given_on = models.DateField(_("date given"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    # Where it came from, when it came from something already stored (once each).
    follow_up_reply = models.OneToOneField(
        "activities.FollowUpReply",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contribution",
    )
    status = models.CharField(
        _("response"), max_length=20, choices=ResponseStatus, default=ResponseStatus.NEW
    )
    response = models.TextField(_("our response"), blank=True, max_length=MAX_TEXT_LENGTH)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="contributions")

    class Meta:
        ordering = ["-given_on", "-pk"]
        indexes = [
            models.Index(fields=["project", "status", "recorded_at"], name="contribution_queue"),
            # The organisation's queue, oldest first: read in order, a page at a time (at
            # national scale sorting every waiting view for each page spilled to disk).
            models.Index(
                fields=["organisation", "status", "recorded_at", "id"],
                name="contribution_org_queue",
            ),
            # "What people said" of a project, newest first, a page at a time.
            models.Index(fields=["project", "-given_on", "-id"], name="contribution_project_given"),
            models.Index(fields=["person", "-given_on"], name="contribution_person"),
        ]
        constraints = [
            # Anonymous means not linked to anyone, ever.
            models.CheckConstraint(
                condition=~models.Q(privacy="anonymous") | models.Q(person__isnull=True),
                name="contribution_anonymous_has_no_person",
            ),
            # A response that is not taken forward says why.
            models.CheckConstraint(
                condition=~models.Q(status="not_taken_forward") | ~models.Q(response=""),
                name="contribution_not_taken_forward_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Contribution {self.pk} ({self.channel})"


class Attachment(models.Model):
    """A file given with a contribution (a photo of a letter, a drawing)."""

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="contributions/%Y/%m/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
