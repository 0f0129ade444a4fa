"""Verbs for activities: plan, move, cancel, find a time. Each is one transaction.

Every change of date (scheduling, moving, cancelling) is recorded as an ActivityChange with
the notice given and required; short notice needs a reason (the database insists too).
Telling people about a change is the invitations' job: see `_tell_invitees`.
"""

import datetime
import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.activities import rules
from coproduce.activities.models import (
    Activity,
    ActivityChange,
    ActivityLead,
    ActivityStatus,
    ChangeKind,
    Invitation,
    Slot,
    SlotAnswer,
)
from coproduce.audit.models import AuditAction, AuditEvent, DataCategory
from coproduce.people.models import Person
from coproduce.projects.models import GroupRole, Project, ProjectMember
from coproduce.tenancy.models import STAFF_ROLES


class NotNow(Exception):
    """The activity is not in a state where this can be done (someone got there first)."""


class ReasonNeeded(Exception):
    """Short notice (or a cancellation) without a reason."""


# --- Who is affected, and how much notice they need --------------------------------------


def group_of(project: Project) -> QuerySet[Person]:
    """The project's current group, with carer profiles."""
    return (
        Person.objects.filter(
            project_memberships__project=project,
            project_memberships__left_on=None,
            erased_at=None,
        )
        .select_related("carer_profile")
        .order_by("full_name", "pk")
    )


def affected_people(activity: Activity) -> list[Person]:
    """Those invited; before anyone is invited, the project's current group (two queries)."""
    invited = list(
        Person.objects.filter(invitations__activity=activity, erased_at=None)
        .select_related("carer_profile")
        .order_by("full_name", "pk")
    )
    return invited or list(group_of(activity.project))


def lead_candidates(project: Project) -> list[tuple[Person, str]]:
    """Who may lead or co-deliver: the group's members and the organisation's staff."""
    roles = dict(GroupRole.choices)
    candidates: dict[int, tuple[Person, str]] = {}
    members = ProjectMember.objects.filter(
        project=project, left_on=None, person__erased_at=None
    ).select_related("person")
    for member in members.order_by("person__full_name"):
        candidates[member.person_id] = (member.person, str(roles.get(member.role, member.role)))
    staff = Person.objects.filter(
        organisation_id=project.organisation_id,
        erased_at=None,
        user__memberships__organisation_id=project.organisation_id,
        user__memberships__role__in=STAFF_ROLES,
    ).order_by("full_name")
    for person in staff:
        candidates.setdefault(person.pk, (person, str(_("Staff"))))
    return list(candidates.values())


def notice_needs(people: Iterable[Person]) -> dict[str, int]:
    """Each person's own notice need, by name (people without a carer profile need none)."""
    needs: dict[str, int] = {}
    for person in people:
        profile = getattr(person, "carer_profile", None)
        if profile is not None:
            needs[person.full_name] = profile.notice_days
    return needs


def check_notice(
    activity: Activity, starts_at: datetime.datetime, now: datetime.datetime | None = None
) -> rules.Notice:
    """The notice a time gives those affected by `activity`, against what they need."""
    return rules.check_notice(
        now or timezone.now(),
        starts_at,
        activity.project.organisation.minimum_notice_days,
        notice_needs(affected_people(activity)),
    )


def check_project_notice(
    project: Project, starts_at: datetime.datetime, now: datetime.datetime | None = None
) -> rules.Notice:
    """The same, for an activity being planned: nobody is invited yet, so the group."""
    return rules.check_notice(
        now or timezone.now(),
        starts_at,
        project.organisation.minimum_notice_days,
        notice_needs(group_of(project)),
    )


def short_notice_counts(project_ids: Iterable[int]) -> dict[int, int]:
    """How many short-notice changes each project has had (one query), for lists and reports."""
    rows = (
        ActivityChange.objects.filter(activity__project_id__in=list(project_ids), short_notice=True)
        .values("activity__project_id")
        .annotate(n=Count("pk"))
    )
    return {row["activity__project_id"]: row["n"] for row in rows}


def short_notice_count(project: Project) -> int:
    return short_notice_counts([project.pk]).get(project.pk, 0)


# --- Recording changes -------------------------------------------------------------------


