"""API tokens made the way admins make them (through the action), for tests."""

from django.test import Client

from coproduce.api import actions, rules
from coproduce.tenancy.models import Organisation

EVERY_READ = [rules.scope(area, rules.Level.READ) for area in rules.Area]


def token_text(organisation: Organisation, scopes: list[str] | None = None) -> str:
    """A new token of `organisation` (reading everything unless `scopes` say otherwise)."""
    return actions.create_token(organisation, "Our CRM", scopes or EVERY_READ, None).text


def api_client(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})
