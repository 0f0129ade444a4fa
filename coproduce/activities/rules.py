"""Pure decisions for activities: notice, times and choosing between proposed times.

Notice is counted in whole days between local dates in Europe/London, so a meeting on
Thursday planned on Monday has 3 days' notice whatever the time of day, and the clocks
changing in March or October never add or lose a day.
"""

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from coproduce.activities.models import Activity, ActivityStatus, Invitation
from coproduce.lib.params import whole_number
from coproduce.people.models import Availability, CarerProfile

LONDON = ZoneInfo("Europe/London")
DEFAULT_REMINDER_DAYS = (7, 1)
MAX_REMINDER_DAYS = 60


def local_date(moment: datetime.datetime) -> datetime.date:
    """The date in Europe/London of an aware moment."""
    return moment.astimezone(LONDON).date()


def notice_days(now: datetime.datetime, starts_at: datetime.datetime) -> int:
    """Whole days of notice: the London dates between now and the start (0 if today or past)."""
    return max(0, (local_date(starts_at) - local_date(now)).days)


def required_notice(policy_days: int, members_notice_days: Iterable[int]) -> int:
    """The larger of the organisation's minimum notice and any invited member's own need."""
    return max([policy_days, *members_notice_days])


def is_short_notice(
    now: datetime.datetime,
    starts_at: datetime.datetime,
    policy_days: int,
    members_notice_days: Iterable[int],
) -> bool:
    return notice_days(now, starts_at) < required_notice(policy_days, members_notice_days)


@dataclass(frozen=True)
class NeedsMore:
    """Someone (or the organisation's policy, when `name` is empty) needing more notice."""

    name: str
    days: int


@dataclass(frozen=True)
class Notice:
    given: int
    required: int
    policy_days: int
    needs_more: tuple[NeedsMore, ...] = ()

    @property
    def short(self) -> bool:
        return self.given < self.required

    @property
    def policy_short(self) -> bool:
        return self.given < self.policy_days


def check_notice(
    now: datetime.datetime,
    starts_at: datetime.datetime,
    policy_days: int,
    needs: Mapping[str, int],
) -> Notice:
    """The notice a time gives, what is required, and who needs more (by name)."""
    given = notice_days(now, starts_at)
    short_of = tuple(NeedsMore(name, days) for name, days in sorted(needs.items()) if days > given)
    return Notice(
        given=given,
        required=required_notice(policy_days, needs.values()),
        policy_days=policy_days,
        needs_more=short_of,
    )


def has_needs(profile: CarerProfile | None) -> bool:
    """Whether a carer profile records anything to arrange before an activity."""
    if profile is None:
        return False
    return bool(
        profile.access_needs
        or profile.interpreter_language
        or profile.access_needs_other.strip()
        or profile.replacement_care_needs.strip()
    )


def reply_has_needs(invitation: Invitation | None) -> bool:
    """Whether someone's reply asks for replacement care, travel or anything else."""
    if invitation is None:
        return False
    return bool(
        invitation.replacement_care_needed
        or invitation.travel_needed
        or invitation.needs_notes.strip()
    )


# --- Dates and times typed by people ---------------------------------------------------

TIME_PATTERN = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")


def parse_time(text: str) -> datetime.time | None:
    """A time as people type it: 10:30, 10.30am, 2pm, 14:00. None if it is not a real time."""
    match = TIME_PATTERN.match(text.strip().lower().replace(" ", ""))
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if minute > 59:
        return None
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    elif hour > 23:
        return None
    return datetime.time(hour, minute)


def london_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime | None:
    """The aware moment for a London wall-clock date and time, or None if it does not exist
    (the hour skipped when the clocks go forward)."""
    moment = datetime.datetime.combine(day, time, tzinfo=LONDON)
    round_trip = moment.astimezone(datetime.UTC).astimezone(LONDON)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return None
    return moment


def ends_by_midnight(starts_at: datetime.datetime, duration_minutes: int) -> bool:
    """Activities finish on the day they start (London time)."""
    ends = starts_at + datetime.timedelta(minutes=duration_minutes)
    return local_date(ends - datetime.timedelta(microseconds=1)) == local_date(starts_at)


def parse_reminder_days(text: str) -> list[int] | None:
    """'7, 1' -> [7, 1] (largest first, no repeats). None when it is not a list of days."""
    parts = [p for p in re.split(r"[,\s]+", text.lower().replace("and", ",")) if p]
    days: set[int] = set()
    for part in parts:
        value = whole_number(part, high=MAX_REMINDER_DAYS)
        if value is None:
            return None
        days.add(value)
    return sorted(days, reverse=True)


def parse_money(text: str) -> Decimal | None:
    """'£12.50' -> Decimal('12.50'); None if it is not an amount of 0 or more with pence."""
    cleaned = text.strip().replace("£", "").replace(",", "")
    if not cleaned:
        return Decimal("0")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return amount.quantize(Decimal("0.01"))


# --- Finding a time --------------------------------------------------------------------


