"""Pure decisions about an import: which of our fields a column may fill, the presets for
common kinds of export, what a row says once read (or what is wrong with it, in plain
words), and when a row is someone we may already know.

Channel, language, do-not-contact and consent are taken from the file or left unknown:
a blank cell is never read as a choice (nobody is assumed to want email).
"""

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.people.models import Channel, Disability, EthnicGroup, Language, Sex

PREVIEW_ROWS = 10
# Problems kept to show; the count says how many there were in all.
PROBLEMS_KEPT = 500

# Our fields a column may fill, in the order the mapping page asks about them.
FIELDS: dict[str, Promise] = {
    "source_id": gettext_lazy("Id in the other system"),
    "full_name": gettext_lazy("Full name"),
    "first_name": gettext_lazy("First name"),
    "last_name": gettext_lazy("Last name"),
    "date_of_birth": gettext_lazy("Date of birth"),
    "address": gettext_lazy("Address"),
    "town": gettext_lazy("Town"),
    "postcode": gettext_lazy("Postcode"),
    "phone": gettext_lazy("Phone"),
    "email": gettext_lazy("Email"),
    "preferred_channel": gettext_lazy("Preferred way to contact"),
    "language": gettext_lazy("Language"),
    "do_not_contact": gettext_lazy("Do not contact"),
    "consent_contact": gettext_lazy("Consent to contact about getting involved"),
    "consent_data_use": gettext_lazy("Consent to keep and use their information"),
    "consent_equality": gettext_lazy("Consent to equality monitoring"),
    "sex": gettext_lazy("Sex"),
    "ethnic_group": gettext_lazy("Ethnic group"),
    "disability": gettext_lazy("Disability"),
}
EQUALITY_FIELDS = ("sex", "ethnic_group", "disability")
LIMITS = {
    "source_id": 100,
    "full_name": 200,
    "address": 1000,
    "postcode": 10,
    "phone": 30,
    "email": 254,
}

# Presets for common kinds of export. The headings are made up for this project, in the
# shape such exports usually take; they are not copied from any product.
PRESETS: dict[str, tuple[Promise, dict[str, str]]] = {
    "case_management": (
        gettext_lazy("Case-management database export"),
        {
            "source_id": "Client Ref",
            "first_name": "Forename",
            "last_name": "Surname",
            "date_of_birth": "DOB",
            "address": "Address Line 1",
            "town": "Town/City",
            "postcode": "Post Code",
            "phone": "Main Phone",
            "email": "Email Address",
            "preferred_channel": "Contact Preference",
            "language": "First Language",
            "do_not_contact": "Do Not Contact",
            "consent_contact": "Consent - Contact",
            "consent_data_use": "Consent - Data",
            "consent_equality": "Consent - Monitoring",
            "sex": "Gender",
            "ethnic_group": "Ethnicity",
            "disability": "Disability",
        },
    ),
    "crm_contacts": (
        gettext_lazy("CRM contacts export"),
        {
            "source_id": "Contact ID",
            "first_name": "First Name",
            "last_name": "Last Name",
            "date_of_birth": "Birth Date",
            "address": "Street Address",
            "town": "City",
            "postcode": "Postal Code",
            "phone": "Phone (Primary)",
            "email": "Email (Primary)",
            "preferred_channel": "Preferred Communication Method",
            "language": "Preferred Language",
            "do_not_contact": "Do Not Contact",
            "consent_contact": "Opted In",
            "consent_data_use": "Data Consent",
        },
    ),
    "spreadsheet": (
        gettext_lazy("A simple spreadsheet"),
        {
            "source_id": "ID",
            "full_name": "Name",
            "date_of_birth": "Date of birth",
            "address": "Address",
            "postcode": "Postcode",
            "phone": "Phone",
            "email": "Email",
            "preferred_channel": "Contact by",
            "language": "Language",
            "do_not_contact": "Do not contact",
            "consent_contact": "Consent to contact",
            "consent_data_use": "Consent to keep data",
        },
    ),
}


