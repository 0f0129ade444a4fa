"""Verbs that change people's records: each one transaction, each one audited."""

import uuid
from collections.abc import Iterable
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.actions import send_set_password_email
from coproduce.accounts.models import User
from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.people import personal_data
from coproduce.people.models import (
    CaredFor,
    CarerProfile,
    Consent,
    ConsentKind,
    EqualityMonitoring,
    ErasureRequest,
    Person,
)
from coproduce.tenancy.models import Membership, Organisation, Role

ERASED_NAME = "Erased person"


def record_consent(actor: User | None, person: Person, kind: ConsentKind, given: bool) -> Consent:
    return Consent.objects.create(
        person=person,
        kind=kind,
        given=given,
        wording_version=settings.CONSENT_WORDING_VERSION,
        recorded_by=actor,
    )


@transaction.atomic
def register_carer(actor: User, organisation: Organisation, data: dict[str, Any]) -> Person:
    """Staff register a carer (often after a phone call), with the consent they gave."""
    person = Person.objects.create(
        organisation=organisation,
        registered_by=actor,
        preferred_language=data["preferred_language"],
        **{
            k: data[k]
            for k in (
                "full_name",
                "known_as",
                "email",
                "phone",
                "address",
                "postcode",
                "date_of_birth",
            )
        },
    )
    CarerProfile.objects.create(person=person, preferred_channel=data["preferred_channel"])
    record_consent(actor, person, ConsentKind.DATA_USE, data["consent_data_use"])
    record_consent(actor, person, ConsentKind.CONTACT, data["consent_contact"])
    audit.record(
        actor=actor,
        person=person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CONTACT],
        detail="Registered as a carer",
    )
    return person


@transaction.atomic
def save_profile_section(
    actor: User, person: Person, form: Any, categories: Iterable[DataCategory], section: str
) -> None:
    """Save one section of a person's record (a bound, valid ModelForm) and audit it."""
    form.save()
    audit.record(
        actor=actor,
        person=person,
        action=AuditAction.CHANGED,
        categories=categories,
        detail=f"Changed {section}",
    )


@transaction.atomic
def save_consents(actor: User, person: Person, answers: dict[str, bool]) -> list[Consent]:
    """Record each consent whose answer differs from the current one."""
    current = {c.kind: c.given for c in reversed(person.consents.all())}
    changed = [
        record_consent(actor, person, ConsentKind(kind), given)
        for kind, given in answers.items()
        if current.get(kind) != given
    ]
    if changed:
        audit.record(
            actor=actor,
            person=person,
            action=AuditAction.CHANGED,
            categories=[DataCategory.CONTACT],
            detail="Changed consent: "
            + ", ".join(f"{c.kind}={'yes' if c.given else 'no'}" for c in changed),
        )
    return changed


@transaction.atomic
def save_cared_for(actor: User, person: Person, form: Any) -> CaredFor:
    cared_for: CaredFor = form.save(commit=False)
    cared_for.profile = person.carer_profile
    cared_for.save()
    audit.record(
        actor=actor,
        person=person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CARING, DataCategory.HEALTH],
        detail="Changed a person they care for",
    )
    return cared_for


@transaction.atomic
def remove_cared_for(actor: User, person: Person, cared_for: CaredFor) -> None:
    cared_for.delete()
    audit.record(
        actor=actor,
        person=person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CARING, DataCategory.HEALTH],
        detail="Removed a person they care for",
    )


@transaction.atomic
def save_equality(actor: User, person: Person, data: dict[str, Any]) -> EqualityMonitoring | None:
    """Keep equality answers only with consent; withdrawing consent deletes them."""
    record_consent(actor, person, ConsentKind.EQUALITY, data["consent"])
    audit_categories = [DataCategory.ETHNICITY, DataCategory.DISABILITY]
    if not data["consent"]:
        EqualityMonitoring.objects.filter(person=person).delete()
        audit.record(
            actor=actor,
            person=person,
            action=AuditAction.CHANGED,
            categories=audit_categories,
            detail="Withdrew equality monitoring",
        )
        return None
    young = {"yes": True, "no": False}.get(data.get("young_carer") or "")
    answers = {
        name: data.get(name) or ""
        for name in ("age_band", "sex", "ethnic_group", "disability", "care_hours")
    }
    equality, _ = EqualityMonitoring.objects.update_or_create(
        person=person, defaults={**answers, "young_carer": young}
    )
    audit.record(
        actor=actor,
        person=person,
        action=AuditAction.CHANGED,
        categories=audit_categories,
        detail="Changed equality monitoring",
    )
    return equality


