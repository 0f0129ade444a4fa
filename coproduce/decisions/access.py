"""The door to proposals and positions.

Proposals are seen by whoever may see their project (staff, and the project's current
group); staff and members put them; a member gives their own position; only staff record one
for a member, or the outcome (through need="edit").
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from coproduce.decisions.models import Proposal
from coproduce.people.access import group_member_of, own_rows
from coproduce.people.models import Person
from coproduce.projects.access import one_in_projects
from coproduce.projects.models import Project
from coproduce.tenancy.access import Need, membership_for, one


def proposals_for(request: HttpRequest, project: Project) -> QuerySet[Proposal]:
    """Proposals of a project that itself came through `project_for`."""
    membership_for(request)
    return Proposal.objects.filter(project=project)


def proposal_for(request: HttpRequest, pk: int, need: Need = "view") -> Proposal:
    related = (
        "project__organisation",
        "project__coordinator",
        "project__decision_rule",
        "proposed_by",
    )
    return one_in_projects(request, Proposal.objects.select_related(*related), pk, need)


def own_proposals_waiting(request: HttpRequest) -> QuerySet[Proposal]:
    """Open proposals to the groups the signed-in person is in, that they have not yet
    given a position on (for their home page)."""
    membership = membership_for(request)
    return Proposal.objects.filter(
        own_rows(membership, "project__members__person"),
        status="open",
        deadline__gt=timezone.now(),
        project__members__left_on=None,
    ).exclude(positions__person__user_id=membership.user_id)


def revised_proposal_of(project: Project, pk: int) -> Proposal:
    """A decided proposal of `project` (which came through `project_for`) to re-propose."""
    return one(Proposal.objects.filter(project=project, status="closed"), pk=pk)


def decision_member_of(proposal: Proposal, person_pk: int) -> Person:
    """A current member of the group of `proposal`, which came through `proposal_for`."""
    return group_member_of(proposal.project_id, person_pk)
