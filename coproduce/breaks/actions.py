"""Verbs of the breaks scheme: each one transaction; money is paid once."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from coproduce.accounts.actions import send_set_password_email
from coproduce.accounts.models import User
from coproduce.breaks import rules
from coproduce.breaks.models import (
    BreakPayment,
    Practice,
    PracticeMember,
    Referral,
    ReferralStatus,
    Scheme,
    WellbeingMoment,
    WellbeingResponse,
)
from coproduce.notifications.actions import notify
from coproduce.people.models import CarerProfile, Channel, Language, Person
from coproduce.tenancy.models import Membership, Role


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
        preferred_language=referral.carer_language or Language.ENGLISH,
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
    pending = rules.waiting_for_carer(referral.status, referral.break_kind)
    tell_carer(referral, "received", link=carer_answers_link(referral) if pending else "")
    return referral


def refer(practice: Practice, user: User, fields: dict[str, Any]) -> Referral:
    """The GP's three-minute referral, sent in one go from the answers kept in the session:
    nothing is stored before the GP sends it. The carer is then asked for the rest."""
    with transaction.atomic():
        referral = Referral.objects.create(
            scheme=practice.scheme, practice=practice, referred_by=user, **fields
        )
        return submit(referral, None)


CARER_ANSWERS_SALT = "breaks.carer-answers"
CARER_ANSWERS_LIFETIME = timedelta(days=28)


def carer_answers_link(referral: Referral) -> str:
    """The carer's own link to tell the scheme about the break they want (signed, not
    stored; it works until they have answered, for CARER_ANSWERS_LIFETIME)."""
    token = signing.dumps({"referral": referral.pk}, salt=CARER_ANSWERS_SALT)
    return settings.SITE_URL + reverse("breaks:carer-answers", args=[token])


class LinkExpired(Exception):
    """A genuine carer's link, but too old."""


def referral_from_carer_token(token: str) -> Referral | None:
    """The referral a carer's link is for; None if the link is not one we made.
    LinkExpired if it is too old. Whether it is still waiting is the caller's to check."""
    try:
        data = signing.loads(token, salt=CARER_ANSWERS_SALT, max_age=CARER_ANSWERS_LIFETIME)
    except signing.SignatureExpired:
        raise LinkExpired() from None
    except signing.BadSignature:
        return None
    pk = data.get("referral") if isinstance(data, dict) else None
    if not isinstance(pk, int):
        return None
    referral = Referral.objects.filter(pk=pk).exclude(status=ReferralStatus.DRAFT)
    return referral.select_related("scheme__payment_organisation", "person").first()


@transaction.atomic
def record_carer_answers(
    referral: Referral, fields: dict[str, Any], wellbeing: dict[str, int] | None
) -> bool:
    """Keep what the carer said (through their link, or to staff on the phone), once:
    False if they had already answered or the referral is no longer waiting for them."""
    updated = Referral.objects.filter(
        pk=referral.pk,
        status__in=[ReferralStatus.SUBMITTED, ReferralStatus.APPROVED],
        break_kind="",
    ).update(wellbeing_consent=wellbeing is not None, **fields)
    if updated != 1:
        return False
    if wellbeing is not None:
        WellbeingResponse.objects.get_or_create(
            referral=referral, moment=WellbeingMoment.AT_REFERRAL, defaults=wellbeing
        )
    referral.refresh_from_db()
    return True


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


# --- Practices: added, invited, joined --------------------------------------------------

INVITATION_SALT = "breaks.practice-invitation"
INVITATION_LIFETIME = timedelta(days=60)


class PracticeCodeTaken(Exception):
    """Another practice in the scheme already has this code (the database said so)."""


class NoContactEmail(Exception):
    """The practice has no email address to send the invitation to."""


class AlreadyMember(Exception):
    """This person is already signed up for this practice."""


class BadInvitation(Exception):
    """The joining link is not one we made, or is for a practice that has gone.

    `practice` is set when the link was genuine but is too old: the page can then say
    which organisation to ask for a new one."""

    def __init__(self, practice: Practice | None = None) -> None:
        super().__init__("This joining link does not work")
        self.practice = practice


def add_practice(scheme: Scheme, *, name: str, code: str, email: str, phone: str) -> Practice:
    """Add a GP practice to a scheme, not yet invited. One practice per code per scheme."""
    try:
        with transaction.atomic():
            return Practice.objects.create(
                scheme=scheme, name=name, code=code, email=email, phone=phone
            )
    except IntegrityError:
        raise PracticeCodeTaken(code) from None


def join_link(practice: Practice, base_url: str) -> str:
    """The practice's joining link: anyone who works there can use it for INVITATION_LIFETIME.

    It is signed, not stored, so sending it again makes a fresh link without spoiling the
    one the practice already passed round."""
    token = signing.dumps({"practice": practice.pk}, salt=INVITATION_SALT)
    return base_url + reverse("breaks:join", args=[token])


