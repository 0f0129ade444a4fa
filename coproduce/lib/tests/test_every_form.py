"""Every form of the project goes through the shared GOV.UK base: each free-text field has
a length limit, and no error is worded by Django rather than in GOV.UK style."""

import copy
import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import coproduce
from coproduce.lib.govuk_forms import (
    MAX_LINE_LENGTH,
    MAX_TEXT_LENGTH,
    GovukForm,
    GovukModelForm,
    govuk_defaults,
)

# Words of Django's own messages, in English (tests run in English).
DJANGO_WORDING = [
    "This field is required.",
    "Select a valid choice.",
    "Ensure this value",
    "Ensure that there are",
    "Enter a whole number.",
    "Enter a number.",
    "Enter a valid email address.",
    "Enter a valid URL.",
    "Enter a valid date.",
    "Enter a valid value.",
    "Enter a list of values.",
    "Null characters are not allowed.",
    "The submitted file is empty.",
    "No file was submitted.",
    "Ensure this filename",
]


def project_forms() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for app in settings.INSTALLED_APPS:
        if not app.startswith("coproduce."):
            continue
        package = importlib.import_module(app)
        for module_info in pkgutil.iter_modules(package.__path__):
            if "form" not in module_info.name:
                continue
            module = importlib.import_module(f"{app}.{module_info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__.startswith("coproduce."):
                    found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[name] for name in sorted(found)]


FORMS = project_forms()
# Forms that word their required messages in __init__ (Django's password form's fields).
MESSAGES_SET_IN_INIT = {"ChoosePasswordForm"}


def test_the_walker_finds_the_forms() -> None:
    assert coproduce.__name__ == "coproduce"
    assert len(FORMS) > 60


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_every_form_uses_the_govuk_base(form: type[forms.BaseForm]) -> None:
    assert issubclass(form, GovukForm | GovukModelForm), (
        f"{form.__qualname__} must derive from GovukForm or GovukModelForm"
    )


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_every_field_is_limited_and_worded_in_govuk_style(form: type[forms.BaseForm]) -> None:
    declared_fields: dict[str, forms.Field] = form.base_fields  # type: ignore[attr-defined]
    for name, declared in declared_fields.items():
        field = copy.deepcopy(declared)
        govuk_defaults(field)
        if isinstance(field, forms.CharField):
            assert field.max_length, f"{form.__qualname__}.{name} has no length limit"
        if field.required and form.__qualname__ not in MESSAGES_SET_IN_INIT:
            fallback = ("Enter “", "Select an answer for “")
            assert not str(field.error_messages["required"]).startswith(fallback), (
                f"{form.__qualname__}.{name} needs its own message for a missing answer"
            )
        for code, message in field.error_messages.items():
            text = str(message)
            assert not any(words in text for words in DJANGO_WORDING), (
                f"{form.__qualname__}.{name} says {text!r} for {code}"
            )


class Loose(GovukForm):
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)
    name = forms.CharField(label="Name (optional)", required=False)
    count = forms.IntegerField(label="Places", required=False, max_value=10)
    colour = forms.ChoiceField(label="Colour", choices=[("red", "Red")])
    email = forms.EmailField(label="Email address", required=False)


def test_a_field_without_a_limit_gets_one_with_a_govuk_message() -> None:
    form = Loose({"note": "x" * (MAX_TEXT_LENGTH + 1), "name": "y" * (MAX_LINE_LENGTH + 1)})
    assert not form.is_valid()
    assert form.errors["note"] == ["“Note” must be 10000 characters or less"]
    assert form.errors["name"] == ["“Name” must be 500 characters or less"]


def test_django_wording_is_replaced() -> None:
    form = Loose({"count": "²", "colour": "blue", "email": "not an address"})
    assert not form.is_valid()
    assert form.errors["count"] == ["“Places” must be a whole number"]
    assert form.errors["colour"] == ["Select one of the options for “Colour”"]
    assert form.errors["email"] == [
        "Enter an email address in the correct format, like name@example.com"
    ]
    assert Loose({"count": "11", "colour": "red"}).errors["count"] == [
        "“Places” must be 10 or less"
    ]
    assert Loose({"colour": ""}).errors["colour"] == ["Select an answer for “Colour”"]
    assert Loose({"colour": "red", "note": "a\x00b"}).errors["note"] == [
        "“Note” must not contain hidden characters"
    ]


def test_an_empty_file_is_refused_in_govuk_words() -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    class Upload(GovukForm):
        file = forms.FileField(label="Receipt", max_length=10)

    from django.utils.datastructures import MultiValueDict

    def sent(upload: SimpleUploadedFile) -> "MultiValueDict[str, Any]":
        return MultiValueDict({"file": [upload]})

    empty = Upload(files=sent(SimpleUploadedFile("a.pdf", b"")))
    assert empty.errors["file"] == ["The selected file is empty"]
    long_name = Upload(files=sent(SimpleUploadedFile("a" * 20 + ".pdf", b"x")))
    assert long_name.errors["file"] == ["The file name must be 10 characters or less"]


def test_a_message_a_field_gives_itself_is_kept() -> None:
    class Own(GovukForm):
        title = forms.CharField(
            max_length=5, error_messages={"max_length": "The title must be 5 characters or less"}
        )

    assert Own({"title": "toolong"}).errors["title"] == ["The title must be 5 characters or less"]
    with pytest.raises(ValidationError):
        Own.base_fields["title"].clean("toolong")


def test_late_survey_feedback_of_100000_characters_is_not_kept(client: Client, db: None) -> None:
    from coproduce.surveys.models import LateAnswer
    from coproduce.surveys.tests.factories import SurveyFactory

    survey = SurveyFactory.create(audience="public", status="closed")
    url = reverse("surveys:late", args=[survey.public_id])
    client.post(url, {"feedback": "x" * 100_000})
    assert not LateAnswer.objects.exists()
    client.post(url, {"feedback": "I could not answer in time"})
    assert LateAnswer.objects.count() == 1
