"""Calendar files (RFC 5545 iCalendar, iTIP RFC 5546 methods) for invitations.

Every activity keeps one UID for life; its SEQUENCE goes up with every change sent, so a
calendar app replaces the event it already has (METHOD:REQUEST) or removes it
(METHOD:CANCEL, STATUS:CANCELLED). Times are local to Europe/London with the time zone
written out in the file (icalendar's `add_missing_timezones`), so they stay right across
the clocks changing. The icalendar library does the escaping and line folding.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings

from coproduce.activities import invitation_rules as rules
from coproduce.activities.models import Activity, ActivityStatus, Invitation, Reply

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Coproduce//Activities//EN"
PARTSTAT = {
    Reply.COMING: "ACCEPTED",
    Reply.NOT_COMING: "DECLINED",
    Reply.ANOTHER_WAY: "DECLINED",
    Reply.WAITING_LIST: "TENTATIVE",
    Reply.WAITING: "NEEDS-ACTION",
}


@dataclass(frozen=True)
class Organiser:
    name: str
    email: str


def method(activity: Activity) -> str:
    return "CANCEL" if activity.status == ActivityStatus.CANCELLED else "REQUEST"


def content_type(activity: Activity) -> str:
    return f"text/calendar; method={method(activity)}; charset=utf-8"


def uid(activity: Activity) -> str:
    domain = urlparse(settings.SITE_URL).hostname or "coproduce.invalid"
    return f"{activity.uid}@{domain}"


def build(
    activity: Activity,
    *,
    organiser: Organiser,
    description: str,
    invitation: Invitation | None = None,
    now: datetime,
) -> str:
    """The VCALENDAR for one activity, as one person's calendar should hold it."""
    assert activity.starts_at is not None, "Only scheduled activities have calendar entries"
    cancelled = activity.status == ActivityStatus.CANCELLED
    event = icalendar.Event()
    event.add("uid", uid(activity))
    event.add("sequence", activity.sequence)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", activity.starts_at.astimezone(LONDON))
    event.add("dtend", rules.ends_at(activity).astimezone(LONDON))
    event.add("summary", activity.title)
    event.add("location", rules.location(activity))
    event.add("description", description)
    event.add("organizer", f"mailto:{organiser.email}", parameters={"CN": organiser.name})
    if invitation is not None and invitation.person.email:
        event.add(
            "attendee",
            f"mailto:{invitation.person.email}",
            parameters={
                "CN": invitation.person.full_name,
                "PARTSTAT": PARTSTAT.get(Reply(invitation.reply), "NEEDS-ACTION"),
                "RSVP": "FALSE",
            },
        )
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method(activity))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical.decode()
