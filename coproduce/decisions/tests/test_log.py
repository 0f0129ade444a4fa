import html
from typing import Any

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member, signed_in
from coproduce.decisions.models import Outcome, ProposalStatus
from coproduce.decisions.tests.factories import (
    PositionFactory,
    days_from_now,
    project_with,
    proposal_of,
)
from coproduce.projects.models import Project


def decided(project: Project, **fields: Any) -> None:
    proposal_of(
        project,
        status=ProposalStatus.CLOSED,
        outcome=Outcome.AGREED_WITH_RESERVATIONS,
        outcome_statement="Agreed",
        decided_at=days_from_now(-1),
        **fields,
    )


def test_the_log_lists_proposals_with_deadline_positions_and_outcome(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    first = proposal_of(project, title="Adopt the checklist", deadline=days_from_now(-20))
    PositionFactory.create(proposal=first, person=carer.person)
    decided(project, title="Adopt the revised checklist", revises=first)
    proposal_of(project, title="Publish the evaluation")
    html = coordinator_client.get(reverse("decisions:log", args=[project.pk])).content.decode()
    for text in (
        "Adopt the checklist",
        "Re-proposal of: Adopt the checklist",
        "Agreed with reservations",
        "Open for positions",
        "Deadline passed: outcome to record",
    ):
        assert text in html
    assert reverse("decisions:propose", args=[project.pk]) in html


def test_group_members_see_the_log_and_others_do_not(
    carer_client: Client,
    staff_b_client: Client,
    client: Client,
    coordinator: Member,
    carer: Member,
    professional: Member,
) -> None:
    project = project_with(coordinator, carer)
    proposal_of(project, title="Publish the evaluation")
    url = reverse("decisions:log", args=[project.pk])
    assert "Publish the evaluation" in carer_client.get(url).content.decode()
    assert staff_b_client.get(url).status_code == 404

    outsider = signed_in(Client(), professional.user)
    assert outsider.get(url).status_code == 404
    assert client.get(url).status_code == 302


def test_the_log_takes_the_same_queries_however_many_proposals(
    coordinator_client: Client, coordinator: Member, carer: Member, django_assert_num_queries: Any
) -> None:
    project = project_with(coordinator, carer)
    url = reverse("decisions:log", args=[project.pk])
    proposal = proposal_of(project)
    PositionFactory.create(proposal=proposal, person=carer.person)
    coordinator_client.get(url)
    # The rule and, for staff, the count of short-notice proposals are one query each.
    with django_assert_num_queries(9) as one:
        coordinator_client.get(url)
    for n in range(4):
        earlier = proposal_of(project, deadline=days_from_now(-n - 1))
        decided(project, revises=earlier)
        proposal_of(project, short_notice=True, short_notice_reason="Board meets soon")
    with django_assert_num_queries(len(one.captured_queries)):
        coordinator_client.get(url)


def test_the_project_page_links_to_its_decisions_for_staff_and_members(
    coordinator_client: Client, carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    link = reverse("decisions:log", args=[project.pk])
    for client in (coordinator_client, carer_client):
        page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
        assert link in page


def test_the_log_shows_the_rule_and_reports_short_notice_to_staff(
    coordinator_client: Client, carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    proposal_of(project, short_notice=True, short_notice_reason="The board meets on Friday")
    url = reverse("decisions:log", args=[project.pk])
    staff_page = html.unescape(coordinator_client.get(url).content.decode())
    assert "Full consensus: the group agrees only when no member's block stands." in staff_page
    assert "1 proposal gave members less notice than they needed." in staff_page
    assert "Short notice" in staff_page
    assert reverse("decisions:rule", args=[project.pk]) in staff_page
    carer_page = html.unescape(carer_client.get(url).content.decode())
    assert "Full consensus" in carer_page
    assert "less notice than they needed" not in carer_page
    assert reverse("decisions:rule", args=[project.pk]) not in carer_page
