"""The carers' breaks scheme in the demo: a year of GP referrals, decisions and payments.

The Riverside Carers' Partnership runs one scheme and Riverside Carers' Centre pays the
carers. Twelve GP practices were invited; nine signed up at different times and refer
carers, some far more than others. Everything is drawn from the demo's seeded `Draw` (after
the carers, so they stay the same) and written with `bulk_create`: the rows are those
`coproduce.breaks.actions` would have left, without anyone being notified.

- Sending a referral: eligibility worked out by `rules.evaluate`; the carer's record at the
  centre found by email or else created by `actions.carer_record` itself (then dated when
  the carer was referred); the wellbeing answers kept, as the form and `actions.submit`
  keep them.
- Deciding, by the demo coordinator within a week: declined with a kind reason if the carer
  is not eligible or was paid in the last 12 months, otherwise approved.
- Paying, 3 to 30 days after the referral was sent: one `BreakPayment` each.
- Referrals sent in the last three weeks are still waiting for a decision or a payment, and
  the demo GP has three drafts on the go.
- Carers who agreed answer the wellbeing questions when referred and, some weeks after
  their break, again: a little better on average.

The scheme's maximum payment is the reference rate `surrey_gp_carer_break_max` in force
when the scheme starts, read from the figures shipped in `payments/figures/`.
"""

import csv
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import models
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.breaks import actions, rules
from coproduce.breaks.models import (
    BreakKind,
    BreakPayment,
    PaymentMethod,
    Practice,
    PracticeMember,
    Referral,
    ReferralStatus,
    Scheme,
    WellbeingMoment,
    WellbeingResponse,
)
from coproduce.demo import data
from coproduce.demo.data import GPPractice
from coproduce.demo.named import GP_EMAIL, PROFESSIONAL_EMAIL
from coproduce.demo.plans import (
    Area,
    CarerPlan,
    Draw,
    ascii_slug,
    birth_date_for,
    draw_address,
    draw_channel,
    draw_email,
    draw_name,
    relationship_options,
)
from coproduce.payments.reference import RATES_CSV
from coproduce.people.models import Channel, Person, Relationship
from coproduce.tenancy.models import Membership, Organisation, Partnership, Role

SCHEME_NAME = "Riverside carers' breaks 2026 to 2027"
BUDGET = Decimal("400000.00")  # covers a year of about 1,000 carers at about £300
STANDARD_PAYMENT = Decimal("300.00")
REPEAT_AFTER_DAYS = 365
FUNDING_LEFT_DAYS = 31  # the funding period ends about a month from today
MAXIMUM_RATE = "surrey_gp_carer_break_max"
PRACTICE_EMAIL_DOMAIN = "nhs.example"
REFERRER_EMAIL_DOMAIN = "riverside-nhs.example"

GP_PRACTICE = "H81001"  # Merrow Park Surgery: the demo GP refers for it
PROFESSIONAL_PRACTICE = "H81004"  # Guildford Health Centre: so does the demo professional
DEMO_REFERRERS = {
    GP_PRACTICE: ((GP_EMAIL, "GP", 65),),
    PROFESSIONAL_PRACTICE: ((PROFESSIONAL_EMAIL, "GP", 50),),
}
OTHER_REFERRER_WEIGHT = 35

WAITING_DAYS = 21  # referrals sent more recently than this are not all dealt with yet
AFTER_BREAK_DAYS = 42  # paid carers referred longer ago than this answer again
FEATURED_CARER_DAYS_AGO = 150  # Margaret Jones is referred by the demo GP about this long ago
ELIGIBLE_SHARE = 0.925
REPEAT_SHARE = 0.01  # referrals of a carer paid less than a year ago
KNOWN_CARER_SHARE = 0.02  # referrals of carers the centre knows already
WELLBEING_CONSENT_SHARE = 0.7

