"""The door to activities and invitations.

An activity is seen by whoever may see its project (staff, and the project's group); only
staff plan, move, cancel or change one. Staff see and record everyone's invitations to
their organisation's activities (through `activity_for(..., "edit")`); anyone else sees
only their own invitation.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.db.models import (
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.expressions import CombinedExpression
from django.http import HttpRequest
from django.utils import timezone

from coproduce.activities.models import (
    Activity,
    ActivityChange,
    ActivityStatus,
    AgendaItem,
    AgendaStatus,
    Invitation,
    Reply,
    Slot,
    SlotAnswer,
)
from coproduce.people.access import group_member_of, own_person, own_rows
from coproduce.people.models import Person
from coproduce.projects.access import (
    one_in_projects,
    projects_for,
    projects_of_organisation,
    rows_of_project,
)
from coproduce.projects.models import GroupRole, Project, ProjectMember
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


class Minutes(Func):
    """A whole number of minutes as a duration (Django keeps durations in microseconds on
    SQLite and as intervals on PostgreSQL)."""

    output_field = DurationField()
    template = "(%(expressions)s * 60000000)"

    def as_postgresql(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, Sequence[Any]]:
        return self.as_sql(compiler, connection, template="make_interval(mins => %(expressions)s)")


def ends_at() -> "ExpressionWrapper[CombinedExpression]":
    """When an activity ends (its start plus its length), in SQL."""
    return ExpressionWrapper(
        F("starts_at") + Minutes("duration_minutes"), output_field=DateTimeField()
    )


def split_by_time(
    activities: QuerySet[Activity], now: datetime.datetime
) -> tuple[QuerySet[Activity], QuerySet[Activity]]:
    """`activities` (which came through this module) as those still to come or happening
    now, soonest first (with those still finding a time first of all), and those that have
    ended, the latest first."""
    timed = activities.alias(ends_at=ends_at())
    ended = Q(starts_at__isnull=False, ends_at__lte=now)
    coming = timed.exclude(ended).filter(
        Q(starts_at__isnull=False) | Q(status=ActivityStatus.FINDING_A_TIME)
    )
    return (
        coming.order_by(F("starts_at").asc(nulls_first=True), "pk"),
        timed.filter(ended).order_by("-starts_at", "-pk"),
    )


def activity_for(request: HttpRequest, pk: int, need: Need = "view") -> Activity:
    activities = Activity.objects.select_related("project__organisation", "project__coordinator")
    return one_in_projects(request, activities, pk, need)


def group_member_for(activity: Activity, person_pk: int) -> Person:
    """A current member of the group of `activity`, which must have come through here."""
    return group_member_of(activity.project_id, person_pk)


def own_invitations(request: HttpRequest) -> QuerySet[Invitation]:
    """The signed-in person's own invitations in their current organisation (no others')."""
    return Invitation.objects.filter(own_rows(membership_for(request)))


def own_time_polls(request: HttpRequest) -> QuerySet[Activity]:
    """Activities still finding a time, with a proposed time yet to come, in projects whose
    group the signed-in person is in (one query): what they are asked "which times can you
    make?" about, each marked `answered` when they have said for at least one time, those
    not answered first."""
    membership = membership_for(request)
    mine = Person.objects.filter(own_rows(membership, ""))
    in_group = ProjectMember.objects.filter(
        project=OuterRef("project"), left_on=None, person__in=mine
    )
    time_to_come = Slot.objects.filter(activity=OuterRef("pk"), starts_at__gt=timezone.now())
    answered = SlotAnswer.objects.filter(slot__activity=OuterRef("pk"), person__in=mine)
    return (
        Activity.objects.filter(
            Exists(in_group),
            Exists(time_to_come),
            status=ActivityStatus.FINDING_A_TIME,
            project__in=projects_for(request),
        )
        .annotate(answered=Exists(answered))
        .select_related("project")
        .order_by("answered", "pk")
    )


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


# --- The agenda ----------------------------------------------------------------------------


def agenda_of(activity: Activity) -> QuerySet[AgendaItem]:
    """The agenda of `activity` (which came through `activity_for`), in order, with who
    leads each item: what the group sees."""
    items = AgendaItem.objects.filter(activity=activity, status=AgendaStatus.ACCEPTED)
    return items.select_related("led_by").order_by("position", "pk")


def suggestions_of(activity: Activity) -> QuerySet[AgendaItem]:
    """Suggestions waiting for staff, oldest first, with who made them: for staff only (the
    activity came through `activity_for(..., "edit")`)."""
    waiting = AgendaItem.objects.filter(activity=activity, status=AgendaStatus.SUGGESTED)
    return waiting.select_related("suggested_by").order_by("created_at", "pk")


def suggestion_of(activity: Activity, pk: int) -> AgendaItem:
    """A suggestion for `activity`, which must have come through `activity_for(..., "edit")`."""
    item = one(AgendaItem.objects.select_related("suggested_by").filter(activity=activity), pk=pk)
    item.activity = activity
    return item


def own_suggestions(activity: Activity, person: Person) -> QuerySet[AgendaItem]:
    """What `person` (the signed-in person) suggested for `activity`, and what became of it."""
    return AgendaItem.objects.filter(activity=activity, suggested_by=person).order_by("pk")


def suggester_for(request: HttpRequest, activity: Activity) -> Person:
    """The signed-in person, if they are a current carer member of the group of `activity`
    (which came through `activity_for`): only they may suggest agenda items."""
    return one(_carer_members(activity), pk=own_person(request).pk)


def suggester_or_none(request: HttpRequest, activity: Activity) -> Person | None:
    """The signed-in person if they may suggest agenda items for `activity`, else None."""
    membership = membership_for(request)
    return _carer_members(activity).filter(own_rows(membership, "")).first()


def _carer_members(activity: Activity) -> QuerySet[Person]:
    return Person.objects.filter(
        erased_at=None,
        project_memberships__project_id=activity.project_id,
        project_memberships__left_on=None,
        project_memberships__role=GroupRole.CARER,
    )


def activities_of_organisation(organisation_id: int) -> QuerySet[Activity]:
    """Activities of the projects an organisation's staff see, for a caller acting for it
    without a sign-in (an API token's organisation)."""
    return Activity.objects.filter(project__in=projects_of_organisation(organisation_id))


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
