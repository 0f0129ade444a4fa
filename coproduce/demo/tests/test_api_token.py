"""The demo has an API token whose published text works, as load_demo prints it."""

import pytest
from django.test import Client

from coproduce.demo import api as demo_api

pytestmark = pytest.mark.django_db


def test_load_demo_prints_the_api_token(built_demo: str) -> None:
    assert demo_api.TOKEN in built_demo
    assert "curl -H 'Authorization: Bearer" in built_demo


def test_the_demo_token_reads_riversides_projects_and_cannot_read_hillsides(
    built_demo: str,
) -> None:
    client = Client(headers={"Authorization": f"Bearer {demo_api.TOKEN}"})
    response = client.get("/api/v1/projects")
    assert response.status_code == 200
    titles = [row["title"] for row in response.json()["results"]]
    assert "Hospital discharge that works for carers" in titles
    contributions = client.get("/api/v1/contributions?limit=100").json()["results"]
    assert contributions
    assert all(row["person_id"] is None for row in contributions if row["privacy"] == "anonymous")
    assert client.get("/api/v1/claims").json()["results"]
    assert client.get("/api/v1/referrals").json()["results"]
