"""Verbs that write payments: rates, drafting claims from what happened, the carer's review
and submission, approval and payment (each exactly once), and benefits records."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.activities.models import (
    Activity,
    ActivityChange,
    ActivityStatus,
    ChangeKind,
    Invitation,
    Reply,
)
from coproduce.audit.actions import record
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.contributions.models import Contribution, ContributionChannel
from coproduce.lib.uploads import delete_on_commit
from coproduce.payments import rules
from coproduce.payments.models import (
    Basis,
    Claim,
    ClaimEvent,
    Line,
    LineKind,
    Method,
    PaymentPolicy,
    Status,
    TravelMode,
)
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.tenancy.models import Organisation

# Channels that are "another way" of taking part than being in the room.
ANOTHER_WAY_CHANNELS = frozenset(
    {
        ContributionChannel.PHONE,
        ContributionChannel.VIDEO,
        ContributionChannel.WEB,
        ContributionChannel.EMAIL,
        ContributionChannel.LETTER,
        ContributionChannel.VISIT,
        ContributionChannel.FOLLOW_UP,
    }
)


class ClaimProblem(Exception):
    """Something about a claim that the person must put right; the message says what."""


def local_day(activity: Activity) -> datetime.date:
    assert activity.starts_at is not None
    return timezone.localdate(activity.starts_at)


# --- Rates ------------------------------------------------------------------------------------


def policies_of(organisation_id: int) -> list[PaymentPolicy]:
    return list(PaymentPolicy.objects.filter(organisation_id=organisation_id))


def latest_settled_activity(organisation_id: int) -> datetime.date | None:
    """The date of the latest activity on an approved or paid claim: rates cannot change
    behind it."""
    line = (
        Line.objects.filter(
            claim__organisation_id=organisation_id,
            claim__status__in=[Status.APPROVED, Status.PAID],
            activity__starts_at__isnull=False,
        )
        .select_related("activity")
        .order_by("-activity__starts_at")
        .first()
    )
    return None if line is None else local_day(line.activity)


@transaction.atomic
def save_policy(organisation: Organisation, by: User, values: dict[str, Any]) -> PaymentPolicy:
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    settled = latest_settled_activity(organisation.pk)
    if rules.backdating_problem(values["applies_from"], settled):
        assert settled is not None
        raise ClaimProblem(
            _(
                "New rates must start after %(date)s: claims for activities up to then are "
                "already approved or paid, and their rates cannot change"
            )
            % {"date": settled.strftime("%d/%m/%Y")}
        )
    policy, _created = PaymentPolicy.objects.update_or_create(
        organisation=organisation,
        applies_from=values["applies_from"],
        defaults={**values, "created_by": by},
    )
    return policy


# --- Drafting claims from what happened ------------------------------------------------------


@dataclass(frozen=True)
class Drafted:
    lines: int
    without_rates: int


def _event(claim: Claim, by: User | None, to: str, what: str, message: str = "") -> None:
    ClaimEvent.objects.create(
        claim=claim, from_status=claim.status, to_status=to, what=what, message=message, by=by
    )


def draft_claim(project: Project, person: Person, by: User | None) -> Claim:
    """The person's claim being drafted for the project, made if there is none."""
    claim = Claim.objects.filter(project=project, person=person, status=Status.DRAFT).first()
    if claim is None:
        claim = Claim.objects.create(
            organisation_id=person.organisation_id, project=project, person=person
        )
        _event(claim, by, Status.DRAFT, "drafted")
    return claim


def _time_line(
    activity: Activity, person: Person, policy: PaymentPolicy, minutes: int, description: str
) -> Line:
    return Line(
        person=person,
        activity=activity,
        kind=LineKind.INVOLVEMENT,
        description=description,
        minutes=minutes,
        rate=policy.involvement_rate,
        basis=policy.involvement_basis,
        amount=rules.time_amount(policy.involvement_basis, policy.involvement_rate, minutes),
    )