def practice_from_invitation(token: str) -> Practice:
    """The practice a joining link is for, or BadInvitation."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_LIFETIME)
    except signing.SignatureExpired:
        old = signing.loads(token, salt=INVITATION_SALT)  # genuine, only too old
        raise BadInvitation(_invited_practice(old)) from None
    except signing.BadSignature:
        raise BadInvitation() from None
    practice = _invited_practice(data)
    if practice is None:
        raise BadInvitation()
    return practice


def _invited_practice(data: Any) -> Practice | None:
    pk = data.get("practice") if isinstance(data, dict) else None
    return (
        Practice.objects.select_related("scheme__payment_organisation").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )


def send_invitation_email(practice: Practice, link: str) -> None:
    """Email the practice's contact address the joining link, in the active language.

    Sent with Django's `send_mail`, as `accounts.actions.send_set_password_email` sends its
    link, and not through `notifications.actions.notify`: `notify` tells a Person (someone
    known to an organisation, with a preferred channel and language), records the Message
    against that organisation, and sends once per idempotency key. A practice is none of
    those: it has only a shared inbox, and sending again on purpose must send again.
    """
    scheme = practice.scheme
    body = render_to_string(
        "breaks/email/practice_invitation.txt",
        {
            "practice": practice,
            "scheme": scheme,
            "organisation": scheme.payment_organisation.name,
            "link": link,
            "days": INVITATION_LIFETIME.days,
        },
    )
    subject = translation.gettext("Join %(scheme)s: refer carers for a break") % {
        "scheme": scheme.name
    }
    send_mail(subject, body, None, [practice.email])


@transaction.atomic
def invite_practice(practice: Practice, base_url: str) -> Practice:
    """Invite a practice (again, if need be): note when, and email it the joining link once
    the transaction has committed. The email is written in the language of the page the
    invitation was sent from."""
    if not practice.email:
        raise NoContactEmail(practice.code)
    practice.invited_at = timezone.now()
    practice.save(update_fields=["invited_at"])
    link = join_link(practice, base_url)
    language = translation.get_language()

    def send() -> None:
        with translation.override(language):
            send_invitation_email(practice, link)

    transaction.on_commit(send)
    return practice


def referrers_organisation_id(scheme: Scheme) -> int:
    """The organisation a professional who joins one of the scheme's practices belongs to.

    The demo GP is a professional partner of the NHS trust in the partnership, not of the
    carers' centre that pays: referrers belong with the health partner, and never see the
    payer's own records of carers. See `rules.referrers_organisation_id`.
    """
    partnership = scheme.partnership
    partners = list(partnership.organisations.values_list("pk", flat=True))
    return rules.referrers_organisation_id(
        partnership.lead_id, partners, scheme.payment_organisation_id
    )


@dataclass(frozen=True)
class Joined:
    member: PracticeMember
    new_user: bool
    practice_signed_up: bool  # this person signed the practice up


@transaction.atomic
def join_practice(
    practice: Practice,
    *,
    full_name: str,
    email: str,
    job_title: str,
    language: str,
    base_url: str,
) -> Joined:
    """A professional signs up to refer for a practice, from the practice's joining link.

    - Their sign-in is found by email address, or made without a password; a link to choose
      one is emailed to that address once the transaction commits, so only someone who can
      read that inbox can sign in.
    - They become a professional partner of the organisation referrers belong to (see
      `referrers_organisation_id`), with a record there (so they are told what happened to
      their referrals) in the language they used. An existing membership keeps its role.
    - The practice counts as signed up from its first professional.

    Raises AlreadyMember, changing nothing, if they are already signed up for the practice.
    """
    address = email.strip().lower()
    user, new_user = User.objects.get_or_create(
        email=address, defaults={"password": make_password(None)}
    )
    if PracticeMember.objects.filter(practice=practice, user=user).exists():
        raise AlreadyMember(address)
    organisation_id = referrers_organisation_id(practice.scheme)
    Membership.objects.get_or_create(
        user=user, organisation_id=organisation_id, defaults={"role": Role.PROFESSIONAL}
    )
    Person.objects.get_or_create(
        organisation_id=organisation_id,
        user=user,
        defaults={
            "full_name": full_name,
            "email": address,
            "preferred_language": language if language in Language.values else Language.ENGLISH,
        },
    )
    try:
        with transaction.atomic():
            member = PracticeMember.objects.create(
                practice=practice, user=user, job_title=job_title
            )
    except IntegrityError:  # the same person, twice at the same moment
        raise AlreadyMember(address) from None
    signed_up = (
        Practice.objects.filter(pk=practice.pk, signed_up_at=None).update(
            signed_up_at=timezone.now()
        )
        == 1
    )
    if user.is_active:
        transaction.on_commit(lambda: send_set_password_email(user, base_url))
    return Joined(member=member, new_user=new_user, practice_signed_up=signed_up)
