"""Pure decisions about invitations: places, reminders, follow-ups and what to tell people.

No writes and no request: every function takes what it needs and answers.
"""

import hmac
from datetime import datetime, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.activities.models import (
    Activity,
    ActivityStatus,
    Format,
    Invitation,
    OtherWay,
    Reply,
)
from coproduce.activities.rules import outside_availability
from coproduce.people.models import AccessNeed, Availability, CarerProfile, Person

DEFAULT_REMINDER_DAYS = (7, 1)
# A follow-up not sent within this many days of falling due is not sent at all: nobody
# wants to be asked how a meeting went a month later (or when the feature is switched on).
FOLLOW_UP_WINDOW_DAYS = 14
# Replies that hold (or wait for) a place, and so get reminders.
REMINDED_REPLIES = (Reply.COMING, Reply.WAITING, Reply.WAITING_LIST)
# People can check themselves in from this long before the start (arriving early, or a
# pre-brief) until the activity ends; after that only staff change the register.
CHECK_IN_OPENS_BEFORE = timedelta(hours=1)


def ends_at(activity: Activity) -> datetime:
    assert activity.starts_at is not None
    return activity.starts_at + timedelta(minutes=activity.duration_minutes)


def clock(moment: datetime) -> str:
    """A time the GOV.UK way, in Europe/London: 10:30am, 2pm."""
    local = timezone.localtime(moment)
    return formats.date_format(local, "g:iA").lower().replace(":00", "")


def when(activity: Activity) -> str:
    """Tuesday 5 January 2027, 10:30am to 12:30pm (in the active language)."""
    assert activity.starts_at is not None
    start = timezone.localtime(activity.starts_at)
    end = timezone.localtime(ends_at(activity))
    day = formats.date_format(start, "l j F Y")
    if end.date() != start.date():
        return _("%(day)s, %(start)s to %(end_day)s, %(end)s") % {
            "day": day,
            "start": clock(start),
            "end_day": formats.date_format(end, "l j F Y"),
            "end": clock(end),
        }
    return _("%(day)s, %(start)s to %(end)s") % {
        "day": day,
        "start": clock(start),
        "end": clock(end),
    }


def duration(minutes: int) -> str:
    """How long, in words: "2 hours 30 minutes", "1 hour", "45 minutes"."""
    hours, rest = divmod(minutes, 60)
    hours_text = ngettext("%(num)s hour", "%(num)s hours", hours) % {"num": hours}
    minutes_text = ngettext("%(num)s minute", "%(num)s minutes", rest) % {"num": rest}
    if hours and rest:
        return _("%(hours)s %(minutes)s") % {"hours": hours_text, "minutes": minutes_text}
    return hours_text if hours else minutes_text


def reply_for_place(wanted: str, capacity: int | None, others_coming: int) -> str:
    """The reply to record: someone who wants to come when every place is taken goes on
    the waiting list. `others_coming` leaves out the person replying."""
    if wanted == Reply.COMING and capacity is not None and others_coming >= capacity:
        return Reply.WAITING_LIST
    return wanted


def places_to_offer(capacity: int | None, coming: int, waiting: int) -> int:
    """How many people on the waiting list can now be given a place."""
    if capacity is None:
        return waiting
    return max(0, min(capacity - coming, waiting))


def reminder_days(activity: Activity) -> list[int]:
    """The activity's reminder days (most distant first), or the default 7 and 1."""
    days = [int(d) for d in activity.reminder_days if int(d) > 0] or list(DEFAULT_REMINDER_DAYS)
    return sorted(set(days), reverse=True)


def reminder_due(
    starts_at: datetime, days: list[int], invited_at: datetime, now: datetime
) -> int | None:
    """Which reminder to send now, if any: the nearest of `days` whose time has come.

    None before the first reminder time, once the activity has started, and when the
    person was invited after that reminder time (their invitation already said it all).
    """
    come = [d for d in days if starts_at - timedelta(days=d) <= now < starts_at]
    if not come:
        return None
    nearest = min(come)
    if invited_at >= starts_at - timedelta(days=nearest):
        return None
    return nearest


def follow_up_due(ended_at: datetime, follow_up_days: int, now: datetime) -> bool:
    """Reach out `follow_up_days` after the meeting ended, and not long after that."""
    due_at = ended_at + timedelta(days=follow_up_days)
    return due_at <= now < due_at + timedelta(days=FOLLOW_UP_WINDOW_DAYS)


def check_in_code_matches(expected: str, typed: str) -> bool:
    """Codes are compared without case or spaces, in constant time."""

    def tidy(code: str) -> bytes:
        return "".join(code.split()).upper().encode()

    return bool(expected.strip()) and hmac.compare_digest(tidy(expected), tidy(typed))


