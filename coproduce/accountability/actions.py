"""Verbs for You Said, We Did: record an action, change it, change its status, comment
on it, and choose whether the board is public. Each is one transaction.

Linking a contribution to an action answers it (through `contributions.actions.respond`)
and tells its giver, once per action, person and event, by their preferred channel."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
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
    CommentStatus,
    Difference,
    DifferenceAnswer,
    Quote,
    QuoteKind,
    QuoteStatus,
)
from coproduce.accounts.models import User
from coproduce.contributions import actions as contribution_actions
from coproduce.contributions.models import Contribution, ContributionChannel
from coproduce.decisions.models import Proposal
from coproduce.notifications.actions import notify
from coproduce.notifications.models import Message
from coproduce.notifications.rules import choose_channel
from coproduce.people.models import Person
from coproduce.projects.models import Project

# Comments one address may leave on public boards in an hour.
PUBLIC_COMMENTS_PER_HOUR = 5


class ReasonNeeded(Exception):
    """An action that is not possible says why."""


@dataclass(frozen=True)
class Details:
    title: str
    description: str = ""
    planned_for: datetime.date | None = None
    evidence: str = ""
    evidence_link: str = ""
    title_cy: str = ""
    description_cy: str = ""


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
        title_cy=details.title_cy.strip(),
        description_cy=details.description_cy.strip(),
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
    locked.title_cy = details.title_cy.strip()
    locked.description_cy = details.description_cy.strip()
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
    """Tell each person whose contribution this action answers, once per event. When it
    is done, each is asked whether it made a difference, by a link of their own."""
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
            {**context, "difference_link": settings.SITE_URL + difference_path(action, person)},
            idempotency_key=f"accountability.{action.pk}.{person.pk}.{event}",
        )
        for person in people
    ]


@transaction.atomic
def add_comment(
    action: Action, person: Person, text: str, *, show_name: bool = False, staff: bool = False
) -> Comment:
    """A comment from someone signed in: shown at once if they are staff, otherwise once
    staff have read it."""
    return Comment.objects.create(
        action=action,
        person=person,
        text=text.strip(),
        show_name=show_name,
        status=rules.comment_status_for(staff),
    )


@transaction.atomic
def add_public_comment(action: Action, text: str, name: str = "") -> Comment:
    """A comment from the public board: linked to nobody, waiting for staff to read it."""
    name = name.strip()
    return Comment.objects.create(
        action=action,
        text=text.strip(),
        public=True,
        name=name,
        show_name=bool(name),
        status=CommentStatus.PENDING,
    )


def public_comment_allowed(key: str) -> bool:
    """At most PUBLIC_COMMENTS_PER_HOUR comments an hour from one address (`key`),
    counted in the cache shared by the service's processes."""
    cache_key = f"accountability.public-comments.{key}"
    cache.add(cache_key, 0, timeout=3600)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=3600)
        count = 1
    return count <= PUBLIC_COMMENTS_PER_HOUR


class AlreadyModerated(Exception):
    """Another member of staff got there first."""


@transaction.atomic
def moderate(comment: Comment, publish: bool, by: User) -> Comment:
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.status != CommentStatus.PENDING:
        raise AlreadyModerated
    locked.status = CommentStatus.PUBLISHED if publish else CommentStatus.REJECTED
    locked.moderated_by = by
    locked.moderated_at = timezone.now()
    locked.save(update_fields=["status", "moderated_by", "moderated_at"])
    return locked


# --- Quotes on the public board -------------------------------------------------------------


class NotQuotable(Exception):
    """Confidential words never reach a board; a withdrawn quote is not asked again."""


class Verbatim(Exception):
    """A paraphrase of someone who cannot be asked must be in staff's own words."""


def asking_channel(person: Person | None) -> str | None:
    if person is None or person.is_erased:
        return None
    channel = choose_channel(person)
    return str(channel) if channel is not None else None


def quote_kind(contribution: Contribution) -> QuoteKind | None:
    """How this contribution may be shown on the public board (see rules.quote_kind_for)."""
    person = contribution.person
    return rules.quote_kind_for(
        contribution.privacy,
        contribution.person_id,
        person is not None and person.is_erased,
        asking_channel(person),
    )


