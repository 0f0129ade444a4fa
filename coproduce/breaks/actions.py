"""Verbs of the breaks scheme: each one transaction; money is paid once."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.breaks import rules
from coproduce.breaks.models import (
    BreakPayment,
    Practice,
    Referral,
    ReferralStatus,
    WellbeingMoment,
    WellbeingResponse,
)
from coproduce.notifications.actions import notify
from coproduce.people.models import CarerProfile, Channel, Person


class AlreadyDone(Exception):
    """The referral is not in the state this step needs (someone else got there first)."""


def start_referral(user: User, practice: Practice) -> Referral:
    return Referral.objects.create(scheme=practice.scheme, practice=practice, referred_by=user)


def save_step(referral: Referral, data: dict[str, Any]) -> None:
    """Keep what was answered on one page of the form (drafts only)."""
    answers = data.pop("answers", None)
    for name, value in data.items():
        setattr(referral, name, value)
    if answers:
        referral.answers = {**referral.answers, **answers}
    updated = Referral.objects.filter(pk=referral.pk, status=ReferralStatus.DRAFT).update(
        answers=referral.answers, **data
    )
    if updated != 1:
        raise AlreadyDone("This referral has already been sent")


def carer_record(referral: Referral) -> Person:
    """The carer's record at the payment support organisation: found by email, else created."""
    organisation = referral.scheme.payment_organisation
    existing = None
    if referral.carer_email:
        existing = Person.objects.filter(
            organisation=organisation, email__iexact=referral.carer_email, erased_at=None
        ).first()
    if existing is not None:
        return existing
    person = Person.objects.create(
        organisation=organisation,
        full_name=referral.carer_name,
        email=referral.carer_email,
        phone=referral.carer_phone,
        address=referral.carer_address,
        postcode=referral.carer_postcode,
        date_of_birth=referral.carer_date_of_birth,
        registered_by=referral.referred_by,
    )
    CarerProfile.objects.create(
        person=person, preferred_channel=referral.preferred_channel or Channel.LETTER
    )
    return person


@transaction.atomic
def submit(referral: Referral, wellbeing: dict[str, int] | None) -> Referral:
    """Send a complete referral to the payment support organisation's queue."""
    referral = Referral.objects.select_for_update().select_related("scheme").get(pk=referral.pk)
    if referral.status != ReferralStatus.DRAFT:
        raise AlreadyDone("This referral has already been sent")
    outcome = rules.evaluate(referral.scheme.eligibility, referral.answers)
    referral.eligible = outcome.eligible
    referral.status = ReferralStatus.SUBMITTED
    referral.submitted_at = timezone.now()
    referral.person = carer_record(referral)
    referral.save()
    if wellbeing and referral.wellbeing_consent:
        WellbeingResponse.objects.create(
            referral=referral, moment=WellbeingMoment.AT_REFERRAL, **wellbeing
        )
    tell_carer(referral, "received")
    return referral


def tell_carer(referral: Referral, event: str, **context: Any) -> None:
    """Tell the carer by their preferred channel (a letter if they have no phone or email)."""
    if referral.person is not None:
        notify(
            referral.person,
            f"breaks.{event}",
            f"breaks_{event}",
            {"referral": referral, **context},
            idempotency_key=f"breaks.referral.{referral.pk}.{event}",
        )


def tell_referrer(referral: Referral) -> None:
    """Tell the professional who referred the carer what was decided."""
    if referral.referred_by_id is None:
        return
    referrer = Person.objects.filter(user_id=referral.referred_by_id, erased_at=None).first()
    if referrer is not None:
        notify(
            referrer,
            "breaks.outcome_for_referrer",
            "breaks_outcome_for_referrer",
            {"referral": referral},
            idempotency_key=f"breaks.referral.{referral.pk}.outcome_for_referrer",
        )


@transaction.atomic
def decide(
    referral: Referral, user: User, *, approve: bool, amount: Decimal | None, reason: str
) -> Referral:
    """Approve (with an amount) or decline (with a reason) a submitted referral, once."""
    updated = Referral.objects.filter(pk=referral.pk, status=ReferralStatus.SUBMITTED).update(
        status=ReferralStatus.APPROVED if approve else ReferralStatus.DECLINED,
        amount=amount if approve else None,
        decline_reason="" if approve else reason,
        decided_at=timezone.now(),
        decided_by=user,
    )
    if updated != 1:
        raise AlreadyDone("This referral has already been decided")
    referral.refresh_from_db()
    tell_carer(referral, "approved" if approve else "declined")
    tell_referrer(referral)
    return referral


