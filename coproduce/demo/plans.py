"""Plans for demo carers: who they are, drawn at random (seeded) before anything is written.

Everything random is drawn, in a fixed order, from one `random.Random(SEED)`, so the same
plans come out every time. Names, places and phrases live in `data`.
"""

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from coproduce.accounts.models import User
from coproduce.demo import data
from coproduce.demo.data import Origin, Place
from coproduce.people.models import (
    AccessNeed,
    AgeBand,
    Anonymity,
    Availability,
    CareHours,
    Channel,
    Condition,
    ConsentKind,
    Disability,
    Language,
    Relationship,
    Sex,
)

T = TypeVar("T")

SEED = 2026
PERSON_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

# Ofcom keeps these ranges for drama: they will never reach a real person.
MOBILE_PREFIX = "07700 900"
LANDLINE_PREFIX = "01632 960"
FIRST_DRAWN_NUMBER = 10  # 000 to 009 are kept for the named demo people

HEAVY_CONDITIONS = (
    Condition.DEMENTIA,
    Condition.LEARNING_DISABILITY,
    Condition.PHYSICAL_HEALTH,
    Condition.FRAILTY,
    Condition.AUTISM,
)


# --- Plans: what to create, decided before anything is written ----------------------------


@dataclass
class CaredForPlan:
    name: str
    female: bool
    relationship: Relationship
    conditions: list[Condition]
    lives_with_carer: bool
    notes: str = ""

    def fields(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "relationship": self.relationship.value,
            "conditions": [c.value for c in self.conditions],
            "lives_with_carer": self.lives_with_carer,
            "notes": self.notes,
        }


@dataclass
class CarerPlan:
    full_name: str
    female: bool
    date_of_birth: date
    email: str
    phone: str
    address: str
    postcode: str
    preferred_channel: Channel
    cared_for: list[CaredForPlan]
    caring_situation: str = ""
    known_as: str = ""
    preferred_language: Language = Language.ENGLISH
    needs_care_themselves: bool = False
    access_needs: list[AccessNeed] = field(default_factory=list)
    access_needs_other: str = ""
    interpreter_language: str = ""
    blocked: list[Channel] = field(default_factory=list)
    notice_days: int = 14
    replacement_care_needs: str = ""
    availability: list[Availability] = field(default_factory=list)
    default_anonymity: Anonymity = Anonymity.IDENTIFIABLE
    consents: list[tuple[ConsentKind, bool]] = field(default_factory=list)
    equality: dict[str, Any] | None = None
    user: User | None = None

    def person_fields(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "full_name": self.full_name,
            "known_as": self.known_as,
            "email": self.email,
            "phone": self.phone,
            "address": self.address,
            "postcode": self.postcode,
            "date_of_birth": self.date_of_birth,
            "preferred_language": self.preferred_language.value,
        }

    def profile_fields(self) -> dict[str, Any]:
        return {
            "caring_situation": self.caring_situation,
            "needs_care_themselves": self.needs_care_themselves,
            "access_needs": [need.value for need in self.access_needs],
            "access_needs_other": self.access_needs_other,
            "interpreter_language": self.interpreter_language,
            "preferred_channel": self.preferred_channel.value,
            "no_email": Channel.EMAIL in self.blocked,
            "no_sms": Channel.SMS in self.blocked,
            "no_letter": Channel.LETTER in self.blocked,
            "no_phone": Channel.PHONE in self.blocked,
            "notice_days": self.notice_days,
            "replacement_care_needs": self.replacement_care_needs,
            "availability": [slot.value for slot in self.availability],
            "default_anonymity": self.default_anonymity.value,
        }


@dataclass(frozen=True)
class Area:
    """Where an organisation's carers live."""

    places: tuple[Place, ...]
    streets: tuple[str, ...]
    welsh_speaking_share: float  # of carers with Welsh names, how many prefer Welsh


RIVERSIDE_AREA = Area(data.RIVERSIDE_PLACES, data.RIVERSIDE_STREETS, 0.5)
HILLSIDE_AREA = Area(data.HILLSIDE_PLACES, data.HILLSIDE_STREETS, 0.5)


