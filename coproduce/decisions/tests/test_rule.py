import html

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.decisions.models import DecisionRule, RuleKind
from coproduce.decisions.tests.factories import project_with, proposal_of


def test_staff_choose_the_rule_and_every_proposal_shows_it(
    coordinator_client: Client, carer_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    proposal = proposal_of(project)
    url = reverse("decisions:rule", args=[project.pk])
    form = html.unescape(coordinator_client.get(url).content.decode())
    assert "Now: Full consensus" in form
    assert not DecisionRule.objects.exists()  # looking does not save a rule
    response = coordinator_client.post(url, {"kind": "fallback_vote", "vote_after_rounds": "3"})
    assert response.status_code == 302
    rule = DecisionRule.objects.get(project=project)
    assert (rule.kind, rule.vote_after_rounds, rule.updated_by) == (
        RuleKind.FALLBACK_VOTE,
        3,
        coordinator.user,
    )
    page = html.unescape(
        carer_client.get(reverse("decisions:proposal", args=[proposal.pk])).content.decode()
    )
    assert "Consensus, with a vote as a fallback: from round 3 of a proposal" in page
    assert url not in page  # only staff are offered the change


def test_a_fallback_vote_needs_its_round_and_a_sensible_one(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    url = reverse("decisions:rule", args=[project.pk])
    for typed, error in (
        ("", "Enter the round from which a vote may settle a proposal"),
        ("0", "The round must be 1 or more"),
        ("11", "The round must be 10 or fewer"),
        ("two", "Enter the round as a number, like 2"),
    ):
        response = coordinator_client.post(
            url, {"kind": "fallback_vote", "vote_after_rounds": typed}
        )
        body = html.unescape(response.content.decode())
        assert response.status_code == 400
        assert error in body
        assert 'value="fallback_vote" checked' in body
    assert "Select how the group decides" in coordinator_client.post(url, {}).content.decode()
    assert not DecisionRule.objects.exists()


def test_only_staff_of_the_project_change_the_rule(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    project = project_with(coordinator, carer)
    url = reverse("decisions:rule", args=[project.pk])
    assert carer_client.get(url).status_code == 403
    assert carer_client.post(url, {"kind": "consensus_minus_one"}).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.post(url, {"kind": "consensus_minus_one"}).status_code == 404
    assert not DecisionRule.objects.exists()