# Carers' ages when referred: (youngest, oldest, weight). About 5% are young carers.
AGES: tuple[tuple[int, int, int], ...] = (
    (16, 17, 6),
    (18, 24, 3),
    (25, 34, 6),
    (35, 49, 16),
    (50, 64, 32),
    (65, 74, 18),
    (75, 84, 14),
    (85, 92, 5),
)
YOUNGEST = AGES[0][0]
# More referrals before the summer and in the winter, fewer in August and at Christmas.
MONTH_FACTORS = {1: 1.1, 2: 1.0, 3: 1.05, 4: 1.0, 5: 1.1, 6: 1.15, 7: 1.0, 8: 0.7, 9: 1.0}
MONTH_FACTORS |= {10: 1.05, 11: 1.1, 12: 0.75}
# How often each effect of caring is ticked for an eligible carer.
EFFECT_CHANCES = {
    "health_at_risk": 0.7,
    "recreation": 0.45,
    "relationships": 0.35,
    "work": 0.2,
    "local_services": 0.12,
    "home": 0.1,
    "nutrition": 0.1,
    "others": 0.08,
    "child": 0.08,
}
UNMET_WEIGHTS = {"necessary_care": 25, "effect_of_caring": 45, "significant_impact": 30}
WELLBEING = ("life_satisfaction", "worthwhile", "happiness", "anxiety")
# ONS personal wellbeing, 0 to 10: (mean, spread) when referred, and the mean change after.
WELLBEING_AT_REFERRAL = {
    "life_satisfaction": (4.6, 1.9),
    "worthwhile": (6.0, 1.9),
    "happiness": (4.4, 2.1),
    "anxiety": (6.6, 2.0),
}
WELLBEING_CHANGE = {
    "life_satisfaction": (1.1, 1.2),
    "worthwhile": (0.6, 1.0),
    "happiness": (1.3, 1.5),
    "anxiety": (-1.4, 1.5),
}


class MissingReference(Exception):
    """The reference figures the demo needs are not there."""


def rate_on(key: str, day: date, path: Path | None = None) -> Decimal:
    """A reference figure: the row for `key` in force on `day` (the latest applying by then)."""
    path = path or RATES_CSV
    try:
        with path.open(newline="", encoding="utf-8") as file:
            rows = [
                row
                for row in csv.DictReader(file)
                if row["key"] == key and date.fromisoformat(row["applies_from"]) <= day
            ]
    except FileNotFoundError:
        raise MissingReference(f"The reference rates are missing: expected {path}") from None
    if not rows:
        raise MissingReference(f"{path} has no {key} in force on {day.isoformat()}")
    return Decimal(max(rows, key=lambda row: row["applies_from"])["value"])


# --- Dates and times -----------------------------------------------------------------------


@contextmanager
def as_it_happened(*fields: tuple[type[models.Model], str]) -> Iterator[None]:
    """Let these automatic timestamps take the value given: when things happened, not now.

    `bulk_create` would otherwise stamp every row with the time the demo is loaded."""
    stamps = []
    for model, name in fields:
        stamp = model._meta.get_field(name)
        if not isinstance(stamp, models.DateTimeField):
            raise TypeError(f"{model.__name__}.{name} is not a date and time")
        stamps.append((stamp, stamp.auto_now, stamp.auto_now_add))
    for stamp, _, _ in stamps:
        stamp.auto_now = stamp.auto_now_add = False
    try:
        yield
    finally:
        for stamp, auto_now, auto_now_add in stamps:
            stamp.auto_now, stamp.auto_now_add = auto_now, auto_now_add


def a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def working_time(draw: Draw, day: date) -> datetime:
    return at(day, draw.rng.randint(8, 17), draw.rng.randint(0, 59))


def weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def weekday_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def add_working_days(day: date, days: int) -> date:
    for _ in range(days):
        day = weekday_on_or_after(day + timedelta(days=1))
    return day


def age_on(born: date | None, day: date) -> int:
    """Age in whole years, as `Person.age_on` counts it (0 if not known)."""
    if born is None:
        return 0
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def poisson(draw: Draw, mean: float) -> int:
    """How many things happen, when `mean` happen on average (Knuth's method: small means)."""
    limit, count, product = math.exp(-mean), 0, draw.rng.random()
    while product > limit:
        count += 1
        product *= draw.rng.random()
    return count


# --- Plans ---------------------------------------------------------------------------------


