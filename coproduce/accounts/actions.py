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

from coproduce.accounts import languages
from coproduce.accounts.models import User


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


def set_password_link(user: User, base_url: str) -> str:
    """A one-time link to choose a password (Django's password-reset token: it stops working
    once the password changes or after PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url + reverse("accounts:set-password", args=[uid, token])


def send_set_password_email(user: User, base_url: str, *, invited_by: str = "") -> None:
    language = languages.language_of(user) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string(
            "accounts/email/set_password.txt",
            {"link": set_password_link(user, base_url), "invited_by": invited_by},
        )
        subject = translation.gettext("Choose a password for Coproduce")
    send_mail(subject, body, None, [user.email])
