"""The scheme's practices: the list of who has signed up, adding a practice, inviting it."""

import re
from datetime import datetime
from html import unescape
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.breaks.models import Practice, PracticeMember
from coproduce.breaks.tests.factories import PracticeFactory, SchemeFactory
from coproduce.conftest import BreaksScheme, Member
from coproduce.tenancy.tests.factories import UserFactory


def professionals_column(html: str) -> list[str]:
    """The number of professionals signed up, on each row of the practices table."""
    return re.findall(r'govuk-table__cell--numeric">(\d+)</td>', html)


def practices_url(breaks: BreaksScheme) -> str:
    return reverse("breaks:practices", args=[breaks.scheme.pk])


def add_url(breaks: BreaksScheme) -> str:
    return reverse("breaks:add-practice", args=[breaks.scheme.pk])


def invite_url(practice: Practice) -> str:
    return reverse("breaks:invite-practice", args=[practice.pk])


@pytest.fixture
def invited(breaks: BreaksScheme) -> Practice:
    return PracticeFactory.create(
        scheme=breaks.scheme,
        name="Hill View Practice",
        code="B82005",
        email="manager@hillview.example",
        invited_at=timezone.make_aware(datetime(2026, 5, 4, 10)),
        signed_up_at=None,
    )


@pytest.fixture
def not_invited(breaks: BreaksScheme) -> Practice:
    return PracticeFactory.create(
        scheme=breaks.scheme,
        name="Abbey Surgery",
        code="C81002",
        email="abbey@nhs.example",
        phone="01632 960 002",
        signed_up_at=None,
    )


# --- The list -------------------------------------------------------------------------


def test_the_list_shows_who_has_signed_up_and_who_has_not(
    coordinator_client: Client, breaks: BreaksScheme, invited: Practice, not_invited: Practice
) -> None:
    breaks.practice.signed_up_at = timezone.make_aware(datetime(2026, 4, 20, 9))
    breaks.practice.save()
    html = coordinator_client.get(practices_url(breaks)).content.decode()
    assert "1 of 3 practices signed up" in html
    assert "Signed up on 20 April 2026" in html
    assert "Invited on 4 May 2026" in html
    assert "Not invited yet" in html
    assert "abbey@nhs.example" in html
    assert "01632 960 002" in html
    # Alphabetical: Abbey, Hill View, Riverside.
    assert html.index("Abbey Surgery") < html.index("Hill View Practice")
    assert html.index("Hill View Practice") < html.index("Riverside Surgery")
    # Practices not signed up can be invited; the signed-up one is not offered it.
    assert invite_url(invited) in html
    assert invite_url(not_invited) in html
    assert invite_url(breaks.practice) not in html
    assert "Invite again" in html


def test_the_list_fits_narrow_screens_with_contact_details_under_the_name(
    coordinator_client: Client, breaks: BreaksScheme, invited: Practice
) -> None:
    html = coordinator_client.get(practices_url(breaks)).content.decode()
    table = html[html.index('<div class="app-table-scroll"') : html.index("</table>")]
    assert 'role="region"' in table
    assert 'tabindex="0"' in table
    assert table.count('scope="col"') == 4
    name_cell = table[table.index(invited.name) : table.index("</th>", table.index(invited.name))]
    assert "manager@hillview.example" in name_cell
    assert "govuk-button--secondary govuk-!-margin-bottom-0" in table


def test_the_list_counts_each_practices_professionals(
    coordinator_client: Client, breaks: BreaksScheme, not_invited: Practice
) -> None:
    for _ in range(2):
        PracticeMember.objects.create(practice=breaks.practice, user=UserFactory.create())
    html = coordinator_client.get(practices_url(breaks)).content.decode()
    assert professionals_column(html) == ["0", "3"]  # Abbey Surgery, then Riverside Surgery


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_runs_a_fixed_number_of_queries(
    coordinator_client: Client, breaks: BreaksScheme, count: int, django_assert_num_queries: Any
) -> None:
    for _ in range(count):
        practice = PracticeFactory.create(scheme=breaks.scheme, signed_up_at=None)
        PracticeMember.objects.create(practice=practice, user=UserFactory.create())
    # session, user, membership, OTP device, scheme, practices with their counts
    with django_assert_num_queries(6):
        response = coordinator_client.get(practices_url(breaks))
    assert response.status_code == 200
    assert len(professionals_column(response.content.decode())) == count + 1


