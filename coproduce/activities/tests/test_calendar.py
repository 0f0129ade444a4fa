"""The calendar files: parsed back strictly, line by line, as RFC 5545 lays them out."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.activities import invitation_actions as actions
from coproduce.activities.models import ActivityStatus, Format, Invitation
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member

Property = tuple[str, dict[str, str], str]


def parse(text: str) -> list[Property]:
    """Unfold and split an iCalendar file, checking the line rules on the way."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all(len(line.encode()) <= 75 for line in physical), "lines must be folded at 75"
    assert "\n" not in "".join(physical), "bare newlines are not allowed"
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    properties: list[Property] = []
    for line in logical:
        head, _, value = line.partition(":")
        if '"' in head:  # a quoted parameter may hold a colon; find the real separator
            quoted = False
            for position, char in enumerate(line):
                if char == '"':
                    quoted = not quoted
                elif char == ":" and not quoted:
                    head, value = line[:position], line[position + 1 :]
                    break
        name, *params = head.split(";")
        properties.append((name, dict(p.split("=", 1) for p in params), value))
    return properties


def event(text: str) -> dict[str, tuple[dict[str, str], str]]:
    properties = parse(text)
    names = [name for name, _, _ in properties]
    assert (names[0], properties[0][2]) == ("BEGIN", "VCALENDAR")
    assert properties[-1][2] == "VCALENDAR"
    begins = [value for name, _, value in properties if name == "BEGIN"]
    ends = [value for name, _, value in properties if name == "END"]
    assert sorted(begins) == sorted(ends)
    assert begins.count("VEVENT") == 1
    assert "VTIMEZONE" in begins
    start = names.index("BEGIN", names.index("END", names.index("BEGIN", 1)))  # after VTIMEZONE
    inside = properties[names.index("BEGIN", start) :]
    found = {name: (params, value) for name, params, value in inside}
    calendar = {name: value for name, _, value in properties[: names.index("BEGIN", 1)]}
    found["METHOD"] = ({}, calendar["METHOD"])
    found["VERSION"] = ({}, calendar["VERSION"])
    return found


def unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def local_moment(params: dict[str, str], value: str) -> datetime:
    assert params == {"TZID": "Europe/London"}
    return datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def invitation(coordinator: Member, carer: Member) -> Invitation:
    activity = group_activity(
        coordinator,
        carer.person,
        starts_at=datetime(2027, 7, 13, 9, 0, tzinfo=UTC),
        duration_minutes=120,
        title="Discharge checklist, second draft; ward 4",
        description="We look at the checklist, together.",
    )
    return invited(activity, carer.person, travel_needed=True)


def test_the_event_holds_the_activity_and_its_support(invitation: Invitation) -> None:
    found = event(actions.calendar_file(invitation))
    assert found["VERSION"][1] == "2.0"
    assert found["METHOD"][1] == "REQUEST"
    assert found["UID"][1] == f"{invitation.activity.uid}@127.0.0.1"
    assert found["SEQUENCE"][1] == "0"
    assert unescape(found["SUMMARY"][1]) == "Discharge checklist, second draft; ward 4"
    assert (
        unescape(found["LOCATION"][1]) == "Riverside Carers' Centre, 1 Mill Lane, Guildford GU1 1AA"
    )
    description = unescape(found["DESCRIPTION"][1])
    assert "We look at the checklist, together." in description
    assert "Travel: we are arranging it and will confirm with you" in description
    assert found["ORGANIZER"][0]["CN"] == '"Riverside Carers"'
    assert found["ORGANIZER"][1] == f"mailto:{invitation.activity.project.coordinator.email}"
    assert found["STATUS"][1] == "CONFIRMED"
    assert found["DTSTAMP"][1].endswith("Z")


def test_times_are_local_to_london_in_summer_and_winter(invitation: Invitation) -> None:
    found = event(actions.calendar_file(invitation))
    assert found["DTSTART"] == ({"TZID": "Europe/London"}, "20270713T100000")  # BST
    assert found["DTEND"] == ({"TZID": "Europe/London"}, "20270713T120000")
    activity = invitation.activity
    activity.starts_at = datetime(2027, 1, 12, 10, 30, tzinfo=UTC)
    activity.save()
    found = event(actions.calendar_file(invitation))
    assert found["DTSTART"][1] == "20270112T103000"  # GMT
    assert local_moment(*found["DTSTART"]) == activity.starts_at


