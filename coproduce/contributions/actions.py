"""Verbs for contributions: record one from any channel, respond to it, theme it, and
let its giver make it more private. Each is one transaction."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.activities.models import Activity, FollowUpReply
from coproduce.contributions import rules
from coproduce.contributions.models import (
    Attachment,
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
    Theme,
)
from coproduce.lib.uploads import delete_on_commit
from coproduce.people.models import Person, age_on
from coproduce.projects.models import Project
from coproduce.tenancy.models import STAFF_ROLES, Membership, Organisation


class ReasonNeeded(Exception):
    """ "Not taken forward" needs a reason the contributor will see."""


class NotMorePrivate(Exception):
    """A contributor may only make a shared contribution more private."""


def record_contribution(
    *,
    organisation: Organisation,
    channel: ContributionChannel | str,
    privacy: Privacy | str,
    text: str,
    person: Person | None,
    project: Project | None = None,
    activity: Activity | None = None,
    given_on: datetime.date | None = None,
    recorded_by: User | None = None,
    follow_up_reply: FollowUpReply | None = None,
) -> Contribution:
    """Store one contribution as its giver chose. An anonymous one keeps no person, so
    nothing can ever link it back; the stage is the project's stage at the time."""
    if activity is not None and project is None:
        project = activity.project
    contribution = Contribution.objects.create(
        organisation=organisation,
        project=project,
        activity=activity,
        stage=project.stage if project is not None else "",
        channel=channel,
        privacy=privacy,
        person=None if privacy == Privacy.ANONYMOUS else person,
        text=text.strip(),
        given_on=given_on or timezone.localdate(),
        recorded_by=recorder_to_keep(privacy, recorded_by, person),
        follow_up_reply=follow_up_reply,
    )
    return contribution


def recorder_to_keep(
    privacy: Privacy | str, recorded_by: User | None, person: Person | None
) -> User | None:
    """Who to keep as having recorded a contribution. Staff who typed in someone's view
    stay (they were there; the view is not theirs). A contribution "not linked to me at
    all" that its giver recorded themselves keeps nobody: their account would link it."""
    if privacy != Privacy.ANONYMOUS or recorded_by is None:
        return recorded_by
    if person is not None and person.user_id == recorded_by.pk:
        return None
    staff = Membership.objects.filter(user=recorded_by, role__in=STAFF_ROLES).exists()
    return recorded_by if staff else None


@transaction.atomic
def contribution_from_follow_up(reply: FollowUpReply) -> Contribution:
    """A reply to the after-meeting reach-out becomes a contribution, once, kept as
    private as the person asked on their profile: one write, linked to the reply as it
    is made, in the transaction that keeps the reply (`record_follow_up_reply`)."""
    existing = Contribution.objects.filter(follow_up_reply=reply).first()
    if existing is not None:
        return existing
    invitation = reply.invitation
    activity = invitation.activity
    person = invitation.person
    return record_contribution(
        organisation=activity.project.organisation,
        channel=ContributionChannel.FOLLOW_UP,
        privacy=follow_up_privacy(person),
        text=reply.text,
        person=person,
        activity=activity,
        given_on=timezone.localdate(reply.received_at),
        follow_up_reply=reply,
    )


def follow_up_privacy(person: Person) -> Privacy:
    """The choice the person made in advance on their profile (staff-only if none)."""
    profile = getattr(person, "carer_profile", None)
    if profile is None:
        return Privacy.ANONYMOUS_TO_GROUP
    return Privacy(profile.default_anonymity)


@transaction.atomic
def respond(
    contribution: Contribution, status: ResponseStatus | str, response: str, by: User
) -> Contribution:
    response = response.strip()
    if rules.needs_reason(status) and not response:
        raise ReasonNeeded
    locked = Contribution.objects.select_for_update().get(pk=contribution.pk)
    locked.status = status
    locked.response = response
    locked.responded_at = timezone.now()
    locked.responded_by = by
    locked.save(update_fields=["status", "response", "responded_at", "responded_by"])
    return locked


@transaction.atomic
def set_themes(contribution: Contribution, names: list[str]) -> list[Theme]:
    """Tag a project's contribution with themes by name, creating new ones as needed."""
    assert contribution.project_id is not None
    wanted = sorted({n.strip()[:100] for n in names if n.strip()}, key=str.casefold)
    themes = [
        Theme.objects.get_or_create(project_id=contribution.project_id, name=name)[0]
        for name in wanted
    ]
    contribution.themes.set(themes)
    return themes