def _record_change(
    activity: Activity,
    user: User,
    kind: ChangeKind,
    *,
    notice: rules.Notice | None,
    starts_at: datetime.datetime | None,
    previous: datetime.datetime | None,
    reason: str,
    now: datetime.datetime,
) -> ActivityChange:
    short = notice is not None and notice.short
    if short and not reason.strip():
        raise ReasonNeeded("Short notice needs a reason")
    change = ActivityChange.objects.create(
        activity=activity,
        kind=kind,
        starts_at=starts_at,
        previous_starts_at=previous,
        notice_days=notice.given if notice else 0,
        required_days=notice.required if notice else 0,
        short_notice=short,
        reason=reason.strip(),
        changed_by=user,
        changed_at=now,
    )
    _tell_invitees(activity, change)
    return change


def _tell_invitees(activity: Activity, change: ActivityChange) -> None:
    """Hand the change to the invitations, which tell people (messages, updated .ics).

    The invitations work owns `invitation_actions.tell_invitees_changed`; it is looked up
    here, lazily, so the two halves can be built independently. Until it exists nobody is
    told by the service and staff tell people themselves.
    """
    try:
        module = importlib.import_module("coproduce.activities.invitation_actions")
    except ModuleNotFoundError:
        return
    hook = getattr(module, "tell_invitees_changed", None)
    if callable(hook):
        hook(activity, change)


def _locked(activity: Activity) -> Activity:
    return (
        Activity.objects.select_for_update()
        .select_related("project__organisation")
        .get(pk=activity.pk)
    )


# --- Planning ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedTime:
    starts_at: datetime.datetime
    reason: str = ""


@transaction.atomic
def plan_activity(
    user: User,
    project: Project,
    details: Mapping[str, Any],
    leads: Mapping[int, str],
    when: PlannedTime | None,
    now: datetime.datetime | None = None,
) -> Activity:
    """Plan an activity at the project's current stage: at a time now, or find one later."""
    now = now or timezone.now()
    activity = Activity.objects.create(
        project=project,
        stage=project.stage,
        status=ActivityStatus.SCHEDULED if when else ActivityStatus.FINDING_A_TIME,
        starts_at=when.starts_at if when else None,
        **details,
    )
    ActivityLead.objects.bulk_create(
        ActivityLead(activity=activity, person_id=person_pk, role=role)
        for person_pk, role in leads.items()
    )
    if when is not None:
        _record_change(
            activity,
            user,
            ChangeKind.SCHEDULED,
            notice=check_project_notice(project, when.starts_at, now),
            starts_at=when.starts_at,
            previous=None,
            reason=when.reason,
            now=now,
        )
    return activity


@transaction.atomic
def save_agenda_and_notes(activity: Activity, agenda: str, notes: str) -> None:
    Activity.objects.filter(pk=activity.pk).update(
        agenda=agenda, notes=notes, updated_at=timezone.now()
    )


# --- Moving and cancelling -----------------------------------------------------------------


@transaction.atomic
def move_activity(
    user: User,
    activity: Activity,
    starts_at: datetime.datetime,
    reason: str,
    now: datetime.datetime | None = None,
) -> ActivityChange:
    """A new date or time. The calendar sequence goes up so calendars replace the old one."""
    now = now or timezone.now()
    activity = _locked(activity)
    if activity.status != ActivityStatus.SCHEDULED:
        raise NotNow("Only a scheduled activity can be moved")
    previous = activity.starts_at
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=starts_at, sequence=F("sequence") + 1, updated_at=now
    )
    activity.refresh_from_db()
    return _record_change(
        activity,
        user,
        ChangeKind.MOVED,
        notice=check_notice(activity, starts_at, now),
        starts_at=starts_at,
        previous=previous,
        reason=reason,
        now=now,
    )


@transaction.atomic
def cancel_activity(
    user: User,
    activity: Activity,
    reason: str,
    costs: Mapping[int, tuple[Decimal, str]] | None = None,
    now: datetime.datetime | None = None,
) -> ActivityChange:
    """Cancel, with a reason (always). Notice is counted to the time that was planned."""
    now = now or timezone.now()
    if not reason.strip():
        raise ReasonNeeded("A cancellation needs a reason")
    activity = _locked(activity)
    if activity.status == ActivityStatus.CANCELLED:
        raise NotNow("This activity is already cancelled")
    Activity.objects.filter(pk=activity.pk).update(
        status=ActivityStatus.CANCELLED,
        cancelled_at=now,
        cancel_reason=reason.strip(),
        sequence=F("sequence") + 1,
        updated_at=now,
    )
    activity.refresh_from_db()
    if costs:
        record_cancellation_costs(activity, costs)
    starts_at = activity.starts_at
    return _record_change(
        activity,
        user,
        ChangeKind.CANCELLED,
        notice=None if starts_at is None else check_notice(activity, starts_at, now),
        starts_at=None,
        previous=starts_at,
        reason=reason,
        now=now,
    )


