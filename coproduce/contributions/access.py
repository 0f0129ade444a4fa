"""The door to contributions.

Staff of the organisations that own a project see its contributions; its group sees them
too. Confidential ones are reached only by the owning organisation's coordinators and by the
person who gave them. What each viewer then sees of a contribution (name, words) is decided
by coproduce.contributions.rules for every page, export and feed.
"""

from typing import cast

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest

from coproduce.contributions.models import (
    Attachment,
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
    Theme,
)
from coproduce.contributions.rules import Viewer
from coproduce.people.access import own_rows
from coproduce.people.models import Person
from coproduce.projects.access import projects_for
from coproduce.projects.models import Project
from coproduce.tenancy.access import (
    NOTHING,
    Need,
    is_staff,
    membership_for,
    of_organisation,
    one,
    require_staff,
)
from coproduce.tenancy.models import Membership, Role


def viewer_for(request: HttpRequest) -> Viewer:
    """Who is asking, for the contribution privacy rules (anonymous visitors: nobody)."""
    membership = cast(Membership | None, getattr(request, "membership", None))
    if not request.user.is_authenticated or membership is None:
        return Viewer()
    person_id = Person.objects.filter(own_rows(membership, "")).values_list("pk", flat=True).first()
    return Viewer(
        organisation_id=membership.organisation_id, role=membership.role, person_id=person_id
    )


def _reachable(viewer: Viewer) -> Q:
    """Contributions a viewer may reach at all: everything but others' confidential ones,
    which only the owning organisation's coordinators reach."""
    open_ = ~Q(privacy=Privacy.CONFIDENTIAL)
    coordinator = (
        Q(organisation_id=viewer.organisation_id) if viewer.role == Role.COORDINATOR else NOTHING
    )
    return open_ | _own(viewer) | coordinator


def _own(viewer: Viewer) -> Q:
    return Q(person_id=viewer.person_id) if viewer.person_id is not None else NOTHING


def contributions_of(request: HttpRequest, project: Project) -> QuerySet[Contribution]:
    """Contributions to a project that itself came through `project_for`."""
    return Contribution.objects.filter(_reachable(viewer_for(request)), project=project)


def contribution_queue_for(request: HttpRequest) -> QuerySet[Contribution]:
    """Everything given to the user's organisation, for its staff to consider."""
    membership = require_staff(request)
    reachable = _reachable(viewer_for(request))
    return Contribution.objects.filter(reachable, of_organisation(membership))


def waiting_for_response(request: HttpRequest) -> QuerySet[Contribution]:
    """Staff: the organisation's contributions still waiting for a response, oldest first,
    each with its project (the queue's rows; the home page shows the first few)."""
    waiting = contribution_queue_for(request).filter(status=ResponseStatus.NEW)
    return waiting.select_related("project").order_by("recorded_at", "pk")


def contribution_for(request: HttpRequest, pk: int, need: Need = "view") -> Contribution:
    """A contribution: staff reach their organisations' ones (and their projects'), the
    group reaches its project's, the giver reaches their own. Only staff change one."""
    viewer = viewer_for(request)
    staff = is_staff(request)
    if need == "edit" and not staff:
        raise PermissionDenied("Only staff respond to contributions")
    in_projects = Q(project__in=projects_for(request))
    owned = of_organisation(membership_for(request)) if staff else NOTHING
    contributions = Contribution.objects.filter(_reachable(viewer)).filter(
        in_projects | owned | _own(viewer)
    )
    related = ("project__organisation", "person", "activity", "organisation")
    return one(contributions.select_related(*related), pk=pk)


def own_contributions(request: HttpRequest) -> QuerySet[Contribution]:
    """What the signed-in person has given, in their current organisation."""
    viewer = viewer_for(request)
    if viewer.person_id is None:
        return Contribution.objects.none()
    return Contribution.objects.filter(person_id=viewer.person_id)


def attachment_of(contribution: Contribution, pk: int) -> Attachment:
    """A file of `contribution`, which must itself have come through this module."""
    return one(Attachment.objects.filter(contribution=contribution), pk=pk)


def with_details(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """Contributions that came through this module, with who gave them, where, and their
    themes in order, for a list page (a fixed number of queries however many)."""
    return contributions.select_related("person", "activity", "project").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("name"))
    )


def themes_of(project: Project) -> QuerySet[Theme]:
    """The themes of a project that itself came through `project_for`."""
    return Theme.objects.filter(project=project)


def projects_to_file_under(request: HttpRequest, contribution: Contribution) -> QuerySet[Project]:
    """The projects of the organisation that received `contribution` (which came through
    `contribution_for(..., "edit")`) that the staff member may change, by title: where
    open-door feedback about one of them can be filed."""
    projects = projects_for(request, "edit").filter(organisation_id=contribution.organisation_id)
    return projects.order_by("title", "pk")


def open_door_about(viewer: Viewer, project: Project) -> QuerySet[Contribution]:
    """Open-door feedback filed under a project that itself came through `project_for`,
    that `viewer` (from `viewer_for`) may reach, newest first, with who gave it (what they
    may see of each: `rules.shown`)."""
    feedback = Contribution.objects.filter(
        _reachable(viewer), project=project, channel=ContributionChannel.OPEN_DOOR
    )
    return feedback.select_related("person").order_by("-given_on", "-pk")


def contributions_given_to(viewer: Viewer) -> QuerySet[Contribution]:
    """Everything given to the viewer's organisation that the viewer may reach, as its
    staff's queue shows it, for a caller acting without a sign-in (an API token, whose
    viewer is its organisation with the admin role: others' confidential views are never
    reached). What each shows of a name or words is still for `rules.shown`."""
    if viewer.organisation_id is None or not viewer.staff:
        return Contribution.objects.none()
    reachable = _reachable(viewer)
    return Contribution.objects.filter(reachable, organisation_id=viewer.organisation_id)
