"""A professional joins their practice from the link in its invitation."""

import re
import time
from datetime import timedelta
from html import unescape
from typing import Any

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.breaks import actions
from coproduce.breaks.models import Practice, PracticeMember
from coproduce.breaks.tests.factories import PracticeFactory
from coproduce.conftest import BreaksScheme, Member, make_member
from coproduce.people.models import Person
from coproduce.tenancy.models import Membership, Organisation, Role

DETAILS = {
    "full_name": "Dr Sam Okafor",
    "email": "Sam.Okafor@NHS.example",
    "job_title": "GP partner",
    "works_here": "true",
}


@pytest.fixture
def new_practice(breaks: BreaksScheme) -> Practice:
    return PracticeFactory.create(
        scheme=breaks.scheme,
        name="Hill View Practice",
        code="B82005",
        email="manager@nhs.example",
        invited_at=timezone.now(),
        signed_up_at=None,
    )


def at_their_domain(practice: Practice, email: str) -> None:
    """Give the practice a contact address at the same domain as `email`."""
    practice.email = "manager@" + email.rpartition("@")[2]
    practice.save(update_fields=["email"])


def join_url(practice: Practice) -> str:
    return actions.join_link(practice, base_url="")


def join(practice: Practice, capture: Any, **changes: str) -> str:
    with capture(execute=True):
        response = Client().post(join_url(practice), {**DETAILS, **changes})
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_joining_page_says_what_joining_means(
    client: Client, breaks: BreaksScheme, new_practice: Practice
) -> None:
    response = client.get(join_url(new_practice))
    assert response.status_code == 200
    page = unescape(response.content.decode())
    assert "Hill View Practice" in page
    assert f"Join {breaks.scheme.name}" in page
    assert "Riverside Carers" in page  # the organisation that pays carers
    assert "I work at Hill View Practice" in page