def suggested_columns(headers: list[str], columns: dict[str, str]) -> dict[str, str]:
    """A mapping's columns that the file has (matched without regard to case), and for the
    rest of our fields a column named as the field is, if there is one."""
    by_name = {h.casefold(): h for h in headers}
    chosen = {f: by_name[c.casefold()] for f, c in columns.items() if c.casefold() in by_name}
    for name, label in FIELDS.items():
        if name not in chosen and str(label).casefold() in by_name:
            chosen[name] = by_name[str(label).casefold()]
    return chosen


def mapping_problem(columns: dict[str, str], headers: list[str]) -> str | None:
    """Why a mapping cannot be used for a file; None if it can."""
    missing = [c for c in columns.values() if c not in headers]
    if missing:
        return _("The file has no column called “%(heading)s”") % {"heading": missing[0]}
    if "full_name" not in columns and not {"first_name", "last_name"} <= set(columns):
        return _("Choose the column with the full name, or the columns with first and last names")
    return None


# --- Reading a row ---------------------------------------------------------------------------

YES = {"yes", "y", "true", "1", "x", "ie", "do"}
NO = {"no", "n", "false", "0", "na", "nac ydw"}
CHANNELS = {
    "email": Channel.EMAIL,
    "e-mail": Channel.EMAIL,
    "text": Channel.SMS,
    "sms": Channel.SMS,
    "text message": Channel.SMS,
    "letter": Channel.LETTER,
    "post": Channel.LETTER,
    "phone": Channel.PHONE,
    "telephone": Channel.PHONE,
    "phone call": Channel.PHONE,
}
LANGUAGES = {
    "en": Language.ENGLISH,
    "english": Language.ENGLISH,
    "saesneg": Language.ENGLISH,
    "cy": Language.WELSH,
    "welsh": Language.WELSH,
    "cymraeg": Language.WELSH,
}
SEXES = {"f": Sex.FEMALE, "m": Sex.MALE}
EQUALITY_CHOICES: dict[str, type[TextChoices]] = {
    "sex": Sex,
    "ethnic_group": EthnicGroup,
    "disability": Disability,
}
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
PHONE = re.compile(r"^[0-9+() -]{6,30}$")
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
YEAR_MONTH_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


