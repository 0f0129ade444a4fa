from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.tokens import default_token_generator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts import actions, languages, rules
from coproduce.accounts.forms import (
    ChoosePasswordForm,
    ForgottenPasswordForm,
    SignInForm,
    TokenForm,
)
from coproduce.accounts.models import User
from coproduce.tenancy.access import user_for
from coproduce.tenancy.models import Membership


def _next(request: HttpRequest, next_url: str | None, fallback: str) -> str:
    return rules.safe_next(next_url, request.get_host(), fallback, https=request.is_secure())


def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        assert form.user is not None
        login(request, form.user, backend="django.contrib.auth.backends.ModelBackend")
        # A language chosen on the way in (the cookie is only set by choosing) is kept.
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen in dict(settings.LANGUAGES):
            languages.keep(form.user, chosen)
        home = reverse(settings.LOGIN_REDIRECT_URL)
        next_url = _next(request, request.GET.get("next"), home)
        if rules.needs_two_factor(list(Membership.objects.filter(user=form.user))):
            return redirect(rules.two_factor_url(next_url))
        return redirect(next_url)
    return render(
        request, "accounts/sign_in.html", {"form": form}, status=400 if form.errors else 200
    )


def locked_out(
    request: HttpRequest, credentials: dict[str, Any] | None = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """django-axes calls this when there have been too many failed attempts."""
    return render(request, "accounts/locked_out.html", status=429)


def two_factor(request: HttpRequest) -> HttpResponse:
    """Verify the security code, or set up an authenticator app first if there is none."""
    user: User = user_for(request)
    next_url = _next(request, request.GET.get("next"), reverse("pages:home"))
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(next_url)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if device is None:
        device = actions.pending_totp_device(user)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if setting_up:
            actions.confirm_totp_device(device)
        otp_login(request, device)
        return redirect(next_url)
    context = {"form": form, "setting_up": setting_up, "device": device}
    if setting_up:
        context.update(qr_code_context(device))
    return render(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)


def qr_code_context(device: TOTPDevice) -> dict[str, str]:
    import base64

    import segno

    secret = base64.b32encode(device.bin_key).decode()
    return {
        "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("pages:home")


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """Switch language: a small form on every page (a button, so it works without
    JavaScript), posted with its CSRF token because it writes the person's choice."""
    code = request.POST.get("language", "")
    if code not in dict(settings.LANGUAGES):
        code = settings.LANGUAGE_CODE
    user = user_for(request) if request.user.is_authenticated else None
    languages.keep(user, code)
    response: HttpResponseRedirect = redirect(
        _next(request, request.POST.get("next"), reverse("pages:home"))
    )
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
    translation.activate(code)
    return response


def forgotten_password(request: HttpRequest) -> HttpResponse:
    form = ForgottenPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(email=form.cleaned_data["email"].lower(), is_active=True).first()
        if user is not None:
            # The link is to SITE_URL, never to the Host header the request came with.
            actions.send_set_password_email(user, settings.SITE_URL)
        # The same answer either way, so the page does not reveal who has an account.
        return render(
            request, "accounts/password_link_sent.html", {"email": form.cleaned_data["email"]}
        )
    status = 400 if form.errors else 200
    return render(request, "accounts/forgotten_password.html", {"form": form}, status=status)


def set_password(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64)), is_active=True)
    except (ValueError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/link_expired.html", status=400)
    form = ChoosePasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your password is set. Sign in with it now."))
        return redirect("accounts:sign-in")
    status = 400 if form.errors else 200
    return render(request, "accounts/set_password.html", {"form": form}, status=status)
