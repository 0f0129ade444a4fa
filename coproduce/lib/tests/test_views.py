import pytest
from django import forms
from django.test import RequestFactory
from jinja2 import DictLoader
from pytest_django import Settings

from coproduce.lib.views import posted, render_page

PAGE = "{{ title }}: {{ 'no form' if form is none else 'form' }}"


@pytest.fixture(autouse=True)
def one_template(settings: Settings) -> None:
    """A page made of one line, so these tests need no page shell."""
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.jinja2.Jinja2",
            "OPTIONS": {"loader": DictLoader({"page.html": PAGE})},
        }
    ]


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_post_gives_its_data_even_when_nothing_was_sent(rf: RequestFactory) -> None:
    data = posted(rf.post("/", {"name": "Ann"}))
    assert data is not None
    assert data.getlist("name") == ["Ann"]
    empty = posted(rf.post("/"))
    assert empty is not None
    assert not empty


def test_anything_but_a_post_gives_nothing_to_bind(rf: RequestFactory) -> None:
    assert posted(rf.get("/", {"name": "Ann"})) is None
    assert posted(rf.head("/")) is None


def test_a_page_without_a_form_is_ok(rf: RequestFactory) -> None:
    response = render_page(rf.get("/"), "page.html", {"title": "Projects"})
    assert response.status_code == 200
    assert response.content == b"Projects: no form"


def test_a_blank_or_valid_form_is_ok(rf: RequestFactory) -> None:
    for form in (NameForm(), NameForm({"name": "Ann"})):
        response = render_page(rf.get("/"), "page.html", {"title": "Name"}, form=form)
        assert response.status_code == 200
        assert response.content == b"Name: form"


def test_a_form_that_came_back_with_errors_is_a_bad_request(rf: RequestFactory) -> None:
    response = render_page(rf.post("/"), "page.html", {"title": "Name"}, form=NameForm({}))
    assert response.status_code == 400


def test_the_caller_can_say_the_request_was_bad_without_a_form(rf: RequestFactory) -> None:
    response = render_page(rf.post("/"), "page.html", {"title": "Closed"}, bad=True)
    assert response.status_code == 400


def test_a_form_in_the_context_is_shown_but_only_the_form_argument_sets_the_status(
    rf: RequestFactory,
) -> None:
    response = render_page(rf.post("/"), "page.html", {"title": "Name", "form": NameForm({})})
    assert response.status_code == 200
    assert response.content == b"Name: form"