@transaction.atomic
def propose_quote(
    action: Action,
    contribution: Contribution,
    text: str,
    by: User,
    *,
    names: Iterable[str] = (),
) -> Quote:
    """Staff want `text` (the contribution's words, with `names` of other people taken
    out) to be its "You said" on the public board. Its giver is asked to approve it, by
    their channel; for someone who cannot be asked `text` must be a paraphrase, shown at
    once. Proposing again changes the words and asks again."""
    if contribution.project_id != action.project_id:
        raise NotQuotable
    kind = quote_kind(contribution)
    if kind is None:
        raise NotQuotable
    text = rules.redact(text.strip(), names)
    if kind == QuoteKind.PARAPHRASE and rules.is_verbatim(contribution.text, text):
        raise Verbatim
    existing = (
        Quote.objects.select_for_update().filter(action=action, contribution=contribution).first()
    )
    if existing is not None and existing.status == QuoteStatus.WITHDRAWN:
        raise NotQuotable
    quote = existing or Quote(action=action, contribution=contribution, created_by=by, version=0)
    quote.kind = kind
    quote.text = text
    quote.version += 1
    if kind == QuoteKind.PARAPHRASE:
        quote.person = None
        quote.status = QuoteStatus.APPROVED
        quote.asked_at = None
        quote.save()
        return quote
    quote.person = contribution.person
    quote.status = QuoteStatus.AWAITING
    quote.asked_at = timezone.now()
    quote.answered_at = None
    quote.save()
    assert quote.person is not None
    project = action.project
    notify(
        quote.person,
        "accountability.quote",
        "accountability_quote",
        {
            "action": action,
            "project": project,
            "organisation": project.organisation,
            "quote": quote,
            "quote_link": settings.SITE_URL + quote_path(quote),
        },
        idempotency_key=f"accountability.quote.{quote.pk}.{quote.version}",
    )
    return quote


class QuoteAnswer:
    APPROVE = "approve"
    EDIT = "edit"
    WITHDRAW = "withdraw"


@transaction.atomic
def answer_quote(quote: Quote, answer: str, text: str = "") -> Quote:
    """The giver approves the words, changes them (their version is what shows), or
    withdraws them (nothing shows, and they are not asked again)."""
    locked = Quote.objects.select_for_update().get(pk=quote.pk)
    if not rules.may_answer(locked.status) or locked.kind != QuoteKind.QUOTE:
        raise NotQuotable
    if answer == QuoteAnswer.WITHDRAW:
        locked.status = QuoteStatus.WITHDRAWN
    else:
        if answer == QuoteAnswer.EDIT:
            locked.text = text.strip()
        locked.status = QuoteStatus.APPROVED
    locked.answered_at = timezone.now()
    locked.save()
    return locked


QUOTE_SALT = "accountability.quote"
DIFFERENCE_SALT = "accountability.difference"
LINK_LIFETIME = datetime.timedelta(days=400)


def quote_path(quote: Quote) -> str:
    """The link in the message asking for approval: no account needed, the signed link
    is the key (to this version of the words)."""
    token = signing.dumps([quote.pk, quote.version], salt=QUOTE_SALT)
    return reverse("accountability:quote-link", args=[token])


def quote_from_token(value: str) -> Quote | None:
    """The quote a signed link is for: None if the link was not made by us, is too old,
    is for words since changed, or its person has gone."""
    try:
        loaded = signing.loads(value, salt=QUOTE_SALT, max_age=LINK_LIFETIME)
    except signing.BadSignature:
        return None
    if not (
        isinstance(loaded, list) and len(loaded) == 2 and all(isinstance(v, int) for v in loaded)
    ):
        return None
    pk, version = loaded
    return (
        Quote.objects.select_related("action__project__organisation", "person")
        .filter(pk=pk, version=version, kind=QuoteKind.QUOTE)
        .filter(person__isnull=False, person__erased_at=None)
        .first()
    )


def difference_path(action: Action, person: Person) -> str:
    token = signing.dumps([action.pk, person.pk], salt=DIFFERENCE_SALT)
    return reverse("accountability:difference", args=[token])


def difference_from_token(value: str) -> tuple[Action, Person] | None:
    """The action and person a "did it make a difference?" link is for."""
    try:
        loaded = signing.loads(value, salt=DIFFERENCE_SALT, max_age=LINK_LIFETIME)
    except signing.BadSignature:
        return None
    if not (
        isinstance(loaded, list) and len(loaded) == 2 and all(isinstance(v, int) for v in loaded)
    ):
        return None
    action_pk, person_pk = loaded
    action = Action.objects.select_related("project__organisation").filter(pk=action_pk).first()
    person = (
        Person.objects.filter(
            pk=person_pk, erased_at=None, organisation_id=action.project.organisation_id
        ).first()
        if action is not None
        else None
    )
    if action is None or person is None:
        return None
    return action, person


@transaction.atomic
def record_difference(
    action: Action, person: Person, answer: str, words: str, privacy: str
) -> Difference:
    """An answer to "Did it make a difference?": a follow-up contribution of the project,
    as private as its giver chose, linked to the action it is about."""
    label = str(DifferenceAnswer(answer).label)
    words = words.strip()
    contribution = contribution_actions.record_contribution(
        organisation=action.project.organisation,
        project=action.project,
        channel=ContributionChannel.FOLLOW_UP,
        privacy=privacy,
        text=f"{action.title}: {label}." + (f"\n\n{words}" if words else ""),
        person=person,
    )
    return Difference.objects.create(action=action, contribution=contribution, answer=answer)


@transaction.atomic
def choose_public(project: Project, public: bool, by: User) -> BoardSettings:
    board, _ = BoardSettings.objects.select_for_update().get_or_create(project=project)
    board.public = public
    board.changed_by = by
    board.save()
    return board


def settings_of(project: Project) -> BoardSettings | None:
    return BoardSettings.objects.filter(project=project).first()
