"""The door to You Said, We Did.

A project's board and its actions are seen by whoever may see the project (staff, and its
current group); only staff record and change actions or choose to show the board to the
public. The public board exists only while the project has chosen it.
"""

import uuid

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.accountability.models import (
    Action,
    BoardSettings,
    Comment,
    CommentStatus,
    Quote,
    QuoteKind,
)
from coproduce.contributions.access import contributions_of
from coproduce.contributions.models import Contribution
from coproduce.people.access import own_rows
from coproduce.projects.access import (
    one_in_projects,
    projects_of_organisation,
    rows_of_project,
)
from coproduce.projects.models import Project
from coproduce.tenancy.access import Need, membership_for, one, require_staff
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


def public_action_of(board: BoardSettings, pk: int) -> Action:
    """An action of a board that came through `public_board_for`."""
    return one(public_actions_of(board).select_related("project__organisation"), pk=pk)


# --- Quotes ------------------------------------------------------------------------------


def quotes_of(action: Action) -> QuerySet[Quote]:
    """The quotes of an action that came through `action_for` with need="edit" (staff)."""
    return Quote.objects.filter(action=action)


def contribution_to_quote(request: HttpRequest, action: Action, pk: int) -> Contribution:
    """One of the contributions an action (that came through `action_for` with
    need="edit") answers, if this member of staff may reach it."""
    answered = contributions_of(request, action.project).filter(answered_by=action)
    return one(answered.select_related("person"), pk=pk)


def own_quote_for(request: HttpRequest, pk: int) -> Quote:
    """A quote the signed-in person is asked to approve (their own words)."""
    membership = membership_for(request)
    quotes = Quote.objects.filter(own_rows(membership), kind=QuoteKind.QUOTE)
    return one(quotes.select_related("action__project__organisation", "person"), pk=pk)


def own_quotes(request: HttpRequest) -> QuerySet[Quote]:
    membership = membership_for(request)
    return Quote.objects.filter(own_rows(membership), kind=QuoteKind.QUOTE)


# --- Comments to read before they show --------------------------------------------------


def comments_to_moderate(request: HttpRequest) -> QuerySet[Comment]:
    """Comments waiting for staff, on the actions of their own organisation's projects
    (a partner organisation's staff do not decide what the owner's boards show)."""
    membership = require_staff(request)
    return Comment.objects.filter(
        status=CommentStatus.PENDING,
        action__project__in=projects_of_organisation(membership.organisation_id),
    )


def comment_to_moderate(request: HttpRequest, pk: int) -> Comment:
    return one(comments_to_moderate(request).select_related("action"), pk=pk)
