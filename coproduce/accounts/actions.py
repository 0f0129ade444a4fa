"""Verbs that write for sign-in and preferences."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.audit import actions as audit
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.people.models import Person
from coproduce.tenancy.models import Membership, Role


def pending_totp_device(user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator, created once so its QR code stays the same."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    return device


@transaction.atomic
def confirm_totp_device(device: TOTPDevice) -> None:
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def set_language(user: User | None, language: str) -> None:
    """Record the chosen language once, on every record of the person, for pages and messages."""
    if user is not None:
        Person.objects.filter(user=user).update(preferred_language=language)


def set_password_link(user: User, base_url: str) -> str:
    """A one-time link to choose a password (Django's password-reset token: it stops working
    once the password changes or after PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url + reverse("accounts:set-password", args=[uid, token])


def send_set_password_email(user: User, base_url: str, *, invited_by: str = "") -> None:
    language = (
        Person.objects.filter(user=user).values_list("preferred_language", flat=True).first()
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        body = render_to_string(
            "accounts/email/set_password.txt",
            {"link": set_password_link(user, base_url), "invited_by": invited_by},
        )
        subject = translation.gettext("Choose a password for Coproduce")
    send_mail(subject, body, None, [user.email])


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