@transaction.atomic
def record_cancellation_costs(activity: Activity, costs: Mapping[int, tuple[Decimal, str]]) -> int:
    """Costs each invitee had already incurred (replacement care, travel), keyed by
    invitation; they can be claimed later. Returns how many invitations were updated."""
    updated = 0
    for invitation_pk, (amount, note) in costs.items():
        if amount < 0:
            raise ValueError("A cost cannot be negative")
        updated += Invitation.objects.filter(pk=invitation_pk, activity=activity).update(
            cancellation_cost=amount, cancellation_cost_note=note.strip()
        )
    return updated


# --- Finding a time ------------------------------------------------------------------------


@transaction.atomic
def propose_slots(activity: Activity, times: Iterable[datetime.datetime]) -> int:
    """Add proposed times (ones already proposed are kept once). Returns how many are new."""
    if activity.status != ActivityStatus.FINDING_A_TIME:
        raise NotNow("This activity already has a time")
    before = activity.slots.count()
    Slot.objects.bulk_create(
        [Slot(activity=activity, starts_at=t) for t in times], ignore_conflicts=True
    )
    return activity.slots.count() - before


@transaction.atomic
def remove_slot(activity: Activity, slot_pk: int) -> None:
    Slot.objects.filter(activity=activity, pk=slot_pk).delete()


@transaction.atomic
def answer_slots(
    recorded_by: User, activity: Activity, person: Person, can_make: Mapping[int, bool]
) -> None:
    """A member's answers (or staff recording them after a phone call), one per slot."""
    slots = set(activity.slots.filter(pk__in=list(can_make)).values_list("pk", flat=True))
    for slot_pk, answer in can_make.items():
        if slot_pk in slots:
            SlotAnswer.objects.update_or_create(
                slot_id=slot_pk,
                person=person,
                defaults={"can_make": answer, "recorded_by": recorded_by},
            )


@transaction.atomic
def choose_slot(
    user: User,
    activity: Activity,
    slot: Slot,
    reason: str,
    now: datetime.datetime | None = None,
) -> ActivityChange:
    """Schedule the activity at a proposed time."""
    now = now or timezone.now()
    activity = _locked(activity)
    if activity.status != ActivityStatus.FINDING_A_TIME:
        raise NotNow("This activity already has a time")
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=slot.starts_at, status=ActivityStatus.SCHEDULED, updated_at=now
    )
    activity.refresh_from_db()
    return _record_change(
        activity,
        user,
        ChangeKind.SCHEDULED,
        notice=check_notice(activity, slot.starts_at, now),
        starts_at=slot.starts_at,
        previous=None,
        reason=reason,
        now=now,
    )


# --- Access needs before the day ---------------------------------------------------------


def group_needs(actor: User, activity: Activity) -> list[Person]:
    """Those invited (or the group) with their carer profiles, for the staff's needs panel.

    Access needs and replacement care are special-category data: seeing them is audited,
    one event per person, written in one query.
    """
    people = affected_people(activity)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            organisation_id=person.organisation_id,
            actor=actor,
            person=person,
            action=AuditAction.VIEWED,
            categories=sorted([DataCategory.CARING.value, DataCategory.DISABILITY.value]),
            detail=f"Needs for activity {activity.pk}"[:300],
        )
        for person in people
    )
    return people


def slot_answers(activity: Activity) -> dict[tuple[int, int], bool]:
    return {
        (slot_pk, person_pk): can_make
        for slot_pk, person_pk, can_make in SlotAnswer.objects.filter(
            slot__activity=activity
        ).values_list("slot_id", "person_id", "can_make")
    }


def group_members(activity: Activity) -> list[rules.GroupMember]:
    """The current group, as finding a time needs them (one query)."""
    members = []
    for person in group_of(activity.project):
        profile = getattr(person, "carer_profile", None)
        members.append(
            rules.GroupMember(
                key=person.pk,
                name=person.full_name,
                notice_days=profile.notice_days if profile else 0,
                availability=frozenset(profile.availability if profile else []),
            )
        )
    return members


def ranked_slots(
    activity: Activity, now: datetime.datetime | None = None
) -> list[rules.RankedSlot]:
    slots = [rules.SlotTime(s.pk, s.starts_at) for s in activity.slots.all()]
    return rules.rank_slots(
        slots,
        group_members(activity),
        slot_answers(activity),
        now or timezone.now(),
        activity.project.organisation.minimum_notice_days,
    )
