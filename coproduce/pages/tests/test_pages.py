import datetime
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from coproduce.conftest import Member


def test_start_page_invites_sign_in_and_offers_offline_help(client: Client, db: None) -> None:
    html = client.get(reverse("pages:home")).content.decode()
    assert "Sign in" in html
    assert "Not online?" in html
    assert 'class="govuk-skip-link"' in html


def test_home_shows_each_role_its_own_links(
    coordinator_client: Client, carer_client: Client, admin_client_a: Client
) -> None:
    coordinator_home = coordinator_client.get(reverse("pages:home")).content.decode()
    carer_home = carer_client.get(reverse("pages:home")).content.decode()
    admin_home = admin_client_a.get(reverse("pages:home")).content.decode()
    assert reverse("people:register") in coordinator_home
    assert reverse("audit:list") not in coordinator_home
    assert reverse("people:list") not in carer_home
    assert reverse("audit:list") in admin_home


def test_header_carries_the_organisations_own_name_not_the_crown(
    carer_client: Client, carer: Member
) -> None:
    html = carer_client.get(reverse("pages:home")).content.decode()
    assert "govuk-generic-header__homepage-link" in html
    assert carer.organisation.name in html
    assert "GOV.UK" not in html
    assert "Crown copyright" not in html


def test_statements_are_public(client: Client, db: None) -> None:
    assert "Accessibility statement" in client.get(reverse("pages:accessibility")).content.decode()
    assert "Privacy notice" in client.get(reverse("pages:privacy")).content.decode()


def test_missing_page_is_a_govuk_404(client: Client, db: None) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_forbidden_page_explains_why(carer_client: Client) -> None:
    response = carer_client.get(reverse("people:list"))
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


@override_settings(DEBUG=False)
def test_server_error_page_renders_without_the_database(client: Client, db: None) -> None:
    from coproduce.pages.views import server_error

    request = client.get("/").wsgi_request
    response = server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_every_page_sends_a_strict_content_security_policy(client: Client, db: None) -> None:
    response = client.get(reverse("accounts:sign-in"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_only_inline_script_carries_the_policys_nonce(client: Client, db: None) -> None:
    response = client.get(reverse("accounts:sign-in"))
    html = response.content.decode()
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in html


def invite(carer: Member, title: str, days: int, **activity: Any) -> Any:
    from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
    from coproduce.projects.tests.factories import ProjectFactory

    starts_at = timezone.now() + datetime.timedelta(days=days)
    made = ActivityFactory.create(
        project=ProjectFactory.create(organisation=carer.organisation),
        title=title,
        starts_at=starts_at,
        **activity,
    )
    return InvitationFactory.create(activity=made, person=carer.person)


def test_a_carer_sees_their_upcoming_invitations_and_how_to_reply(
    carer_client: Client, carer: Member, carer_b: Member
) -> None:
    from coproduce.activities.models import ActivityStatus, Reply

    waiting = invite(carer, "Young carers' forum", 10)
    coming = invite(carer, "Walk in the park", 20)
    coming.reply = Reply.COMING
    coming.save()
    invite(carer, "Last month's meeting", -30)
    invite(carer, "Cancelled picnic", 5, status=ActivityStatus.CANCELLED)
    invite(carer_b, "Someone else's workshop", 7)

    html = carer_client.get(reverse("pages:home")).content.decode()

    assert "Your invitations" in html
    assert html.index("Young carers&#39; forum") < html.index("Walk in the park")
    assert "You have not replied yet." in html
    assert reverse("activities:reply", args=[waiting.activity_id]) in html
    assert "Your reply: Coming." in html
    assert "Last month" not in html
    assert "Cancelled picnic" not in html
    assert "Someone else" not in html
    assert reverse("projects:list") in html
    assert "Your projects" in html


def test_a_carer_with_no_invitations_is_told_so(carer_client: Client) -> None:
    html = carer_client.get(reverse("pages:home")).content.decode()
    assert "You have no invitations to activities coming up." in html


@pytest.mark.parametrize("count", [1, 6])
def test_the_carers_home_page_runs_a_fixed_number_of_queries(
    carer_client: Client, carer: Member, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        invite(carer, f"Meeting {n}", n + 1)
    # session, user, membership, memberships, practices, invitations, times to answer,
    # the open self-assessment round, proposals
    with django_assert_num_queries(9):
        response = carer_client.get(reverse("pages:home"))
    assert response.content.decode().count("You have not replied yet.") == count


def test_staff_home_links_to_projects_and_shows_no_invitations(
    coordinator_client: Client,
) -> None:
    html = coordinator_client.get(reverse("pages:home")).content.decode()
    assert reverse("projects:list") in html
    assert "Your invitations" not in html


def test_a_carer_sees_the_decisions_waiting_for_their_view(
    carer_client: Client, carer: Member, coordinator: Member
) -> None:
    from coproduce.decisions.tests.factories import PositionFactory, ProposalFactory
    from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory

    project = ProjectFactory.create(organisation=carer.organisation, coordinator=coordinator.person)
    ProjectMemberFactory.create(project=project, person=carer.person)
    waiting = ProposalFactory.create(project=project, title="Move meetings to mornings")
    answered = ProposalFactory.create(project=project, title="Use the new leaflet")
    PositionFactory.create(proposal=answered, person=carer.person)
    elsewhere = ProposalFactory.create(title="Another group's question")
    html = carer_client.get(reverse("pages:home")).content.decode()
    assert waiting.title in html
    assert answered.title not in html
    assert elsewhere.title not in html
