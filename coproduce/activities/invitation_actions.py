"""Verbs for invitations: invite, reply, the waiting list, support, attendance, reminders,
follow-ups, and telling people when an activity moves or is cancelled.

Every message goes through `notifications.actions.notify`, keyed so that it is sent once:
`activities.<activity>.<what>.<person or invitation>...`. The keys all start with the
activity, so the invitations page finds the messages that could not be sent in one query.
"""

import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.activities import calendar
from coproduce.activities import invitation_rules as rules
from coproduce.activities.models import (
    Activity,
    ActivityChange,
    ActivityStatus,
    ChangeKind,
    FollowUpReply,
    Invitation,
    Reply,
)
from coproduce.activities.signals import follow_up_received
from coproduce.notifications.actions import Preview, notify, preview
from coproduce.notifications.models import Message, Status
from coproduce.people.models import Person
from coproduce.tenancy.models import Organisation

INVITATION_SALT = "activities.invitation"
CALENDAR_SALT = "activities.calendar"
LINK_LIFETIME = timedelta(days=400)
# Reminders are looked for this far ahead; reminder days beyond it are not sent.
REMINDER_HORIZON_DAYS = 60
# Activities longer than this are not followed up on time (none are, in practice).
LONGEST_ACTIVITY_DAYS = 7
GIVEN = {
    "pre_brief": "pre_brief_given_at",
    "de_brief": "de_brief_given_at",
    "other_way": "other_way_followed_up_at",
}


class NotScheduled(Exception):
    """Only a scheduled activity, with a date, can have people invited to it."""


# --- Links -------------------------------------------------------------------------------


def token(invitation: Invitation, salt: str = INVITATION_SALT) -> str:
    return signing.dumps(invitation.pk, salt=salt)


def invitation_from_token(value: str, salt: str = INVITATION_SALT) -> Invitation | None:
    """The invitation a signed link is for: None if the link was not made by us, is too
    old, or its invitation (or person) has gone."""
    try:
        pk = signing.loads(value, salt=salt, max_age=LINK_LIFETIME)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return (
        Invitation.objects.select_related(
            "activity__project__organisation", "activity__project__coordinator", "person"
        )
        .filter(pk=pk, person__erased_at=None)
        .first()
    )


def reply_path(invitation: Invitation) -> str:
    return reverse("activities:invitation-reply", args=[token(invitation)])


def calendar_path(invitation: Invitation) -> str:
    return reverse("activities:invitation-calendar", args=[token(invitation, CALENDAR_SALT)])


def follow_up_path(invitation: Invitation) -> str:
    return reverse("activities:invitation-follow-up", args=[token(invitation)])


# --- Messages ----------------------------------------------------------------------------


def message_context(invitation: Invitation, activity: Activity, **extra: Any) -> dict[str, Any]:
    """What every activity message needs: the details, and the links to reply and to the
    calendar file. The place and support are written when the message is, in the
    person's language."""
    return {
        "activity": activity,
        "invitation": invitation,
        "organisation": activity.project.organisation,
        "ends_at": rules.ends_at(activity),
        "when": rules.when,
        "place_lines": rules.place_lines,
        "support_lines": rules.support_lines,
        "access_lines": rules.access_lines,
        "arranged_lines": rules.arranged_lines,
        "reply_link": settings.SITE_URL + reply_path(invitation),
        "calendar_link": settings.SITE_URL + calendar_path(invitation),
        **extra,
    }


def _tell(invitation: Invitation, activity: Activity, what: str, key: str, **extra: Any) -> Message:
    return notify(
        invitation.person,
        f"activities.{what}",
        f"activities_{what}",
        message_context(invitation, activity, **extra),
        idempotency_key=f"activities.{activity.pk}.{what}.{key}",
    )


def messages_not_sent(activity: Activity) -> QuerySet[Message]:
    """Messages about this activity that staff must deliver themselves (phone or write)."""
    return Message.objects.filter(
        idempotency_key__startswith=f"activities.{activity.pk}.",
        status__in=[Status.PHONE_CALL_NEEDED, Status.FAILED],
        dealt_with_at=None,
    )