@dataclass
class Carer:
    """Who a referral is about, as the referrer typed it."""

    full_name: str
    date_of_birth: date | None = None
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    channel: Channel | None = None
    relationship: Relationship | None = None

    @classmethod
    def known(cls, person: Person, plan: CarerPlan) -> "Carer":
        """A carer the centre registered before: a referral for them finds their record by
        its email address (so a known carer needs one)."""
        if not person.email:
            raise ValueError(f"{person.full_name} has no email address to be found by")
        return cls(
            full_name=person.full_name,
            date_of_birth=person.date_of_birth,
            email=person.email,
            phone=person.phone,
            address=person.address,
            postcode=person.postcode,
            channel=plan.preferred_channel,
            relationship=plan.cared_for[0].relationship,
        )

    def referral_fields(self) -> dict[str, Any]:
        return {
            "carer_name": self.full_name,
            "carer_date_of_birth": self.date_of_birth,
            "carer_email": self.email,
            "carer_phone": self.phone,
            "carer_address": self.address,
            "carer_postcode": self.postcode,
            "preferred_channel": self.channel.value if self.channel else "",
            "relationship": self.relationship.value if self.relationship else "",
        }


@dataclass
class PaymentPlan:
    amount: Decimal
    method: PaymentMethod
    paid_on: date
    recorded_at: datetime
    reference: str = ""


@dataclass
class WellbeingPlan:
    moment: WellbeingMoment
    scores: dict[str, int]
    answered_at: datetime


@dataclass
class ReferralPlan:
    practice: str  # its code
    referrer: str  # their email
    carer: Carer
    created_at: datetime
    status: ReferralStatus = ReferralStatus.DRAFT
    answers: dict[str, Any] = field(default_factory=dict)
    eligible: bool | None = None
    break_kind: str = ""
    break_description: str = ""
    carer_consent: bool | None = None
    wellbeing_consent: bool | None = None
    submitted_at: datetime | None = None
    decided_at: datetime | None = None
    decline_reason: str = ""
    amount: Decimal | None = None
    payment: PaymentPlan | None = None
    wellbeing: list[WellbeingPlan] = field(default_factory=list)

    def referral_fields(self) -> dict[str, Any]:
        return {
            **self.carer.referral_fields(),
            "status": self.status.value,
            "answers": self.answers,
            "eligible": self.eligible,
            "break_kind": self.break_kind,
            "break_description": self.break_description,
            "carer_consent": self.carer_consent,
            "wellbeing_consent": self.wellbeing_consent,
            "submitted_at": self.submitted_at,
            "decided_at": self.decided_at,
            "decline_reason": self.decline_reason,
            "amount": self.amount,
        }


@dataclass(frozen=True)
class Referrer:
    email: str
    full_name: str
    job_title: str
    practice: str  # code
    weight: int


def referrer_email(full_name: str) -> str:
    """ "Dr Tom Whitfield" -> "tom.whitfield@riverside-nhs.example"."""
    first, *rest = full_name.removeprefix("Dr ").split()
    return f"{ascii_slug(first)}.{ascii_slug(''.join(rest))}@{REFERRER_EMAIL_DOMAIN}"


def practice_email(name: str) -> str:
    """ "Castle Street Practice, Farnham" -> "castle.street.practice.farnham@nhs.example"."""
    words = [ascii_slug(word) for word in name.split()]
    return ".".join(word for word in words if word) + f"@{PRACTICE_EMAIL_DOMAIN}"


def referrers() -> list[Referrer]:
    """Who refers for each practice that signed up: the demo's own users and others."""
    found = []
    for practice in data.GP_PRACTICES:
        if practice.signed_up_day is None:
            continue
        for email, job_title, weight in DEMO_REFERRERS.get(practice.code, ()):
            found.append(Referrer(email, "", job_title, practice.code, weight))
        for full_name, job_title in practice.referrers:
            found.append(
                Referrer(
                    referrer_email(full_name),
                    full_name,
                    job_title,
                    practice.code,
                    OTHER_REFERRER_WEIGHT,
                )
            )
    return found


def practice_area(practice: GPPractice) -> Area:
    places = tuple(p for p in data.RIVERSIDE_PLACES if p.outward in practice.outwards)
    return Area(places or data.RIVERSIDE_PLACES, data.RIVERSIDE_STREETS, 0.0)


# --- Drawing -------------------------------------------------------------------------------


def take_phone(draw: Draw, landline: bool, mobile_only: bool = False) -> str:
    """A number no one else in the demo has, from the ranges kept for drama ("" if none left)."""
    if mobile_only:
        choices = [draw.mobiles]
    else:
        choices = [draw.landlines, draw.mobiles] if landline else [draw.mobiles, draw.landlines]
    for numbers in choices:
        if numbers:
            return numbers.pop()
    return ""