@transaction.atomic
def change_privacy(contribution: Contribution, wanted: Privacy | str) -> Contribution:
    locked = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not rules.may_change_privacy(locked.privacy, wanted):
        raise NotMorePrivate
    locked.privacy = wanted
    if wanted == Privacy.ANONYMOUS:
        locked.recorded_by = recorder_to_keep(wanted, locked.recorded_by, locked.person)
        locked.person = None
    locked.save(update_fields=["privacy", "person", "recorded_by"])
    return locked


def add_attachment(contribution: Contribution, upload: UploadedFile) -> Attachment:
    """Keep a file given with a contribution (already checked by the form)."""
    return Attachment.objects.create(
        contribution=contribution,
        file=upload,
        name=(upload.name or "file")[:255],
        content_type=upload.content_type or "application/octet-stream",
        size=upload.size or 0,
    )


@transaction.atomic
def record_with_attachment(upload: UploadedFile | None, **details: Any) -> Contribution:
    contribution = record_contribution(**details)
    if upload is not None:
        add_attachment(contribution, upload)
    return contribution


def waiting_in(project: Project) -> QuerySet[Contribution]:
    """A project's contributions nobody has considered yet (they hold up the Review)."""
    return Contribution.objects.filter(project=project, status=ResponseStatus.NEW)


@dataclass(frozen=True)
class ThemeCount:
    theme_id: int
    theme: str
    total: int
    by_channel: dict[str, int]
    only_group: str | None


def theme_counts(project: Project, today: datetime.date) -> list[ThemeCount]:
    """Per theme: how many contributions, through which channels, and whether the view
    comes from one age group only. Two queries whatever the number of contributions."""
    rows = (
        Contribution.themes.through.objects.filter(contribution__project=project)
        .values_list(
            "theme_id",
            "theme__name",
            "contribution__channel",
            "contribution__person__date_of_birth",
        )
        .order_by("theme__name")
    )
    births = Contribution.objects.filter(project=project, person__isnull=False).values_list(
        "person__date_of_birth", flat=True
    )
    all_bands = {b for b in (rules.age_band(age_on(born, today)) for born in births) if b}
    grouped: dict[tuple[int, str], list[tuple[str, datetime.date | None]]] = {}
    for theme_id, theme, channel, born in rows:
        grouped.setdefault((theme_id, theme), []).append((channel, born))
    counts = []
    for (theme_id, theme), items in grouped.items():
        by_channel: dict[str, int] = {}
        for channel, _born in items:
            by_channel[channel] = by_channel.get(channel, 0) + 1
        bands = [rules.age_band(age_on(born, today)) for _channel, born in items]
        counts.append(
            ThemeCount(
                theme_id, theme, len(items), by_channel, rules.one_group_only(bands, all_bands)
            )
        )
    return counts


# Kept in the record instead of the words of someone whose data was erased.
REMOVED = "[Removed at the person's request]"


def forget_contributions(person: Person) -> int:
    """Erasure: what the person said goes (words, files, the follow-up replies they came
    from); a row stays, unlinked, so counts and responses to the group still add up."""
    theirs = Contribution.objects.filter(person=person)
    for attachment in Attachment.objects.filter(contribution__in=theirs):
        delete_on_commit(attachment.file)
        attachment.delete()
    FollowUpReply.objects.filter(invitation__person=person).update(text=REMOVED)
    if person.user_id is not None:
        theirs.filter(recorded_by_id=person.user_id).update(recorded_by=None)
    return theirs.update(text=REMOVED, person=None, privacy=Privacy.ANONYMOUS)


@transaction.atomic
def respond_to_all(
    contributions: QuerySet[Contribution], status: ResponseStatus | str, response: str, by: User
) -> int:
    """One response to every contribution in `contributions` still waiting (say, a
    survey's 150 answers, considered together in a meeting). Returns how many."""
    response = response.strip()
    if rules.needs_reason(status) and not response:
        raise ReasonNeeded
    waiting = Contribution.objects.filter(
        pk__in=contributions.filter(status=ResponseStatus.NEW).values("pk")
    )
    return waiting.update(
        status=status, response=response, responded_at=timezone.now(), responded_by=by
    )


def file_under_project(contribution: Contribution, project: Project | None) -> bool:
    """File open-door feedback under a project of the organisation it was given to (or under
    none): it then counts as evidence for that project's evaluation. Only open-door feedback
    moves; what the giver chose about their privacy stays as it was."""
    if project is not None and project.organisation_id != contribution.organisation_id:
        raise ValueError("Open-door feedback stays with the organisation it was given to")
    moved = Contribution.objects.filter(
        pk=contribution.pk, channel=ContributionChannel.OPEN_DOOR
    ).update(project=project)
    return moved == 1
