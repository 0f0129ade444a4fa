"""The two things every view does the same way: bind a form to what was posted, and render
a page with the status its form calls for (400 when it came back with errors, so the
browser and the tests both see that nothing was saved)."""

from collections.abc import Mapping
from typing import Any

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (nothing ticked is still an answer, and
    the form is checked), else None so the form is unbound."""
    return request.POST if request.method == "POST" else None


def render_page(
    request: HttpRequest,
    template: str,
    context: Mapping[str, Any],
    *,
    form: BaseForm | None = None,
    bad: bool = False,
) -> HttpResponse:
    """`template` with `context` (and `form`, unless the context names its own); status 400
    when `form` came back with errors or the caller says the request was `bad`."""
    status = 400 if bad or (form is not None and form.errors) else 200
    return render(request, template, {"form": form, **context}, status=status)
