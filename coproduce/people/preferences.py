"""A person's chosen language lives on each of their Person records (one per organisation).
These are plugged into accounts and the tenancy middleware when the app starts."""

from django.db.models import OuterRef, Subquery

from coproduce.accounts.models import User
from coproduce.people.models import Person


def language_subquery() -> Subquery:
    """The language of the person behind a membership, for the middleware's one query."""
    language = Person.objects.filter(
        organisation=OuterRef("organisation"), user=OuterRef("user")
    ).values("preferred_language")[:1]
    return Subquery(language)


def language_of(user: User) -> str | None:
    return Person.objects.filter(user=user).values_list("preferred_language", flat=True).first()


def keep(user: User, language: str) -> None:
    Person.objects.filter(user=user).update(preferred_language=language)
