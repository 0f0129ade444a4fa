"""Verbs for You Said, We Did: record an action, change it, change its status, comment
on it, and choose whether the board is public. Each is one transaction.

Linking a contribution to an action answers it (through `contributions.actions.respond`)
and tells its giver, once per action, person and event, by their preferred channel."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coproduce.accountability import rules
from coproduce.accountability.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    BoardSettings,
    Comment,
)
from coproduce.accounts.models import User
from coproduce.contributions import actions as contribution_actions
from coproduce.contributions.models import Contribution
from coproduce.decisions.models import Proposal
from coproduce.notifications.actions import notify
from coproduce.notifications.models import Message
from coproduce.people.models import Person
from coproduce.projects.models import Project


class ReasonNeeded(Exception):
    """An action that is not possible says why."""


@dataclass(frozen=True)
class Details:
    title: str
    description: str = ""
    planned_for: datetime.date | None = None
    evidence: str = ""
    evidence_link: str = ""


def _project_proposals(project: Project, proposals: Iterable[Proposal]) -> list[int]:
    """Only the project's own decisions can be followed by its actions."""
    wanted = {p.pk for p in proposals}
    return list(
        Proposal.objects.filter(project=project, pk__in=wanted)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _project_contributions(project: Project, contributions: Iterable[Contribution]) -> list[int]:
    """Only the project's own contributions can be answered by its actions."""
    wanted = {c.pk for c in contributions}
    return list(
        Contribution.objects.filter(project=project, pk__in=wanted)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def record_action(
    project: Project,
    details: Details,
    contributions: Iterable[Contribution],
    by: User,
    *,
    status: ActionStatus | str = ActionStatus.PLANNED,
    done_on: datetime.date | None = None,
    proposals: Iterable[Proposal] = (),
) -> Action:
    """A new action answering some of the project's contributions. Something already
    done can be recorded as done (dated today unless a date is given)."""
    if rules.needs_reason(status):
        raise ReasonNeeded
    if status == ActionStatus.DONE:
        done_on = done_on or timezone.localdate()
    action = Action.objects.create(
        project=project,
        title=details.title.strip(),
        description=details.description.strip(),
        planned_for=details.planned_for,
        evidence=details.evidence.strip(),
        evidence_link=details.evidence_link.strip(),
        status=status,
        done_on=done_on,
        created_by=by,
    )
    ActionUpdate.objects.create(action=action, changed_by=by, from_status="", to_status=status)
    action.proposals.set(_project_proposals(project, proposals))
    _link(action, _project_contributions(project, contributions), by)
    return action


@transaction.atomic
def change_action(
    action: Action,
    details: Details,
    contributions: Iterable[Contribution] | None,
    by: User,
    proposals: Iterable[Proposal] = (),
) -> Action:
    """Change what an action says and which contributions it answers (None: leave them as
    they are). Contributions newly linked are answered and their givers told; unlinking
    answers nothing again."""
    locked = Action.objects.select_for_update().get(pk=action.pk)
    locked.title = details.title.strip()
    locked.description = details.description.strip()
    locked.planned_for = details.planned_for
    locked.evidence = details.evidence.strip()
    locked.evidence_link = details.evidence_link.strip()
    locked.save()
    locked.proposals.set(_project_proposals(locked.project, proposals))
    if contributions is None:
        return locked
    wanted = set(_project_contributions(locked.project, contributions))
    current = set(locked.contributions.values_list("pk", flat=True))
    locked.contributions.remove(*(current - wanted))
    _link(locked, sorted(wanted - current), by)
    return locked


@transaction.atomic
def add_contributions(action: Action, contributions: Iterable[Contribution], by: User) -> int:
    """Link more of the project's contributions to an action: each newly linked one is
    answered and its giver told. Returns how many were newly linked."""
    locked = Action.objects.select_for_update().select_related("project").get(pk=action.pk)
    wanted = set(_project_contributions(locked.project, contributions))
    current = set(locked.contributions.filter(pk__in=wanted).values_list("pk", flat=True))
    new = sorted(wanted - current)
    _link(locked, new, by)
    return len(new)


@transaction.atomic
def remove_contributions(action: Action, contributions: Iterable[Contribution]) -> None:
    """Unlink contributions from an action (their responses stay as they are)."""
    locked = Action.objects.select_for_update().get(pk=action.pk)
    locked.contributions.remove(*[c.pk for c in contributions])


@transaction.atomic
def change_status(
    action: Action,
    status: ActionStatus | str,
    by: User,
    *,
    reason: str = "",
    done_on: datetime.date | None = None,
    note: str = "",
    evidence: str | None = None,
    evidence_link: str | None = None,
) -> Action:
    """Move an action on. Its contributions' responses follow; when it is done (or not
    possible) everyone who gave one of them, and may be told, is told once."""
    reason = reason.strip()
    if rules.needs_reason(status) and not reason:
        raise ReasonNeeded
    locked = Action.objects.select_for_update().get(pk=action.pk)
    previous = locked.status
    locked.status = status
    locked.reason = reason if rules.needs_reason(status) else ""
    if status == ActionStatus.DONE:
        locked.done_on = done_on or locked.done_on or timezone.localdate()
    else:
        locked.done_on = None
    if evidence is not None:
        locked.evidence = evidence.strip()
    if evidence_link is not None:
        locked.evidence_link = evidence_link.strip()
    locked.save()
    ActionUpdate.objects.create(
        action=locked, changed_by=by, from_status=previous, to_status=status, note=note.strip()
    )
    if previous != status:
        pks = list(locked.contributions.values_list("pk", flat=True))
        _answer(locked, pks, by)
        event = rules.event_for(status)
        if event is not None:
            _tell(locked, pks, event)
    return locked


def _link(action: Action, pks: list[int], by: User) -> None:
    if not pks:
        return
    action.contributions.add(*pks)
    _answer(action, pks, by)
    _tell(action, pks, rules.event_for(action.status) or rules.Event.RECORDED)


def _answer(action: Action, pks: list[int], by: User) -> None:
    """Give each contribution the response its linked actions now call for."""
    through = Action.contributions.through
    statuses: dict[int, set[str]] = defaultdict(set)
    for contribution_id, status in through.objects.filter(contribution_id__in=pks).values_list(
        "contribution_id", "action__status"
    ):
        statuses[contribution_id].add(status)
    text = rules.response_text(action.title, action.description, action.status, action.reason)
    for contribution in Contribution.objects.filter(pk__in=pks).order_by("pk"):
        wanted = rules.response_for(contribution.status, statuses[contribution.pk])
        if wanted is not None:
            contribution_actions.respond(contribution, wanted, text, by)


def board_link(project: Project) -> str:
    """The board a contributor is sent to: the public one if the project chose it (no
    signing in), otherwise the group's."""
    public = BoardSettings.objects.filter(project=project, public=True).first()
    if public is not None:
        path = reverse("accountability:public-board", kwargs={"board_uuid": public.public_id})
    else:
        path = reverse("accountability:board", kwargs={"project_pk": project.pk})
    return settings.SITE_URL + path


def _tell(action: Action, pks: list[int], event: str) -> list[Message]:
    """Tell each person whose contribution this action answers, once per event."""
    people_ids = {
        person_id
        for privacy, person_id in Contribution.objects.filter(pk__in=pks).values_list(
            "privacy", "person_id"
        )
        if rules.may_be_told(privacy, person_id)
    }
    if not people_ids:
        return []
    project = action.project
    context = {
        "action": action,
        "project": project,
        "organisation": project.organisation,
        "board_link": board_link(project),
    }
    people = Person.objects.filter(pk__in=people_ids, erased_at=None).order_by("pk")
    return [
        notify(
            person,
            f"accountability.{event}",
            f"accountability_{event}",
            context,
            idempotency_key=f"accountability.{action.pk}.{person.pk}.{event}",
        )
        for person in people
    ]


@transaction.atomic
def add_comment(action: Action, person: Person, text: str) -> Comment:
    return Comment.objects.create(action=action, person=person, text=text.strip())


@transaction.atomic
def choose_public(project: Project, public: bool, by: User) -> BoardSettings:
    board, _ = BoardSettings.objects.select_for_update().get_or_create(project=project)
    board.public = public
    board.changed_by = by
    board.save()
    return board


def settings_of(project: Project) -> BoardSettings | None:
    return BoardSettings.objects.filter(project=project).first()
