"""Carers' time and access: warning staff before inviting someone outside the times they
told us they are free, and telling each person about access at the venue and what they
need."""

import datetime
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduce.activities import invitation_actions as actions
from coproduce.activities import invitation_rules
from coproduce.activities.models import Format
from coproduce.activities.rules import availability_period, outside_availability, periods_covered
from coproduce.activities.tests.factories import ActivityFactory
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.people.models import AccessNeed, Availability, CarerProfile
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.tests.factories import ProjectMemberFactory

LONDON = ZoneInfo("Europe/London")
# Wednesday 6 January 2027.
WEDNESDAY_10_30 = datetime.datetime(2027, 1, 6, 10, 30, tzinfo=LONDON)
EVENINGS_AND_WEEKENDS = [
    Availability.WEEKDAY_EVENING,
    Availability.WEEKEND_DAYTIME,
    Availability.WEEKEND_EVENING,
]


# --- The rule ----------------------------------------------------------------------------


def test_a_wednesday_morning_meeting_is_outside_evenings_and_weekends() -> None:
    assert outside_availability(WEDNESDAY_10_30, 90, EVENINGS_AND_WEEKENDS) == [
        Availability.WEEKDAY_MORNING
    ]


def test_a_meeting_running_past_noon_covers_morning_and_afternoon() -> None:
    assert periods_covered(WEDNESDAY_10_30, 120) == [
        Availability.WEEKDAY_MORNING,
        Availability.WEEKDAY_AFTERNOON,
    ]
    assert outside_availability(WEDNESDAY_10_30, 120, [Availability.WEEKDAY_MORNING]) == [
        Availability.WEEKDAY_AFTERNOON
    ]


def test_a_meeting_ending_exactly_at_noon_stays_in_the_morning() -> None:
    assert periods_covered(WEDNESDAY_10_30, 90) == [Availability.WEEKDAY_MORNING]


def test_someone_who_has_not_told_us_is_never_flagged() -> None:
    assert outside_availability(WEDNESDAY_10_30, 120, []) == []


def test_a_saturday_evening_suits_evenings_and_weekends() -> None:
    saturday = datetime.datetime(2027, 1, 9, 18, 0, tzinfo=LONDON)
    assert outside_availability(saturday, 120, EVENINGS_AND_WEEKENDS) == []


moments = st.datetimes(
    min_value=datetime.datetime(2026, 1, 1),
    max_value=datetime.datetime(2030, 12, 31),
    timezones=st.just(datetime.UTC),
)
durations = st.integers(min_value=1, max_value=60 * 24 * 3)
availabilities = st.lists(st.sampled_from(Availability.values), unique=True)


@settings(deadline=None)
@given(moments, durations)
def test_free_at_every_time_is_never_flagged(starts_at: datetime.datetime, minutes: int) -> None:
    assert outside_availability(starts_at, minutes, Availability.values) == []


@settings(deadline=None)
@given(moments, durations, availabilities)
def test_what_is_flagged_is_covered_and_not_free(
    starts_at: datetime.datetime, minutes: int, free: list[str]
) -> None:
    outside = outside_availability(starts_at, minutes, free)
    covered = periods_covered(starts_at, minutes)
    assert all(period in covered and period not in free for period in outside)
    assert len(set(outside)) == len(outside)
    if free:
        # The start's own period is flagged exactly when it is not one they are free.
        assert (availability_period(starts_at) in outside) == (
            availability_period(starts_at) not in free
        )
        # Free at everything it covers means no warning, and the other way round.
        assert (not outside) == (set(covered) <= set(free))


# --- The invite page ---------------------------------------------------------------------


def _free(person_profile: CarerProfile, availability: Sequence[str]) -> None:
    person_profile.availability = list(availability)
    person_profile.save()


