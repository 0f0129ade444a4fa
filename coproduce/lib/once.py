"""A form that creates something is acted on once, however often it is sent.

Each form's submit button carries a one-time token (`form_token()`, rendered by the
`submit` macro). A view decorated with `@once` claims the token before it runs, in its own
committed row, so a second request with the same token (a double click, a refresh of the
result, a replay) cannot claim it: it waits for the first to finish and goes where the
first went. A request that does not succeed (the form had errors, or it failed) gives the
token back, so correcting the form and sending it again works.
"""

import datetime
import functools
import re
import secrets
import time
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from coproduce.lib.models import FormSubmission

TOKEN_FIELD = "form_token"
_TOKEN = re.compile(r"[0-9a-f]{32}")
# How long a repeat waits for the first request to finish before showing the form again.
WAIT_SECONDS = 10.0
# Tokens older than this are forgotten: nobody double-clicks a day apart.
KEEP_FOR = datetime.timedelta(days=1)

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]


def form_token() -> str:
    """A new one-time token for a form."""
    return secrets.token_hex(16)


def _claim(token: str) -> bool:
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token)
    except IntegrityError:
        return False
    return True


def _already_sent(request: HttpRequest, token: str) -> HttpResponse:
    """Where the first request with `token` went, once it has finished."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        location = (
            FormSubmission.objects.filter(token=token).values_list("location", flat=True).first()
        )
        if location is None:  # the first request gave the token back: show the form again
            break
        if location:
            return HttpResponseRedirect(location)
        time.sleep(0.05)
    return HttpResponseRedirect(request.get_full_path())


def once(view: View[P]) -> View[P]:
    """Run `view` at most once per form token; a repeat gets the first one's redirect."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        token = request.POST.get(TOKEN_FIELD, "") if request.method == "POST" else ""
        if not _TOKEN.fullmatch(token):
            return view(request, *args, **kwargs)
        if not _claim(token):
            return _already_sent(request, token)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            FormSubmission.objects.filter(token=token).delete()
            raise
        if isinstance(response, HttpResponseRedirect):
            FormSubmission.objects.filter(token=token).update(location=response["Location"])
        else:
            FormSubmission.objects.filter(token=token).delete()
        FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
        return response

    return wrapped