def draw_contact(
    draw: Draw, area: Area, age: int, channel: Channel, first: str, full_name: str
) -> tuple[Channel, str, str, str, str]:
    """(channel, email, phone, address, postcode): always what the channel needs; a letter
    needs an address and postcode."""
    has_email = {Channel.EMAIL: 1.0, Channel.SMS: 0.35, Channel.PHONE: 0.2, Channel.LETTER: 0.03}
    email = draw_email(draw, first, full_name) if draw.chance(has_email[channel]) else ""
    has_phone = {Channel.EMAIL: 0.7, Channel.SMS: 1.0, Channel.PHONE: 1.0, Channel.LETTER: 0.55}
    phone = ""
    if draw.chance(has_phone[channel]):
        landline = channel != Channel.SMS and draw.chance(0.6 if age >= 65 else 0.2)
        phone = take_phone(draw, landline, mobile_only=channel == Channel.SMS)
    address, postcode = draw_address(draw, area)
    if channel in (Channel.SMS, Channel.PHONE) and not phone:
        channel = Channel.EMAIL if email else Channel.LETTER  # the demo ran out of numbers
    if channel != Channel.LETTER and draw.chance(0.5):
        address = ""
        if draw.chance(0.4):
            postcode = ""
    return channel, email, phone, address, postcode


def draw_carer(draw: Draw, area: Area, day: date) -> Carer:
    """A carer no one has referred before."""
    low, high = draw.weighted([((low, high), weight) for low, high, weight in AGES])
    age = draw.rng.randint(low, high)
    female = draw.chance(0.55 if age < 18 else 0.62)
    origin = draw.weighted([(origin, origin.count) for origin in data.RIVERSIDE_ORIGINS])
    try:
        first, full_name = draw_name(draw, origin, female, age)
    except RuntimeError:  # every name of a small origin is taken
        first, full_name = draw_name(draw, data.ENGLISH, female, age)
    born = birth_date_for(day, age, draw.rng.randint(0, 360))
    channel = draw_channel(draw, age, [])
    channel, email, phone, address, postcode = draw_contact(
        draw, area, age, channel, first, full_name
    )
    return Carer(
        full_name=full_name,
        date_of_birth=born,
        email=email,
        phone=phone,
        address=address,
        postcode=postcode,
        channel=channel,
        relationship=draw.weighted(relationship_options(age)),
    )


def draw_answers(
    draw: Draw, eligibility: dict[str, Any], age: int, eligible: bool
) -> dict[str, Any]:
    """Answers to the scheme's questions: every one met, or (if not eligible) one not met."""
    answers: dict[str, Any] = {}
    for question in eligibility["questions"]:
        if question["kind"] == "yes_no":
            answers[question["key"]] = "yes"
            continue
        none_value = question.get("none_value")
        chosen = []
        for option in question["options"]:
            value = option["value"]
            chance = EFFECT_CHANCES.get(value, 0.1)
            if value == "work":
                chance = 0.5 if age < 18 else chance if age < 67 else 0.0
            if value == "child" and not 20 <= age <= 60:
                chance = 0.0
            if value != none_value and draw.chance(chance):
                chosen.append(value)
        first_option = next(o["value"] for o in question["options"] if o["value"] != none_value)
        answers[question["key"]] = chosen or [first_option]
    if not eligible:
        keys = [q["key"] for q in eligibility["questions"]]
        unmet = draw.weighted([(key, UNMET_WEIGHTS.get(key, 30)) for key in keys])
        question = next(q for q in eligibility["questions"] if q["key"] == unmet)
        answers[unmet] = "no" if question["kind"] == "yes_no" else [question.get("none_value")]
    return answers


def first_unmet(eligibility: dict[str, Any], answers: dict[str, Any]) -> str:
    for question in eligibility["questions"]:
        if not rules.question_met(question, answers.get(question["key"])):
            return str(question["key"])
    raise ValueError("Every question is met")


