"""The door to activities and invitations.

An activity is seen by whoever may see its project (staff, and the project's group); only
staff plan, move, cancel or change one. Staff see and record everyone's invitations to
their organisation's activities (through `activity_for(..., "edit")`); anyone else sees
only their own invitation.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest

from coproduce.activities.models import Activity, ActivityChange, Invitation
from coproduce.people.access import group_member_of, own_rows
from coproduce.people.models import Person
from coproduce.projects.access import one_in_projects, projects_of_organisation, rows_of_project
from coproduce.projects.models import Project
from coproduce.tenancy.access import Need, membership_for, one


def activities_for(
    request: HttpRequest, project: Project, need: Need = "view"
) -> QuerySet[Activity]:
    """Activities of a project that itself came through `project_for`."""
    return rows_of_project(request, Activity.objects.all(), project, need)


def with_short_notice(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """`activities` (which came through this module), each marked `short` when it was ever
    changed at short notice."""
    short = ActivityChange.objects.filter(activity=OuterRef("pk"), short_notice=True)
    return activities.annotate(short=Exists(short))


def activity_for(request: HttpRequest, pk: int, need: Need = "view") -> Activity:
    activities = Activity.objects.select_related("project__organisation", "project__coordinator")
    return one_in_projects(request, activities, pk, need)


def group_member_for(activity: Activity, person_pk: int) -> Person:
    """A current member of the group of `activity`, which must have come through here."""
    return group_member_of(activity.project_id, person_pk)


def own_invitations(request: HttpRequest) -> QuerySet[Invitation]:
    """The signed-in person's own invitations in their current organisation (no others')."""
    return Invitation.objects.filter(own_rows(membership_for(request)))


def own_invitation_for(request: HttpRequest, activity_pk: int) -> Invitation:
    """The signed-in person's own invitation to an activity."""
    invitations = own_invitations(request).select_related(
        "activity__project__organisation", "activity__project__coordinator", "person"
    )
    return one(invitations, activity_id=activity_pk)


def invitation_of(activity: Activity, pk: int) -> Invitation:
    """An invitation to `activity`, which must have come through `activity_for`."""
    invitations = Invitation.objects.filter(activity=activity, person__erased_at=None)
    invitation = one(invitations.select_related("person__carer_profile"), pk=pk)
    invitation.activity = activity
    return invitation


def activities_of_organisation(organisation_id: int) -> QuerySet[Activity]:
    """Activities of the projects an organisation's staff see, for a caller acting for it
    without a sign-in (an API token's organisation)."""
    return Activity.objects.filter(project__in=projects_of_organisation(organisation_id))