def _lines_from_invitations(
    invitations: Iterable[Invitation],
    policies: list[PaymentPolicy],
    another_way: set[tuple[int, int]],
    short_notice_cancelled: set[int],
) -> tuple[list[Line], int]:
    lines: list[Line] = []
    without_rates = 0
    for invitation in invitations:
        activity, person = invitation.activity, invitation.person
        if activity.status == ActivityStatus.CANCELLED:
            if activity.pk in short_notice_cancelled and invitation.cancellation_cost > 0:
                lines.append(
                    Line(
                        person=person,
                        activity=activity,
                        kind=LineKind.CANCELLATION,
                        description=invitation.cancellation_cost_note,
                        amount=invitation.cancellation_cost,
                    )
                )
            continue
        policy = rules.in_force(policies, local_day(activity))
        took_part_another_way = (activity.pk, person.pk) in another_way or (
            invitation.reply == Reply.ANOTHER_WAY and invitation.other_way_followed_up_at
        )
        if invitation.attended or took_part_another_way:
            if policy is None:
                without_rates += 1
            elif invitation.attended:
                minutes = invitation.attended_minutes or activity.duration_minutes
                lines.append(_time_line(activity, person, policy, minutes, ""))
            else:
                lines.append(
                    _time_line(
                        activity,
                        person,
                        policy,
                        policy.another_way_minutes,
                        _("Took part another way"),
                    )
                )
        if invitation.attended and invitation.travel_needed:
            lines.append(Line(person=person, activity=activity, kind=LineKind.TRAVEL))
        if invitation.attended and invitation.replacement_care_needed:
            lines.append(Line(person=person, activity=activity, kind=LineKind.REPLACEMENT_CARE))
    return lines, without_rates


@transaction.atomic
def draft_claims(project: Project, by: User | None, person: Person | None = None) -> Drafted:
    """Draft claim lines for everything carers did for the project that is not claimed yet:
    attendance, taking part another way (by invitation or a recorded contribution), travel
    and replacement care needed, and costs of a short-notice cancellation. Never twice."""
    now = timezone.now()
    invitations = (
        Invitation.objects.filter(
            activity__project=project,
            activity__starts_at__lt=now,
            person__erased_at=None,
            person__carer_profile__isnull=False,
        )
        .filter(
            Q(attended=True)
            | Q(reply=Reply.ANOTHER_WAY, other_way_followed_up_at__isnull=False)
            | Q(activity__status=ActivityStatus.CANCELLED, cancellation_cost__gt=0)
            | Q(
                activity__contributions__person=F("person"),
                activity__contributions__channel__in=ANOTHER_WAY_CHANNELS,
            )
        )
        .select_related("activity", "person")
        .distinct()
    )
    if person is not None:
        invitations = invitations.filter(person=person)
    invitations_list = list(invitations)
    another_way = set(
        Contribution.objects.filter(
            activity__project=project,
            person__isnull=False,
            channel__in=ANOTHER_WAY_CHANNELS,
        ).values_list("activity_id", "person_id")
    )
    short_notice = set(
        ActivityChange.objects.filter(
            activity__project=project, kind=ChangeKind.CANCELLED, short_notice=True
        ).values_list("activity_id", flat=True)
    )
    candidates, without_rates = _lines_from_invitations(
        invitations_list, policies_of(project.organisation_id), another_way, short_notice
    )
    existing = set(
        Line.objects.filter(activity__project=project).values_list(
            "person_id", "activity_id", "kind"
        )
    )
    new = [
        line for line in candidates if (line.person.pk, line.activity.pk, line.kind) not in existing
    ]
    claims: dict[int, Claim] = {}
    for line in new:
        if line.person.pk not in claims:
            claims[line.person.pk] = draft_claim(project, line.person, by)
        line.claim = claims[line.person.pk]
    Line.objects.bulk_create(new, ignore_conflicts=True)
    return Drafted(lines=len(new), without_rates=without_rates)


# --- The carer's review -------------------------------------------------------------------------


def editable(claim: Claim) -> None:
    if not rules.may_edit(claim.status):
        raise ClaimProblem(_("This claim has been sent and can no longer be changed"))


def lock_to_edit(claim: Claim) -> Claim:
    """Claim the claim's row, then check it can still be changed. Sending and approving
    claim the same row, so a change made while the coordinator approves either lands
    before the approval (which then pays it) or is refused: never after it, unpaid."""
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    claim.status = locked.status
    editable(locked)
    return locked


def _attach(line: Line, receipt: UploadedFile | None) -> None:
    """Keep a new receipt for the line; the one it replaces goes once the change is saved."""
    if receipt is not None:
        if line.receipt:
            delete_on_commit(line.receipt)
        line.receipt_name = (receipt.name or "receipt")[:255]
        line.receipt.save(line.receipt_name, receipt, save=False)