def draw_break(draw: Draw, age: int) -> tuple[BreakKind, str]:
    k = BreakKind
    if age < 18:
        options = [(k.DAY_OUT, 35), (k.ACTIVITY, 40), (k.SHORT_BREAK, 10), (k.OTHER, 15)]
    else:
        options = [
            (k.SHORT_BREAK, 34),
            (k.DAY_OUT, 24),
            (k.ACTIVITY, 20),
            (k.REST_AT_HOME, 14),
            (k.OTHER, 8),
        ]
    kind = draw.weighted(options)
    adult, young = data.BREAK_DESCRIPTIONS[kind.value]
    description = draw.rng.choice(young if age < 18 else adult) if draw.chance(0.65) else ""
    return kind, description


def draw_amount(draw: Draw, kind: BreakKind, standard: Decimal, maximum: Decimal) -> Decimal:
    """Mostly the standard payment; less for a day out or a class, more for a stay away."""
    if draw.chance(0.75):
        return standard
    cheaper = [Decimal(n) for n in ("150.00", "200.00", "250.00")]
    dearer = [Decimal(n) for n in ("350.00", "400.00", "450.00", "500.00")]
    if kind in (BreakKind.DAY_OUT, BreakKind.ACTIVITY):
        amount = draw.rng.choice(cheaper) if draw.chance(0.85) else draw.rng.choice(dearer[:1])
    elif kind in (BreakKind.SHORT_BREAK, BreakKind.REST_AT_HOME):
        amount = draw.rng.choice(dearer) if draw.chance(0.75) else draw.rng.choice(cheaper)
    else:
        amount = draw.rng.choice(cheaper + dearer)
    return min(amount, maximum)


def draw_method(draw: Draw, age: int) -> PaymentMethod:
    m = PaymentMethod
    if age < 18:
        options = [(m.PREPAID_CARD, 50), (m.VOUCHER, 40), (m.BANK_TRANSFER, 10)]
    elif age >= 75:
        options = [(m.BANK_TRANSFER, 45), (m.CHEQUE, 35), (m.PREPAID_CARD, 10), (m.VOUCHER, 10)]
    else:
        options = [(m.BANK_TRANSFER, 70), (m.PREPAID_CARD, 15), (m.CHEQUE, 7), (m.VOUCHER, 8)]
    return draw.weighted(options)


def score(value: float) -> int:
    return min(10, max(0, round(value)))


def draw_wellbeing(draw: Draw) -> dict[str, int]:
    return {
        name: score(draw.rng.gauss(mean, spread))
        for name, (mean, spread) in WELLBEING_AT_REFERRAL.items()
    }


def draw_wellbeing_after(draw: Draw, before: dict[str, int]) -> dict[str, int]:
    return {
        name: score(before[name] + draw.rng.gauss(mean, spread))
        for name, (mean, spread) in WELLBEING_CHANGE.items()
    }


def referral_days(draw: Draw, starts_on: date, today: date) -> list[tuple[date, GPPractice]]:
    """When each practice sent a referral: on weekdays once it signed up, slowly at first."""
    days = []
    day = starts_on
    while day < today:
        if day.weekday() < 5:
            for practice in data.GP_PRACTICES:
                if practice.signed_up_day is None:
                    continue
                signed_up = starts_on + timedelta(days=practice.signed_up_day)
                if day < signed_up:
                    continue
                settled = min(1.0, ((day - signed_up).days + 14) / 60)
                mean = practice.referrals_per_weekday * settled * MONTH_FACTORS[day.month]
                days += [(day, practice)] * poisson(draw, mean)
        day += timedelta(days=1)
    return days


@dataclass
class Paid:
    """A carer paid already: who may be referred again too soon."""

    carer: Carer
    practice: str
    paid_on: date
    referred_again: bool = False