def test_the_invite_page_warns_about_someone_free_only_evenings_and_weekends(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    jasmine = CarerFactory.create(organisation=coordinator.organisation, full_name="Jasmine Clarke")
    _free(jasmine.carer_profile, EVENINGS_AND_WEEKENDS)
    _free(carer.person.carer_profile, [Availability.WEEKDAY_MORNING])
    activity = group_activity(
        coordinator, carer.person, jasmine, starts_at=WEDNESDAY_10_30, duration_minutes=90
    )
    html = coordinator_client.get(reverse("activities:invite", args=[activity.pk])).content
    page = html.decode()
    assert "outside when 1 person told us they are free" in page
    warning = page.split('id="outside-availability"')[1].split("</dl>")[0]
    assert "Jasmine Clarke" in warning
    assert "weekday evenings, weekend daytime, weekend evenings" in warning
    assert "This activity is at: weekday mornings" in warning
    assert "Margaret Carer" not in warning
    # Staff may still invite her: the warning is for them to check first.
    coordinator_client.post(
        reverse("activities:invite", args=[activity.pk]), {"people": [str(jasmine.pk)]}
    )
    assert activity.invitations.filter(person=jasmine).exists()


def test_no_warning_when_the_time_suits_everyone(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, starts_at=WEDNESDAY_10_30)
    page = coordinator_client.get(reverse("activities:invite", args=[activity.pk])).content
    assert b"outside-availability" not in page


def test_a_carer_cannot_open_the_invite_page(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    response = carer_client.get(reverse("activities:invite", args=[activity.pk]))
    assert response.status_code in (403, 404)


def test_the_invite_page_queries_do_not_grow_with_the_group(
    coordinator_client: Client,
    coordinator: Member,
    carer: Member,
) -> None:
    activity = group_activity(coordinator, carer.person, starts_at=WEDNESDAY_10_30)
    url = reverse("activities:invite", args=[activity.pk])
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    for n in range(5):
        person = CarerFactory.create(organisation=coordinator.organisation, full_name=f"P {n}")
        _free(person.carer_profile, EVENINGS_AND_WEEKENDS)
        ProjectMemberFactory.create(project=activity.project, person=person)
    with CaptureQueriesContext(connection) as many:
        coordinator_client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


# --- Access on the reply page and in the invitation ---------------------------------------


def test_the_reply_page_gives_the_venues_access_and_what_this_person_needs(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    profile = carer.person.carer_profile
    profile.access_needs = [AccessNeed.STEP_FREE, AccessNeed.HEARING_LOOP, AccessNeed.LARGE_PRINT]
    profile.save()
    activity = group_activity(
        coordinator, carer.person, step_free=True, hearing_loop=False, parking=None
    )
    invited(activity, carer.person, needs_notes="A seat near the door")
    page = carer_client.get(reverse("activities:reply", args=[activity.pk])).content.decode()
    assert "Access at the venue" in page
    assert "Step-free access: yes" in page
    assert "Hearing loop: no" in page
    assert "Parking: we are finding out" in page
    assert "Accessible toilet: yes" in page
    assert "You need: Step-free access. The venue has it." in page
    assert "You need: Hearing loop. The venue does not have it" in page
    assert "You need: Large print. We will arrange it." in page
    assert "You told us: A seat near the door" in page


def test_an_online_activity_has_no_venue_access(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person, format=Format.ONLINE)
    invited(activity, carer.person)
    page = carer_client.get(reverse("activities:reply", args=[activity.pk])).content.decode()
    assert "Access at the venue" not in page


def test_the_invitation_message_gives_access_and_needs(coordinator: Member, carer: Member) -> None:
    profile = carer.person.carer_profile
    profile.access_needs = [AccessNeed.STEP_FREE]
    profile.save()
    activity = group_activity(coordinator, carer.person, step_free=True, hearing_loop=True)
    actions.invite(activity, [carer.person])
    body = Message.objects.get(kind="activities.invitation", person=carer.person).body
    assert "Access at the venue:" in body
    assert "- Step-free access: yes" in body
    assert "- Hearing loop: yes" in body
    assert "You need: Step-free access. The venue has it." in body


def test_access_lines_follow_the_venue() -> None:
    activity = ActivityFactory.build(step_free=None, access_notes="Ramp at the side door")
    with translation.override("en"):
        lines = invitation_rules.access_lines(activity)
    assert lines[0] == "Step-free access: we are finding out"
    assert lines[-1] == "Ramp at the side door"
    assert invitation_rules.access_lines(ActivityFactory.build(format=Format.PHONE)) == []


def test_the_invitation_in_welsh_gives_access_in_welsh(coordinator: Member, carer: Member) -> None:
    carer.person.preferred_language = "cy"
    carer.person.save()
    activity = group_activity(coordinator, carer.person, step_free=True)
    actions.invite(activity, [carer.person])
    body = Message.objects.get(kind="activities.invitation", person=carer.person).body
    assert "Mynediad yn y lleoliad:" in body
    assert "Mynediad heb risiau: oes" in body
