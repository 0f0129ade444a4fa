"""Evidence of carers' involvement from activities, for the project page (registered with
coproduce.projects.extensions when the app starts).

Only activities that took place count: scheduled (not cancelled, not still finding a time)
and started before `now`. Planning to lead a meeting next month is not evidence."""

from datetime import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from coproduce.activities.models import ActivityLead, ActivityStatus, Invitation, LeadRole
from coproduce.projects.extensions import Evidence
from coproduce.projects.models import GroupRole, Project, ProjectMember


def _took_place(project: Project, now: datetime) -> dict[str, Any]:
    return {
        "activity__project": project,
        "activity__status": ActivityStatus.SCHEDULED,
        "activity__starts_at__lt": now,
    }


def _carer_members(project: Project) -> Any:
    return ProjectMember.objects.filter(project=project, role=GroupRole.CARER).values("person_id")


def attended(project: Project, now: datetime) -> set[str]:
    """Stages in which a carer member of the group attended an activity (one query)."""
    invitations = Invitation.objects.filter(
        **_took_place(project, now), attended=True, person_id__in=_carer_members(project)
    )
    return set(invitations.order_by().values_list("activity__stage", flat=True).distinct())


def led(project: Project, now: datetime) -> set[str]:
    """Stages in which a carer member led or co-facilitated an activity (one query)."""
    leads = ActivityLead.objects.filter(
        **_took_place(project, now),
        role__in=[LeadRole.CARER_LED, LeadRole.CO_FACILITATOR],
        person_id__in=_carer_members(project),
    )
    return set(leads.order_by().values_list("activity__stage", flat=True).distinct())


EVIDENCE = (
    Evidence("attended", _("a carer member attended an activity"), attended),
    Evidence("led", _("a carer member led or co-facilitated an activity"), led),
)