def decide(
    draw: Draw,
    plan: ReferralPlan,
    *,
    day: date,
    today: date,
    age: int,
    kind: BreakKind,
    standard: Decimal,
    maximum: Decimal,
    repeat_of: Paid | None,
    eligibility: dict[str, Any],
) -> None:
    """What happened to a sent referral by today: its status, decision and payment."""
    waiting = (today - day).days <= WAITING_DAYS
    decided_on = add_working_days(day, draw.weighted([(1, 30), (2, 30), (3, 20), (4, 12), (5, 8)]))
    if waiting and (not plan.eligible or repeat_of or decided_on >= today or not draw.chance(0.55)):
        plan.status = ReferralStatus.SUBMITTED
        return
    plan.decided_at = working_time(draw, decided_on)
    if repeat_of is not None:
        plan.status = ReferralStatus.DECLINED
        again = repeat_of.paid_on + timedelta(days=REPEAT_AFTER_DAYS)
        plan.decline_reason = data.REPEAT_DECLINE_REASON.format(date=long_date(again))
        return
    if not plan.eligible:
        plan.status = ReferralStatus.DECLINED
        plan.decline_reason = data.DECLINE_REASONS[first_unmet(eligibility, plan.answers)]
        return
    plan.amount = draw_amount(draw, kind, standard, maximum)
    plan.status = ReferralStatus.APPROVED
    if waiting:
        return
    earliest = max(3, (decided_on - day).days + 1)
    # Paid on a weekday 3 to 30 days after referral (a weekend moves it to the Monday).
    lag = round(draw.rng.triangular(earliest, 28, min(28, earliest + 6)))
    paid_on = weekday_on_or_after(day + timedelta(days=lag))
    paid_on = max(min(paid_on, weekday_on_or_before(today - timedelta(days=1))), decided_on)
    plan.status = ReferralStatus.PAID
    plan.payment = PaymentPlan(
        amount=plan.amount,
        method=draw_method(draw, age),
        paid_on=paid_on,
        recorded_at=at(paid_on, draw.rng.randint(9, 16), draw.rng.randint(0, 59)),
    )


def draw_referrals(
    draw: Draw,
    *,
    starts_on: date,
    eligibility: dict[str, Any],
    standard: Decimal,
    maximum: Decimal,
    known: Sequence[Carer],
    featured: Carer | None,
) -> list[ReferralPlan]:
    """A year of sent referrals, oldest first. Pure: nothing is written."""
    today = draw.today
    all_referrers = referrers()
    unused_known = list(known)
    paid: list[Paid] = []
    plans: list[ReferralPlan] = []
    for day, practice in referral_days(draw, starts_on, today):
        options = [(r.email, r.weight) for r in all_referrers if r.practice == practice.code]
        referrer = draw.weighted(options)
        repeat_of = None
        ready = [p for p in paid if not p.referred_again and (day - p.paid_on).days > 30]
        force_eligible = False
        if (
            featured is not None
            and practice.code == GP_PRACTICE
            and (today - day).days <= FEATURED_CARER_DAYS_AGO
        ):
            carer, referrer, force_eligible = featured, GP_EMAIL, True
            featured = None
        elif ready and draw.chance(REPEAT_SHARE):
            same_practice = [p for p in ready if p.practice == practice.code]
            repeat_of = draw.rng.choice(same_practice or ready)
            repeat_of.referred_again = True
            carer = repeat_of.carer
        elif unused_known and draw.chance(KNOWN_CARER_SHARE):
            carer = unused_known.pop(draw.rng.randrange(len(unused_known)))
        else:
            carer = draw_carer(draw, practice_area(practice), day)
        age = age_on(carer.date_of_birth, day)
        eligible = force_eligible or draw.chance(ELIGIBLE_SHARE)
        answers = draw_answers(draw, eligibility, age, eligible)
        kind, description = draw_break(draw, age)
        wellbeing_consent = force_eligible or draw.chance(WELLBEING_CONSENT_SHARE)
        submitted_at = working_time(draw, day)
        plan = ReferralPlan(
            practice=practice.code,
            referrer=referrer,
            carer=carer,
            created_at=submitted_at - timedelta(minutes=draw.rng.randint(4, 25)),
            answers=answers,
            eligible=rules.evaluate(eligibility, answers).eligible,
            break_kind=kind.value,
            break_description=description,
            carer_consent=True,
            wellbeing_consent=wellbeing_consent,
            submitted_at=submitted_at,
        )
        if wellbeing_consent:
            scores = draw_wellbeing(draw)
            answers["wellbeing"] = scores
            plan.wellbeing.append(WellbeingPlan(WellbeingMoment.AT_REFERRAL, scores, submitted_at))
        decide(
            draw,
            plan,
            day=day,
            today=today,
            age=age,
            kind=kind,
            standard=standard,
            maximum=maximum,
            repeat_of=repeat_of,
            eligibility=eligibility,
        )
        if plan.payment is not None:
            paid.append(Paid(carer, practice.code, plan.payment.paid_on))
            if wellbeing_consent and (today - day).days > AFTER_BREAK_DAYS:
                latest = min(60, (today - plan.payment.paid_on).days - 1)
                answered_on = plan.payment.paid_on + timedelta(days=draw.rng.randint(10, latest))
                plan.wellbeing.append(
                    WellbeingPlan(
                        WellbeingMoment.AFTER_BREAK,
                        draw_wellbeing_after(draw, plan.wellbeing[0].scores),
                        at(answered_on, draw.rng.randint(8, 21), draw.rng.randint(0, 59)),
                    )
                )
        plans.append(plan)
    payments = sorted(
        (plan.payment for plan in plans if plan.payment is not None),
        key=lambda payment: payment.recorded_at,
    )
    for number, payment in enumerate(payments, start=1):
        payment.reference = f"BRK-{number:06d}"
    return plans