@dataclass
class Row:
    """What one row says, in our terms. None: the file does not say (left as it is)."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def key(self) -> tuple[str, datetime.date, str] | None:
        """Name, date of birth and postcode, when the row has all three."""
        born, postcode = self.values.get("date_of_birth"), self.values.get("postcode")
        if born is None or not postcode:
            return None
        return match_key(self.values["full_name"], born, postcode)


def match_key(name: str, born: datetime.date, postcode: str) -> tuple[str, datetime.date, str]:
    return (" ".join(name.casefold().split()), born, postcode.replace(" ", "").upper())


def _said(name: str) -> str:
    return str(FIELDS[name]).lower()


@dataclass(frozen=True)
class Words:
    """Field names as problems say them, and the answers each equality question takes,
    looked up once per file in the active language (not once per cell)."""

    said: dict[str, str]
    answers: dict[str, dict[str, str]]

    @classmethod
    def now(cls) -> "Words":
        answers = {}
        for name, choices in EQUALITY_CHOICES.items():
            known = {str(v).casefold(): str(v) for v in choices.values}
            known |= {str(label).casefold(): str(v) for v, label in choices.choices}
            answers[name] = {**known, **(SEXES if name == "sex" else {})}
        return cls({name: _said(name) for name in FIELDS}, answers)


def parse_date(text: str, today: datetime.date) -> tuple[datetime.date | None, str | None]:
    """A date of birth and None, or None and what is wrong with it."""
    said = {"field": _said("date_of_birth"), "value": text}
    if found := DAY_MONTH_YEAR.match(text):
        day, month, year = (int(g) for g in found.groups())
    elif found := YEAR_MONTH_DAY.match(text):
        year, month, day = (int(g) for g in found.groups())
    else:
        return None, _("%(field)s “%(value)s” is not a date: write it like 31/01/1950") % said
    try:
        born = datetime.date(year, month, day)
    except ValueError:
        return None, _("%(field)s “%(value)s” is not a real date") % said
    if born > today:
        return None, _("%(field)s “%(value)s” is in the future") % said
    if born.year < 1900:
        return None, _("%(field)s “%(value)s” is too long ago") % said
    return born, None


def _yes_no(text: str) -> bool | None:
    lowered = text.casefold()
    return True if lowered in YES else False if lowered in NO else None


def _cell(name: str, text: str, row: Row, today: datetime.date, words: Words) -> None:
    """Read one non-blank cell into `row` (or add what is wrong with it)."""
    said = {"field": words.said[name], "value": text}
    limit = LIMITS.get(name)
    if limit is not None and len(text) > limit:
        row.problems.append(
            _("%(field)s is longer than %(limit)s characters") % {**said, "limit": limit}
        )
    elif name == "date_of_birth":
        born, problem = parse_date(text, today)
        row.values[name] = born
        if problem:
            row.problems.append(problem)
    elif name == "postcode":
        postcode = " ".join(text.upper().split())
        if not POSTCODE.match(postcode):
            row.problems.append(_("%(field)s “%(value)s” is not a UK postcode") % said)
        elif " " not in postcode:
            postcode = f"{postcode[:-3]} {postcode[-3:]}"
        row.values[name] = postcode
    elif name == "email":
        try:
            validate_email(text)
        except ValidationError:
            row.problems.append(_("%(field)s “%(value)s” is not an email address") % said)
        row.values[name] = text.lower()
    elif name == "phone" and not PHONE.match(text):
        row.problems.append(_("%(field)s “%(value)s” is not a phone number") % said)
    elif name == "preferred_channel":
        channel = CHANNELS.get(text.casefold())
        if channel is None:
            row.problems.append(
                _("%(field)s “%(value)s” is not email, text, letter or phone") % said
            )
        row.values[name] = channel
    elif name == "language":
        language = LANGUAGES.get(text.casefold())
        if language is None:
            row.problems.append(_("%(field)s “%(value)s” is not English or Welsh") % said)
        row.values[name] = language
    elif name in ("do_not_contact", "consent_contact", "consent_data_use", "consent_equality"):
        answer = _yes_no(text)
        if answer is None:
            row.problems.append(_("%(field)s “%(value)s” is not yes or no") % said)
        row.values[name] = answer
    elif name in EQUALITY_FIELDS:
        value = words.answers[name].get(text.casefold())
        if value is None:
            row.problems.append(_("%(field)s “%(value)s” is not one of the answers we use") % said)
        row.values[name] = value
    else:
        row.values[name] = text


def read_row(
    number: int,
    cells: list[str],
    positions: dict[str, int],
    today: datetime.date,
    words: Words | None = None,
) -> Row:
    """Row `number` of the file, read through the chosen columns (our field -> the
    column's position)."""
    row = Row(number)
    words = words or Words.now()
    for name, position in positions.items():
        text = cells[position].strip() if position < len(cells) else ""
        if text:
            _cell(name, text, row, today, words)
    values = row.values
    name = values.pop("full_name", "") or " ".join(
        part for part in (values.pop("first_name", ""), values.pop("last_name", "")) if part
    )
    values.pop("first_name", None)
    values.pop("last_name", None)
    if not name:
        row.problems.insert(0, _("there is no name"))
    values["full_name"] = name
    town = values.pop("town", "")
    if town:
        values["address"] = "\n".join(p for p in (values.get("address", ""), town) if p)
    answers = [values.get(f) for f in EQUALITY_FIELDS if values.get(f)]
    if answers and values.get("consent_equality") is not True:
        row.problems.append(_("there are equality answers without consent to equality monitoring"))
    return row


def described(row: Row) -> str:
    """The row's problems in one sentence: “Row 12: date of birth … is not a real date”."""
    return _("Row %(number)s: %(problems)s") % {
        "number": row.number,
        "problems": "; ".join(row.problems),
    }


def again_problem(source_id: str, first: int) -> str:
    """A second row with the same id in the other system."""
    return _("%(field)s “%(value)s” is also on row %(row)s") % {
        "field": _said("source_id"),
        "value": source_id,
        "row": first,
    }