def is_online(activity: Activity) -> bool:
    return activity.format in (Format.ONLINE, Format.HYBRID)


def is_in_person(activity: Activity) -> bool:
    return activity.format in (Format.IN_PERSON, Format.HYBRID)


def place_lines(activity: Activity) -> list[str]:
    """Where: the venue and its address, how to join online, or that it is by phone."""
    lines: list[str] = []
    if is_in_person(activity):
        lines.extend(line for line in [activity.venue_name, activity.venue_address] if line)
    if is_online(activity):
        lines.append(
            _("Online: %(details)s")
            % {"details": activity.joining_details or _("we will send joining details")}
        )
    if activity.format == Format.PHONE:
        lines.append(_("By phone: we will call you"))
    return lines


def location(activity: Activity) -> str:
    """One line for a calendar: the venue, or "Online"."""
    if is_in_person(activity) and (activity.venue_name or activity.venue_address):
        return ", ".join(
            part for part in [activity.venue_name, " ".join(activity.venue_address.split())] if part
        )
    if activity.format == Format.PHONE:
        return _("By phone")
    return _("Online")


def support_lines(activity: Activity, invitation: Invitation | None = None) -> list[str]:
    """The support offered, and what has been arranged for this person.

    Called while a message is written, in the person's language."""
    lines: list[str] = []
    if invitation is not None and invitation.replacement_care_arranged:
        lines.append(
            _("Replacement care arranged: %(details)s")
            % {"details": invitation.replacement_care_arranged}
        )
    elif invitation is not None and invitation.replacement_care_needed:
        lines.append(_("Replacement care: we are arranging it and will confirm with you"))
    else:
        lines.append(_("Replacement care: we can arrange or pay for it so you can take part"))
    if is_in_person(activity):
        if invitation is not None and invitation.travel_arranged:
            lines.append(
                _("Travel arranged: %(details)s") % {"details": invitation.travel_arranged}
            )
        elif invitation is not None and invitation.travel_needed:
            lines.append(_("Travel: we are arranging it and will confirm with you"))
        else:
            lines.append(_("Travel: we can arrange it or pay your costs"))
        if activity.refreshments:
            lines.append(_("Refreshments are provided"))
    if activity.me_time:
        lines.append(_("Time for you: %(details)s") % {"details": activity.me_time})
    if activity.pre_brief_offered:
        lines.append(_("A chat beforehand (pre-brief) to explain what will happen"))
    if activity.de_brief_offered:
        lines.append(_("A chat afterwards (de-brief) to talk it over"))
    return lines


# The venue's answers about access, in the order people read them, with the need (on a
# carer's profile) each one meets.
VENUE_ACCESS = (
    ("step_free", AccessNeed.STEP_FREE),
    ("hearing_loop", AccessNeed.HEARING_LOOP),
    ("accessible_toilet", AccessNeed.ACCESSIBLE_TOILET),
    ("quiet_room", AccessNeed.QUIET_ROOM),
    ("parking", None),
)


def _venue_answer(field: str, answer: bool | None) -> str:
    labels = {
        "step_free": (
            _("Step-free access: yes"),
            _("Step-free access: no"),
            _("Step-free access: we are finding out"),
        ),
        "hearing_loop": (
            _("Hearing loop: yes"),
            _("Hearing loop: no"),
            _("Hearing loop: we are finding out"),
        ),
        "accessible_toilet": (
            _("Accessible toilet: yes"),
            _("Accessible toilet: no"),
            _("Accessible toilet: we are finding out"),
        ),
        "quiet_room": (
            _("Quiet room: yes"),
            _("Quiet room: no"),
            _("Quiet room: we are finding out"),
        ),
        "parking": (
            _("Parking: yes"),
            _("Parking: no"),
            _("Parking: we are finding out"),
        ),
    }
    yes, no, unknown = labels[field]
    return unknown if answer is None else yes if answer else no


def access_lines(activity: Activity) -> list[str]:
    """The venue's answers about access (in person and hybrid only): step-free access,
    hearing loop, accessible toilet, quiet room and parking, and anything more about it."""
    if not is_in_person(activity):
        return []
    lines = [_venue_answer(field, getattr(activity, field)) for field, _need in VENUE_ACCESS]
    if activity.access_notes:
        lines.append(activity.access_notes)
    return lines


