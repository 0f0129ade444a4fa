"""Pure decisions about briefs and expressions of interest: no writes, no request."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.recruitment.models import State


class BriefStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    UPCOMING = "upcoming", _("Published, opens later")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


def brief_status(published: bool, opens_on: date, closes_on: date, today: date) -> BriefStatus:
    """Draft until published; then open from the opening date to the closing date inclusive."""
    if not published:
        return BriefStatus.DRAFT
    if today < opens_on:
        return BriefStatus.UPCOMING
    if today > closes_on:
        return BriefStatus.CLOSED
    return BriefStatus.OPEN


CLOSES_BEFORE_OPENING = _("The closing date must be the same as or after the opening date")


def dates_problem(opens_on: date, closes_on: date) -> StrOrPromise | None:
    return CLOSES_BEFORE_OPENING if closes_on < opens_on else None


def publish_problem(closes_on: date, today: date) -> StrOrPromise | None:
    """A brief that has already closed cannot be published: nobody could answer it."""
    if closes_on < today:
        return _(
            "The closing date has passed, so nobody could answer this brief. "
            "Change the closing date, then publish it."
        )
    return None


# Where an expression of interest may go from each state. Not this time, member and
# withdrawn are where it ends; a change of heart is a new expression of interest.
TRANSITIONS: dict[State, frozenset[State]] = {
    State.RECEIVED: frozenset({State.SCREENED, State.NOT_THIS_TIME, State.WITHDRAWN}),
    State.SCREENED: frozenset(
        {State.SCREENED, State.INVITED, State.NOT_THIS_TIME, State.WITHDRAWN}
    ),
    State.INVITED: frozenset({State.MEMBER, State.NOT_THIS_TIME, State.WITHDRAWN}),
    State.NOT_THIS_TIME: frozenset(),
    State.MEMBER: frozenset(),
    State.WITHDRAWN: frozenset(),
}


MOVE_REFUSED = _("This cannot go from “%(from)s” to “%(to)s”")
ALREADY_MOVED = _("Someone else has just changed this. Here is where it is now.")
REASON_NEEDED = _("Tell them kindly why not this time")


def may_move(from_state: str, to_state: str) -> bool:
    return State(to_state) in TRANSITIONS[State(from_state)]


def may_screen(under_18: bool, safeguarding_trained: bool) -> bool:
    """Only safeguarding-trained staff screen (or decide about) people under 18."""
    return safeguarding_trained or not under_18


@dataclass(frozen=True)
class Screening:
    under_18: bool
    online_group: bool
    genuine_carer: bool | None
    safeguarding_notes: str
    has_guardian_consent: bool


def invite_problems(screening: Screening) -> list[StrOrPromise]:
    """What must be recorded before someone can be invited to join (empty: nothing)."""
    problems: list[StrOrPromise] = []
    if screening.genuine_carer is not True:
        problems.append(_("Record that they are a genuine carer"))
    if screening.online_group and not screening.safeguarding_notes.strip():
        problems.append(_("Record safeguarding notes: the group meets online"))
    if screening.under_18 and not screening.has_guardian_consent:
        problems.append(_("Record a parent or guardian's consent: they are under 18"))
    return problems


def is_under_18(date_of_birth: date | None, says_under_18: bool | None, today: date) -> bool:
    """From the date of birth when we have it, else from their answer to "are you under 18?"."""
    if date_of_birth is not None:
        age = today.year - date_of_birth.year
        age -= (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
        return age < 18
    return bool(says_under_18)


def email_key(email: str) -> str:
    return email.strip().lower()


def phone_key(phone: str) -> str:
    """Digits only, with +44 written the UK way (07700 900982 and +44 7700 900982 match)."""
    digits = re.sub(r"\D", "", phone).removeprefix("00")
    if digits.startswith("440"):
        digits = "0" + digits[3:]
    elif digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits


def is_duplicate(email: str, phone: str, existing: Iterable[tuple[str, str]]) -> bool:
    """Whether a new person's contact details match an answer already given to the brief.

    `existing` holds the (email_key, phone_key) pairs of the brief's expressions.
    """
    mine_email, mine_phone = email_key(email), phone_key(phone)
    for their_email, their_phone in existing:
        if mine_email and mine_email == their_email:
            return True
        if mine_phone and mine_phone == their_phone:
            return True
    return False


def parse_areas(raw: str) -> list[str]:
    """ "GU1, gu2 RH" → ["GU1", "GU2", "RH"]; anything not like a postcode area is dropped."""
    return [
        part.upper()
        for part in re.split(r"[\s,]+", raw)
        if re.fullmatch(r"[A-Za-z]{1,2}([0-9][A-Za-z0-9]?)?", part)
    ]


# A UK phone number written the usual way: 01632 960 001, 07700 900982, 0300 123 4567.
UK_PHONE = re.compile(r"(?<![\d+])0\d{2,4}(?: ?\d){6,7}(?!\d)")


def phone_parts(text: str) -> list[tuple[str, str]]:
    """Split text around UK phone numbers so they can be made tappable: a list of
    (text, tel) where tel is "+44…" for a phone number and "" for plain text."""
    parts: list[tuple[str, str]] = []
    at = 0
    for found in UK_PHONE.finditer(text):
        if found.start() > at:
            parts.append((text[at : found.start()], ""))
        parts.append((found.group(), "+44" + phone_key(found.group())[1:]))
        at = found.end()
    if at < len(text):
        parts.append((text[at:], ""))
    return parts
