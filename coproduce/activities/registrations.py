"""What activities add to the apps below them, registered when the app starts
(ActivitiesConfig.ready): the person's invitations (with the support arranged for them and
what they said afterwards), the times they could make and the activities they led, in their
download; on erasure the notes about their needs go. Replies, attendance and roles stay, as
counts: they say nothing once the person's own record is blanked."""

from datetime import datetime
from typing import Any

from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.activities.models import (
    Activity,
    ActivityLead,
    ActivityStatus,
    AgendaItem,
    AgendaStatus,
    FollowUpReply,
    Invitation,
    LeadRole,
    OtherWay,
    Reply,
    SlotAnswer,
)
from coproduce.people import personal_data
from coproduce.people.models import Person
from coproduce.projects.extensions import Upcoming
from coproduce.projects.models import Project


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def upcoming(project: Project, now: datetime) -> Upcoming | None:
    """The group's next activity: the soonest still to come, else one still finding a time
    (one query). For the plain summary of the project that carers see."""
    coming = Q(status=ActivityStatus.SCHEDULED, starts_at__gt=now) | Q(
        status=ActivityStatus.FINDING_A_TIME
    )
    found = (
        Activity.objects.filter(coming, project=project)
        .order_by(F("starts_at").asc(nulls_last=True), "pk")
        .only("pk", "title", "starts_at")
        .first()
    )
    if found is None:
        return None
    link = reverse("activities:activity", args=[found.pk])
    return Upcoming(title=found.title, starts_at=found.starts_at, link=link)


def invitations(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = (
        Invitation.objects.filter(person=person)
        .select_related("activity")
        .prefetch_related(
            Prefetch("follow_up_replies", queryset=FollowUpReply.objects.order_by("pk"))
        )
        .order_by("pk")
    )
    return [
        {
            "activity": i.activity.title,
            "starts_at": _when(i.activity.starts_at),
            "reply": i.reply,
            "other_way": i.other_way,
            "replied_at": _when(i.replied_at),
            "registration_answers": i.registration_answers,
            "replacement_care_needed": i.replacement_care_needed,
            "replacement_care_arranged": i.replacement_care_arranged,
            "travel_needed": i.travel_needed,
            "travel_arranged": i.travel_arranged,
            "needs_notes": i.needs_notes,
            "attended": i.attended,
            "attended_minutes": i.attended_minutes,
            "cancellation_cost": str(i.cancellation_cost),
            "cancellation_cost_note": i.cancellation_cost_note,
            "follow_up_replies": [r.text for r in i.follow_up_replies.all()],
        }
        for i in theirs
    ]


def forget_needs(person: Person) -> None:
    """The notes about the person's needs go; what they said afterwards goes with their
    contributions (contributions.actions.forget_contributions)."""
    Invitation.objects.filter(person=person).update(
        registration_answers={},
        replacement_care_arranged="",
        travel_arranged="",
        needs_notes="",
        cancellation_cost_note="",
    )
    FollowUpReply.objects.filter(invitation__person=person).update(text=personal_data.REMOVED)


def times(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = SlotAnswer.objects.filter(person=person).select_related("slot__activity")
    return [
        {
            "activity": a.slot.activity.title,
            "time": a.slot.starts_at.isoformat(),
            "can_make": a.can_make,
        }
        for a in theirs.order_by("slot__starts_at", "pk")
    ]


def led(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = ActivityLead.objects.filter(person=person).select_related("activity")
    return [{"activity": lead.activity.title, "role": lead.role} for lead in theirs.order_by("pk")]


def agenda_items(person: Person, on_behalf: bool) -> list[dict[str, Any]]:
    theirs = AgendaItem.objects.filter(suggested_by=person) | AgendaItem.objects.filter(
        led_by=person
    )
    return [
        {
            "activity": item.activity.title,
            "title": item.title,
            "details": item.details,
            "status": item.status,
            "wants_to_lead": item.wants_to_lead,
            "leads_it": item.led_by_id == person.pk,
            "decline_reason": item.decline_reason,
        }
        for item in theirs.select_related("activity").order_by("pk")
    ]


def forget_agenda_suggestions(person: Person) -> None:
    """Suggestions still waiting or declined go; an item on the agenda stays the group's, no
    longer linked to who suggested it (that they led it stays, as a count)."""
    suggested = AgendaItem.objects.filter(suggested_by=person)
    suggested.exclude(status=AgendaStatus.ACCEPTED).delete()
    suggested.update(suggested_by=None)


def keep_for_counts(person: Person) -> None:
    """Nothing to forget: the row holds no words, only that a now nameless person took part."""


def register() -> None:
    personal_data.register(
        personal_data.PersonalData(
            "invitations",
            invitations,
            forget_needs,
            ("activities.Invitation", "activities.FollowUpReply"),
            title=_("Invitations to activities"),
            labels={
                "activity": _("Activity"),
                "starts_at": _("Starts"),
                "reply": _("Reply"),
                "other_way": _("Taking part another way"),
                "replied_at": _("Replied"),
                "registration_answers": _("Answers when registering"),
                "replacement_care_needed": _("Needs replacement care"),
                "replacement_care_arranged": _("Replacement care arranged"),
                "travel_needed": _("Needs travel"),
                "travel_arranged": _("Travel arranged"),
                "needs_notes": _("Other needs for this activity"),
                "attended": _("Attended"),
                "attended_minutes": _("Minutes attended"),
                "cancellation_cost": _("Costs already incurred"),
                "cancellation_cost_note": _("What the costs were for"),
                "follow_up_replies": _("What you told us afterwards"),
            },
            choices={"reply": Reply, "other_way": OtherWay},
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "times_you_could_make",
            times,
            keep_for_counts,
            ("activities.SlotAnswer",),
            title=_("Times you could make"),
            labels={"activity": _("Activity"), "time": _("Time"), "can_make": _("Can make it")},
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "activities_led",
            led,
            keep_for_counts,
            ("activities.ActivityLead",),
            title=_("Activities you led or helped run"),
            labels={"activity": _("Activity"), "role": _("Role")},
            choices={"role": LeadRole},
        )
    )
    personal_data.register(
        personal_data.PersonalData(
            "agenda_items",
            agenda_items,
            forget_agenda_suggestions,
            ("activities.AgendaItem",),
            title=_("Agenda items you suggested or led"),
            labels={
                "activity": _("Activity"),
                "title": _("Item"),
                "details": _("More about it"),
                "status": _("What became of it"),
                "wants_to_lead": _("Would like to lead it"),
                "leads_it": _("You lead it"),
                "decline_reason": _("Why it was not taken forward"),
            },
            choices={"status": AgendaStatus},
        )
    )
