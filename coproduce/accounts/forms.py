from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.lib.govuk_forms import GovukForm


class SignInForm(GovukForm):
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password")},
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        email, password = cleaned.get("email"), cleaned.get("password")
        if email and password:
            user = authenticate(self.request, email=email.lower(), password=password)
            if user is None or not user.is_active:
                raise forms.ValidationError(
                    _("The email address or password is not right. Check them and try again.")
                )
            assert isinstance(user, User)
            self.user = user
        return cleaned


class TokenForm(GovukForm):
    code = forms.CharField(
        label=_("Security code"),
        help_text=_("The 6-digit code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": False}),
        error_messages={"required": _("Enter the 6-digit security code")},
    )

    def __init__(self, device: TOTPDevice, *args: Any, **kwargs: Any) -> None:
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("The security code must be 6 digits"))
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _("That code is not right or has expired. Enter the newest code from your app.")
            )
        return code


class ForgottenPasswordForm(GovukForm):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We will send a link to choose a new password to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )


class ChoosePasswordForm(SetPasswordForm, GovukForm):  # type: ignore[type-arg]
    """Django's SetPasswordForm with our labels; its validators give the messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].help_text = _(
            "At least 8 characters. A few unrelated words make a strong password you can remember."
        )
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password")
        self.fields["new_password2"].label = _("Type the new password again")
        self.fields["new_password2"].error_messages["required"] = _("Type the new password again")
        for name in ("new_password1", "new_password2"):
            self.fields[name].widget.attrs["autocomplete"] = "new-password"
