"""The door to You Said, We Did.

A project's board and its actions are seen by whoever may see the project (staff, and its
current group); only staff record and change actions or choose to show the board to the
public. The public board exists only while the project has chosen it.
"""

import uuid

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.accountability.models import Action, BoardSettings
from coproduce.projects.access import one_in_projects, projects_of_organisation, rows_of_project
from coproduce.projects.models import Project
from coproduce.tenancy.access import Need, one
from coproduce.tenancy.models import Organisation


def actions_of(request: HttpRequest, project: Project, need: Need = "view") -> QuerySet[Action]:
    """Actions of a project that itself came through `project_for`."""
    return rows_of_project(request, Action.objects.all(), project, need)


def action_for(request: HttpRequest, pk: int, need: Need = "view") -> Action:
    actions = Action.objects.select_related("project__organisation", "project__coordinator")
    return one_in_projects(request, actions, pk, need)


def public_board_for(request: HttpRequest, public_id: uuid.UUID) -> BoardSettings:
    """A board its project chose to show to anyone (signed in or not)."""
    boards = BoardSettings.objects.filter(public=True).select_related("project__organisation")
    return one(boards, public_id=public_id)


def public_actions_of(board: BoardSettings) -> QuerySet[Action]:
    """The actions of a board that came through `public_board_for`."""
    return Action.objects.filter(project_id=board.project_id)


def public_boards_of(organisation: Organisation) -> QuerySet[BoardSettings]:
    """The boards an organisation's projects chose to show to anyone, for its front door."""
    return BoardSettings.objects.filter(
        project__in=projects_of_organisation(organisation), public=True
    ).select_related("project")


def actions_of_organisation(organisation_id: int) -> QuerySet[Action]:
    """Actions of the projects an organisation's staff see, for a caller acting for it
    without a sign-in (an API token's organisation)."""
    return Action.objects.filter(project__in=projects_of_organisation(organisation_id))
