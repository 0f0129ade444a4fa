"""Activities: meetings, workshops and visits people take part in, and who took part."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.people.models import Person
from coproduce.projects.models import Project, Stage


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    WORKSHOP = "workshop", _("Workshop")
    FOCUS_GROUP = "focus_group", _("Focus group")
    CONSULTATION_DAY = "consultation_day", _("Consultation day")
    TRAINING = "training", _("Training")
    ONLINE = "online", _("Online session")
    VISIT = "visit", _("Home or phone visit")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid: in person and online")
    PHONE = "phone", _("By phone")


class ActivityStatus(models.TextChoices):
    FINDING_A_TIME = "finding", _("Finding a time")
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class OtherWay(models.TextChoices):
    """Ways to take part for people who cannot come on the day."""

    PHONE = "phone", _("A phone call at another time")
    VIDEO = "video", _("A video call at another time")
    WRITTEN = "written", _("Writing to us")
    VISIT = "visit", _("A visit")


class Activity(models.Model):
    # The texts with a Welsh twin `<name>_cy` (coproduce.lib.bilingual).
    TRANSLATED = ("title", "description")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    stage = models.CharField(
        _("project stage"),
        max_length=20,
        choices=Stage.choices,
        help_text=_("Set from the project."),
    )
    kind = models.CharField(_("kind of activity"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is for"), blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    description_cy = models.TextField(_("what it is for, in Welsh"), blank=True)
    format = models.CharField(_("how people take part"), max_length=20, choices=Format.choices)
    status = models.CharField(
        max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.FINDING_A_TIME
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=120)
    # Venue and its access details (in person and hybrid).
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    step_free = models.BooleanField(_("step-free access"), null=True)
    hearing_loop = models.BooleanField(_("hearing loop"), null=True)
    parking = models.BooleanField(_("parking"), null=True)
    accessible_toilet = models.BooleanField(_("accessible toilet"), null=True)
    quiet_room = models.BooleanField(_("quiet room"), null=True)
    access_notes = models.TextField(_("more about access"), blank=True)
    # Online and hybrid.
    joining_details = models.TextField(_("how to join online"), blank=True)
    refreshments = models.BooleanField(_("refreshments offered"), default=True)
    me_time = models.TextField(_("'me time' offered"), blank=True)
    pre_brief_offered = models.BooleanField(_("pre-brief offered"), default=True)
    de_brief_offered = models.BooleanField(_("de-brief offered"), default=True)
    other_ways = models.JSONField(_("other ways to take part"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"), null=True, blank=True)
    registration_questions = models.JSONField(default=list, blank=True)
    reminder_days = models.JSONField(_("reminders, days before"), default=list, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    notes = models.TextField(_("notes or minutes"), blank=True)
    check_in_code = models.CharField(max_length=12, blank=True)
    # iCalendar identity: the UID never changes; SEQUENCE goes up with every change sent.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(_("why it is cancelled"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name_plural = "activities"
        indexes = [models.Index(fields=["project", "starts_at"], name="activity_project_starts")]

    def __str__(self) -> str:
        return self.title


class LeadRole(models.TextChoices):
    CARER_LED = "carer_led", _("Leads (carer-led)")
    CO_FACILITATOR = "co_facilitator", _("Co-facilitates")
    STAFF_LEAD = "staff_lead", _("Leads (staff)")


class ActivityLead(models.Model):
    """Who leads and co-delivers an activity, per person: carers delivering is co-production."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="leads")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="activities_led")
    role = models.CharField(max_length=20, choices=LeadRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="one_lead_role_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_role_display()}"


class ChangeKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    MOVED = "moved", _("Moved")
    CANCELLED = "cancelled", _("Cancelled")


class ActivityChange(models.Model):
    """Scheduling, moving or cancelling, with the notice given. Short notice needs a reason."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    starts_at = models.DateTimeField(null=True, blank=True)
    previous_starts_at = models.DateTimeField(null=True, blank=True)
    notice_days = models.PositiveIntegerField()
    required_days = models.PositiveIntegerField()
    short_notice = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(short_notice=False) | ~models.Q(reason=""),
                name="short_notice_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.kind}"


class Reply(models.TextChoices):
    WAITING = "waiting", _("Not replied yet")
    COMING = "coming", _("Coming")
    NOT_COMING = "not_coming", _("Not coming")
    ANOTHER_WAY = "another_way", _("Taking part another way")
    WAITING_LIST = "waiting_list", _("On the waiting list")


class Invitation(models.Model):
    """One person invited to one activity: their reply, the support arranged, attendance."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="invitations")
    reply = models.CharField(max_length=20, choices=Reply.choices, default=Reply.WAITING)
    other_way = models.CharField(max_length=20, choices=OtherWay.choices, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Staff who recorded the reply on the person's behalf, or the person.",
    )
    waiting_since = models.DateTimeField(null=True, blank=True)
    # Goes up by one each time the reply changes (by the person, staff or a freed place):
    # what the messages about a reply are keyed on, so sending one again sends nothing.
    reply_version = models.PositiveIntegerField(default=0)
    registration_answers = models.JSONField(default=dict, blank=True)
    replacement_care_needed = models.BooleanField(_("needs replacement care"), default=False)
    replacement_care_arranged = models.TextField(_("replacement care arranged"), blank=True)
    travel_needed = models.BooleanField(_("needs travel"), default=False)
    travel_arranged = models.TextField(_("travel arranged"), blank=True)
    needs_notes = models.TextField(_("other needs for this activity"), blank=True)
    attended = models.BooleanField(null=True)
    attended_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    other_way_followed_up_at = models.DateTimeField(null=True, blank=True)
    pre_brief_given_at = models.DateTimeField(null=True, blank=True)
    de_brief_given_at = models.DateTimeField(null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    cancellation_cost = models.DecimalField(
        _("costs already incurred"), max_digits=8, decimal_places=2, default=Decimal("0")
    )
    cancellation_cost_note = models.TextField(_("what the costs were for"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "person"], name="one_invitation_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(cancellation_cost__gte=0), name="cancellation_cost_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} to {self.activity}"


class Slot(models.Model):
    """A time the coordinator proposes while finding a time."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("date and time"))

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "starts_at"], name="one_slot_per_time")
        ]

    def __str__(self) -> str:
        return f"{self.activity} at {self.starts_at:%Y-%m-%d %H:%M}"


class SlotAnswer(models.Model):
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="slot_answers")
    can_make = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["slot", "person"], name="one_answer_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.slot}"


class FollowUpReply(models.Model):
    """What someone told us after a meeting, answering the follow-up reach-out.

    Kept as written; the contributions feature turns these into contributions."""

    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, related_name="follow_up_replies"
    )
    text = models.TextField(_("anything to add"))
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_at", "pk"]

    def __str__(self) -> str:
        return f"Follow-up reply from {self.invitation}"


class AgendaStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Waiting for a decision")
    ACCEPTED = "accepted", _("On the agenda")
    DECLINED = "declined", _("Not taken forward")


class AgendaItem(models.Model):
    """One item on an activity's agenda, in order.

    Staff add items straight onto the agenda. A carer in the group may suggest one (and say
    they would like to lead it): it waits until staff put it on the agenda, letting the
    carer lead it or not, or decline it with a reason the carer sees."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("item"), max_length=200)
    details = models.TextField(_("more about it"), blank=True)
    position = models.PositiveIntegerField(default=0)
    status = models.CharField(
        max_length=20, choices=AgendaStatus.choices, default=AgendaStatus.ACCEPTED
    )
    suggested_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_suggestions",
    )
    wants_to_lead = models.BooleanField(_("would like to lead it"), default=False)
    led_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items_led"
    )
    decline_reason = models.TextField(_("why it is not taken forward"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["activity", "status", "position"], name="agenda_activity_status")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="declined_agenda_item_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.title
