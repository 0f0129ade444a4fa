"""What someone said is part of what is held about them: in their own download in full,
and in a download staff make on their behalf without the words given in confidence."""

import json

from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.contributions.models import Privacy
from coproduce.contributions.tests.factories import ContributionFactory
from coproduce.projects.models import Project


def test_your_download_has_everything_you_said(
    giver_client: Client, giver: Member, project: Project
) -> None:
    ContributionFactory.create(project=project, person=giver.person, text="Open words")
    ContributionFactory.create(
        project=project, person=giver.person, privacy=Privacy.CONFIDENTIAL, text="Private words"
    )
    data = json.loads(giver_client.get(reverse("people:you-download")).content)
    assert [c["text"] for c in data["contributions"]] == ["Open words", "Private words"]


def test_a_staff_download_leaves_out_words_given_in_confidence(
    admin_client_a: Client, giver: Member, project: Project
) -> None:
    ContributionFactory.create(project=project, person=giver.person, text="Open words")
    ContributionFactory.create(
        project=project, person=giver.person, privacy=Privacy.CONFIDENTIAL, text="Private words"
    )
    response = admin_client_a.get(reverse("people:person-download", args=[giver.person.pk]))
    assert b"Private words" not in response.content
    data = json.loads(response.content)
    assert [c["text"] for c in data["contributions"]] == ["Open words", None]