def test_the_scheme_pages_link_to_the_practices(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    url = practices_url(breaks)
    assert url in coordinator_client.get(reverse("breaks:schemes")).content.decode()
    report = reverse("breaks:report", args=[breaks.scheme.pk])
    assert url in coordinator_client.get(report).content.decode()


def test_a_partner_organisations_staff_may_manage_the_practices(
    breaks: BreaksScheme, surgery_org: Any
) -> None:
    from coproduce.conftest import make_member, signed_in
    from coproduce.tenancy.models import Role

    partner: Member = make_member(surgery_org, Role.COORDINATOR, "Pat Partner")
    client = signed_in(Client(), partner.user)
    assert client.get(practices_url(breaks)).status_code == 200
    assert client.get(add_url(breaks)).status_code == 200


# --- Who may not ----------------------------------------------------------------------


def test_another_organisations_staff_find_nothing(
    staff_b_client: Client, breaks: BreaksScheme, not_invited: Practice
) -> None:
    for url in (
        practices_url(breaks),
        add_url(breaks),
        reverse("breaks:practice", args=[not_invited.pk]),
    ):
        assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(add_url(breaks), {"name": "X"}).status_code == 404
    assert staff_b_client.post(invite_url(not_invited)).status_code == 404
    not_invited.refresh_from_db()
    assert not_invited.invited_at is None
    assert mail.outbox == []


def test_staff_see_no_practices_of_a_scheme_they_are_not_part_of(
    coordinator_client: Client, staff_b: Member
) -> None:
    other = SchemeFactory.create(payment_organisation=staff_b.organisation)
    practice = PracticeFactory.create(scheme=other, email="x@nhs.example", signed_up_at=None)
    assert coordinator_client.get(reverse("breaks:practices", args=[other.pk])).status_code == 404
    assert coordinator_client.post(invite_url(practice)).status_code == 404
    assert mail.outbox == []


def test_carers_and_professionals_may_not_manage_practices(
    carer_client: Client, gp_client: Client, breaks: BreaksScheme, not_invited: Practice
) -> None:
    for client in (carer_client, gp_client):
        assert client.get(practices_url(breaks)).status_code == 403
        assert client.get(add_url(breaks)).status_code == 403
        assert client.get(reverse("breaks:practice", args=[not_invited.pk])).status_code == 403
        assert client.post(invite_url(not_invited)).status_code == 403
    assert mail.outbox == []


def test_anonymous_visitors_are_asked_to_sign_in(
    client: Client, breaks: BreaksScheme, not_invited: Practice
) -> None:
    for url in (
        practices_url(breaks),
        add_url(breaks),
        reverse("breaks:practice", args=[not_invited.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign-in"))
    response = client.post(invite_url(not_invited))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


# --- Adding a practice ----------------------------------------------------------------


def test_a_coordinator_adds_a_practice(coordinator_client: Client, breaks: BreaksScheme) -> None:
    response = coordinator_client.post(
        add_url(breaks),
        {
            "name": "Hill View Practice",
            "code": " b8 2005 ",
            "email": "manager@hillview.example",
            "phone": "01632960001",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == practices_url(breaks)
    practice = Practice.objects.get(scheme=breaks.scheme, code="B82005")
    assert practice.name == "Hill View Practice"
    assert practice.email == "manager@hillview.example"
    assert practice.invited_at is None
    assert practice.signed_up_at is None
    assert mail.outbox == []  # adding does not contact the practice
    html = coordinator_client.get(practices_url(breaks)).content.decode()
    assert "Hill View Practice added" in html


def test_a_wrong_code_is_explained_and_what_was_typed_is_kept(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    response = coordinator_client.post(
        add_url(breaks),
        {"name": "Hill View Practice", "code": "12345", "email": "not an email", "phone": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter the practice code as a letter and 5 numbers, like B82005" in html
    assert "Enter an email address in the correct format" in html
    assert 'value="Hill View Practice"' in html
    assert 'value="12345"' in html
    assert 'href="#id_code"' in html
    assert Practice.objects.filter(scheme=breaks.scheme).count() == 1


def test_everything_missing_is_listed(coordinator_client: Client, breaks: BreaksScheme) -> None:
    page = unescape(coordinator_client.post(add_url(breaks), {}).content.decode())
    for message in (
        "Enter the practice name",
        "Enter the practice code",
        "Enter the practice's contact email address",
    ):
        assert message in page


def test_a_code_already_in_the_scheme_is_refused(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    response = coordinator_client.post(
        add_url(breaks),
        {"name": "Riverside Surgery again", "code": "h81001", "email": "a@nhs.example"},
    )
    assert response.status_code == 400
    assert "Riverside Surgery already has the code H81001 in this scheme" in (
        response.content.decode()
    )
    assert 'value="Riverside Surgery again"' in response.content.decode()
    assert Practice.objects.filter(code="H81001").count() == 1


def test_the_same_code_may_be_in_another_scheme(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    other = SchemeFactory.create(
        partnership=breaks.scheme.partnership, payment_organisation=breaks.scheme.partnership.lead
    )
    response = coordinator_client.post(
        reverse("breaks:add-practice", args=[other.pk]),
        {"name": "Riverside Surgery", "code": "H81001", "email": "a@nhs.example"},
    )
    assert response.status_code == 302
    assert Practice.objects.filter(code="H81001").count() == 2


def test_a_bad_phone_number_is_explained(coordinator_client: Client, breaks: BreaksScheme) -> None:
    response = coordinator_client.post(
        add_url(breaks),
        {"name": "Hill View", "code": "B82005", "email": "a@nhs.example", "phone": "call me"},
    )
    assert response.status_code == 400
    assert "Enter a phone number" in response.content.decode()


# --- Inviting -------------------------------------------------------------------------


def test_inviting_a_practice_emails_it_the_joining_link(
    coordinator_client: Client,
    breaks: BreaksScheme,
    not_invited: Practice,
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(invite_url(not_invited))
    assert response.status_code == 302
    assert response["Location"] == practices_url(breaks)
    not_invited.refresh_from_db()
    assert not_invited.invited_at is not None
    assert not_invited.invited_at >= before
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["abbey@nhs.example"]
    assert breaks.scheme.name in email.subject
    assert "Abbey Surgery" in email.body
    assert "60 days" in email.body
    link = next(line for line in email.body.splitlines() if "/breaks/join/" in line)
    assert link.startswith(settings.SITE_URL + "/breaks/join/")
    # The link opens the practice's joining page.
    page = Client().get(link.removeprefix(settings.SITE_URL))
    assert page.status_code == 200
    assert "Abbey Surgery" in page.content.decode()
    listing = coordinator_client.get(practices_url(breaks)).content.decode()
    assert "Invitation sent to Abbey Surgery at abbey@nhs.example" in listing
    assert "Invited on" in listing


def test_inviting_again_sends_again_and_updates_the_date(
    coordinator_client: Client,
    invited: Practice,
    django_capture_on_commit_callbacks: Any,
) -> None:
    first = invited.invited_at
    assert first is not None
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(invite_url(invited), {"back": "practice"})
    invited.refresh_from_db()
    assert invited.invited_at is not None
    assert invited.invited_at > first
    assert [m.to for m in mail.outbox] == [["manager@hillview.example"]]


def test_inviting_from_the_practice_page_comes_back_to_it(
    coordinator_client: Client, not_invited: Practice
) -> None:
    response = coordinator_client.post(invite_url(not_invited), {"back": "practice"})
    assert response["Location"] == reverse("breaks:practice", args=[not_invited.pk])


def test_a_practice_without_an_email_address_cannot_be_emailed(
    coordinator_client: Client, breaks: BreaksScheme, django_capture_on_commit_callbacks: Any
) -> None:
    practice = PracticeFactory.create(scheme=breaks.scheme, email="", signed_up_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(invite_url(practice), follow=True)
    assert "has no contact email address" in response.content.decode()
    practice.refresh_from_db()
    assert practice.invited_at is None
    assert mail.outbox == []
    assert invite_url(practice) not in response.content.decode()


def test_inviting_needs_a_post(coordinator_client: Client, not_invited: Practice) -> None:
    assert coordinator_client.get(invite_url(not_invited)).status_code == 405


# --- One practice ---------------------------------------------------------------------


def test_the_practice_page_lists_its_professionals_and_its_joining_link(
    coordinator_client: Client, breaks: BreaksScheme
) -> None:
    response = coordinator_client.get(reverse("breaks:practice", args=[breaks.practice.pk]))
    html = response.content.decode()
    assert "Dr Priya Shah" in html
    assert "GP" in html
    assert breaks.gp.user.email in html
    assert 'href="/breaks/join/' in html
    assert "http://testserver/breaks/join/" in html


@pytest.mark.parametrize("count", [2, 20])
def test_the_practice_page_runs_a_fixed_number_of_queries(
    coordinator_client: Client, breaks: BreaksScheme, count: int, django_assert_num_queries: Any
) -> None:
    for _ in range(count):
        PracticeMember.objects.create(practice=breaks.practice, user=UserFactory.create())
    # session, user, membership, OTP device, practice with its scheme, members with names
    with django_assert_num_queries(6):
        response = coordinator_client.get(reverse("breaks:practice", args=[breaks.practice.pk]))
    assert response.content.decode().count('<tr class="govuk-table__row">') == count + 2