def test_the_first_professional_to_join_signs_the_practice_up(
    breaks: BreaksScheme,
    new_practice: Practice,
    surgery_org: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    page = join(new_practice, django_capture_on_commit_callbacks)
    assert "Check your email to choose a password" in page
    assert "sam.okafor@nhs.example" in page.lower()

    user = User.objects.get(email="sam.okafor@nhs.example")
    assert not user.has_usable_password()
    # A professional partner of the scheme's health partner, not of the payer (org A).
    membership = Membership.objects.get(user=user)
    assert membership.organisation == surgery_org
    assert membership.role == Role.PROFESSIONAL
    person = Person.objects.get(user=user)
    assert (person.organisation, person.full_name) == (surgery_org, "Dr Sam Okafor")
    member = PracticeMember.objects.get(user=user)
    assert (member.practice, member.job_title) == (new_practice, "GP partner")
    new_practice.refresh_from_db()
    assert new_practice.signed_up_at is not None

    # They are emailed a link to choose a password, and it works.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam.okafor@nhs.example"]
    link = re.search(
        re.escape(settings.SITE_URL) + r"(/sign-in/set-password/\S+)", str(mail.outbox[0].body)
    )
    assert link is not None
    assert Client().get(link.group(1)).status_code == 200


def test_a_new_professional_can_refer_once_they_have_a_password(
    breaks: BreaksScheme, new_practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    join(new_practice, django_capture_on_commit_callbacks)
    user = User.objects.get(email="sam.okafor@nhs.example")
    client = Client()
    client.force_login(user)
    page = client.get(reverse("breaks:home")).content.decode()
    assert reverse("breaks:refer", args=[new_practice.pk, "carer"]) in page
    assert "Refer a carer" in page


def test_another_professional_joining_keeps_the_sign_up_date(
    breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> None:
    signed_up = breaks.practice.signed_up_at
    at_their_domain(breaks.practice, DETAILS["email"])
    join(breaks.practice, django_capture_on_commit_callbacks)
    breaks.practice.refresh_from_db()
    assert breaks.practice.signed_up_at == signed_up
    assert breaks.practice.members.count() == 2


def test_someone_with_a_sign_in_already_keeps_it(
    breaks: BreaksScheme,
    new_practice: Practice,
    carer: Member,
    surgery_org: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    at_their_domain(new_practice, carer.user.email)
    join(new_practice, django_capture_on_commit_callbacks, email=carer.user.email.upper())
    assert User.objects.filter(email=carer.user.email).count() == 1
    carer.user.refresh_from_db()
    assert carer.user.check_password("correct horse battery staple")
    roles = dict(Membership.objects.filter(user=carer.user).values_list("organisation", "role"))
    assert roles == {carer.organisation.pk: Role.CARER, surgery_org.pk: Role.PROFESSIONAL}
    assert PracticeMember.objects.filter(practice=new_practice, user=carer.user).exists()


def test_an_existing_membership_keeps_its_role(
    breaks: BreaksScheme,
    new_practice: Practice,
    surgery_org: Organisation,
    django_capture_on_commit_callbacks: Any,
) -> None:
    manager = make_member(surgery_org, Role.COORDINATOR, "Mo Manager")
    at_their_domain(new_practice, manager.user.email)
    join(new_practice, django_capture_on_commit_callbacks, email=manager.user.email)
    assert Membership.objects.get(user=manager.user).role == Role.COORDINATOR
    assert Person.objects.filter(user=manager.user).count() == 1


def test_joining_twice_says_so_and_adds_nobody(
    breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> None:
    at_their_domain(breaks.practice, breaks.gp.user.email)
    page = join(
        breaks.practice, django_capture_on_commit_callbacks, email=breaks.gp.user.email.upper()
    )
    assert "You have already joined" in page
    assert "already signed up to refer carers from Riverside Surgery" in page
    assert PracticeMember.objects.filter(practice=breaks.practice).count() == 1
    assert mail.outbox == []


def test_a_duplicate_is_refused_by_the_database_too(
    breaks: BreaksScheme, new_practice: Practice
) -> None:
    PracticeMember.objects.create(practice=new_practice, user=breaks.gp.user)
    with pytest.raises(actions.AlreadyMember):
        actions.join_practice(
            new_practice,
            full_name="Dr Priya Shah",
            email=breaks.gp.user.email,
            job_title="GP",
            language="en",
            base_url="http://testserver",
        )
    assert PracticeMember.objects.filter(practice=new_practice).count() == 1


def test_missing_answers_are_explained_and_what_was_typed_is_kept(
    client: Client, new_practice: Practice
) -> None:
    response = client.post(
        join_url(new_practice), {"full_name": "Dr Sam Okafor", "email": "sam@", "job_title": ""}
    )
    assert response.status_code == 400
    page = unescape(response.content.decode())
    assert "There is a problem" in page
    assert "Enter an email address in the correct format" in page
    assert "Enter your job title" in page
    assert "Confirm that you work at Hill View Practice" in page
    assert 'value="Dr Sam Okafor"' in page
    assert 'value="sam@"' in page
    assert not User.objects.filter(email__startswith="sam").exists()
    new_practice.refresh_from_db()
    assert new_practice.signed_up_at is None


def test_the_joining_page_is_in_welsh_and_so_is_their_record(
    new_practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    client.post(reverse("accounts:language"), {"language": "cy"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url(new_practice), DETAILS)
    assert Person.objects.get(email="sam.okafor@nhs.example").preferred_language == "cy"


# --- Links that do not work -----------------------------------------------------------


def signed_at(seconds_ago: float, value: Any, salt: str, monkeypatch: pytest.MonkeyPatch) -> str:
    real = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: real - seconds_ago)
        return signing.dumps(value, salt=salt)


@pytest.mark.parametrize(
    "token",
    [
        # Signed tokens carry the time they were made, so each gets a fixed test id:
        # pytest-xdist needs every worker to collect the same ids.
        pytest.param("nonsense", id="nonsense"),
        pytest.param(
            signing.dumps({"practice": 999999}, salt=actions.INVITATION_SALT),
            id="unknown-practice",
        ),
        pytest.param(signing.dumps({"practice": 1}, salt="breaks.wellbeing"), id="other-salt"),
        pytest.param(signing.dumps([1], salt=actions.INVITATION_SALT), id="not-a-practice"),
    ],
)
def test_a_bad_link_explains_itself(client: Client, db: None, token: str) -> None:
    for method in (client.get, client.post):
        response = method(reverse("breaks:join", args=[token]))
        assert response.status_code == 404
        page = unescape(response.content.decode())
        assert "This joining link does not work" in page
        assert "send your practice a new invitation" in page
    assert not User.objects.exists()


def test_a_tampered_link_does_not_work(client: Client, new_practice: Practice) -> None:
    url = join_url(new_practice)
    token = url.split("/")[-2]
    other = PracticeFactory.create(scheme=new_practice.scheme, signed_up_at=None)
    # Someone changes the practice in the link's readable part.
    forged = signing.b64_encode(b'{"practice":%d}' % other.pk).decode() + token[token.index(":") :]
    response = client.post(reverse("breaks:join", args=[forged]), DETAILS)
    assert response.status_code == 404
    assert not PracticeMember.objects.filter(practice=other).exists()


def test_an_expired_link_says_whom_to_ask(
    client: Client, new_practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = signed_at(
        timedelta(days=61).total_seconds(),
        {"practice": new_practice.pk},
        actions.INVITATION_SALT,
        monkeypatch,
    )
    response = client.post(reverse("breaks:join", args=[old]), DETAILS)
    assert response.status_code == 404
    page = unescape(response.content.decode())
    assert "Joining links stop working after 60 days" in page
    assert "Ask Riverside Carers to send Hill View Practice a new invitation" in page
    assert not PracticeMember.objects.filter(practice=new_practice).exists()
    assert mail.outbox == []


def test_a_link_still_works_near_the_end_of_its_life(
    client: Client, new_practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    recent = signed_at(
        timedelta(days=59).total_seconds(),
        {"practice": new_practice.pk},
        actions.INVITATION_SALT,
        monkeypatch,
    )
    assert client.get(reverse("breaks:join", args=[recent])).status_code == 200


def test_only_an_address_at_the_practices_email_domain_can_join(
    breaks: BreaksScheme, new_practice: Practice, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            join_url(new_practice), {**DETAILS, "email": "sam.okafor@gmail.example"}
        )
    assert response.status_code == 400
    page = unescape(response.content.decode())
    assert "Use your work email address at nhs.example" in page
    assert 'value="Dr Sam Okafor"' in page  # what was typed is kept
    assert not PracticeMember.objects.filter(practice=new_practice).exists()
    assert not User.objects.filter(email="sam.okafor@gmail.example").exists()
    assert mail.outbox == []


def test_a_practice_without_a_contact_address_cannot_be_joined_yet(
    breaks: BreaksScheme, new_practice: Practice
) -> None:
    new_practice.email = ""
    new_practice.save(update_fields=["email"])
    response = Client().post(join_url(new_practice), DETAILS)
    assert response.status_code == 400
    assert "has no contact email address yet" in unescape(response.content.decode())
    assert not PracticeMember.objects.filter(practice=new_practice).exists()
