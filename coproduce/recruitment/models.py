"""Recruitment: briefs that invite people to get involved, their easy-read versions,
expressions of interest, and the screening that follows (see `rules.TRANSITIONS`)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.people.models import Channel, Person
from coproduce.people.personal_data import personal
from coproduce.projects.models import GroupRole, Project


class Support(models.TextChoices):
    TRAVEL = "travel", _("Travel costs")
    REPLACEMENT_CARE = "replacement_care", _("Replacement care")
    BRIEFING = "briefing", _("A pre-brief and a de-brief")
    REFRESHMENTS = "refreshments", _("Refreshments")
    OTHER = "other", _("Other support")


class Pictogram(models.TextChoices):
    """The built-in pictures for easy-read lines (static/recruitment/easy-read/<value>.svg)."""

    CALENDAR = "calendar", _("Calendar")
    CLOCK = "clock", _("Clock")
    MONEY = "money", _("Money")
    BUS = "bus", _("Bus")
    CUP = "cup", _("Cup of tea")
    PEOPLE = "people", _("People")
    HOME = "home", _("Home")
    PHONE = "phone", _("Phone")
    QUESTION = "question", _("Question mark")


class Brief(models.Model):
    """The invitation to get involved in a project. Public once published, at its public_id."""

    # The texts with a Welsh twin `<name>_cy` (coproduce.lib.bilingual).
    TRANSLATED = (
        "title",
        "work",
        "time_commitment",
        "dates",
        "where_and_how",
        "payment",
        "who_for",
    )

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="briefs")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    work = models.TextField(_("what the work is"))
    time_commitment = models.TextField(_("how much time it takes"))
    dates = models.TextField(_("dates"), blank=True)
    where_and_how = models.TextField(_("where and how"))
    # The Welsh twins (coproduce.lib.bilingual): blank until someone writes them.
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    work_cy = models.TextField(_("what the work is, in Welsh"), blank=True)
    time_commitment_cy = models.TextField(_("how much time it takes, in Welsh"), blank=True)
    dates_cy = models.TextField(_("dates in Welsh"), blank=True)
    where_and_how_cy = models.TextField(_("where and how, in Welsh"), blank=True)
    online_group = models.BooleanField(_("the group meets online"), default=False)
    support = models.JSONField(_("support offered"), default=list, blank=True)
    support_other = models.CharField(_("other support"), max_length=300, blank=True)
    payment = models.TextField(_("payment offered"), blank=True)
    who_for = models.TextField(_("who it is for"))
    payment_cy = models.TextField(_("payment offered, in Welsh"), blank=True)
    who_for_cy = models.TextField(_("who it is for, in Welsh"), blank=True)
    opens_on = models.DateField(_("opening date"))
    closes_on = models.DateField(_("closing date"))
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        indexes = [models.Index(fields=["project", "-opens_on"], name="brief_project_opens")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="brief_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def support_labels(self) -> list[str]:
        """The support offered, in words (the "other" support as staff wrote it)."""
        labels = dict(Support.choices)
        return [
            self.support_other
            if value == Support.OTHER and self.support_other
            else str(labels[value])
            for value in self.support
            if value in labels
        ]


class EasyReadLine(models.Model):
    """One idea of the easy-read version: a short sentence and, optionally, a picture."""

    TRANSLATED = ("text", "alt_text")

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="easy_read_lines")
    position = models.PositiveIntegerField()
    text = models.CharField(_("sentence"), max_length=200)
    picture = models.CharField(_("picture"), max_length=20, choices=Pictogram.choices, blank=True)
    alt_text = models.CharField(_("description of the picture"), max_length=200, blank=True)
    text_cy = models.CharField(_("sentence in Welsh"), max_length=200, blank=True)
    alt_text_cy = models.CharField(
        _("description of the picture in Welsh"), max_length=200, blank=True
    )

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["brief", "position"], name="easyread_brief_position")]
        constraints = [
            models.CheckConstraint(
                condition=Q(picture="") | ~Q(alt_text=""), name="easyread_picture_has_alt_text"
            ),
            models.CheckConstraint(
                condition=Q(picture="") | Q(picture__in=[p.value for p in Pictogram]),
                name="easyread_picture_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class State(models.TextChoices):
    RECEIVED = "received", _("Received")
    SCREENED = "screened", _("Screened")
    INVITED = "invited", _("Invited to join")
    NOT_THIS_TIME = "not_this_time", _("Not this time")
    MEMBER = "member", _("Member")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class GuardianConsentHow(models.TextChoices):
    IN_WRITING = "in_writing", _("In writing (a letter or a signed form)")
    EMAIL = "email", _("By email")
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")


class ExpressionOfInterest(models.Model):
    """A person answering a brief, and what screening found. One per person per brief."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="expressions")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="expressions_of_interest"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.RECEIVED)
    why = personal(models.TextField(_("why they are interested")))
    preferred_channel = models.CharField(
        _("how they prefer to be contacted"), max_length=10, choices=Channel.choices
    )
    under_18 = models.BooleanField(_("under 18"), default=False)
    # The person was not known before: they registered by answering this brief.
    registered_through_brief = models.BooleanField(default=False)
    # Lower-case email and digits-only phone given with the answer, to spot a second answer.
    email_key = models.CharField(max_length=254, blank=True)
    phone_key = models.CharField(max_length=20, blank=True)
    received_at = models.DateTimeField()

    genuine_carer = models.BooleanField(_("genuine carer"), null=True, blank=True)
    genuine_carer_note = personal(models.TextField(_("how you know"), blank=True))
    safeguarding_notes = personal(models.TextField(_("safeguarding notes"), blank=True))
    screened_at = models.DateTimeField(null=True, blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    guardian_name = personal(
        models.CharField(_("parent or guardian's name"), max_length=200, blank=True)
    )
    guardian_consent_how = models.CharField(
        _("how they gave consent"), max_length=20, choices=GuardianConsentHow.choices, blank=True
    )
    guardian_consent_on = models.DateField(_("date consent was given"), null=True, blank=True)
    decline_reason = personal(models.TextField(_("reason"), blank=True))
    group_role = models.CharField(
        _("role in the group"), max_length=20, choices=GroupRole.choices, blank=True
    )

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [
            models.Index(fields=["brief", "received_at"], name="expression_brief_received"),
            models.Index(fields=["brief", "email_key"], name="expression_brief_email"),
            models.Index(fields=["brief", "phone_key"], name="expression_brief_phone"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["brief", "person"], name="one_expression_per_person"),
            models.CheckConstraint(
                condition=Q(state__in=[s.value for s in State]), name="expression_state_valid"
            ),
            models.CheckConstraint(
                condition=~Q(state=State.NOT_THIS_TIME) | ~Q(decline_reason=""),
                name="expression_not_this_time_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=[State.INVITED, State.MEMBER], under_18=True)
                | ~Q(guardian_name=""),
                name="expression_under_18_invited_with_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} for {self.brief}"

    @property
    def has_guardian_consent(self) -> bool:
        return bool(self.guardian_name and self.guardian_consent_how and self.guardian_consent_on)


class StateChange(models.Model):
    """Every move of an expression of interest: who, when, from, to, and a note."""

    expression = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="history"
    )
    from_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=State.choices)
    note = personal(models.TextField(blank=True))
    # Nobody when the person answered the brief themselves.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [
            models.Index(fields=["expression", "changed_at"], name="statechange_expression_at")
        ]

    def __str__(self) -> str:
        return f"{self.expression_id}: {self.from_state} to {self.to_state}"