def calendar_file(invitation: Invitation, now: datetime | None = None) -> str:
    """The calendar entry as this person's calendar should hold it."""
    activity = invitation.activity
    coordinator = activity.project.coordinator
    organiser = calendar.Organiser(
        name=activity.project.organisation.name,
        email=coordinator.email or settings.DEFAULT_FROM_EMAIL,
    )
    lines = [*rules.place_lines(activity), "", *rules.support_lines(activity, invitation)]
    if activity.description:
        lines = [activity.description, "", *lines]
    return calendar.build(
        activity,
        organiser=organiser,
        description="\n".join(lines),
        invitation=invitation,
        now=now or timezone.now(),
    )


# --- Inviting ----------------------------------------------------------------------------


def group_members(activity: Activity) -> QuerySet[Person]:
    """The project's current group: everyone who has not left (and is not erased)."""
    return Person.objects.filter(
        project_memberships__project_id=activity.project_id,
        project_memberships__left_on=None,
        erased_at=None,
    ).order_by("full_name", "pk")


def preview_invitation(activity: Activity, person: Person) -> list[Preview]:
    """The invitation as `person` would get it by email, text and letter, in their
    language, without sending or storing anything. Someone not invited yet is shown it
    with links that will work once they are."""
    invitation = Invitation.objects.filter(activity=activity, person=person).first()
    if invitation is None:
        invitation = Invitation(activity=activity, person=person)
    return preview(person, "activities_invitation", message_context(invitation, activity))


def send_invitation(invitation: Invitation, activity: Activity) -> Message:
    """Once per person per version of the activity (its sequence)."""
    return _tell(invitation, activity, "invitation", f"{invitation.person_id}.{activity.sequence}")


@transaction.atomic
def invite(activity: Activity, people: Iterable[Person]) -> list[Invitation]:
    """Invite people (one invitation each, however often they are invited) and tell them."""
    if activity.status != ActivityStatus.SCHEDULED or activity.starts_at is None:
        raise NotScheduled(activity.pk)
    chosen = [p.pk for p in people]
    Invitation.objects.bulk_create(
        [Invitation(activity=activity, person_id=pk) for pk in chosen], ignore_conflicts=True
    )
    invitations = list(
        activity.invitations.filter(person_id__in=chosen).select_related("person__carer_profile")
    )
    for invitation in invitations:
        send_invitation(invitation, activity)
    return invitations


# --- Replies and the waiting list --------------------------------------------------------


def fill_places(activity: Activity, now: datetime | None = None) -> list[Invitation]:
    """Give free places to the people who have waited longest, and tell them.

    Call inside a transaction holding the activity's row lock (`record_reply` does;
    so should anything that adds places)."""
    now = now or timezone.now()
    coming = activity.invitations.filter(reply=Reply.COMING).count()
    waiting = list(
        activity.invitations.filter(reply=Reply.WAITING_LIST)
        .select_related("person__carer_profile")
        .order_by("waiting_since", "pk")
    )
    offered = waiting[: rules.places_to_offer(activity.capacity, coming, len(waiting))]
    for invitation in offered:
        invitation.reply, invitation.waiting_since = Reply.COMING, None
        invitation.reply_version += 1
        invitation.save(update_fields=["reply", "waiting_since", "reply_version"])
        _tell(invitation, activity, "place_offered", reply_key(invitation))
    return offered