@transaction.atomic
def record_payment(
    referral: Referral, user: User, *, method: str, paid_on: date, reference: str
) -> BreakPayment:
    """Record the payment for an approved referral. Never twice: the row lock makes a second
    attempt wait and then find the referral paid; the one-to-one constraint is the last wall."""
    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    if locked.status != ReferralStatus.APPROVED or locked.amount is None:
        raise AlreadyDone("This referral is not waiting for payment")
    try:
        with transaction.atomic():
            payment = BreakPayment.objects.create(
                referral=locked,
                amount=locked.amount,
                method=method,
                paid_on=paid_on,
                reference=reference,
                recorded_by=user,
            )
    except IntegrityError:
        raise AlreadyDone("This referral has already been paid") from None
    locked.status = ReferralStatus.PAID
    locked.save(update_fields=["status"])
    tell_carer(locked, "paid", payment=payment)
    return payment


def earlier_breaks(referral: Referral) -> list[dict[str, Any]]:
    """Other referrals of the same carer in this scheme, with whether a payment is too recent.

    Matched by name and date of birth, or by email address: two queries whatever the size.
    """
    candidates = Referral.objects.filter(scheme_id=referral.scheme_id).exclude(pk=referral.pk)
    candidates = candidates.exclude(status=ReferralStatus.DRAFT)
    match = (
        Q(carer_date_of_birth=referral.carer_date_of_birth)
        if referral.carer_date_of_birth
        else Q(pk__in=[])
    )
    if referral.carer_email:
        match |= Q(carer_email__iexact=referral.carer_email)
    key = rules.same_carer_key(referral.carer_name, referral.carer_date_of_birth)
    today = timezone.localdate()
    found = []
    for other in (
        candidates.filter(match)
        .select_related("payment", "practice")
        .order_by("-submitted_at")[:20]
    ):
        same_email = (
            bool(referral.carer_email) and other.carer_email.lower() == referral.carer_email.lower()
        )
        if (
            not same_email
            and rules.same_carer_key(other.carer_name, other.carer_date_of_birth) != key
        ):
            continue
        paid_on = other.payment.paid_on if hasattr(other, "payment") else None
        found.append(
            {
                "referral": other,
                "paid_on": paid_on,
                "too_soon": rules.repeat_too_soon(
                    paid_on, today, referral.scheme.repeat_after_days
                ),
            }
        )
    return found


FOLLOW_UP_AFTER_DAYS = 42
WELLBEING_SALT = "breaks.wellbeing"


def wellbeing_link(referral: Referral) -> str:
    token = signing.dumps({"referral": referral.pk}, salt=WELLBEING_SALT)
    return settings.SITE_URL + reverse("breaks:wellbeing", args=[token])


def referral_from_wellbeing_token(token: str, max_age_days: int = 120) -> Referral | None:
    try:
        data = signing.loads(token, salt=WELLBEING_SALT, max_age=timedelta(days=max_age_days))
    except signing.BadSignature:
        return None
    return Referral.objects.filter(pk=data.get("referral"), status=ReferralStatus.PAID).first()


def follow_ups_due(today: date) -> list[Referral]:
    """Paid breaks, with wellbeing consent, paid six weeks ago or more, not yet followed up."""
    paid_before = today - timedelta(days=FOLLOW_UP_AFTER_DAYS)
    return list(
        Referral.objects.filter(
            status=ReferralStatus.PAID,
            wellbeing_consent=True,
            payment__paid_on__lte=paid_before,
            person__isnull=False,
        )
        .exclude(wellbeing__moment=WellbeingMoment.AFTER_BREAK)
        .select_related("person", "scheme__payment_organisation", "practice")[:500]
    )


def ask_wellbeing_after_break(referral: Referral) -> None:
    """Ask the four wellbeing questions again (once: the message key is per referral)."""
    tell_carer(referral, "wellbeing", link=wellbeing_link(referral))


def record_wellbeing_after_break(referral: Referral, answers: dict[str, int]) -> bool:
    """Keep the carer's answers; False if they had already answered."""
    try:
        with transaction.atomic():
            WellbeingResponse.objects.create(
                referral=referral, moment=WellbeingMoment.AFTER_BREAK, **answers
            )
    except IntegrityError:
        return False
    return True
