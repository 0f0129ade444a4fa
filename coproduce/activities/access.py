"""The door to activities and invitations.

An activity is seen by whoever may see its project (staff, and the project's group); only
staff plan, move, cancel or change one. Staff see and record everyone's invitations to
their organisation's activities (through `activity_for(..., "edit")`); anyone else sees
only their own invitation.
"""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from coproduce.activities.models import (
    Activity,
    ActivityChange,
    ActivityStatus,
    Invitation,
    Reply,
)
from coproduce.people.access import group_member_of, own_rows
from coproduce.people.models import Person
from coproduce.projects.access import one_in_projects, projects_for, rows_of_project
from coproduce.projects.models import Project
from coproduce.tenancy.access import Need, membership_for, one, require_staff

# An activity is at risk of short notice when nobody has been invited and fewer than the
# organisation's minimum notice plus this many days are left: a week to send invitations.
AT_RISK_MARGIN_DAYS = 7


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


def _coming_up(request: HttpRequest, path: str = "") -> Q:
    """Scheduled activities still to come, of projects the user may change (staff only)."""
    require_staff(request)
    prefix = f"{path}__" if path else ""
    return Q(
        **{
            f"{prefix}project__in": projects_for(request, "edit"),
            f"{prefix}status": ActivityStatus.SCHEDULED,
            f"{prefix}starts_at__gt": timezone.now(),
        }
    )


def needs_to_arrange(request: HttpRequest) -> QuerySet[Invitation]:
    """Staff: replies to activities coming up that ask for something nobody has arranged
    yet: replacement care or travel for someone coming, or another way to take part not
    yet followed up. Soonest activity first, each with its activity and person."""
    care = Q(reply=Reply.COMING, replacement_care_needed=True, replacement_care_arranged="")
    travel = Q(reply=Reply.COMING, travel_needed=True, travel_arranged="")
    other_way = Q(reply=Reply.ANOTHER_WAY, other_way_followed_up_at=None)
    invitations = Invitation.objects.filter(
        _coming_up(request, "activity"), care | travel | other_way, person__erased_at=None
    )
    return invitations.select_related("activity", "person").order_by(
        "activity__starts_at", "activity_id", "person__full_name", "pk"
    )


def at_risk_of_short_notice(request: HttpRequest) -> QuerySet[Activity]:
    """Staff: activities coming up that nobody has been invited to, with fewer than the
    organisation's minimum notice and a week left (or already too little); soonest first."""
    membership = require_staff(request)
    days = membership.organisation.minimum_notice_days + AT_RISK_MARGIN_DAYS
    horizon = timezone.now() + datetime.timedelta(days=days)
    invited = Invitation.objects.filter(activity=OuterRef("pk"))
    activities = Activity.objects.filter(_coming_up(request), starts_at__lte=horizon)
    return activities.filter(~Exists(invited)).select_related("project").order_by("starts_at", "pk")
