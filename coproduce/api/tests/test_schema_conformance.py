"""Schemathesis against the OpenAPI schema the app serves: every operation, with a real
token that may do everything, gets generated requests through the WSGI app; no answer may
be a server error, and every answer must match the schema (status, content type, body).

    API_EXAMPLES=200 .venv/bin/python -m pytest coproduce/api/tests/test_schema_conformance.py

tries more (CI uses API_EXAMPLES's default of 15 a operation, about 30 seconds in all)."""

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from coproduce.api import rules
from coproduce.api.tests.factories import token_text
from coproduce.conftest import BreaksScheme, Member
from coproduce.contributions.models import Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.projects.models import Project

EXAMPLES = int(os.environ.get("API_EXAMPLES", "15"))

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
# The token is always sent (its absence is tested in test_endpoints.py, and schemathesis'
# own ignored_auth check still sends requests without it); query parameters the API does not
# name are ignored, as HTTP APIs do, so they are not generated as "invalid".
schema.config.generation.update(with_security_parameters=False, allow_extra_parameters=False)


@pytest.fixture(autouse=True)
def connection_kept_open() -> Iterator[None]:
    """As Django's test client does: a request through the WSGI app must not close the
    database connection that holds the test's transaction (PostgreSQL closes it, when the
    request ends, otherwise)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(
    project: Project, carer: Member, staff_b: Member, breaks: BreaksScheme, settings: Any
) -> dict[str, str]:
    """A token of organisation A that may do everything, with rows of every privacy."""
    settings.API_REQUESTS_PER_MINUTE = 1_000_000
    cache.clear()
    for privacy in Privacy:
        person = None if privacy == Privacy.ANONYMOUS else carer.person
        ContributionFactory.create(project=project, privacy=privacy, person=person)
    return {"Authorization": f"Bearer {token_text(carer.organisation, rules.ALL_SCOPES)}"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_schema(case: Any, bearer: dict[str, str]) -> None:
    # Every other check runs. Not "schema-valid data is accepted": a made-up cursor, or a
    # project id of another organisation, is valid by the schema and rightly a 400.
    case.call_and_validate(headers=bearer, excluded_checks=[positive_data_acceptance])
