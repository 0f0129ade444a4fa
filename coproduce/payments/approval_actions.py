"""A claim's way through: sent by the carer (or staff for them), queried or approved by a
coordinator, paid by finance. Approving and paying claim the row first, so each happens
once however many people press at the same moment."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coproduce.accounts.models import User
from coproduce.notifications.actions import notify
from coproduce.payments import rules
from coproduce.payments.actions import ClaimProblem, editable
from coproduce.payments.benefit_actions import benefit_warnings
from coproduce.payments.models import (
    TIME_KINDS,
    UNPAID_METHODS,
    BenefitChoice,
    Claim,
    ClaimEvent,
    Line,
    LineKind,
    Method,
    Payment,
    Status,
)
from coproduce.people.models import Person


class AlreadyDone(Exception):
    """Somebody else already approved or paid this claim."""


def _event(claim: Claim, by: User | None, to: str, what: str, message: str = "") -> ClaimEvent:
    return ClaimEvent.objects.create(
        claim=claim, from_status=claim.status, to_status=to, what=what, message=message, by=by
    )


# Said when the claim has no payment method; the claim page asks for one on the spot.
NO_METHOD_YET = gettext_lazy("Choose how you would like to be paid")


def submission_problems(claim: Claim, lines: list[Line]) -> list[str]:
    problems = []
    if not lines:
        problems.append(_("There is nothing in this claim yet"))
    if not claim.method:
        problems.append(str(NO_METHOD_YET))
    for line in lines:
        if line.kind == LineKind.OTHER and line.amount > 0 and not line.receipt:
            problems.append(
                _("Add a receipt for the other expenses for %(title)s")
                % {"title": line.activity.title}
            )
        if line.kind == LineKind.TRAVEL and not line.travel_mode:
            problems.append(
                _("Say how you travelled to %(title)s, or that there is nothing to claim")
                % {"title": line.activity.title}
            )
    return problems


@transaction.atomic
def submit(claim: Claim, by: User, choice: str = "") -> Claim:
    claim = Claim.objects.select_for_update().select_related("person", "project").get(pk=claim.pk)
    editable(claim)
    warnings = benefit_warnings(claim)
    if warnings and not choice:
        raise ClaimProblem(_("Choose what you would like us to do about your benefits"))
    if choice == BenefitChoice.VOUCHER:
        claim.method = Method.VOUCHER
        claim.voucher_send_to = claim.voucher_send_to or claim.person.email or claim.person.address
    elif choice == BenefitChoice.DECLINE:
        claim.method = Method.DECLINE
    claim.expenses_only = choice == BenefitChoice.EXPENSES_ONLY
    problems = submission_problems(claim, list(claim.lines.select_related("activity")))
    if problems:
        raise ClaimProblem(problems[0])
    claim.benefit_warning = bool(warnings)
    claim.benefit_choice = choice if warnings else ""
    sent = _event(claim, by, Status.SUBMITTED, "submitted", claim.benefit_choice)
    claim.status = Status.SUBMITTED
    claim.submitted_at = timezone.now()
    claim.save()
    notify(
        claim.project.coordinator,
        "payments_submitted",
        "payments_submitted",
        {"claim": claim},
        idempotency_key=f"payments-submitted-{claim.pk}-{sent.pk}",
    )
    return claim


def _locked(claim: Claim, expected: Status) -> Claim:
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if locked.status != expected:
        raise AlreadyDone(locked.status)
    return locked


@transaction.atomic
def query(claim: Claim, by: User, message: str) -> Claim:
    locked = _locked(claim, Status.SUBMITTED)
    asked = _event(locked, by, Status.QUERIED, "queried", message)
    locked.status = Status.QUERIED
    locked.query_message = message
    locked.save(update_fields=["status", "query_message"])
    notify(
        claim.person,
        "payments_queried",
        "payments_queried",
        {"claim": locked, "message": message},
        idempotency_key=f"payments-queried-{claim.pk}-{asked.pk}",
    )
    return locked


def amount_of(claim: Claim) -> Decimal:
    lines = [
        rules.LineAmount(kind, amount) for kind, amount in claim.lines.values_list("kind", "amount")
    ]
    return rules.payable(lines, expenses_only=claim.expenses_only, method=claim.method)


@transaction.atomic
def approve(claim: Claim, by: User) -> Payment:
    """Approve a submitted claim: exactly one payment, however many press at once."""
    locked = _locked(claim, Status.SUBMITTED)
    now = timezone.now()
    payment = Payment.objects.create(
        claim=locked,
        amount=amount_of(locked),
        method=locked.method,
        approved_by=by,
        approved_at=now,
    )
    _event(locked, by, Status.APPROVED, "approved")
    locked.status = Status.APPROVED
    locked.save(update_fields=["status"])
    if locked.method in UNPAID_METHODS:
        mark_paid(locked, by, timezone.localdate(), str(Method(locked.method).label))
    return payment


@transaction.atomic
def mark_paid(claim: Claim, by: User, paid_on: datetime.date, reference_: str) -> Payment:
    locked = _locked(claim, Status.APPROVED)
    payment = Payment.objects.select_for_update().get(claim=locked)
    payment.paid_on = paid_on
    payment.reference = reference_.strip()
    payment.paid_by = by
    payment.save()
    _event(locked, by, Status.PAID, "paid", payment.reference)
    locked.status = Status.PAID
    locked.save(update_fields=["status"])
    if payment.amount > 0:
        person = Person.objects.get(pk=locked.person_id)
        notify(
            person,
            "payments_remittance",
            "payments_remittance",
            {
                "claim": locked,
                "payment": payment,
                "lines": list(locked.lines.select_related("activity")),
            },
            idempotency_key=f"payments-remittance-{locked.pk}",
        )
    return payment


def paid_lines(claim: Claim) -> list[Line]:
    lines = claim.lines.select_related("activity").filter(amount__gt=0)
    if claim.expenses_only:
        lines = lines.exclude(kind__in=TIME_KINDS)
    return list(lines)
