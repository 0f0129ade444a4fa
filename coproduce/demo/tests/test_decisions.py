"""The demo's decisions (coproduce.demo.decisions), built on top of the demo's projects."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.conftest import signed_in
from coproduce.decisions.models import Outcome, Position, PositionChannel, Proposal, Stance
from coproduce.demo import decisions, named

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_story_of_a_block_a_revision_and_an_open_proposal(
    built_demo: str,
) -> None:
    # Four, and the cafés' evaluation plan (coproduce.demo.evaluation).
    assert Proposal.objects.filter(evaluation_questions__isnull=True).count() == 4
    assert Position.objects.count() > 0
    revised = Proposal.objects.get(outcome=Outcome.REVISED)
    assert revised.positions.filter(stance=Stance.BLOCK).exclude(comment="").exists()
    assert revised.revisions.get().outcome == Outcome.AGREED_WITH_RESERVATIONS
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
