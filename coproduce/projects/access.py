"""The door to projects: staff (admins and coordinators) see every project their
organisation owns or co-owns through a partnership; anyone else sees only the projects
whose group they are in. Only staff change a project."""

from datetime import datetime
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest

from coproduce.people.access import own_rows, people_for
from coproduce.people.models import Person
from coproduce.projects.models import BudgetLine, Milestone, Project, ProjectMember, StageChange
from coproduce.tenancy.access import (
    PEOPLE_ROLES,
    Need,
    is_staff,
    membership_for,
    of_organisation_or_partnership,
    one,
    require_role,
)
from coproduce.tenancy.models import Organisation

M = TypeVar("M", bound=Model)

# Equality answers are seen only in aggregate, and only by these roles.
EQUALITY_AGGREGATE_ROLES = PEOPLE_ROLES


def projects_for(request: HttpRequest, need: Need = "view") -> QuerySet[Project]:
    membership = membership_for(request)
    if membership.role in PEOPLE_ROLES:
        return Project.objects.filter(of_organisation_or_partnership(membership)).distinct()
    if need == "edit":
        raise PermissionDenied("Only staff can change a project")
    in_group = own_rows(membership, "members__person")
    return Project.objects.filter(in_group, members__left_on=None).distinct()


def project_for(request: HttpRequest, pk: int, need: Need = "view") -> Project:
    projects = projects_for(request, need)
    return one(projects.select_related("coordinator", "organisation", "partnership"), pk=pk)


def rows_of_project(
    request: HttpRequest, queryset: "QuerySet[M]", project: Project, need: Need = "view"
) -> "QuerySet[M]":
    """The rows of `queryset` (activities, actions...) of a project that itself came through
    `project_for`; only staff may change them."""
    if need == "edit" and not is_staff(request):
        raise PermissionDenied("Only staff can change this")
    return queryset.filter(project=project)


def one_in_projects(
    request: HttpRequest, queryset: "QuerySet[M]", pk: int, need: Need = "view"
) -> M:
    """The row `pk` of `queryset` if it belongs to a project the user may see (or change)."""
    return one(queryset.filter(project__in=projects_for(request, need)), pk=pk)


def project_makeup_for(request: HttpRequest, pk: int) -> Project:
    """A project whose group make-up (aggregate equality answers) the user may see."""
    require_role(request, EQUALITY_AGGREGATE_ROLES)
    return project_for(request, pk, need="edit")


def people_to_add_to(request: HttpRequest, project: Project) -> QuerySet[Person]:
    """People of the user's organisation who are not in the project's group now."""
    current = ProjectMember.objects.filter(project=project, left_on=None).values("person_id")
    return people_for(request).exclude(pk__in=current)


def milestone_of(project: Project, pk: int) -> Milestone:
    """A milestone of `project`, which must itself have come through this module."""
    return one(Milestone.objects.filter(project=project), pk=pk)


def budget_line_of(project: Project, pk: int) -> BudgetLine:
    """A budget line of `project`, which must itself have come through this module."""
    return one(BudgetLine.objects.filter(project=project), pk=pk)


def project_member_of(project: Project, pk: int) -> ProjectMember:
    """A group member of `project`, which must itself have come through this module."""
    return one(ProjectMember.objects.select_related("person").filter(project=project), pk=pk)


def with_member_count(projects: QuerySet[Project]) -> QuerySet[Project]:
    """`projects` (already scoped by `projects_for`), each with how many are in its group now.

    A subquery, not Count("members"): for a carer, projects_for joins the members to find
    their own membership, and a count through that join would count only them."""
    current_members = (
        ProjectMember.objects.filter(project=OuterRef("pk"), left_on=None)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return projects.annotate(member_count=Coalesce(Subquery(current_members), 0))


def stage_history_of(project: Project) -> list[StageChange]:
    """How `project` (which came through this module) moved between stages, each move with
    `changed_by_name`, the name of the person who moved it (never an erased person's), in
    one query. Kept on the project object, so that the ladder rung on the same page reads
    the moves from it (`stage_entries_of`) instead of asking again."""
    name = (
        Person.objects.filter(user=OuterRef("changed_by"), erased_at=None)
        .order_by("full_name", "pk")
        .values("full_name")[:1]
    )
    changes: list[StageChange] = [
        *StageChange.objects.filter(project=project).annotate(changed_by_name=Subquery(name))
    ]
    project._stage_changes = changes  # type: ignore[attr-defined]
    return changes


def stage_entries_of(project: Project) -> list[tuple[str, datetime]]:
    """(stage entered, when) for each move of `project` (which came through this module or
    is the project of a row that did), oldest first: from the moves already read for the
    page if `stage_history_of` was asked, else in one query."""
    kept: list[StageChange] | None = getattr(project, "_stage_changes", None)
    if kept is not None:
        return [(change.to_stage, change.changed_at) for change in kept]
    return list(StageChange.objects.filter(project=project).values_list("to_stage", "changed_at"))


def moves_without_carers(project: Project) -> QuerySet[StageChange]:
    """The moves on from a stage in which carers took no part, oldest first, each with the
    reason given (one query). `project` came through this module, or is the project of a row
    that did; the rung counts these against the project."""
    return StageChange.objects.filter(project=project, carers_absent=True).order_by(
        "changed_at", "pk"
    )


def partners_of(project: Project) -> QuerySet[Organisation]:
    """The organisations of `project`'s partnership; `project` came through this module."""
    return Organisation.objects.filter(partnerships=project.partnership_id)


def projects_of_organisation(organisation: "Organisation | int") -> QuerySet[Project]:
    """The projects an organisation owns or co-owns through a partnership: what its staff
    see, for a caller acting for it without a sign-in (an API token's organisation, or its
    public front door, which narrows them to what each project has made public)."""
    organisation_id = organisation if isinstance(organisation, int) else organisation.pk
    owned = Q(organisation_id=organisation_id) | Q(partnership__organisations=organisation_id)
    return Project.objects.filter(pk__in=Project.objects.filter(owned).values("pk"))
