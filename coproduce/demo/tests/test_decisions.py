"""The demo's decisions (coproduce.demo.decisions), built on top of the demo's projects."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.conftest import signed_in
from coproduce.decisions.models import (
    DecisionRule,
    Outcome,
    Position,
    PositionChannel,
    Proposal,
    ProposalStatus,
    RuleKind,
    Stance,
)
from coproduce.demo import decisions, named

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_story_of_a_block_a_revision_and_an_open_proposal(
    built_demo: str,
) -> None:
    # Five, and the cafés' evaluation plan (coproduce.demo.evaluation).
    assert Proposal.objects.filter(evaluation_questions__isnull=True).count() == 5
    assert Position.objects.count() > 0
    revised = Proposal.objects.get(outcome=Outcome.REVISED)
    assert revised.positions.filter(stance=Stance.BLOCK).exclude(comment="").exists()
    assert revised.revisions.get().outcome == Outcome.AGREED_WITH_RESERVATIONS
    assert (revised.round, revised.revisions.get().round) == (1, 2)
    assert Position.objects.filter(anonymous_to_group=True).exists()
    channels = set(revised.positions.values_list("channel", flat=True))
    assert channels == {c.value for c in PositionChannel}
    hidden = Proposal.objects.filter(hide_positions_until_deadline=True, status="open")
    assert hidden.count() == 2
    # Margaret signs in and has a position to give on the open discharge proposal.
    margaret = User.objects.get(email=named.CARER_EMAIL)
    client = signed_in(Client(), margaret)
    page = client.get(
        reverse("decisions:proposal", args=[hidden.get(project__title=decisions.DISCHARGE).pk])
    )
    assert "Give my position" in page.content.decode()
    statement = revised.outcome_statement
    assert "Anonymous: Stand aside" in statement
    assert "Did not respond:" in statement


def test_the_decision_rule_shows_and_agreed_over_a_live_block_is_refused(
    built_demo: str,
) -> None:
    rules = dict(DecisionRule.objects.values_list("project__title", "kind"))
    assert rules == {
        decisions.DISCHARGE: RuleKind.CONSENSUS,
        decisions.CAFES: RuleKind.CONSENSUS_MINUS_ONE,
    }
    blocked = Proposal.objects.get(
        status=ProposalStatus.OPEN,
        positions__stance=Stance.BLOCK,
        project__title=decisions.DISCHARGE,
    )
    coordinator = signed_in(Client(), User.objects.get(email=named.COORDINATOR_EMAIL))
    page = html.unescape(
        coordinator.get(reverse("decisions:proposal", args=[blocked.pk])).content.decode()
    )
    assert "Full consensus: the group agrees only when no member's block stands." in page
    url = reverse("decisions:outcome", args=[blocked.pk])
    response = coordinator.post(url, {"outcome": "agreed", "statement": "Agreed."})
    assert response.status_code == 400
    assert "1 block stands, so the group cannot be recorded as agreeing" in html.unescape(
        response.content.decode()
    )


def test_short_notice_deadlines_in_the_demo_carry_their_reason(built_demo: str) -> None:
    short = Proposal.objects.filter(short_notice=True)
    assert short.exists()
    assert not short.filter(short_notice_reason="").exists()
    for proposal in Proposal.objects.all():
        assert proposal.short_notice == (proposal.notice_days < proposal.required_notice_days)
