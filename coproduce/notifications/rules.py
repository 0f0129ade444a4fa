"""Pure decisions about how to reach a person: no writes, no request."""

import re
from dataclasses import dataclass
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


def usable(person: Person, channel: Channel) -> bool:
    """The person has the details for `channel` and has not asked not to be reached by it."""
    if person.is_erased or not _usable(person, channel):
        return False
    try:
        return channel in person.carer_profile.contactable_channels()
    except CarerProfile.DoesNotExist:
        return True


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


# --- Text messages: what a text costs ----------------------------------------------------

# GSM 03.38: the basic set (one septet each) and the extension set (two: escape + char).
# A text made only of these goes as GSM-7 (160 characters, or 153 per part when split);
# anything else (Welsh ŵ ŷ â ê î ô û, curly quotes, emoji) makes the whole text UCS-2,
# 70 characters, or 67 per part. GOV.UK Notify counts parts the same way.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
SMS_MAX_CHARACTERS = 306  # two GSM-7 parts: what every text message is written to fit
SMS_MAX_PARTS = 2


@dataclass(frozen=True)
class SmsLength:
    characters: int  # what the person reads
    units: int  # what the network counts: septets (GSM-7) or UTF-16 code units (UCS-2)
    unicode: bool
    parts: int


def sms_length(text: str) -> SmsLength:
    """How long a text message is, and how many parts (each charged as one text) it takes."""
    unicode = any(char not in GSM7_BASIC and char not in GSM7_EXTENSION for char in text)
    if unicode:
        units = len(text.encode("utf-16-le")) // 2
        single, part = 70, 67
    else:
        units = len(text) + sum(1 for char in text if char in GSM7_EXTENSION)
        single, part = 160, 153
    parts = 1 if units <= single else -(-units // part)
    return SmsLength(characters=len(text), units=units, unicode=unicode, parts=parts)
