"""Verbs of recruitment: each one transaction; every state change recorded; messages once."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django_stubs_ext import StrOrPromise

from coproduce.accounts.models import User
from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.lib import bilingual
from coproduce.notifications.actions import notify
from coproduce.notifications.models import Message
from coproduce.people.actions import record_consent
from coproduce.people.models import CarerProfile, ConsentKind, Language, Person
from coproduce.projects import actions as project_actions
from coproduce.projects.models import GroupRole, ProjectMember
from coproduce.recruitment import rules
from coproduce.recruitment.models import (
    Brief,
    EasyReadLine,
    ExpressionOfInterest,
    State,
    StateChange,
)

BRIEF_FIELDS = (
    "title",
    "work",
    "time_commitment",
    "dates",
    "where_and_how",
    "online_group",
    "support",
    "support_other",
    "payment",
    "who_for",
    "opens_on",
    "closes_on",
)


class Refused(Exception):
    """The change cannot be made; the message says why, in words for the person."""

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(str(message))
        self.message = message


# --- Briefs -----------------------------------------------------------------------------


def create_brief(actor: User, project: Any, data: dict[str, Any]) -> Brief:
    return Brief.objects.create(
        project=project,
        created_by=actor,
        **{k: data[k] for k in BRIEF_FIELDS},
        **bilingual.twin_data(data, *Brief.TRANSLATED),
    )


def update_brief(brief: Brief, data: dict[str, Any]) -> Brief:
    for name in BRIEF_FIELDS:
        setattr(brief, name, data[name])
    for name, value in bilingual.twin_data(data, *Brief.TRANSLATED).items():
        setattr(brief, name, value)
    brief.save()
    return brief


def publish(brief: Brief, today: date) -> Brief:
    problem = rules.publish_problem(brief.closes_on, today)
    if problem:
        raise Refused(problem)
    Brief.objects.filter(pk=brief.pk, published_at=None).update(published_at=timezone.now())
    brief.refresh_from_db()
    return brief


def unpublish(brief: Brief) -> Brief:
    Brief.objects.filter(pk=brief.pk).update(published_at=None)
    brief.refresh_from_db()
    return brief


def public_link(brief: Brief) -> str:
    return settings.SITE_URL + reverse("recruitment:public-brief", args=[brief.public_id])


# --- Easy read --------------------------------------------------------------------------


def add_line(brief: Brief, data: dict[str, Any]) -> EasyReadLine:
    last = brief.easy_read_lines.aggregate(last=Max("position"))["last"] or 0
    return EasyReadLine.objects.create(brief=brief, position=last + 1, **line_fields(data))


def line_fields(data: dict[str, Any]) -> dict[str, Any]:
    picture = data.get("picture", "")
    welsh = bilingual.twin_data(data, "text", "alt_text")
    return {
        "text": data["text"],
        "text_cy": welsh["text_cy"],
        "picture": picture,
        "alt_text": data.get("alt_text", "") if picture else "",
        "alt_text_cy": welsh["alt_text_cy"] if picture else "",
    }


def update_line(line: EasyReadLine, data: dict[str, Any]) -> EasyReadLine:
    for name, value in line_fields(data).items():
        setattr(line, name, value)
    line.save()
    return line


def remove_line(line: EasyReadLine) -> None:
    line.delete()


@transaction.atomic
def move_line(line: EasyReadLine, step: int) -> None:
    """Move a line one place up (-1) or down (+1), numbering the lines 1, 2, 3... again."""
    lines = list(EasyReadLine.objects.select_for_update().filter(brief_id=line.brief_id))
    index = next(i for i, other in enumerate(lines) if other.pk == line.pk)
    target = index + step
    if 0 <= target < len(lines):
        lines[index], lines[target] = lines[target], lines[index]
    for position, other in enumerate(lines, start=1):
        other.position = position
    EasyReadLine.objects.bulk_update(lines, ["position"])


# --- Reaching out -----------------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    new: int
    already: int


def brief_message_key(brief: Brief, person: Person) -> str:
    return f"recruitment.brief.{brief.pk}.to.{person.pk}"


@transaction.atomic
def send_brief(brief: Brief, people: Iterable[Person]) -> Sent:
    """Send the brief to each person by their own channel; never twice to anyone."""
    people = list(people)
    keys = {brief_message_key(brief, person) for person in people}
    already = set(
        Message.objects.filter(idempotency_key__in=keys).values_list("idempotency_key", flat=True)
    )
    context = {"brief": brief, "link": public_link(brief)}
    for person in people:
        notify(
            person,
            "recruitment.brief",
            "recruitment_brief",
            context,
            idempotency_key=brief_message_key(brief, person),
        )
    return Sent(new=len(keys - already), already=len(already))


def brief_messages(brief: Brief) -> Any:
    """The messages that sent this brief to people (newest first)."""
    return Message.objects.filter(idempotency_key__startswith=f"recruitment.brief.{brief.pk}.to.")


# --- Expressions of interest ------------------------------------------------------------


def _record(
    actor: User | None,
    expression: ExpressionOfInterest,
    from_state: str,
    to_state: str,
    note: str = "",
) -> StateChange:
    return StateChange.objects.create(
        expression=expression,
        from_state=from_state,
        to_state=to_state,
        note=note,
        changed_by=actor,
        changed_at=timezone.now(),
    )


def _answered_with(brief: Brief, email: str, phone: str) -> bool:
    """Whether someone has already answered the brief with this email address or phone."""
    match = Q(pk__in=[])
    if rules.email_key(email):
        match |= Q(email_key=rules.email_key(email))
    if rules.phone_key(phone):
        match |= Q(phone_key=rules.phone_key(phone))
    pairs = ExpressionOfInterest.objects.filter(match, brief=brief).values_list(
        "email_key", "phone_key"
    )
    return rules.is_duplicate(email, phone, pairs)


def _receive(
    brief: Brief, person: Person, data: dict[str, Any], *, new: bool
) -> ExpressionOfInterest:
    now = timezone.now()
    expression = ExpressionOfInterest.objects.create(
        brief=brief,
        person=person,
        why=data["why"],
        preferred_channel=data["preferred_channel"],
        under_18=rules.is_under_18(
            person.date_of_birth, data.get("under_18"), timezone.localdate(now)
        ),
        registered_through_brief=new,
        email_key=rules.email_key(person.email),
        phone_key=rules.phone_key(person.phone),
        received_at=now,
    )
    _record(None, expression, "", State.RECEIVED)
    return expression


@transaction.atomic
def express_interest_as(
    brief: Brief, person: Person, data: dict[str, Any]
) -> tuple[ExpressionOfInterest, bool]:
    """A carer the organisation knows answers the brief. (answer, False) if they had already."""
    Brief.objects.select_for_update().filter(pk=brief.pk).first()
    existing = ExpressionOfInterest.objects.filter(brief=brief, person=person).first()
    if existing is not None:
        return existing, False
    profile = getattr(person, "carer_profile", None)
    channel = profile.preferred_channel if profile else data.get("preferred_channel", "email")
    return _receive(brief, person, {**data, "preferred_channel": channel}, new=False), True


@transaction.atomic
def express_interest_new(
    brief: Brief, data: dict[str, Any]
) -> tuple[ExpressionOfInterest | None, bool]:
    """Someone new answers the brief: they become a carer known to the brief's organisation.
    (None, False) when we already have an answer with the same email address or phone."""
    Brief.objects.select_for_update().filter(pk=brief.pk).first()
    if _answered_with(brief, data.get("email", ""), data.get("phone", "")):
        return None, False
    language = data.get("preferred_language") or translation.get_language() or Language.ENGLISH
    person = Person.objects.create(
        organisation_id=brief.project.organisation_id,
        full_name=data["full_name"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        address=data.get("address", ""),
        postcode=data.get("postcode", ""),
        date_of_birth=data.get("date_of_birth"),
        preferred_language=Language.WELSH if language.startswith("cy") else Language.ENGLISH,
    )
    CarerProfile.objects.create(person=person, preferred_channel=data["preferred_channel"])
    record_consent(None, person, ConsentKind.DATA_USE, True)
    record_consent(None, person, ConsentKind.CONTACT, True)
    audit.record(
        actor=None,
        person=person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CONTACT],
        detail=f"Registered by answering brief {brief.pk}",
    )
    return _receive(brief, person, data, new=True), True


# --- Screening --------------------------------------------------------------------------


def _move(
    actor: User,
    expression: ExpressionOfInterest,
    to_state: State,
    note: str = "",
    **fields: Any,
) -> ExpressionOfInterest:
    """Move to `to_state` if the rules allow it from where it is now, claiming the row so
    that two people doing it at once move it once."""
    from_state = expression.state
    if not rules.may_move(from_state, to_state):
        raise Refused(
            rules.MOVE_REFUSED % {"from": State(from_state).label, "to": State(to_state).label}
        )
    updated = ExpressionOfInterest.objects.filter(pk=expression.pk, state=from_state).update(
        state=to_state, **fields
    )
    if updated != 1:
        raise Refused(rules.ALREADY_MOVED)
    _record(actor, expression, from_state, to_state, note)
    expression.refresh_from_db()
    return expression


@transaction.atomic
def screen(actor: User, expression: ExpressionOfInterest, data: dict[str, Any]) -> None:
    fields: dict[str, Any] = {
        "genuine_carer": data["genuine_carer"],
        "genuine_carer_note": data.get("genuine_carer_note", ""),
        "safeguarding_notes": data.get("safeguarding_notes", ""),
    }
    if expression.under_18:
        fields["guardian_name"] = data.get("guardian_name", "")
        fields["guardian_consent_how"] = data.get("guardian_consent_how", "")
        fields["guardian_consent_on"] = data.get("guardian_consent_on")
    _move(
        actor, expression, State.SCREENED, screened_at=timezone.now(), screened_by=actor, **fields
    )
    audit.record(
        actor=actor,
        person=expression.person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CARING],
        detail=f"Screened their answer to brief {expression.brief_id}",
    )


def screening_of(expression: ExpressionOfInterest) -> rules.Screening:
    return rules.Screening(
        under_18=expression.under_18,
        online_group=expression.brief.online_group,
        genuine_carer=expression.genuine_carer,
        safeguarding_notes=expression.safeguarding_notes,
        has_guardian_consent=expression.has_guardian_consent,
    )


def _tell(expression: ExpressionOfInterest, event: str, **context: Any) -> Message:
    return notify(
        expression.person,
        f"recruitment.{event}",
        f"recruitment_{event}",
        {"brief": expression.brief, "link": public_link(expression.brief), **context},
        idempotency_key=f"recruitment.expression.{expression.pk}.{event}",
    )


@transaction.atomic
def invite(actor: User, expression: ExpressionOfInterest) -> Message:
    problems = rules.invite_problems(screening_of(expression))
    if problems:
        raise Refused(problems[0])
    _move(actor, expression, State.INVITED)
    return _tell(expression, "invited")


@transaction.atomic
def not_this_time(actor: User, expression: ExpressionOfInterest, reason: str) -> Message:
    if not reason.strip():
        raise Refused(rules.REASON_NEEDED)
    _move(actor, expression, State.NOT_THIS_TIME, reason, decline_reason=reason)
    return _tell(expression, "not_this_time", reason=reason)


@transaction.atomic
def withdraw(actor: User, expression: ExpressionOfInterest, note: str) -> None:
    _move(actor, expression, State.WITHDRAWN, note)


@transaction.atomic
def make_member(
    actor: User, expression: ExpressionOfInterest, role: GroupRole, joined_on: date
) -> ProjectMember:
    _move(actor, expression, State.MEMBER, group_role=role)
    assert expression.person is not None, "Everyone screened has a person record"
    return project_actions.add_member(
        actor, expression.brief.project, expression.person, role, joined_on
    )