@transaction.atomic
def save_travel(
    line: Line,
    mode: str,
    miles: Decimal | None,
    fares: Decimal | None,
    receipt: UploadedFile | None,
) -> Line:
    lock_to_edit(line.claim)
    policy = rules.in_force(policies_of(line.claim.organisation_id), local_day(line.activity))
    line.travel_mode = mode
    line.miles = miles if mode == TravelMode.MILEAGE else None
    if mode == TravelMode.MILEAGE:
        assert miles is not None
        line.rate = policy.mileage_rate if policy else Decimal("0")
        line.amount = rules.mileage_amount(miles, line.rate)
    elif mode == TravelMode.FARES:
        line.rate = None
        line.amount = rules.pounds(fares or Decimal("0"))
    else:
        line.rate = None
        line.amount = Decimal("0.00")
    _attach(line, receipt)
    line.save()
    return line


@transaction.atomic
def save_cost(line: Line, amount: Decimal, description: str, receipt: UploadedFile | None) -> Line:
    """Replacement care (up to the policy's cap) or another expense."""
    lock_to_edit(line.claim)
    if line.kind == LineKind.REPLACEMENT_CARE:
        policy = rules.in_force(policies_of(line.claim.organisation_id), local_day(line.activity))
        cap = policy.replacement_care_cap if policy else Decimal("0")
        line.rate = cap
        line.amount = rules.capped(amount, cap)
    else:
        line.amount = rules.pounds(amount)
    line.description = description.strip()
    _attach(line, receipt)
    line.save()
    return line


def took_part(person: Person, activity: Activity) -> bool:
    """Whether the person attended, took part another way, or had costs on cancellation."""
    invitation = Invitation.objects.filter(activity=activity, person=person).first()
    if invitation is None:
        return False
    if invitation.attended or invitation.cancellation_cost > 0:
        return True
    if invitation.reply == Reply.ANOTHER_WAY and invitation.other_way_followed_up_at:
        return True
    return Contribution.objects.filter(
        activity=activity, person=person, channel__in=ANOTHER_WAY_CHANNELS
    ).exists()


@transaction.atomic
def add_line(claim: Claim, activity: Activity, kind: str, minutes: int | None = None) -> Line:
    """Add a cost (or, for staff, preparation time) for an activity the person took part in."""
    lock_to_edit(claim)
    if not took_part(claim.person, activity):
        raise ClaimProblem(
            _("%(name)s did not take part in %(title)s, so it cannot be claimed for")
            % {"name": claim.person.full_name, "title": activity.title}
        )
    if Line.objects.filter(person=claim.person, activity=activity, kind=kind).exists():
        raise ClaimProblem(
            _("%(kind)s for %(title)s is already claimed")
            % {"kind": LineKind(kind).label, "title": activity.title}
        )
    line = Line(claim=claim, person=claim.person, activity=activity, kind=kind)
    if kind == LineKind.PREPARATION:
        policy = rules.in_force(policies_of(claim.organisation_id), local_day(activity))
        if policy is None:
            raise ClaimProblem(_("There are no rates for the date of this activity yet"))
        line.minutes = minutes or 0  # preparation is paid by the hour
        line.rate = policy.involvement_rate
        line.basis = Basis.HOUR
        line.amount = rules.time_amount(Basis.HOUR, policy.involvement_rate, line.minutes)
    line.save()
    return line


PAYEE_FIELDS = [
    "method",
    "account_name",
    "sort_code",
    "account_number",
    "voucher_send_to",
    "in_kind_note",
]


@transaction.atomic
def choose_method(claim: Claim, by: User, values: dict[str, str]) -> Claim:
    lock_to_edit(claim)
    for name in ("method", "account_name", "sort_code", "account_number", "voucher_send_to"):
        setattr(claim, name, values.get(name, ""))
    claim.in_kind_note = values.get("in_kind_note", "")
    if claim.method != Method.BANK:
        claim.account_name = claim.sort_code = claim.account_number = ""
    if claim.method != Method.VOUCHER:
        claim.voucher_send_to = ""
    claim.save(update_fields=PAYEE_FIELDS)
    record(
        actor=by,
        person=claim.person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CONTACT],
        detail=f"Payment method for claim {claim.reference}",
    )
    return claim
