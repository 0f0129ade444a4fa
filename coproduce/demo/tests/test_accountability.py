"""The demo's You Said, We Did (coproduce.demo.accountability), built on the demo's
projects, contributions and decisions."""

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accountability.models import Action, ActionStatus, BoardSettings, Comment
from coproduce.contributions.models import Contribution, ResponseStatus
from coproduce.notifications.models import Message, Status

pytestmark = pytest.mark.django_db


def test_the_demo_shows_what_was_done_about_what_carers_said(built_demo: str) -> None:
    assert Action.objects.count() == 10
    assert Comment.objects.count() >= 3
    assert set(Action.objects.values_list("status", flat=True)) == {s.value for s in ActionStatus}
    assert Action.objects.filter(proposals__isnull=False).exists()
    # Every action answers views, and nothing was left queued to send while building.
    assert not Action.objects.filter(contributions__isnull=True).exists()
    told = Message.objects.filter(kind__startswith="accountability.")
    assert told.exists()
    assert not told.exclude(status=Status.SENT).exists()
    assert Contribution.objects.filter(
        answered_by__isnull=False, status=ResponseStatus.ACTED_ON
    ).exists()
    # The discharge board is public, and shows no names.
    board = BoardSettings.objects.get(public=True)
    page = Client().get(
        reverse("accountability:public-board", kwargs={"board_uuid": board.public_id})
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "The ward phones the carer 48 hours before discharge" in body
    for name in Contribution.objects.filter(person__isnull=False).values_list(
        "person__full_name", flat=True
    ):
        assert name not in body


def test_the_demo_closes_the_loop(built_demo: str) -> None:
    """Words waiting for approval and approved, comments waiting and published, and an
    answer to "did it make a difference?"; the waiting words are not on the public board."""
    from coproduce.accountability.models import CommentStatus, Difference, Quote, QuoteStatus

    waiting = Quote.objects.get(status=QuoteStatus.AWAITING)
    assert waiting.person is not None
    assert waiting.person.email == "carer@riverside.example"
    assert Quote.objects.filter(status=QuoteStatus.APPROVED).exists()
    assert Comment.objects.filter(public=True, status=CommentStatus.PENDING).exists()
    assert Comment.objects.filter(public=True, status=CommentStatus.PUBLISHED).exists()
    assert Difference.objects.filter(contribution__channel="follow_up").exists()
    assert not Message.objects.filter(kind="accountability.quote").exclude(status=Status.SENT)
    board = BoardSettings.objects.get(public=True)
    body = (
        Client()
        .get(reverse("accountability:public-board", kwargs={"board_uuid": board.public_id}))
        .content.decode()
    )
    assert waiting.text not in body
    approved = Quote.objects.filter(status=QuoteStatus.APPROVED).first()
    assert approved is not None
    assert approved.text.replace("'", "&#39;") in body
