"""Personal data that other apps keep about a person, registered for subject access and
erasure.

People sit below the apps that keep things about a person (contributions, claims,
benefits...), so they cannot import them. Each such app registers here, in its
AppConfig.ready() (from the app's `registrations.py`), what it holds: how to include it in
the person's download and the readable "everything we hold about you" page, and how to
forget or anonymise it when the person's erasure request is carried out.

Which models hold personal data is found, not remembered (`holds_personal_data`): a model
does when one of its columns

- links to a person (`people.Person`) or to a sign-in (the user model), or
- is marked personal with `personal(...)`, for words about a person kept with no link to
  their record (a break referral's name, date of birth and address; safeguarding notes;
  a message's body and recipient):

      carer_name = personal(models.CharField(_("carer's full name"), max_length=200))

The mark is a plain attribute on the field: it changes no column and no migration.
`people/tests/test_personal_data.py` walks every model and fails for one that holds
personal data and is neither registered nor listed there with a lasting reason; the
person's own models (people app) are exported and erased by `export.py` and
`actions.erase_person` directly.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models
from django.db.models import Field, TextChoices
from django.utils.functional import Promise

from coproduce.accounts.models import User
from coproduce.people.models import Person

# What replaces words a person gave, where the row must stay (so counts add up).
REMOVED = "[Removed at the person's request]"

F = TypeVar("F", bound=Field[Any, Any])


def personal(column: F) -> F:
    """Mark a column as personal data (see the module's docstring)."""
    column.personal = True  # type: ignore[attr-defined]
    return column


def is_personal(column: object) -> bool:
    return bool(getattr(column, "personal", False))


@dataclass(frozen=True)
class PersonalData:
    key: str  # its name in the download
    # What the download shows: `on_behalf` is True when staff download it for the person
    # (they may not see everything the person sees, such as words given in confidence).
    # A list of rows (dictionaries), one dictionary, or None. Each export makes a fixed
    # number of queries whatever the person holds.
    export: Callable[[Person, bool], Any]
    erase: Callable[[Person], object]
    models: tuple[str, ...]  # the models whose rows about the person this covers
    # For the readable page: the section's heading, a label for each field shown (a field
    # without a label is in the file only), and the choices that name a field's values.
    title: str | Promise = ""
    labels: dict[str, str | Promise] = field(default_factory=dict)
    choices: dict[str, type[TextChoices]] = field(default_factory=dict)


REGISTERED: dict[str, PersonalData] = {}


def register(data: PersonalData) -> None:
    REGISTERED[data.key] = data


def exported(person: Person, *, on_behalf: bool) -> dict[str, Any]:
    return {key: data.export(person, on_behalf) for key, data in REGISTERED.items()}


def erase(person: Person) -> None:
    for data in REGISTERED.values():
        data.erase(person)


def covered_models() -> set[str]:
    return {model for data in REGISTERED.values() for model in data.models}


def personal_columns(model: type[models.Model]) -> Iterator[Field[Any, Any]]:
    """The columns of `model` that make it hold personal data."""
    for column in model._meta.concrete_fields:
        if column.related_model in (Person, User) or is_personal(column):
            yield column


def holds_personal_data(model: type[models.Model]) -> bool:
    return next(personal_columns(model), None) is not None
