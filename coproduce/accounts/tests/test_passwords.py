import re
from typing import Any

from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.people.tests.factories import CarerFactory


def link_in(message: str) -> str:
    match = re.search(re.escape(settings.SITE_URL) + r"(/sign-in/set-password/[^\s]+)", message)
    assert match, message
    return match.group(1)


def test_coordinator_invites_a_carer_who_then_chooses_a_password_and_signs_in(
    coordinator_client: Client, coordinator: Member, django_capture_on_commit_callbacks: Any
) -> None:
    person = CarerFactory.create(
        organisation=coordinator.organisation, email="sunita@example.org", full_name="Sunita Patel"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(reverse("people:person-invite", args=[person.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Riverside Carers has given you your own sign-in" in mail.outbox[0].body
    assert AuditEvent.objects.filter(person=person, detail="Invited to sign in").exists()

    carer = Client()
    link = link_in(str(mail.outbox[0].body))
    weak = carer.post(link, {"new_password1": "password", "new_password2": "password"})
    assert weak.status_code == 400
    assert "This password is too common" in weak.content.decode()
    carer.post(
        link,
        {"new_password1": "kettle-garden-lantern-9", "new_password2": "kettle-garden-lantern-9"},
    )
    signed = carer.post(
        reverse("accounts:sign-in"),
        {"email": "sunita@example.org", "password": "kettle-garden-lantern-9"},
    )
    assert signed.status_code == 302
    assert carer.get(reverse("people:you")).status_code == 200
    # The link works once.
    assert carer.get(link).status_code == 400


def test_someone_without_an_email_cannot_be_invited(
    coordinator_client: Client, coordinator: Member
) -> None:
    person = CarerFactory.create(organisation=coordinator.organisation, email="")
    coordinator_client.post(reverse("people:person-invite", args=[person.pk]))
    assert mail.outbox == []
    assert not User.objects.filter(people=person).exists()


def test_staff_of_another_organisation_cannot_invite(staff_b_client: Client, carer: Member) -> None:
    assert (
        staff_b_client.post(reverse("people:person-invite", args=[carer.person.pk])).status_code
        == 404
    )


def test_forgotten_password_does_not_reveal_who_has_an_account(
    client: Client, carer: Member
) -> None:
    known = client.post(reverse("accounts:forgotten-password"), {"email": carer.user.email})
    unknown = client.post(reverse("accounts:forgotten-password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert "Check your email" in unknown.content.decode()
    assert [m.to for m in mail.outbox] == [[carer.user.email]]


def test_a_forged_set_password_link_is_refused(client: Client, carer: Member) -> None:
    response = client.get(reverse("accounts:set-password", args=["MQ", "forged-token"]))
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_forgotten_password_form_explains_bad_input(client: Client, db: None) -> None:
    response = client.post(reverse("accounts:forgotten-password"), {"email": "not-an-email"})
    assert response.status_code == 400
    assert "Enter an email address in the correct format" in response.content.decode()
    assert 'value="not-an-email"' in response.content.decode()