@dataclass
class Draw:
    """The random source and what has been handed out already (names, emails, numbers)."""

    rng: random.Random
    today: date
    mobiles: list[str]
    landlines: list[str]
    names: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)

    @classmethod
    def seeded(cls, today: date, seed: int = SEED) -> "Draw":
        rng = random.Random(seed)
        drawn = range(FIRST_DRAWN_NUMBER, 1000)
        return cls(
            rng=rng,
            today=today,
            mobiles=[f"{MOBILE_PREFIX}{n:03d}" for n in rng.sample(drawn, len(drawn))],
            landlines=[f"{LANDLINE_PREFIX}{n:03d}" for n in rng.sample(drawn, len(drawn))],
        )

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def weighted(self, options: Sequence[tuple[T, int]]) -> T:
        return self.rng.choices([o for o, _ in options], [w for _, w in options])[0]


# --- Pure helpers --------------------------------------------------------------------------


def birth_date_for(today: date, age: int, days_since_birthday: int) -> date:
    """A date of birth making someone `age` today, their last birthday that many days ago."""
    if not 0 <= days_since_birthday <= 360:
        raise ValueError("days_since_birthday must be between 0 and 360")
    try:
        birthday = today.replace(year=today.year - age)
    except ValueError:  # 29 February
        birthday = today.replace(year=today.year - age, day=28)
    return birthday - timedelta(days=days_since_birthday)


def age_band_for(age: int) -> AgeBand:
    bands = (
        (17, AgeBand.UNDER_18),
        (24, AgeBand.AGE_18_24),
        (34, AgeBand.AGE_25_34),
        (49, AgeBand.AGE_35_49),
        (64, AgeBand.AGE_50_64),
        (74, AgeBand.AGE_65_74),
        (84, AgeBand.AGE_75_84),
    )
    for oldest, band in bands:
        if age <= oldest:
            return band
    return AgeBand.AGE_85_PLUS