def availability_period(starts_at: datetime.datetime) -> Availability:
    """Which of the availability choices on a carer profile a start time falls in."""
    local = starts_at.astimezone(LONDON)
    weekend = local.weekday() >= 5
    if local.hour >= 17:
        return Availability.WEEKEND_EVENING if weekend else Availability.WEEKDAY_EVENING
    if weekend:
        return Availability.WEEKEND_DAYTIME
    return Availability.WEEKDAY_MORNING if local.hour < 12 else Availability.WEEKDAY_AFTERNOON


PERIOD_STEP = datetime.timedelta(minutes=15)


def periods_covered(starts_at: datetime.datetime, duration_minutes: int) -> list[Availability]:
    """The availability choices an activity runs into, in order: a Wednesday 11:00 to 13:00
    meeting covers weekday mornings and weekday afternoons. Looked at every quarter of an
    hour from the start until just before the end, in Europe/London."""
    end = starts_at + datetime.timedelta(minutes=max(duration_minutes, 1))
    periods: list[Availability] = []
    moment = starts_at
    while moment < end:
        period = availability_period(moment)
        if period not in periods:
            periods.append(period)
        moment += PERIOD_STEP
    last = availability_period(end - datetime.timedelta(minutes=1))
    if last not in periods:
        periods.append(last)
    return periods


def outside_availability(
    starts_at: datetime.datetime, duration_minutes: int, availability: Iterable[str]
) -> list[Availability]:
    """The parts of an activity's time that fall outside the times a carer told us they are
    free, in order. Nothing when they have not told us (empty availability)."""
    free = set(availability)
    if not free:
        return []
    return [p for p in periods_covered(starts_at, duration_minutes) if p not in free]


@dataclass(frozen=True)
class SlotTime:
    key: int
    starts_at: datetime.datetime


@dataclass(frozen=True)
class GroupMember:
    """A member as `rank_slots` needs them. Empty availability means 'not told us'."""

    key: int
    name: str
    notice_days: int
    availability: frozenset[str] = frozenset()


class LeftOutBecause:
    CANNOT_MAKE = "cannot_make"
    NOT_ENOUGH_NOTICE = "not_enough_notice"
    OUTSIDE_AVAILABILITY = "outside_availability"
    NO_ANSWER = "no_answer"


@dataclass(frozen=True)
class LeftOut:
    name: str
    because: str
    notice_needed: int = 0


@dataclass
class RankedSlot:
    key: int
    starts_at: datetime.datetime
    notice: int
    short_notice: bool
    can_come: list[str] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    best: bool = False

    @property
    def count(self) -> int:
        return len(self.can_come)


def rank_slots(
    slots: Sequence[SlotTime],
    members: Sequence[GroupMember],
    answers: Mapping[tuple[int, int], bool],
    now: datetime.datetime,
    policy_days: int,
) -> list[RankedSlot]:
    """Proposed times, the one most people can make first (earlier first on a tie).

    A member counts as able to come only if they said they can make it, the time gives
    them the notice they need and it falls within the times they told us they are free
    (when they told us). Everyone else is listed as left out, with the reason.
    `answers` maps (slot key, member key) to whether they can make it.
    """
    ranked: list[RankedSlot] = []
    for slot in slots:
        notice = notice_days(now, slot.starts_at)
        period = availability_period(slot.starts_at)
        row = RankedSlot(
            key=slot.key,
            starts_at=slot.starts_at,
            notice=notice,
            short_notice=notice < policy_days,
        )
        for member in members:
            answer = answers.get((slot.key, member.key))
            if answer is False:
                row.left_out.append(LeftOut(member.name, LeftOutBecause.CANNOT_MAKE))
            elif notice < member.notice_days:
                row.left_out.append(
                    LeftOut(member.name, LeftOutBecause.NOT_ENOUGH_NOTICE, member.notice_days)
                )
            elif member.availability and period not in member.availability:
                row.left_out.append(LeftOut(member.name, LeftOutBecause.OUTSIDE_AVAILABILITY))
            elif answer is None:
                row.left_out.append(LeftOut(member.name, LeftOutBecause.NO_ANSWER))
            else:
                row.can_come.append(member.name)
        ranked.append(row)
    ranked.sort(key=lambda r: (-r.count, r.starts_at, r.key))
    if ranked and ranked[0].count:
        for row in ranked:
            row.best = row.count == ranked[0].count
    return ranked


def nobody_can_come(ranked: Sequence[RankedSlot]) -> bool:
    """True when there are proposed times and none of them suits anyone, nor could once
    everyone has answered."""
    return bool(ranked) and all(
        row.count == 0
        and not any(left.because == LeftOutBecause.NO_ANSWER for left in row.left_out)
        for row in ranked
    )


def agenda_open(activity: Activity, now: datetime.datetime) -> bool:
    """Whether carers may still suggest agenda items: the activity is still to come (finding
    a time, or scheduled and not yet started), not cancelled."""
    if activity.status == ActivityStatus.CANCELLED:
        return False
    return activity.starts_at is None or activity.starts_at > now
