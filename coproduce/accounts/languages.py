"""Where a signed-in person's chosen language is kept.

Accounts sit below people, and the language lives on each of the user's Person records (one
per organisation), where messages read it too. So the people app plugs in how to read and
keep it when it starts (PeopleConfig.ready); without it, nothing is kept beyond the cookie.
"""

from collections.abc import Callable
from dataclasses import dataclass

from coproduce.accounts.models import User


@dataclass(frozen=True)
class LanguageStore:
    language_of: Callable[[User], str | None]
    keep: Callable[[User, str], None]


_stores: list[LanguageStore] = []


def use(store: LanguageStore) -> None:
    _stores[:] = [store]


def language_of(user: User) -> str | None:
    """The language the user chose, if one was kept."""
    return _stores[0].language_of(user) if _stores else None


def keep(user: User | None, language: str) -> None:
    """Record the chosen language once, on every record of the person, for pages and
    messages."""
    if user is not None and _stores:
        _stores[0].keep(user, language)
