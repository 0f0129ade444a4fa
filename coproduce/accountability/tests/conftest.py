"""The shared project (coproduce/conftest.py: organisation A's, with A's carer in its
group) joined by three givers of views, each with a different privacy choice, and actions
answering them. The words and names are markers the privacy tests look for on every page."""

import uuid
from dataclasses import dataclass

import pytest
from django.test import Client

from coproduce.accountability import actions
from coproduce.accountability.models import Action, ActionStatus, BoardSettings
from coproduce.conftest import Member, make_member, signed_in
from coproduce.contributions import actions as contribution_actions
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectMemberFactory
from coproduce.tenancy.models import Organisation, Role

IDENTIFIABLE_WORDS = "Ident-words: the ward never asked me"
GROUP_ANONYMOUS_WORDS = "Groupanon-words: nobody told me about medicines"
ANONYMOUS_WORDS = "Anon-words: the letter came a week late"
CONFIDENTIAL_WORDS = "Secret-words: I could not cope at home"


def group_member(organisation: Organisation, project: Project, name: str, email: str) -> Member:
    member = make_member(organisation, Role.CARER, name, email=email)
    ProjectMemberFactory.create(project=project, person=member.person)
    return member


@pytest.fixture
def ida(org_a: Organisation, project: Project) -> Member:
    """Gave her view with her name."""
    return group_member(org_a, project, "Ida Identifiable", "ida@example.org")


@pytest.fixture
def gwen(org_a: Organisation, project: Project) -> Member:
    """Gave her view anonymously to the group (staff know it is her)."""
    return group_member(org_a, project, "Gwen Groupanon", "gwen@example.org")


@pytest.fixture
def connie(org_a: Organisation, project: Project) -> Member:
    """Gave her view in confidence."""
    return group_member(org_a, project, "Connie Confidential", "connie@example.org")


def give(
    project: Project, privacy: Privacy, text: str, person: Person | None, themes: list[str]
) -> Contribution:
    contribution = contribution_actions.record_contribution(
        organisation=project.organisation,
        project=project,
        channel=ContributionChannel.MEETING,
        privacy=privacy,
        text=text,
        person=person,
    )
    if themes:
        contribution_actions.set_themes(contribution, themes)
    return contribution


@dataclass
class Said:
    identifiable: Contribution
    group_anonymous: Contribution
    anonymous: Contribution
    confidential: Contribution

    def all(self) -> list[Contribution]:
        return [self.identifiable, self.group_anonymous, self.anonymous, self.confidential]


@pytest.fixture
def said(project: Project, ida: Member, gwen: Member, connie: Member) -> Said:
    return Said(
        identifiable=give(
            project, Privacy.IDENTIFIABLE, IDENTIFIABLE_WORDS, ida.person, ["Being asked"]
        ),
        group_anonymous=give(
            project, Privacy.ANONYMOUS_TO_GROUP, GROUP_ANONYMOUS_WORDS, gwen.person, ["Medicines"]
        ),
        anonymous=give(project, Privacy.ANONYMOUS, ANONYMOUS_WORDS, None, []),
        confidential=give(
            project, Privacy.CONFIDENTIAL, CONFIDENTIAL_WORDS, connie.person, ["Being asked"]
        ),
    )


@pytest.fixture
def action(project: Project, said: Said, coordinator: Member) -> Action:
    """An action answering all four views."""
    return actions.record_action(
        project,
        actions.Details(title="Carers asked before discharge", description="A new checklist."),
        said.all(),
        coordinator.user,
    )


@pytest.fixture
def done_action(project: Project, said: Said, coordinator: Member) -> Action:
    return actions.record_action(
        project,
        actions.Details(title="Medicines explained at discharge"),
        [said.group_anonymous],
        coordinator.user,
        status=ActionStatus.DONE,
    )


def public_id(project: Project) -> uuid.UUID:
    return BoardSettings.objects.get(project=project).public_id


@pytest.fixture
def ida_client(ida: Member) -> Client:
    return signed_in(Client(), ida.user)


@pytest.fixture
def carer_b_client(carer_b: Member) -> Client:
    return signed_in(Client(), carer_b.user)
