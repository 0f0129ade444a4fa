"""A request as a view would see it, for testing access functions directly."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest
from django.test import RequestFactory

from coproduce.accounts.models import User
from coproduce.tenancy.middleware import SESSION_KEY, current_membership


def request_as(user: User | None, organisation_id: int | None = None) -> HttpRequest:
    """A GET request by `user` (anonymous if None), acting for `organisation_id` if given,
    with its membership resolved by the real middleware function."""
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    if organisation_id:
        request.session[SESSION_KEY] = organisation_id
    request.membership = current_membership(request)  # type: ignore[attr-defined]
    return request
