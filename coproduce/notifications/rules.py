"""Pure decisions about how to reach a person: no writes, no request."""

import re
from datetime import timedelta

from coproduce.people.models import CarerProfile, Channel, Person

FALLBACK_ORDER = (Channel.EMAIL, Channel.SMS, Channel.LETTER, Channel.PHONE)
MAX_ADDRESS_LINES = 7  # GOV.UK Notify takes address_line_1 to address_line_7.
MIN_ADDRESS_LINES = 3
_UK_MOBILE = re.compile(r"^(?:07|\+447)\d{9}$")


def is_uk_mobile(phone: str) -> bool:
    """07700 900982 or +44 7700 900982, spaces, dashes and brackets aside."""
    return bool(_UK_MOBILE.match(re.sub(r"[\s\-()]", "", phone)))


def letter_address_lines(person: Person) -> list[str]:
    """Notify's address lines: the name, the address, the postcode last; at most 7 lines.

    Address lines past the fifth are joined onto the fifth so that nothing is lost.
    """
    postcode = " ".join(person.postcode.split()).upper()
    lines = [line.strip() for line in re.split(r"[\n,]", person.address) if line.strip()]
    if lines and postcode and " ".join(lines[-1].split()).upper() == postcode:
        lines.pop()
    room = MAX_ADDRESS_LINES - 2
    if len(lines) > room:
        lines = [*lines[: room - 1], ", ".join(lines[room - 1 :])]
    if not postcode:
        raise ValueError(f"{person} has no postcode, which a letter needs")
    result = [person.full_name.strip(), *lines, postcode]
    result = [line for line in result if line]
    if len(result) < MIN_ADDRESS_LINES:
        raise ValueError(
            f"A letter needs at least {MIN_ADDRESS_LINES} address lines including the name "
            f"and postcode; {person} has {len(result)}"
        )
    return result


def _has_letter_address(person: Person) -> bool:
    try:
        letter_address_lines(person)
    except ValueError:
        return False
    return True


def _usable(person: Person, channel: Channel) -> bool:
    if channel == Channel.EMAIL:
        return bool(person.email.strip())
    if channel == Channel.SMS:
        return is_uk_mobile(person.phone)
    if channel == Channel.LETTER:
        return _has_letter_address(person)
    return bool(person.phone.strip())


def choose_channel(person: Person) -> Channel | None:
    """The person's preferred channel if allowed and possible, else the first that is
    (email, text, letter, phone). Phone means staff must call. None: no way at all.

    People without a carer profile (staff, professionals) prefer email and block nothing.
    """
    if person.is_erased:
        return None
    try:
        profile: CarerProfile | None = person.carer_profile
    except CarerProfile.DoesNotExist:
        profile = None
    # An imported carer whose channel is not known yet (blank) gets the first that works.
    preferred = (
        (Channel(profile.preferred_channel) if profile.preferred_channel else None)
        if profile
        else Channel.EMAIL
    )
    allowed = set(profile.contactable_channels()) if profile else set(Channel)
    for channel in (*([preferred] if preferred else []), *FALLBACK_ORDER):
        if channel in allowed and _usable(person, channel):
            return channel
    return None


# --- Sending again -----------------------------------------------------------------------

# Notify busy (429) or broken (5xx, or no answer at all): try again after 1, 2, 4, 8 and
# 16 minutes, then give up and show staff. Any other refusal is final at once.
MAX_ATTEMPTS = 6
FIRST_RETRY_DELAY = timedelta(minutes=1)
# A message still "sending" this long after its attempt began lost its worker.
STUCK_AFTER = timedelta(minutes=15)


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: doubling each time."""
    return FIRST_RETRY_DELAY * (1 << (attempts - 1))


def should_retry(status_code: int, attempts: int) -> bool:
    """Whether a send that Notify answered with `status_code` is worth trying again."""
    transient = status_code == 429 or status_code >= 500
    return transient and attempts < MAX_ATTEMPTS