def draw_drafts(draw: Draw, eligibility: dict[str, Any]) -> list[ReferralPlan]:
    """The demo GP's referrals on the go: one just started, one half done, one nearly done."""
    today = draw.today
    practice = next(p for p in data.GP_PRACTICES if p.code == GP_PRACTICE)
    drafts = []
    for step, days_ago in ((1, 2), (2, 1), (3, 0)):
        carer = draw_carer(draw, practice_area(practice), today)
        age = age_on(carer.date_of_birth, today)
        started = (
            timezone.now() - timedelta(minutes=40)
            if days_ago == 0
            else working_time(draw, today - timedelta(days=days_ago))
        )
        plan = ReferralPlan(GP_PRACTICE, GP_EMAIL, Carer(carer.full_name), created_at=started)
        if step >= 2:
            plan.carer = carer
        if step >= 3:
            plan.answers = draw_answers(draw, eligibility, age, eligible=True)
            kind, plan.break_description = draw_break(draw, age)
            plan.break_kind = kind.value
        drafts.append(plan)
    return drafts


# --- Writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreaksSummary:
    referrals: int
    practices: int
    signed_up: int
    paid: int
    total_paid: Decimal
    budget: Decimal


def demo_schemes(organisations: QuerySet[Organisation]) -> QuerySet[Scheme]:
    return Scheme.objects.filter(
        Q(partnership__lead__in=organisations) | Q(payment_organisation__in=organisations)
    )


def remove(organisations: QuerySet[Organisation]) -> None:
    """Delete the demo organisations' schemes and all in them: what protects them goes first."""
    schemes = demo_schemes(organisations)
    referrals = Referral.objects.filter(Q(scheme__in=schemes) | Q(practice__scheme__in=schemes))
    BreakPayment.objects.filter(referral__in=referrals).delete()
    WellbeingResponse.objects.filter(referral__in=referrals).delete()
    referrals.delete()
    PracticeMember.objects.filter(practice__scheme__in=schemes).delete()
    Practice.objects.filter(scheme__in=schemes).delete()
    schemes.delete()


def add_referrers(
    trust: Organisation, practices: dict[str, Practice], users: dict[str, User]
) -> dict[str, User]:
    """The practices' referrers: the demo's own users, and others who cannot sign in."""
    everyone = referrers()
    others = [r for r in everyone if r.email not in users]
    unusable = make_password(None)
    created = User.objects.bulk_create([User(email=r.email, password=unusable) for r in others])
    Membership.objects.bulk_create(
        [Membership(user=user, organisation=trust, role=Role.PROFESSIONAL) for user in created]
    )
    Person.objects.bulk_create(
        [
            Person(
                organisation=trust,
                user=user,
                full_name=r.full_name,
                email=r.email,
                phone=practices[r.practice].phone,
            )
            for user, r in zip(created, others, strict=True)
        ]
    )
    by_email = {**users, **{user.email: user for user in created}}
    PracticeMember.objects.bulk_create(
        [
            PracticeMember(
                practice=practices[r.practice], user=by_email[r.email], job_title=r.job_title
            )
            for r in everyone
        ]
    )
    return by_email


