"""Helpers for the invitation tests: a project group with a scheduled activity."""

from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.urls import resolve

from coproduce.activities import invitation_actions
from coproduce.activities.models import Activity, Invitation
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.conftest import Member
from coproduce.people.models import Person
from coproduce.projects.tests.factories import ProjectFactory, ProjectMemberFactory


def group_activity(coordinator: Member, *people: Person, **fields: Any) -> Activity:
    """A scheduled activity of a project run by `coordinator`, with `people` in its group."""
    project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person
    )
    for person in people:
        ProjectMemberFactory.create(project=project, person=person)
    activity: Activity = ActivityFactory.create(project=project, **fields)
    return activity


def invited(activity: Activity, person: Person, **fields: Any) -> Invitation:
    invitation: Invitation = InvitationFactory.create(activity=activity, person=person, **fields)
    return invitation


def links_in(body: str) -> list[str]:
    """The paths of the links in a message."""
    return [urlparse(word).path for word in body.split() if word.startswith(settings.SITE_URL)]


def linked(body: str) -> list[tuple[str, int | None]]:
    """Each link in a message as (URL name, the invitation its signed token is for)."""
    found: list[tuple[str, int | None]] = []
    for path in links_in(body):
        match = resolve(path)
        salt = (
            invitation_actions.CALENDAR_SALT
            if match.url_name == "invitation-calendar"
            else invitation_actions.INVITATION_SALT
        )
        invitation = invitation_actions.invitation_from_token(match.kwargs["token"], salt)
        found.append((match.url_name or "", invitation.pk if invitation else None))
    return found
