"""Personal data that other apps keep about a person, registered for subject access and
erasure.

People sit below the apps that keep things about a person (contributions, claims,
benefits...), so they cannot import them. Each such app registers here, in its
AppConfig.ready(), what it holds: how to include it in the person's download (and the
readable "what we hold about you" page) and how to forget it when the person's erasure
request is carried out. A new app that keeps personal data registers too, or its data is
neither shown to the person nor erased: `people/tests/test_personal_data.py` fails until it
is registered or listed there with a reason.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coproduce.people.models import Person


@dataclass(frozen=True)
class PersonalData:
    key: str  # its name in the download
    # What the download shows: `on_behalf` is True when staff download it for the person
    # (they may not see everything the person sees, such as words given in confidence).
    export: Callable[[Person, bool], Any]
    erase: Callable[[Person], object]
    models: tuple[str, ...]  # the models whose rows about the person this covers


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