def arranged_lines(activity: Activity, invitation: Invitation | None) -> list[str]:
    """What this person told us they need, and whether the venue has it or what we do
    about it. Nothing for a message not addressed to one person."""
    if invitation is None:
        return []
    profile: CarerProfile | None = getattr(invitation.person, "carer_profile", None)
    needs = set(profile.access_needs if profile else [])
    lines: list[str] = []
    in_person = is_in_person(activity)
    for field, need in VENUE_ACCESS:
        if not in_person or need is None or need not in needs:
            continue
        label = str(AccessNeed(need).label)
        answer = getattr(activity, field)
        if answer:
            lines.append(_("You need: %(need)s. The venue has it.") % {"need": label})
        elif answer is False:
            lines.append(
                _(
                    "You need: %(need)s. The venue does not have it: we will call you to arrange another way."
                )
                % {"need": label}
            )
        else:
            lines.append(
                _("You need: %(need)s. We are checking with the venue and will tell you.")
                % {"need": label}
            )
    for need in (
        AccessNeed.BSL,
        AccessNeed.INTERPRETER,
        AccessNeed.LARGE_PRINT,
        AccessNeed.EASY_READ,
    ):
        if need in needs:
            lines.append(_("You need: %(need)s. We will arrange it.") % {"need": str(need.label)})
    if profile and profile.access_needs_other:
        lines.append(_("You told us: %(notes)s") % {"notes": profile.access_needs_other})
    if profile and profile.interpreter_language:
        lines.append(
            _("Interpreter language: %(language)s") % {"language": profile.interpreter_language}
        )
    if invitation.needs_notes:
        lines.append(_("You told us: %(notes)s") % {"notes": invitation.needs_notes})
    return lines


def availability_warning(availability: list[str], outside: list[Availability]) -> str:
    """Why an invitation may not suit someone, in plain words for staff."""
    names = dict(Availability.choices)
    return _("Told us they are free: %(free)s. This activity is at: %(outside)s.") % {
        "free": ", ".join(str(names[a]).lower() for a in Availability.values if a in availability),
        "outside": ", ".join(str(period.label).lower() for period in outside),
    }


def outside_availability_of(activity: Activity, person: Person) -> str | None:
    """A warning when `activity` falls outside the times `person` told us they are free."""
    assert activity.starts_at is not None
    profile: CarerProfile | None = getattr(person, "carer_profile", None)
    availability = list(profile.availability) if profile else []
    outside = outside_availability(activity.starts_at, activity.duration_minutes, availability)
    return availability_warning(availability, outside) if outside else None


def other_way_choices(activity: Activity) -> list[tuple[str, str]]:
    """The other ways this activity offers, in the order of OtherWay."""
    offered = set(activity.other_ways)
    return [(way.value, str(way.label)) for way in OtherWay if way.value in offered]


def needs_answers(reply: str) -> bool:
    """Registration questions are asked of people taking part (on the day or another way)."""
    return reply != Reply.NOT_COMING


def can_reply(activity: Activity, now: datetime) -> bool:
    """Replies are taken while the activity is scheduled and has not yet ended."""
    return (
        activity.status == ActivityStatus.SCHEDULED
        and activity.starts_at is not None
        and now < ends_at(activity)
    )


def register_closed_because(activity: Activity, now: datetime) -> str | None:
    """Why the register cannot be taken now, or None when it can.

    Attendance is the evidence for paying people for their time, so it is only recorded
    for an activity that is scheduled and has started: not for one that is cancelled,
    still finding a time, or yet to happen."""
    if activity.status == ActivityStatus.CANCELLED:
        return _("This activity was cancelled, so nobody can be recorded as taking part.")
    if activity.status != ActivityStatus.SCHEDULED or activity.starts_at is None:
        return _("This activity does not have a date yet, so there is no register to take.")
    if now < activity.starts_at:
        return _("The register opens when the activity starts, on %(when)s.") % {
            "when": when(activity)
        }
    return None


def check_in_closed_because(activity: Activity, now: datetime) -> str | None:
    """Why people cannot check themselves in now, or None when they can: from
    CHECK_IN_OPENS_BEFORE the start until the activity ends, if it is going ahead."""
    if activity.status == ActivityStatus.CANCELLED:
        return _("This activity was cancelled, so there is nothing to check in to.")
    if activity.status != ActivityStatus.SCHEDULED or activity.starts_at is None:
        return _("This activity does not have a date yet.")
    if now < activity.starts_at - CHECK_IN_OPENS_BEFORE:
        return _("Check-in opens an hour before the activity starts, on %(when)s.") % {
            "when": when(activity)
        }
    if now >= ends_at(activity):
        return _("This activity has finished, so check-in is closed.")
    return None
