"""The API tokens page: admins make tokens (shown once, kept hashed) and revoke them,
each audited; nobody else reaches it."""

import re
from typing import Any

import pytest
from django.test import Client

from coproduce.api.models import ApiToken
from coproduce.api.tests.factories import api_client, token_text
from coproduce.audit.models import AuditAction, AuditEvent
from coproduce.conftest import Member
from coproduce.lib.once import form_token

URL = "/api/tokens/"
SHOWN = re.compile(r"cpd_[0-9a-f]{12}_[A-Za-z0-9_-]{20,}")


def shown_token(response: Any) -> str:
    found = SHOWN.search(response.content.decode())
    assert found is not None, "the new token is not shown"
    return found.group(0)


def make(client: Client, **data: Any) -> Any:
    return client.post(URL, {"form_token": form_token(), **data}, follow=True)


def test_an_admin_makes_a_token_shown_once_and_kept_hashed(
    admin_client_a: Client, admin: Member
) -> None:
    response = make(admin_client_a, name="Our CRM", scopes=["people:read", "claims:write"])
    assert response.status_code == 200
    token = ApiToken.objects.get()
    text = shown_token(response)
    assert text.startswith(f"cpd_{token.prefix}_")
    assert text in response.content.decode()
    assert text.split("_", 2)[2] not in repr(ApiToken.objects.values().get())
    assert token.scopes == ["people:read", "claims:write"]
    assert token.organisation == admin.organisation
    assert text not in admin_client_a.get(URL).content.decode()
    event = AuditEvent.objects.get(action=AuditAction.API_TOKEN_CREATED)
    assert event.actor == admin.user
    assert event.organisation == admin.organisation
    assert "people:read" in event.detail


def test_the_made_token_works(admin_client_a: Client) -> None:
    text = shown_token(make(admin_client_a, name="Our CRM", scopes=["people:read"]))
    assert api_client(text).get("/api/v1/people").status_code == 200


def test_a_token_needs_a_name_and_a_scope(admin_client_a: Client) -> None:
    response = admin_client_a.post(URL, {"form_token": form_token(), "name": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter what the token is for" in body
    assert "Choose at least one thing the token may do" in body
    assert not ApiToken.objects.exists()


def test_an_admin_revokes_a_token_audited(admin_client_a: Client, admin: Member) -> None:
    text = token_text(admin.organisation)
    token = ApiToken.objects.get()
    response = admin_client_a.post(f"{URL}{token.pk}/revoke/", {"form_token": form_token()})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert (
        AuditEvent.objects.filter(action=AuditAction.API_TOKEN_REVOKED, actor=admin.user).count()
        == 1
    )
    assert api_client(text).get("/api/v1/people").status_code == 401


@pytest.mark.parametrize("who", ["coordinator_client", "carer_client"])
def test_only_admins_reach_the_tokens_page(who: str, request: pytest.FixtureRequest) -> None:
    client: Client = request.getfixturevalue(who)
    assert client.get(URL).status_code == 403
    assert make(client, name="Sneaky", scopes=["people:read"]).status_code == 403
    assert not ApiToken.objects.exists()


def test_signed_out_people_are_asked_to_sign_in(db: None) -> None:
    assert Client().get(URL).status_code == 302


def test_another_organisations_admin_cannot_see_or_revoke_a_token(
    admin: Member, staff_b: Member, admin_client_a: Client
) -> None:
    token_text(staff_b.organisation)
    token = ApiToken.objects.get()
    assert "Our CRM" not in admin_client_a.get(URL).content.decode()
    response = admin_client_a.post(f"{URL}{token.pk}/revoke/", {"form_token": form_token()})
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_page_lists_tokens_in_a_fixed_number_of_queries(
    admin_client_a: Client, admin: Member, django_assert_num_queries: Any
) -> None:
    for extra in (1, 5):
        for _ in range(extra):
            token_text(admin.organisation)
        # session, user, membership, device, the tokens
        with django_assert_num_queries(5):
            assert admin_client_a.get(URL).status_code == 200


def test_the_api_page_is_public_and_names_every_area(db: None) -> None:
    body = Client().get("/api/").content.decode()
    assert "/api/v1/people" in body
    assert "/api/v1/referrals/{pk}" in body
