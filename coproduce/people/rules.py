"""Pure decisions about people and profiles: no writes, no request."""

import re
from collections.abc import Iterable
from datetime import date

from coproduce.people.models import Channel, Consent, ConsentKind, Person

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_PHONE_ALLOWED = re.compile(r"^[0-9 +()\-]+$")


def normalise_postcode(raw: str) -> str | None:
    """A UK postcode in its standard form ("SW1A 1AA"), or None if it is not one."""
    compact = re.sub(r"\s+", "", raw.upper())
    match = _POSTCODE.match(compact)
    if match is None:
        return None
    return f"{match.group(1)} {match.group(2)}"


def normalise_phone(raw: str) -> str | None:
    """A phone number kept as typed (tidied), or None if it cannot be one."""
    tidy = " ".join(raw.split())
    if not _PHONE_ALLOWED.match(tidy):
        return None
    digits = re.sub(r"\D", "", tidy)
    if not 10 <= len(digits) <= 15:
        return None
    return tidy


def missing_detail_for_channel(channel: str, *, email: str, phone: str, address: str) -> str | None:
    """Which contact detail a channel needs and we do not have, if any."""
    needs = {
        Channel.EMAIL: ("email", email),
        Channel.SMS: ("phone", phone),
        Channel.PHONE: ("phone", phone),
        Channel.LETTER: ("address", address),
    }
    detail, value = needs[Channel(channel)]
    return None if value.strip() else detail


def current_consents(consents: Iterable[Consent]) -> dict[str, Consent]:
    """The latest decision per kind, from records in any order."""
    latest: dict[str, Consent] = {}
    for consent in sorted(consents, key=lambda c: (c.recorded_at, c.pk)):
        latest[consent.kind] = consent
    return latest


def may_keep_equality_data(consents: Iterable[Consent]) -> bool:
    current = current_consents(consents).get(ConsentKind.EQUALITY)
    return current is not None and current.given


def is_young_carer(person: Person, today: date) -> bool:
    age = person.age_on(today)
    return age is not None and age < 18