def ascii_slug(text: str) -> str:
    """Letters and digits only, lower case, accents dropped: "Siân O'Brien" -> "sianobrien"."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def relation_word(relationship: Relationship, female: bool) -> str:
    """How a carer would say it: "mum", "husband", "neighbour"."""
    words = {
        Relationship.PARENT: ("mum", "dad"),
        Relationship.PARTNER: ("wife", "husband"),
        Relationship.CHILD: ("daughter", "son"),
        Relationship.SIBLING: ("sister", "brother"),
        Relationship.GRANDPARENT: ("gran", "grandad"),
        Relationship.OTHER_RELATIVE: ("aunt", "uncle"),
        Relationship.FRIEND: ("friend", "friend"),
        Relationship.NEIGHBOUR: ("neighbour", "neighbour"),
        Relationship.OTHER: ("relative", "relative"),
    }
    female_word, male_word = words[relationship]
    return female_word if female else male_word


def join_phrases(phrases: Sequence[str]) -> str:
    """Join condition phrases, saying "has" once: "has dementia and a long-term illness"."""
    joined = phrases[0]
    for phrase in phrases[1:]:
        if joined.startswith("has ") and phrase.startswith("has "):
            phrase = phrase.removeprefix("has ")
        joined = f"{joined} and {phrase}"
    return joined


def describe_caring(female: bool, cared_for: Sequence[CaredForPlan]) -> str:
    """The caring in one sentence, like: Cares for her husband, Tom, who has dementia."""
    pronoun = "her" if female else "his"
    clauses = []
    for person in cared_for:
        named = f", {person.name}" if person.name else ""
        phrases = join_phrases([data.CONDITION_PHRASES[c] for c in person.conditions])
        clauses.append(
            f"{pronoun} {relation_word(person.relationship, person.female)}{named}, who {phrases}"
        )
    if len(clauses) > 2:
        listed = ", ".join(clauses[:-1]) + ", and " + clauses[-1]
    else:
        listed = ", and ".join(clauses)
    return f"Cares for {listed}."


# --- Drawing carers ------------------------------------------------------------------------


def first_names(origin: Origin, female: bool, young: bool) -> tuple[str, ...]:
    """First names of this origin, more recent ones for people under about 30."""
    names = origin.female if female else origin.male
    if young:
        return (origin.young_female if female else origin.young_male) or names
    return names


def draw_name(draw: Draw, origin: Origin, female: bool, age: int) -> tuple[str, str]:
    """A (first name, full name) not used yet in this demo."""
    for _ in range(50):
        first = draw.rng.choice(first_names(origin, female, young=age < 30))
        surname = draw.rng.choice(origin.surnames)
        if female and origin is data.POLISH and surname.endswith(("ski", "cki")):
            surname = surname[:-1] + "a"
        full_name = f"{first} {surname}"
        if full_name not in draw.names:
            draw.names.add(full_name)
            return first, full_name
    raise RuntimeError(f"Ran out of {origin.key} names")


def draw_email(draw: Draw, first: str, full_name: str) -> str:
    first_part = ascii_slug(first)
    last_part = ascii_slug(full_name.removeprefix(first))
    patterns = (
        f"{first_part}.{last_part}",
        f"{first_part}{last_part}",
        f"{first_part[0]}{last_part}",
        f"{first_part}.{last_part}{draw.rng.randint(1, 99)}",
    )
    local = draw.rng.choice(patterns)
    email = f"{local}@{draw.rng.choice(PERSON_EMAIL_DOMAINS)}"
    while email in draw.emails:
        email = f"{local}{draw.rng.randint(100, 999)}@{draw.rng.choice(PERSON_EMAIL_DOMAINS)}"
    draw.emails.add(email)
    return email


def draw_address(draw: Draw, area: Area) -> tuple[str, str]:
    """(address, postcode), with a postcode in the standard UK format."""
    place = draw.rng.choice(area.places)
    letters = data.INWARD_LETTERS
    inward = f"{draw.rng.randint(1, 9)}{draw.rng.choice(letters)}{draw.rng.choice(letters)}"
    street = f"{draw.rng.randint(1, 120)} {draw.rng.choice(area.streets)}"
    if draw.chance(0.15):
        street = f"Flat {draw.rng.randint(1, 24)}, {street}"
    return f"{street}\n{place.town}", f"{place.outward} {inward}"


def draw_access_needs(draw: Draw, age: int, origin: Origin) -> tuple[list[AccessNeed], str, str]:
    """(access needs, other access needs, interpreter language)."""
    older = age >= 70
    chances = {
        AccessNeed.STEP_FREE: 0.30 if older else 0.07,
        AccessNeed.HEARING_LOOP: 0.25 if older else 0.03,
        AccessNeed.BSL: 0.015,
        AccessNeed.LARGE_PRINT: 0.25 if older else 0.04,
        AccessNeed.EASY_READ: 0.05,
        AccessNeed.INTERPRETER: 0.35 if origin.interpreter_languages and age >= 30 else 0.0,
        AccessNeed.QUIET_ROOM: 0.07,
        AccessNeed.ACCESSIBLE_TOILET: 0.12 if older else 0.03,
    }
    needs = [need for need, chance in chances.items() if draw.chance(chance)]
    language = (
        draw.rng.choice(origin.interpreter_languages) if AccessNeed.INTERPRETER in needs else ""
    )
    other = ""
    if draw.chance(0.08):
        other = draw.rng.choice(
            (
                "A seat near the door, please.",
                "Chairs with arms: I struggle to get up from low seats.",
                "A break every hour.",
                "I use a mobility scooter.",
                "Captions on video calls, please.",
                "Papers sent a week ahead so I can read them in my own time.",
            )
        )
    return needs, other, language


def draw_channel(draw: Draw, age: int, needs: Sequence[AccessNeed]) -> Channel:
    if age < 18:
        options = [(Channel.EMAIL, 45), (Channel.SMS, 55)]
    elif age < 65:
        options = [
            (Channel.EMAIL, 58),
            (Channel.SMS, 20),
            (Channel.PHONE, 10),
            (Channel.LETTER, 12),
        ]
    elif age < 80:
        options = [
            (Channel.EMAIL, 35),
            (Channel.SMS, 10),
            (Channel.PHONE, 25),
            (Channel.LETTER, 30),
        ]
    else:
        options = [(Channel.EMAIL, 10), (Channel.SMS, 3), (Channel.PHONE, 37), (Channel.LETTER, 50)]
    if AccessNeed.HEARING_LOOP in needs or AccessNeed.BSL in needs:
        options = [(channel, weight) for channel, weight in options if channel != Channel.PHONE]
    return draw.weighted(options)


def draw_contact_details(
    draw: Draw, area: Area, age: int, channel: Channel, first: str, full_name: str
) -> tuple[str, str, str, str]:
    """(email, phone, address, postcode): always including what the channel needs."""
    has_email = {
        Channel.EMAIL: 1.0,
        Channel.SMS: 0.55,
        Channel.PHONE: 0.35,
        Channel.LETTER: 0.05,
    }[channel]
    email = draw_email(draw, first, full_name) if draw.chance(has_email) else ""
    older = age >= 65
    if channel == Channel.SMS or (age < 18 and draw.chance(0.8)):
        phone = draw.mobiles.pop()
    elif channel == Channel.PHONE or draw.chance(0.85 if channel == Channel.EMAIL else 0.6):
        landline = draw.chance(0.6 if older else 0.15)
        phone = draw.landlines.pop() if landline else draw.mobiles.pop()
    else:
        phone = ""
    address, postcode = draw_address(draw, area)
    if channel != Channel.LETTER and draw.chance(0.25):
        address = ""  # we know roughly where they live, not their address
    return email, phone, address, postcode


def draw_blocked_channels(
    draw: Draw, channel: Channel, email: str, needs: Sequence[AccessNeed]
) -> list[Channel]:
    """Ways someone asked us not to use. Never their preferred one."""
    blocked = []
    if channel != Channel.PHONE and (AccessNeed.HEARING_LOOP in needs or AccessNeed.BSL in needs):
        blocked.append(Channel.PHONE)
    if channel != Channel.EMAIL and email and draw.chance(0.06):
        blocked.append(Channel.EMAIL)
    if channel != Channel.LETTER and draw.chance(0.05):
        blocked.append(Channel.LETTER)
    return blocked


def relationship_options(age: int) -> list[tuple[Relationship, int]]:
    r = Relationship
    if age < 18:
        return [(r.PARENT, 60), (r.SIBLING, 30), (r.GRANDPARENT, 10)]
    if age < 25:
        return [(r.PARENT, 50), (r.SIBLING, 30), (r.GRANDPARENT, 10), (r.FRIEND, 10)]
    if age < 50:
        return [(r.CHILD, 45), (r.PARENT, 35), (r.PARTNER, 15), (r.SIBLING, 3), (r.FRIEND, 2)]
    if age < 65:
        return [
            (r.PARENT, 45),
            (r.PARTNER, 25),
            (r.CHILD, 22),
            (r.OTHER_RELATIVE, 3),
            (r.FRIEND, 3),
            (r.NEIGHBOUR, 2),
        ]
    if age < 75:
        return [
            (r.PARTNER, 60),
            (r.CHILD, 15),
            (r.SIBLING, 10),
            (r.PARENT, 5),
            (r.FRIEND, 5),
            (r.NEIGHBOUR, 5),
        ]
    return [(r.PARTNER, 70), (r.CHILD, 15), (r.SIBLING, 8), (r.FRIEND, 4), (r.NEIGHBOUR, 3)]


def condition_options(relationship: Relationship, carer_age: int) -> list[tuple[Condition, int]]:
    c = Condition
    young = carer_age < 25
    if relationship == Relationship.PARENT and young:
        return [
            (c.MENTAL_HEALTH, 35),
            (c.PHYSICAL_HEALTH, 25),
            (c.LONG_TERM_ILLNESS, 20),
            (c.SUBSTANCE_USE, 15),
            (c.LEARNING_DISABILITY, 5),
        ]
    if relationship == Relationship.PARENT:
        return [
            (c.DEMENTIA, 35),
            (c.FRAILTY, 25),
            (c.PHYSICAL_HEALTH, 20),
            (c.LONG_TERM_ILLNESS, 15),
            (c.MENTAL_HEALTH, 5),
        ]
    if relationship == Relationship.PARTNER and carer_age >= 65:
        return [
            (c.DEMENTIA, 35),
            (c.PHYSICAL_HEALTH, 25),
            (c.LONG_TERM_ILLNESS, 20),
            (c.FRAILTY, 15),
            (c.MENTAL_HEALTH, 5),
        ]
    if relationship == Relationship.PARTNER:
        return [
            (c.MENTAL_HEALTH, 30),
            (c.PHYSICAL_HEALTH, 30),
            (c.LONG_TERM_ILLNESS, 25),
            (c.SUBSTANCE_USE, 10),
            (c.DEMENTIA, 5),
        ]
    if relationship == Relationship.CHILD:
        return [
            (c.AUTISM, 35),
            (c.LEARNING_DISABILITY, 30),
            (c.PHYSICAL_HEALTH, 20),
            (c.MENTAL_HEALTH, 15),
        ]
    if relationship == Relationship.SIBLING:
        return [
            (c.LEARNING_DISABILITY, 35),
            (c.AUTISM, 25),
            (c.MENTAL_HEALTH, 25),
            (c.PHYSICAL_HEALTH, 15),
        ]
    if relationship == Relationship.GRANDPARENT:
        return [(c.DEMENTIA, 40), (c.FRAILTY, 40), (c.PHYSICAL_HEALTH, 20)]
    return [
        (c.FRAILTY, 35),
        (c.DEMENTIA, 25),
        (c.MENTAL_HEALTH, 20),
        (c.LONG_TERM_ILLNESS, 15),
        (c.SUBSTANCE_USE, 5),
    ]


def lives_with_chance(relationship: Relationship, carer_age: int) -> float:
    young = carer_age < 25
    return {
        Relationship.PARTNER: 0.95,
        Relationship.CHILD: 0.9 if carer_age < 60 else 0.5,
        Relationship.PARENT: 0.95 if young else 0.35,
        Relationship.SIBLING: 0.9 if young else 0.3,
        Relationship.GRANDPARENT: 0.3,
    }.get(relationship, 0.0)


def draw_cared_for(
    draw: Draw, origin: Origin, carer_age: int, carer_female: bool, carer_first_name: str
) -> list[CaredForPlan]:
    how_many = draw.weighted([(1, 65), (2, 27), (3, 8)])
    cared_for: list[CaredForPlan] = []
    chosen: list[Relationship] = []
    for _ in range(how_many * 4):
        if len(cared_for) == how_many:
            break
        relationship = draw.weighted(relationship_options(carer_age))
        once = relationship == Relationship.PARTNER
        if (once and relationship in chosen) or chosen.count(relationship) >= 2:
            continue
        chosen.append(relationship)
        if relationship == Relationship.PARTNER:
            female = not carer_female if draw.chance(0.93) else carer_female
        elif relationship in (Relationship.PARENT, Relationship.GRANDPARENT) and any(
            p.relationship == relationship for p in cared_for
        ):
            # Both parents (or grandparents): one of each.
            female = not next(p.female for p in cared_for if p.relationship == relationship)
        else:
            female = draw.chance(0.5)
        options = condition_options(relationship, carer_age)
        first = draw.weighted(options)
        conditions = [first]
        if draw.chance(0.3):
            second = draw.weighted([o for o in options if o[0] != first])
            conditions = [c for c in Condition if c in (first, second)]
        young = (relationship == Relationship.SIBLING and carer_age < 30) or (
            relationship == Relationship.CHILD and carer_age < 55
        )
        names = [n for n in first_names(origin, female, young) if n != carer_first_name]
        name = draw.rng.choice(names) if draw.chance(0.6) else ""
        notes = draw.rng.choice(data.CARE_NOTES[first]) if draw.chance(0.5) else ""
        cared_for.append(
            CaredForPlan(
                name=name,
                female=female,
                relationship=relationship,
                conditions=conditions,
                lives_with_carer=draw.chance(lives_with_chance(relationship, carer_age)),
                notes=notes,
            )
        )
    return cared_for


def draw_availability(draw: Draw, age: int) -> list[Availability]:
    if draw.chance(0.05):
        return []  # not told us
    a = Availability
    working = 18 <= age < 67 and draw.chance(0.6)
    if age < 18 or working:
        pool = [a.WEEKDAY_EVENING, a.WEEKEND_DAYTIME, a.WEEKEND_EVENING]
    else:
        pool = [a.WEEKDAY_MORNING, a.WEEKDAY_AFTERNOON, a.WEEKEND_DAYTIME]
    picked = draw.rng.sample(pool, draw.rng.randint(1, len(pool)))
    return [slot for slot in Availability if slot in picked]


def draw_replacement_care(draw: Draw, cared_for: Sequence[CaredForPlan]) -> str:
    needing = [
        p
        for p in cared_for
        if p.lives_with_carer and any(c in HEAVY_CONDITIONS for c in p.conditions)
    ]
    if not needing or not draw.chance(0.55):
        return ""
    who = relation_word(needing[0].relationship, needing[0].female)
    return draw.rng.choice(data.REPLACEMENT_CARE).format(who=who)


def draw_consents(draw: Draw) -> list[tuple[ConsentKind, bool]]:
    """Everyone agreed to us keeping their information; most to contact; ~70% to equality."""
    consents = [(ConsentKind.DATA_USE, True), (ConsentKind.CONTACT, draw.chance(0.9))]
    roll = draw.rng.random()
    if roll < 0.70:
        consents.append((ConsentKind.EQUALITY, True))
    elif roll < 0.88:
        consents.append((ConsentKind.EQUALITY, False))
    elif roll >= 0.94:  # agreed, then changed their mind: nothing may be kept
        consents += [(ConsentKind.EQUALITY, True), (ConsentKind.EQUALITY, False)]
    return consents  # 0.88 to 0.94: never asked


def draw_equality(
    draw: Draw,
    origin: Origin,
    age: int,
    female: bool,
    needs_care: bool,
    cared_for: Sequence[CaredForPlan],
) -> dict[str, Any]:
    sex = Sex.PREFER_NOT if draw.chance(0.03) else (Sex.FEMALE if female else Sex.MALE)
    d = Disability
    if needs_care:
        disability = draw.weighted([(d.LIMITED_A_LOT, 50), (d.LIMITED_A_LITTLE, 40), (d.NO, 10)])
    elif age >= 75:
        disability = draw.weighted(
            [(d.LIMITED_A_LOT, 15), (d.LIMITED_A_LITTLE, 35), (d.NO, 45), (d.PREFER_NOT, 5)]
        )
    else:
        disability = draw.weighted(
            [(d.LIMITED_A_LOT, 5), (d.LIMITED_A_LITTLE, 15), (d.NO, 75), (d.PREFER_NOT, 5)]
        )
    h = CareHours
    lives_with = [p for p in cared_for if p.lives_with_carer]
    if any(c in HEAVY_CONDITIONS for p in lives_with for c in p.conditions):
        hours = [(h.HOURS_50_PLUS, 55), (h.HOURS_20_TO_49, 30), (h.UP_TO_19, 12), (h.PREFER_NOT, 3)]
    elif lives_with:
        hours = [(h.HOURS_50_PLUS, 25), (h.HOURS_20_TO_49, 40), (h.UP_TO_19, 32), (h.PREFER_NOT, 3)]
    else:
        hours = [(h.HOURS_50_PLUS, 5), (h.HOURS_20_TO_49, 25), (h.UP_TO_19, 67), (h.PREFER_NOT, 3)]
    return {
        "age_band": age_band_for(age).value,
        "sex": sex.value,
        "ethnic_group": draw.weighted(origin.ethnic_groups).value,
        "disability": disability.value,
        "care_hours": draw.weighted(hours).value,
        "young_carer": age < 18,
    }


def draw_carer(draw: Draw, origin: Origin, age: int, area: Area, welsh: bool = False) -> CarerPlan:
    """One plausible carer of this origin and age, living in this area."""
    female = draw.chance(0.55 if age < 18 else 0.62)
    first, full_name = draw_name(draw, origin, female, age)
    born = birth_date_for(draw.today, age, draw.rng.randint(0, 360))
    needs, needs_other, interpreter_language = draw_access_needs(draw, age, origin)
    channel = draw_channel(draw, age, needs)
    email, phone, address, postcode = draw_contact_details(
        draw, area, age, channel, first, full_name
    )
    cared_for = draw_cared_for(draw, origin, age, female, first)
    needs_care = draw.chance(0.3 if age >= 75 else 0.12 if age >= 65 else 0.05)
    situation = [describe_caring(female, cared_for)]
    pronoun = "her" if female else "his"
    if age < 18:
        situation.append("Helps at home before and after school.")
    elif age < 67 and draw.chance(0.5):
        situation.append(f"Works {draw.rng.choice(('part-time', 'full-time', 'shifts'))}.")
    if needs_care:
        situation.append(f"Has {pronoun} own health problems and gets some help at home.")
    if draw.chance(0.1):
        situation.append(
            f"Shares the caring with {pronoun} {draw.rng.choice(('sister', 'brother', 'cousin'))}."
        )
    consents = draw_consents(draw)
    equality_given = dict(consents).get(ConsentKind.EQUALITY, False)
    return CarerPlan(
        full_name=full_name,
        known_as=data.KNOWN_AS.get(first, "") if draw.chance(0.5) else "",
        female=female,
        date_of_birth=born,
        email=email,
        phone=phone,
        address=address,
        postcode=postcode,
        preferred_language=Language.WELSH if welsh else Language.ENGLISH,
        preferred_channel=channel,
        blocked=draw_blocked_channels(draw, channel, email, needs),
        cared_for=cared_for,
        caring_situation=" ".join(situation),
        needs_care_themselves=needs_care,
        access_needs=needs,
        access_needs_other=needs_other,
        interpreter_language=interpreter_language,
        notice_days=draw.weighted([(14, 70), (7, 10), (21, 12), (28, 8)]),
        replacement_care_needs=draw_replacement_care(draw, cared_for),
        availability=draw_availability(draw, age),
        default_anonymity=draw.weighted(
            [
                (Anonymity.IDENTIFIABLE, 75),
                (Anonymity.ANONYMOUS_TO_GROUP, 18),
                (Anonymity.CONFIDENTIAL, 7),
            ]
        ),
        consents=consents,
        equality=(
            draw_equality(draw, origin, age, female, needs_care, cared_for)
            if equality_given
            else None
        ),
    )


def draw_carers(
    draw: Draw,
    origins: Sequence[tuple[Origin, int]],
    ages: Sequence[tuple[int, int, int]],
    area: Area,
) -> list[CarerPlan]:
    """Carers whose origins and ages come in exactly the numbers given, shuffled together."""
    origin_list = [origin for origin, count in origins for _ in range(count)]
    age_list = [draw.rng.randint(low, high) for low, high, count in ages for _ in range(count)]
    if len(origin_list) != len(age_list):
        raise ValueError("origins and ages must describe the same number of carers")
    draw.rng.shuffle(origin_list)
    draw.rng.shuffle(age_list)
    # Exactly that share of carers with Welsh names prefer Welsh (at least one, if any).
    welsh_names = [i for i, origin in enumerate(origin_list) if origin is data.WELSH]
    speakers = max(round(len(welsh_names) * area.welsh_speaking_share), min(len(welsh_names), 1))
    welsh = set(draw.rng.sample(welsh_names, speakers))
    return [
        draw_carer(draw, origin, age, area, welsh=i in welsh)
        for i, (origin, age) in enumerate(zip(origin_list, age_list, strict=True))
    ]