@transaction.atomic
def record_reply(
    invitation: Invitation,
    *,
    reply: str,
    other_way: str = "",
    replacement_care_needed: bool = False,
    travel_needed: bool = False,
    needs_notes: str = "",
    answers: dict[str, str] | None = None,
    by: User | None = None,
    now: datetime | None = None,
) -> Invitation:
    """Record a reply (the person's own, or taken by staff on their behalf) and confirm it.

    The activity row is locked first, so two people replying at once for the last place
    cannot both get it: the second goes on the waiting list. Someone giving up a place
    hands it to whoever has waited longest, who is told straight away.
    """
    now = now or timezone.now()
    activity = (
        Activity.objects.select_for_update(of=("self",))
        .select_related("project__organisation", "project__coordinator")
        .get(pk=invitation.activity_id)
    )
    locked = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("person__carer_profile")
        .get(pk=invitation.pk)
    )
    was = locked.reply
    before = reply_state(locked)
    others = activity.invitations.filter(reply=Reply.COMING).exclude(pk=locked.pk).count()
    locked.reply = rules.reply_for_place(reply, activity.capacity, others)
    if locked.reply != Reply.WAITING_LIST:
        locked.waiting_since = None
    elif was != Reply.WAITING_LIST or locked.waiting_since is None:
        locked.waiting_since = now
    locked.other_way = other_way if reply == Reply.ANOTHER_WAY else ""
    locked.replacement_care_needed = replacement_care_needed
    locked.travel_needed = travel_needed
    locked.needs_notes = needs_notes
    locked.registration_answers = answers or {}
    if reply_state(locked) == before:
        return locked  # the same reply again (a retry): nothing changes, nothing is sent
    locked.replied_at, locked.replied_by = now, by
    locked.reply_version += 1
    locked.save()
    if was == Reply.COMING and locked.reply != Reply.COMING:
        fill_places(activity, now)
    _tell(locked, activity, "reply", reply_key(locked))
    return locked


def reply_state(invitation: Invitation) -> tuple[Any, ...]:
    """Everything a reply says, to tell a changed reply from the same one sent again."""
    return (
        invitation.reply,
        invitation.waiting_since,
        invitation.other_way,
        invitation.replacement_care_needed,
        invitation.travel_needed,
        invitation.needs_notes,
        invitation.registration_answers,
    )


def reply_key(invitation: Invitation) -> str:
    """The message about this version of the reply: the same whenever it is sent again."""
    return f"{invitation.pk}.v{invitation.reply_version}"


def record_support(
    invitation: Invitation, *, replacement_care_arranged: str, travel_arranged: str
) -> Invitation:
    """Note the replacement care and travel arranged, and tell the person when it changes."""
    before = Invitation.objects.filter(pk=invitation.pk).values_list(
        "replacement_care_arranged", "travel_arranged"
    )
    changed = before.get() != (replacement_care_arranged, travel_arranged)
    invitation.replacement_care_arranged = replacement_care_arranged
    invitation.travel_arranged = travel_arranged
    with transaction.atomic():
        invitation.save(update_fields=["replacement_care_arranged", "travel_arranged"])
        if changed and (replacement_care_arranged or travel_arranged):
            digest = hashlib.sha256(
                f"{replacement_care_arranged}\n{travel_arranged}".encode()
            ).hexdigest()[:16]
            _tell(invitation, invitation.activity, "support", f"{invitation.pk}.{digest}")
    return invitation


def record_given(invitation: Invitation, what: str, now: datetime | None = None) -> bool:
    """Record that a pre-brief or de-brief was given, or the other way followed up. Once:
    False if it had already been recorded."""
    field = GIVEN[what]
    updated = Invitation.objects.filter(pk=invitation.pk, **{f"{field}__isnull": True}).update(
        **{field: now or timezone.now()}
    )
    return updated == 1


# --- Attendance --------------------------------------------------------------------------


@transaction.atomic
def record_attendance(activity: Activity, marks: dict[int, int | None]) -> int:
    """The register: `marks` maps each invitation that attended to its minutes (None for
    the whole activity); everyone else invited did not attend. Returns how many came."""
    invitations = list(activity.invitations.select_for_update(of=("self",)))
    for invitation in invitations:
        attended = invitation.pk in marks
        invitation.attended = attended
        minutes = marks.get(invitation.pk)
        invitation.attended_minutes = (
            (minutes if minutes is not None else activity.duration_minutes) if attended else None
        )
    Invitation.objects.bulk_update(invitations, ["attended", "attended_minutes"])
    return len(marks)


