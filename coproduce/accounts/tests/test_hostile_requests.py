"""What a visitor controls cannot steer the service: the Host header never reaches an
emailed link, the language switch changes nothing on a GET or without its CSRF token, and
`?next=` keeps a same-site address whole (query string and all) and nothing else."""

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.fixtures import Settings

from coproduce.accounts.tests.test_sign_in import PASSWORD, code_for
from coproduce.breaks import actions as breaks_actions
from coproduce.breaks.tests.factories import PracticeFactory
from coproduce.conftest import BreaksScheme, Member
from coproduce.people.tests.factories import CarerFactory

SITE = "https://coproduce.example.org"
HOSTILE = "evil.example"


@pytest.fixture
def hostile_host_allowed(settings: Settings) -> None:
    """As behind a proxy that passes any Host on: the attacker's host is accepted."""
    settings.ALLOWED_HOSTS = ["testserver", HOSTILE]
    settings.SITE_URL = SITE


def links_in(body: str) -> list[str]:
    return [word for word in body.split() if "://" in word]


def assert_links_use_site_url(body: str) -> None:
    links = links_in(body)
    assert links, body
    assert all(link.startswith(SITE + "/") for link in links), links
    assert HOSTILE not in body


# --- Emailed links ---------------------------------------------------------------------


def test_the_forgotten_password_link_uses_site_url_not_the_host_header(
    hostile_host_allowed: None, carer: Member
) -> None:
    Client().post(
        reverse("accounts:forgotten-password"), {"email": carer.user.email}, HTTP_HOST=HOSTILE
    )

    assert len(mail.outbox) == 1
    assert_links_use_site_url(str(mail.outbox[0].body))


def test_the_invitation_to_sign_in_uses_site_url_not_the_host_header(
    hostile_host_allowed: None,
    coordinator_client: Client,
    coordinator: Member,
    django_capture_on_commit_callbacks: Any,
) -> None:
    person = CarerFactory.create(organisation=coordinator.organisation, email="s@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(
            reverse("people:person-invite", args=[person.pk]), HTTP_HOST=HOSTILE
        )

    assert len(mail.outbox) == 1
    assert_links_use_site_url(str(mail.outbox[0].body))


def test_a_practice_invitation_uses_site_url_not_the_host_header(
    hostile_host_allowed: None,
    coordinator_client: Client,
    breaks: BreaksScheme,
    django_capture_on_commit_callbacks: Any,
) -> None:
    practice = PracticeFactory.create(
        scheme=breaks.scheme, name="Abbey Surgery", email="abbey@nhs.example", signed_up_at=None
    )

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(
            reverse("breaks:invite-practice", args=[practice.pk]), HTTP_HOST=HOSTILE
        )

    assert len(mail.outbox) == 1
    assert_links_use_site_url(str(mail.outbox[0].body))


def test_joining_a_practice_emails_a_password_link_to_site_url_not_the_host_header(
    hostile_host_allowed: None, breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> None:
    practice = PracticeFactory.create(
        scheme=breaks.scheme,
        email="manager@nhs.example",
        invited_at=timezone.now(),
        signed_up_at=None,
    )
    details = {
        "full_name": "Dr Sam Okafor",
        "email": "sam.okafor@nhs.example",
        "job_title": "GP partner",
        "works_here": "true",
    }

    with django_capture_on_commit_callbacks(execute=True):
        Client().post(breaks_actions.join_link(practice, ""), details, HTTP_HOST=HOSTILE)

    assert len(mail.outbox) == 1
    assert_links_use_site_url(str(mail.outbox[0].body))


# --- The language switch ---------------------------------------------------------------


def test_the_language_switch_is_a_form_that_posts_with_its_csrf_token(
    client: Client, db: None
) -> None:
    page = client.get(reverse("accounts:sign-in") + "?next=/people/").content.decode()

    switch = page.split('class="app-language-switch"')[1].split("</nav>")[0]
    assert f'<form method="post" action="{reverse("accounts:language")}"' in switch
    assert 'name="csrfmiddlewaretoken"' in switch
    assert 'name="next" value="/sign-in/?next=/people/"' in switch
    assert '<button type="submit" name="language" value="cy"' in switch
    assert "<a " not in switch


def test_the_language_switch_changes_nothing_on_a_get(carer_client: Client, carer: Member) -> None:
    response = carer_client.get(reverse("accounts:language") + "?language=cy")

    assert response.status_code == 405
    assert "coproduce_language" not in response.cookies
    carer.person.refresh_from_db()
    assert carer.person.preferred_language != "cy"


def test_the_language_switch_refuses_a_post_without_its_csrf_token(carer: Member) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(carer.user)

    response = client.post(reverse("accounts:language"), {"language": "cy"})

    assert response.status_code == 403
    carer.person.refresh_from_db()
    assert carer.person.preferred_language != "cy"


def test_the_language_switch_returns_to_the_same_page_with_its_query(
    client: Client, db: None
) -> None:
    response = client.post(
        reverse("accounts:language"), {"language": "cy", "next": "/sign-in/?next=/people/%3Fa%3D1"}
    )

    assert response["Location"] == "/sign-in/?next=/people/%3Fa%3D1"


@pytest.mark.parametrize("target", ["https://evil.example/?a=1", "//evil.example/", "/\\evil"])
def test_the_language_switch_never_returns_off_site(client: Client, db: None, target: str) -> None:
    response = client.post(reverse("accounts:language"), {"language": "cy", "next": target})

    assert response["Location"] == reverse("pages:home")


# --- ?next= through the second factor -------------------------------------------------

WITH_QUERY = "/people/?page=2&sort=name"


def next_of(location: str) -> str:
    parts = urlsplit(location)
    assert parts.path == reverse("accounts:two-factor"), location
    (value,) = parse_qs(parts.query)["next"]
    return value


def test_signing_in_through_the_second_factor_keeps_the_whole_next_address(
    client: Client, coordinator: Member
) -> None:
    device = TOTPDevice.objects.create(user=coordinator.user, name="app", confirmed=True)
    sign_in = reverse("accounts:sign-in") + "?next=" + "/people/%3Fpage%3D2%26sort%3Dname"

    response = client.post(sign_in, {"email": coordinator.user.email, "password": PASSWORD})

    assert next_of(response["Location"]) == WITH_QUERY
    response = client.post(response["Location"], {"code": code_for(device)})
    assert response.status_code == 302
    assert response["Location"] == WITH_QUERY


def test_a_page_that_needs_the_second_factor_sends_its_whole_address_to_it(
    client: Client, coordinator: Member
) -> None:
    client.force_login(coordinator.user)

    response = client.get(WITH_QUERY)

    assert response.status_code == 302
    assert next_of(response["Location"]) == WITH_QUERY


def test_the_second_factor_never_sends_anyone_off_site(client: Client, coordinator: Member) -> None:
    device = TOTPDevice.objects.create(user=coordinator.user, name="app", confirmed=True)
    client.force_login(coordinator.user)

    response = client.post(
        reverse("accounts:two-factor") + "?next=https://evil.example/people/?a=1",
        {"code": code_for(device)},
    )

    assert response["Location"] == reverse("pages:home")


@pytest.mark.django_db
def test_the_language_switch_with_a_next_that_is_not_an_address_goes_home(client: Client) -> None:
    for word in ("0", "{% debug %}"):
        response = client.post(reverse("accounts:language"), {"language": "cy", "next": word})
        assert response.status_code == 302
        assert response["Location"] == reverse("pages:home")
