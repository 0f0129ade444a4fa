import datetime
from typing import Any

import pytest
from django import forms

from coproduce.lib.govuk_forms import (
    EARLIEST_BIRTH_DATE,
    DateField,
    error_summary_items,
    field_spec,
)


class ExampleForm(forms.Form):
    name = forms.CharField(label="Full name", help_text="As on your letters")
    colour = forms.ChoiceField(
        label="Colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect
    )
    needs = forms.MultipleChoiceField(
        label="Needs",
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    born = DateField(label="Date of birth", required=False, earliest=EARLIEST_BIRTH_DATE)
    days = forms.IntegerField(label="Days", required=False)
    secret = forms.CharField(label="Password", widget=forms.PasswordInput, required=False)
    agree = forms.BooleanField(label="I agree", required=False)
    place = forms.ChoiceField(label="Place", choices=[("", "Choose"), ("x", "X")], required=False)


def test_each_widget_maps_to_its_govuk_component() -> None:
    form = ExampleForm()
    macros = {name: field_spec(form[name])["macro"] for name in form.fields}
    assert macros == {
        "name": "input",
        "colour": "radios",
        "needs": "checkboxes",
        "notes": "textarea",
        "born": "date",
        "days": "input",
        "secret": "password",
        "agree": "checkboxes",
        "place": "select",
    }


def test_input_params_carry_label_hint_value_and_error() -> None:
    form = ExampleForm({"name": ""})
    form.is_valid()
    params = field_spec(form["name"])["params"]
    assert params["label"]["text"] == "Full name"
    assert params["hint"] == {"text": "As on your letters"}
    assert params["errorMessage"] == {
        "text": "This field is required.",
        "visuallyHiddenText": "Error",
    }
    assert params["id"] == "id_name"


def test_what_was_typed_is_kept_for_every_kind_of_field() -> None:
    form = ExampleForm(
        {
            "name": "Ann",
            "colour": "blue",
            "needs": ["b"],
            "born-day": "31",
            "born-month": "2",
            "born-year": "1970",
            "days": "ten",
        }
    )
    assert not form.is_valid()
    assert field_spec(form["name"])["params"]["value"] == "Ann"
    assert [i["checked"] for i in field_spec(form["colour"])["params"]["items"]] == [False, True]
    assert [i["checked"] for i in field_spec(form["needs"])["params"]["items"]] == [False, True]
    assert [i["value"] for i in field_spec(form["born"])["params"]["items"]] == ["31", "2", "1970"]
    assert field_spec(form["days"])["params"]["value"] == "ten"


def test_numbers_use_a_text_input_with_a_numeric_keyboard() -> None:
    params = field_spec(ExampleForm()["days"])["params"]
    assert params["type"] == "text"
    assert params["inputmode"] == "numeric"


def test_heading_makes_the_label_the_page_heading() -> None:
    params = field_spec(ExampleForm()["colour"], heading=True)["params"]
    assert params["fieldset"]["legend"]["isPageHeading"] is True
    assert "govuk-fieldset__legend--l" in params["fieldset"]["legend"]["classes"]


def test_error_summary_links_to_each_fields_first_control() -> None:
    form = ExampleForm({"born-day": "1"})
    form.is_valid()
    items = error_summary_items(form)
    hrefs = {item["href"] for item in items}
    assert "#id_name" in hrefs
    assert "#id_colour" in hrefs
    assert "#id_born-day" in hrefs


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "3", "1980", "Date of birth must include a day"),
        ("30", "2", "1980", "Date of birth must be a real date"),
        ("1", "1", "2999", "Date of birth must be today or in the past"),
        ("x", "1", "1980", "Date of birth must be a real date"),
        ("1", "1", "99999999999", "Date of birth must be a real date"),
        ("1", "1", "9" * 5000, "Date of birth must be a real date"),
        ("1", "²", "1980", "Date of birth must be a real date"),
        ("31", "12", "1899", "Date of birth must be the same as or after 1 January 1900"),
    ],
)
def test_date_field_gives_govuk_style_messages(
    day: str, month: str, year: str, message: str
) -> None:
    form = ExampleForm(
        {"name": "A", "colour": "red", "born-day": day, "born-month": month, "born-year": year}
    )
    assert not form.is_valid()
    assert form.errors["born"] == [message]


def test_date_field_reads_a_real_date() -> None:
    form = ExampleForm(
        {"name": "A", "colour": "red", "born-day": "5", "born-month": "1", "born-year": "1950"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["born"] == datetime.date(1950, 1, 5)


def test_a_widgets_class_sets_the_input_width() -> None:
    class PostcodeForm(forms.Form):
        postcode = forms.CharField(widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}))

    assert field_spec(PostcodeForm()["postcode"])["params"]["classes"] == "govuk-input--width-10"


class PlanForm(forms.Form):
    given = DateField(label="Date given")
    due = DateField(label="Due date", past_only=False, years_ahead=5)


@pytest.mark.parametrize(
    ("field", "year", "message"),
    [
        ("given", "1800", "Date given must be the same as or after 1 January 2000"),
        ("given", "1999", "Date given must be the same as or after 1 January 2000"),
        ("due", "1066", "Due date must be the same as or after 1 January 2000"),
        ("due", "9999", "Due date must be the same as or before"),
    ],
)
def test_dates_are_kept_within_sensible_bounds(field: str, year: str, message: str) -> None:
    other = "due" if field == "given" else "given"
    today = datetime.date.today()
    form = PlanForm(
        {
            f"{field}-day": "1",
            f"{field}-month": "6",
            f"{field}-year": year,
            f"{other}-day": str(today.day),
            f"{other}-month": str(today.month),
            f"{other}-year": str(today.year),
        }
    )
    assert not form.is_valid()
    assert str(form.errors[field][0]).startswith(message)
    assert list(form.errors) == [field]


def test_a_date_to_come_may_be_up_to_its_years_ahead() -> None:
    soon = datetime.date.today() + datetime.timedelta(days=365 * 4)
    form = PlanForm(
        {
            "given-day": "1",
            "given-month": "1",
            "given-year": "2020",
            "due-day": str(soon.day),
            "due-month": str(soon.month),
            "due-year": str(soon.year),
        }
    )
    assert form.is_valid(), form.errors


def test_a_views_problem_and_the_forms_errors_share_one_summary(rf: Any) -> None:
    from django.template import engines

    template = engines["jinja2"].from_string(
        '{% from "components/forms.html" import error_summary %}'
        '{{ error_summary(form, [{"text": "Open the survey first", "href": "#x"}]) }}'
    )
    form = ExampleForm({})
    form.is_valid()
    html = template.render({"form": form}, rf.get("/"))
    assert html.count('data-module="govuk-error-summary"') == 1
    assert "Open the survey first" in html
    assert "#id_name" in html