@transaction.atomic
def request_erasure(actor: User, person: Person, reason: str) -> ErasureRequest:
    """Ask for erasure; an open request is reused, never duplicated."""
    request = (
        ErasureRequest.objects.select_for_update().filter(person=person, completed_at=None).first()
    )
    if request is None:
        request = ErasureRequest.objects.create(person=person, requested_by=actor, reason=reason)
        audit.record(
            actor=actor,
            person=person,
            action=AuditAction.ERASURE_REQUESTED,
            categories=[DataCategory.ALL],
        )
    return request


@transaction.atomic
def erase_person(actor: User, erasure_request: ErasureRequest) -> bool:
    """Really remove a person's personal data. Returns False if already done (idempotent).

    The Person row stays (so counts and audit history hold together) with every
    personal field blanked; profile, cared-for people, equality answers and consents are
    deleted; what other apps keep is forgotten as they registered (personal_data); the
    admin log stops naming them; their sign-in is closed, its email address replaced and
    the records of its sign-in attempts and second-factor devices deleted.
    """
    claimed = ErasureRequest.objects.filter(pk=erasure_request.pk, completed_at=None).update(
        completed_at=timezone.now(), completed_by=actor
    )
    if claimed != 1:
        return False
    person = Person.objects.select_for_update().get(pk=erasure_request.person_id)
    CarerProfile.objects.filter(person=person).delete()
    EqualityMonitoring.objects.filter(person=person).delete()
    person.consents.all().delete()
    personal_data.erase(person)
    _forget_admin_log(Person, [person.pk])
    user = person.user
    person.full_name = ERASED_NAME
    person.known_as = person.email = person.phone = person.address = person.postcode = ""
    person.date_of_birth = None
    person.user = None
    person.erased_at = timezone.now()
    person.save()
    ErasureRequest.objects.filter(pk=erasure_request.pk).update(reason="")
    if user is not None and not user.people.exists():
        # The admin log names a sign-in and its memberships by the email address.
        _forget_admin_log(User, [user.pk])
        _forget_admin_log(Membership, list(user.memberships.values_list("pk", flat=True)))
        Membership.objects.filter(user=user).delete()
        TOTPDevice.objects.filter(user=user).delete()
        for attempts in (AccessAttempt, AccessFailureLog, AccessLog):
            attempts.objects.filter(username__iexact=user.email).delete()
        user.email = f"erased-{uuid.uuid4().hex}@erased.invalid"
        user.is_active = False
        user.set_unusable_password()
        user.save()
    elif user is not None:
        Membership.objects.filter(user=user, organisation_id=person.organisation_id).delete()
    audit.record(
        actor=actor, person=person, action=AuditAction.ERASED, categories=[DataCategory.ALL]
    )
    return True


def _forget_admin_log(model: type[Model], pks: list[int]) -> None:
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in pks]
    ).update(object_repr=ERASED_NAME, change_message="")


@transaction.atomic
def invite_to_sign_in(actor: User, person: Person, base_url: str) -> User:
    """Give a carer registered by staff their own sign-in, and email them a link to set it up."""
    user = User.objects.filter(email=person.email.lower()).first()
    if user is None:
        user = User.objects.create_user(person.email, password=None)
    Membership.objects.get_or_create(
        user=user, organisation_id=person.organisation_id, defaults={"role": Role.CARER}
    )
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    audit.record(
        actor=actor,
        person=person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CONTACT],
        detail="Invited to sign in",
    )
    transaction.on_commit(
        lambda: send_set_password_email(user, base_url, invited_by=person.organisation.name)
    )
    return user