def test_an_activity_across_the_clocks_going_forward_ends_at_the_right_local_time(
    invitation: Invitation,
) -> None:
    activity = invitation.activity
    activity.starts_at = datetime(2027, 3, 28, 0, 30, tzinfo=UTC)  # 00:30 GMT
    activity.save()
    found = event(actions.calendar_file(invitation))
    assert found["DTSTART"][1] == "20270328T003000"
    assert found["DTEND"][1] == "20270328T033000"  # 02:30 UTC is 03:30 BST
    ends, starts = local_moment(*found["DTEND"]), local_moment(*found["DTSTART"])
    assert ends.astimezone(UTC) - starts.astimezone(UTC) == timedelta(hours=2)


def test_a_moved_activity_keeps_its_uid_with_a_higher_sequence(invitation: Invitation) -> None:
    before = event(actions.calendar_file(invitation))
    activity = invitation.activity
    activity.starts_at = datetime(2027, 7, 20, 9, 0, tzinfo=UTC)
    activity.sequence += 1
    activity.save()
    after = event(actions.calendar_file(invitation))
    assert after["UID"] == before["UID"]
    assert int(after["SEQUENCE"][1]) > int(before["SEQUENCE"][1])
    assert after["DTSTART"][1] == "20270720T100000"


def test_a_cancelled_activity_is_sent_as_a_cancel(invitation: Invitation) -> None:
    activity = invitation.activity
    activity.status = ActivityStatus.CANCELLED
    activity.sequence += 1
    activity.save()
    found = event(actions.calendar_file(invitation))
    assert found["METHOD"][1] == "CANCEL"
    assert found["STATUS"][1] == "CANCELLED"
    assert found["SEQUENCE"][1] == "1"


def test_long_welsh_text_is_folded_without_splitting_a_character(invitation: Invitation) -> None:
    activity = invitation.activity
    activity.format = Format.ONLINE
    activity.joining_details = "Ymunwch â’r cyfarfod ŵyr ŷd: " * 8
    activity.save()
    found = event(actions.calendar_file(invitation))
    assert found["LOCATION"][1] == "Online"
    assert ("Ymunwch â’r cyfarfod ŵyr ŷd: " * 8).strip() in unescape(found["DESCRIPTION"][1])


def test_the_calendar_link_serves_the_file_without_signing_in(
    client: Client, invitation: Invitation
) -> None:
    response = client.get(actions.calendar_path(invitation))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; method=REQUEST; charset=utf-8"
    assert event(response.content.decode())["UID"][1].startswith(str(invitation.activity.uid))


def test_the_calendar_link_says_cancel_once_cancelled(
    client: Client, invitation: Invitation
) -> None:
    invitation.activity.status = ActivityStatus.CANCELLED
    invitation.activity.save()
    response = client.get(actions.calendar_path(invitation))
    assert response["Content-Type"] == "text/calendar; method=CANCEL; charset=utf-8"


def test_a_tampered_or_borrowed_link_finds_nothing(client: Client, invitation: Invitation) -> None:
    path = actions.calendar_path(invitation)
    assert client.get(path.replace(".ics", "x.ics").replace(":", ":x", 1)).status_code == 404
    reply_token = actions.token(invitation)  # signed for replying, not for the calendar
    assert (
        client.get(reverse("activities:invitation-calendar", args=[reply_token])).status_code == 404
    )


def test_calendar_apps_can_read_the_file(invitation: Invitation) -> None:
    """A second, independent reader: the icalendar library parses it back to the same event."""
    import icalendar

    calendar = icalendar.Calendar.from_ical(actions.calendar_file(invitation))
    (read,) = calendar.walk("VEVENT")
    assert str(read["UID"]) == f"{invitation.activity.uid}@127.0.0.1"
    assert read.decoded("DTSTART") == invitation.activity.starts_at
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
