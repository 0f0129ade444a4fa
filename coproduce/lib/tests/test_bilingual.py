"""The shared way content has a Welsh twin: which text a reader gets, how it is marked, the
notice, the Welsh boxes on forms, and the query for what is still to translate."""

from dataclasses import dataclass

import pytest
from django import forms
from django.utils import translation
from markupsafe import Markup, escape

from coproduce.lib import bilingual
from coproduce.lib.bilingual import Shown
from coproduce.lib.govuk_forms import GovukForm, field_spec


@dataclass
class Item:
    title: str = "Pilot review"
    title_cy: str = ""
    notes: str = ""
    notes_cy: str = ""


def test_a_welsh_reader_gets_the_welsh_once_written() -> None:
    item = Item(title_cy="Adolygiad")
    assert bilingual.shown(item, "title", "cy") == Shown("Adolygiad", "cy", False)
    assert bilingual.shown(item, "title", "en") == Shown("Pilot review", "en", False)


def test_without_welsh_a_welsh_reader_gets_the_english_marked_as_missing() -> None:
    item = Item(title_cy="   ")
    assert bilingual.shown(item, "title", "cy") == Shown("Pilot review", "en", True)
    # Nothing written in either language is not a missing translation.
    assert bilingual.shown(item, "notes", "cy") == Shown("", "en", False)


def test_the_language_defaults_to_the_active_one() -> None:
    item = Item(title_cy="Adolygiad")
    with translation.override("cy"):
        assert bilingual.text(item, "title") == "Adolygiad"
    with translation.override("en"):
        assert bilingual.text(item, "title") == "Pilot review"


def test_in_html_english_on_a_welsh_page_is_marked_english_and_escaped() -> None:
    missing = bilingual.shown(Item(title="Tea & <cake>"), "title", "cy")
    assert escape(missing) == Markup('<span lang="en">Tea &amp; &lt;cake&gt;</span>')
    assert str(missing) == "Tea & <cake>"  # plain in a text message
    welsh = bilingual.shown(Item(title_cy="Te a <chacen>"), "title", "cy")
    assert escape(welsh) == Markup("Te a &lt;chacen&gt;")


def test_paragraphs_are_marked_with_their_language() -> None:
    said = bilingual.shown(Item(notes="One\n\nTwo"), "notes", "cy")
    assert said.paragraphs() == Markup(
        '<div lang="en"><p class="govuk-body">One</p><p class="govuk-body">Two</p></div>'
    )


def test_the_notice_shows_only_on_a_welsh_page_with_welsh_missing() -> None:
    item = Item(title_cy="Adolygiad", notes="Bring a pen")
    with translation.override("cy"):
        assert "app-welsh-missing" in bilingual.welsh_notice(item, "title", "notes")
        assert bilingual.welsh_notice(item, "title") == ""
        assert "app-welsh-missing" in bilingual.welsh_notice(True)
    with translation.override("en"):
        assert bilingual.welsh_notice(item, "title", "notes") == ""


class NoteForm(GovukForm):
    title = forms.CharField(label="Title", max_length=20)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        bilingual.add_welsh_twins(self, "title", "notes")


def test_forms_get_optional_welsh_boxes_like_the_english() -> None:
    form = NoteForm({"title": "Tea", "title_cy": " Te ", "notes": ""})
    assert form.is_valid()
    assert bilingual.twin_data(form.cleaned_data, "title", "notes") == {
        "title_cy": "Te",
        "notes_cy": "",
    }
    welsh = form.fields["title_cy"]
    assert not welsh.required
    assert str(welsh.label) == "Title in Welsh"
    assert isinstance(form.fields["notes_cy"].widget, forms.Textarea)
    assert field_spec(form["title_cy"])["params"]["attributes"] == {"lang": "cy"}
    # The English box is unchanged (a copy was made).
    assert "lang" not in form.fields["title"].widget.attrs
    too_long = NoteForm({"title": "Tea", "title_cy": "x" * 21})
    assert not too_long.is_valid()
    assert "title_cy" in too_long.errors


def test_the_welsh_group_opens_when_something_is_written_or_wrong() -> None:
    twins, filled = bilingual.welsh_twin_fields(NoteForm())
    assert [bf.name for bf in twins] == ["title_cy", "notes_cy"]
    assert not filled
    _twins, filled = bilingual.welsh_twin_fields(NoteForm(initial={"notes_cy": "Dewch"}))
    assert filled


@pytest.mark.django_db
def test_missing_welsh_finds_rows_with_english_and_no_welsh() -> None:
    from coproduce.tenancy.models import Organisation
    from coproduce.tenancy.tests.factories import OrganisationFactory

    both = OrganisationFactory.create(opening_hours="9 to 5", opening_hours_cy="9 tan 5")
    english = OrganisationFactory.create(opening_hours="9 to 5", opening_hours_cy="")
    OrganisationFactory.create(opening_hours="", opening_hours_cy="")
    found = Organisation.objects.filter(bilingual.missing_welsh("opening_hours"))
    assert list(found) == [english]
    kept = Organisation.objects.filter(bilingual.has_welsh("opening_hours"))
    assert both in kept
    assert english not in kept
