"""The demo's contributions: every channel and privacy choice, answered and waiting."""

import pytest

from coproduce.contributions.models import (
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.demo.named import CARER_EMAIL

pytestmark = pytest.mark.django_db


def test_views_came_through_every_channel_and_privacy_choice(built_demo: str) -> None:
    channels = set(Contribution.objects.values_list("channel", flat=True))
    privacies = set(Contribution.objects.values_list("privacy", flat=True))
    assert channels == set(ContributionChannel.values)
    assert privacies == set(Privacy.values)


def test_some_views_wait_and_every_one_not_taken_forward_says_why(built_demo: str) -> None:
    assert Contribution.objects.filter(status=ResponseStatus.NEW).exists()
    refused = Contribution.objects.filter(status=ResponseStatus.NOT_TAKEN_FORWARD)
    assert refused.exists()
    assert not refused.filter(response="").exists()


def test_margaret_was_told_what_happened_to_what_she_said(built_demo: str) -> None:
    hers = Contribution.objects.filter(person__email=CARER_EMAIL)
    assert hers.exclude(status=ResponseStatus.NEW).exclude(response="").exists()


def test_follow_up_replies_became_contributions(built_demo: str) -> None:
    assert Contribution.objects.filter(follow_up_reply__isnull=False).count() == 2
