"""Everything held about a person, as sections a person can read: the "your information"
page and its PDF. Made from the same data as the machine-readable download
(`export.person_data`), so the three never disagree, in the active language."""

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import TextChoices
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.people import personal_data
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
    EthnicGroup,
    Language,
    Relationship,
    Sex,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: list[list[Row]]  # one list of rows per thing held (a claim, a message...)


@dataclass(frozen=True)
class Spec:
    """How to show one part of the download: its heading, labels and choices."""

    title: str | Promise
    labels: dict[str, str | Promise]
    choices: dict[str, type[TextChoices]]


# The person's own record (export.person_data), shown first.
OWN: dict[str, Spec] = {
    "details": Spec(
        gettext_lazy("Contact details"),
        {
            "full_name": gettext_lazy("Full name"),
            "known_as": gettext_lazy("Name you like to be called"),
            "email": gettext_lazy("Email address"),
            "phone": gettext_lazy("Phone number"),
            "address": gettext_lazy("Postal address"),
            "postcode": gettext_lazy("Postcode"),
            "date_of_birth": gettext_lazy("Date of birth"),
            "preferred_language": gettext_lazy("Language"),
            "registered_on": gettext_lazy("Registered"),
        },
        {"preferred_language": Language},
    ),
    "carer_profile": Spec(
        gettext_lazy("Caring"),
        {
            "caring_situation": gettext_lazy("Caring situation"),
            "needs_care_themselves": gettext_lazy("Also needs care or support"),
            "replacement_care_needs": gettext_lazy("Replacement care needed to take part"),
            "access_needs": gettext_lazy("What helps"),
            "access_needs_other": gettext_lazy("Other access needs"),
            "interpreter_language": gettext_lazy("Interpreter language"),
            "preferred_channel": gettext_lazy("Preferred way to contact"),
            "do_not_contact": gettext_lazy("Never use"),
            "notice_days": gettext_lazy("Days of notice needed"),
            "availability": gettext_lazy("Usually free"),
            "default_anonymity": gettext_lazy("Usual choice when sharing views"),
        },
        {
            "access_needs": AccessNeed,
            "preferred_channel": Channel,
            "do_not_contact": Channel,
            "availability": Availability,
            "default_anonymity": Anonymity,
        },
    ),
    "cared_for": Spec(
        gettext_lazy("People cared for"),
        {
            "name": gettext_lazy("Name"),
            "relationship": gettext_lazy("Relationship"),
            "conditions": gettext_lazy("Conditions"),
            "lives_with_carer": gettext_lazy("Lives with carer"),
            "notes": gettext_lazy("Notes"),
        },
        {"relationship": Relationship, "conditions": Condition},
    ),
    "equality_monitoring": Spec(
        gettext_lazy("Equality monitoring"),
        {
            "answered": gettext_lazy("Answers given"),
            "age_band": gettext_lazy("Age"),
            "sex": gettext_lazy("Sex"),
            "ethnic_group": gettext_lazy("Ethnic group"),
            "disability": gettext_lazy("Disability"),
            "care_hours": gettext_lazy("Hours of care a week"),
            "young_carer": gettext_lazy("Young carer"),
        },
        {
            "age_band": AgeBand,
            "sex": Sex,
            "ethnic_group": EthnicGroup,
            "disability": Disability,
            "care_hours": CareHours,
        },
    ),
    "consents": Spec(
        gettext_lazy("Consent"),
        {
            "kind": gettext_lazy("For"),
            "given": gettext_lazy("Given"),
            "wording_version": gettext_lazy("Wording"),
            "recorded_at": gettext_lazy("Recorded"),
        },
        {"kind": ConsentKind},
    ),
}
ERASURE = Spec(
    gettext_lazy("Requests to delete your information"),
    {"requested_at": gettext_lazy("Asked"), "completed": gettext_lazy("Done")},
    {},
)


def sections(data: dict[str, Any]) -> list[Section]:
    """The download (`export.person_data`) as readable sections, in the active language."""
    own = dict(data)
    profile = own.get("carer_profile") or {}
    own["cared_for"] = profile.pop("cared_for", []) if profile else []
    specs: dict[str, Spec] = {
        **OWN,
        **{
            key: Spec(registered.title or key, registered.labels, registered.choices)
            for key, registered in personal_data.REGISTERED.items()
        },
        "erasure_requests": ERASURE,
    }
    return [
        Section(key, str(spec.title), [_rows(item, spec) for item in _items(own.get(key))])
        for key, spec in specs.items()
    ]


def _items(value: Any) -> list[Any]:
    if value is None or value == [] or value == {}:
        return []
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return value
    return [value]


def _label(spec: Spec, key: str) -> str:
    return str(spec.labels.get(key) or key.replace("_", " ").capitalize())


def _rows(item: Any, spec: Spec) -> list[Row]:
    if not isinstance(item, dict):
        # A plain value (a list of benefits): its choices are under "value".
        return [Row(str(spec.title), _text(item, spec, "value"))]
    return [
        Row(_label(spec, key), text)
        for key, value in item.items()
        if (text := _text(value, spec, key))
    ]


def _text(value: Any, spec: Spec, key: str) -> str:
    """One value, as a person reads it: names for codes, dates the GOV.UK way. Values
    within a value (a claim's lines, a survey's answers) are labelled from the same spec."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        lines = [_text(v, spec, key) for v in value]
        joiner = "\n" if any(isinstance(v, dict | list) for v in value) else ", "
        return joiner.join(line for line in lines if line)
    if isinstance(value, dict):
        return "; ".join(
            f"{_label(spec, k)}: {t}" for k, v in value.items() if (t := _text(v, spec, k))
        )
    choices = spec.choices.get(key)
    text = str(value)
    if choices is not None:
        return str(dict(choices.choices).get(text, text))
    if _ISO_DATE.match(text):
        return formats.date_format(datetime.date.fromisoformat(text), "j F Y")
    if _ISO_MOMENT.match(text):
        moment = timezone.localtime(datetime.datetime.fromisoformat(text))
        return formats.date_format(moment, "j F Y, H:i")
    return text
