"""People pages, twice over: /people/<pk>/... for staff, /you/... for the person themselves."""

from collections.abc import Callable

from django.http import HttpResponse
from django.urls import path

from coproduce.people import views

app_name = "people"

# (path after the person's prefix, view, name)
PERSON_PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    ("", views.person_detail, ""),
    ("change/<slug:section>/", views.edit_section, "change"),
    ("consent/", views.edit_consent, "consent"),
    ("cared-for/add/", views.edit_cared_for, "cared-for-add"),
    ("cared-for/<int:cared_for_pk>/change/", views.edit_cared_for, "cared-for-change"),
    ("cared-for/<int:cared_for_pk>/remove/", views.remove_cared_for, "cared-for-remove"),
    ("equality/", views.edit_equality, "equality"),
    ("information/", views.information, "information"),
    ("information.pdf", views.information_pdf, "information-pdf"),
    ("download.json", views.download, "download"),
    ("delete/", views.request_erasure, "erase"),
]


def _name(prefix: str, name: str) -> str:
    return f"{prefix}-{name}" if name else prefix


urlpatterns = [
    path("people/", views.people_list, name="list"),
    path("people/register/", views.register, name="register"),
    path("people/<int:pk>/invite/", views.invite, name="person-invite"),
    path("people/erasure-requests/", views.erasure_requests, name="erasure-requests"),
    path(
        "people/erasure-requests/<int:request_pk>/", views.complete_erasure, name="complete-erasure"
    ),
    *[
        path(f"people/<int:pk>/{route}", view, name=_name("person", name))
        for route, view, name in PERSON_PAGES
    ],
    *[path(f"you/{route}", view, name=_name("you", name)) for route, view, name in PERSON_PAGES],
]