def carer_records(
    centre: Organisation, referrals: Sequence[Referral], plans: Sequence[ReferralPlan]
) -> None:
    """Each sent referral's carer at the centre, found (by email address) or made by
    `actions.carer_record`, as when the referral is sent. A new record is dated when the
    carer was first referred, not now. The referrals are not written yet."""
    before = set(Person.objects.filter(organisation=centre).values_list("pk", flat=True))
    new: dict[int, Person] = {}
    for referral, plan in zip(referrals, plans, strict=True):
        person = actions.carer_record(referral)
        referral.person = person
        if person.pk not in before and person.pk not in new:
            person.created_at = person.updated_at = plan.submitted_at or plan.created_at
            new[person.pk] = person
    # bulk_update writes the values given: it does not stamp `updated_at` with now.
    Person.objects.bulk_update(new.values(), ["created_at", "updated_at"], batch_size=500)


def build(
    draw: Draw,
    *,
    partnership: Partnership,
    centre: Organisation,
    trust: Organisation,
    coordinator: User,
    users: dict[str, User],
    known: Sequence[Carer],
    featured: Carer | None,
) -> BreaksSummary:
    """Create the scheme, its practices and a year of referrals. Inside the demo's transaction."""
    today = draw.today
    starts_on = a_year_before(today)
    maximum = rate_on(MAXIMUM_RATE, starts_on)
    scheme = Scheme.objects.create(
        partnership=partnership,
        payment_organisation=centre,
        name=SCHEME_NAME,
        starts_on=starts_on,
        ends_on=today + timedelta(days=FUNDING_LEFT_DAYS),
        budget=BUDGET,
        standard_payment=min(STANDARD_PAYMENT, maximum),
        maximum_payment=maximum,
        repeat_after_days=REPEAT_AFTER_DAYS,
    )
    practices = {
        practice.code: practice
        for practice in Practice.objects.bulk_create(
            [
                Practice(
                    scheme=scheme,
                    name=p.name,
                    code=p.code,
                    email=practice_email(p.name),
                    phone=take_phone(draw, landline=True),
                    invited_at=at(starts_on + timedelta(days=p.invited_day), 10),
                    signed_up_at=(
                        None
                        if p.signed_up_day is None
                        else working_time(draw, starts_on + timedelta(days=p.signed_up_day))
                    ),
                )
                for p in data.GP_PRACTICES
            ]
        )
    }
    users = add_referrers(trust, practices, users)

    sent = draw_referrals(
        draw,
        starts_on=starts_on,
        eligibility=scheme.eligibility,
        standard=scheme.standard_payment,
        maximum=maximum,
        known=known,
        featured=featured,
    )
    drafts = draw_drafts(draw, scheme.eligibility)
    plans = [*sent, *drafts]
    referrals = [
        Referral(
            scheme=scheme,
            practice=practices[plan.practice],
            referred_by=users[plan.referrer],
            decided_by=coordinator if plan.decided_at else None,
            created_at=plan.created_at,
            **plan.referral_fields(),
        )
        for plan in plans
    ]
    carer_records(centre, referrals[: len(sent)], sent)
    timestamps = (
        (Referral, "created_at"),
        (BreakPayment, "recorded_at"),
        (WellbeingResponse, "answered_at"),
    )
    with as_it_happened(*timestamps):
        referrals = Referral.objects.bulk_create(referrals)
        pairs = list(zip(referrals, plans, strict=True))
        payments = BreakPayment.objects.bulk_create(
            [
                BreakPayment(
                    referral=referral,
                    amount=plan.payment.amount,
                    method=plan.payment.method.value,
                    paid_on=plan.payment.paid_on,
                    reference=plan.payment.reference,
                    recorded_by=coordinator,
                    recorded_at=plan.payment.recorded_at,
                )
                for referral, plan in pairs
                if plan.payment is not None
            ]
        )
        WellbeingResponse.objects.bulk_create(
            [
                WellbeingResponse(
                    referral=referral,
                    moment=answer.moment.value,
                    answered_at=answer.answered_at,
                    **answer.scores,
                )
                for referral, plan in pairs
                for answer in plan.wellbeing
            ]
        )

    total = BreakPayment.objects.filter(referral__scheme=scheme).aggregate(total=Sum("amount"))
    return BreaksSummary(
        referrals=len(sent),
        practices=len(practices),
        signed_up=sum(1 for p in practices.values() if p.signed_up_at is not None),
        paid=len(payments),
        total_paid=total["total"] or Decimal("0"),
        budget=scheme.budget,
    )