def check_in(invitation: Invitation) -> None:
    """The person says they are here: attended, for the whole activity unless staff have
    already recorded otherwise."""
    Invitation.objects.filter(pk=invitation.pk).update(
        attended=True,
        attended_minutes=Coalesce("attended_minutes", invitation.activity.duration_minutes),
    )


# --- Reminders and follow-ups (run by tasks) ---------------------------------------------


def send_reminders(now: datetime) -> int:
    """Remind people coming, not yet replied, or waiting for a place, at each of the
    activity's reminder days. Safe to run any number of times: one message per person
    per reminder day per version of the activity."""
    activities = Activity.objects.filter(
        status=ActivityStatus.SCHEDULED,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(days=REMINDER_HORIZON_DAYS),
    ).select_related("project__organisation", "project__coordinator")
    due = 0
    for activity in activities:
        assert activity.starts_at is not None
        days = rules.reminder_days(activity)
        invitations = activity.invitations.filter(
            reply__in=rules.REMINDED_REPLIES, person__erased_at=None
        ).select_related("person__carer_profile")
        for invitation in invitations:
            day = rules.reminder_due(activity.starts_at, days, invitation.created_at, now)
            if day is None:
                continue
            key = f"{invitation.person_id}.{day}.{activity.sequence}"
            _tell(invitation, activity, "reminder", key, days=day)
            due += 1
    return due


def send_follow_ups(now: datetime) -> int:
    """Reach out to everyone invited to a meeting, `follow_up_days` after it ended (per
    organisation), asking how it went. Each invitation claims itself, so once only."""
    sent = 0
    for organisation_id, days in Organisation.objects.values_list("pk", "follow_up_days"):
        latest_start = now - timedelta(days=days)
        earliest_start = latest_start - timedelta(
            days=rules.FOLLOW_UP_WINDOW_DAYS + LONGEST_ACTIVITY_DAYS
        )
        invitations = Invitation.objects.filter(
            activity__project__organisation_id=organisation_id,
            activity__status=ActivityStatus.SCHEDULED,
            activity__starts_at__range=(earliest_start, latest_start),
            follow_up_sent_at=None,
            person__erased_at=None,
        ).select_related(
            "activity__project__organisation",
            "activity__project__coordinator",
            "person__carer_profile",
        )
        for invitation in invitations:
            if not rules.follow_up_due(rules.ends_at(invitation.activity), days, now):
                continue
            with transaction.atomic():
                claimed = Invitation.objects.filter(
                    pk=invitation.pk, follow_up_sent_at=None
                ).update(follow_up_sent_at=now)
                if claimed != 1:
                    continue
                _tell(
                    invitation,
                    invitation.activity,
                    "follow_up",
                    str(invitation.person_id),
                    follow_up_link=settings.SITE_URL + follow_up_path(invitation),
                )
            sent += 1
    return sent


@transaction.atomic
def record_follow_up_reply(invitation: Invitation, text: str) -> FollowUpReply:
    """Keep the reply as written; it becomes a contribution to the project at once (the
    contributions app receives `follow_up_received`)."""
    reply = FollowUpReply.objects.create(invitation=invitation, text=text)
    follow_up_received.send(sender=FollowUpReply, reply=reply)
    return reply


# --- Changes made by the activity's planners ---------------------------------------------


def tell_invitees_changed(activity: Activity, change: ActivityChange) -> int:
    """Tell everyone invited that the activity has been scheduled, moved or cancelled, with
    the new details and an updated calendar file (a higher SEQUENCE, or a CANCEL).

    Called by the planning actions after they save `activity` (with its new sequence) and
    `change`. Once per person per change."""
    activity = Activity.objects.select_related("project__organisation", "project__coordinator").get(
        pk=activity.pk
    )
    what = "cancelled" if change.kind == ChangeKind.CANCELLED else "changed"
    invitations = list(
        activity.invitations.filter(person__erased_at=None).select_related("person__carer_profile")
    )
    for invitation in invitations:
        _tell(
            invitation,
            activity,
            what,
            f"{change.pk}.{invitation.person_id}.{activity.sequence}",
            change=change,
        )
    return len(invitations)
