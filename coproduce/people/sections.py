"""The sections of a person's record: which form edits each and what kind of data it is."""

from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coproduce.audit.models import DataCategory
from coproduce.people import forms as people_forms


@dataclass(frozen=True)
class Section:
    slug: str
    title: Promise
    form: type[forms.ModelForm]  # type: ignore[type-arg]
    on_profile: bool  # edits the CarerProfile (else the Person)
    categories: tuple[DataCategory, ...]


SECTIONS = {
    s.slug: s
    for s in [
        Section(
            "details",
            _("Contact details"),
            people_forms.PersonDetailsForm,
            False,
            (DataCategory.CONTACT,),
        ),
        Section(
            "caring",
            _("Caring"),
            people_forms.CaringForm,
            True,
            (DataCategory.CARING, DataCategory.HEALTH),
        ),
        Section(
            "access",
            _("Access needs"),
            people_forms.AccessNeedsForm,
            True,
            (DataCategory.DISABILITY,),
        ),
        Section(
            "contact",
            _("How to contact"),
            people_forms.ContactPreferencesForm,
            True,
            (DataCategory.CONTACT,),
        ),
        Section("availability", _("Availability"), people_forms.AvailabilityForm, True, ()),
        Section("sharing", _("Sharing your views"), people_forms.SharingForm, True, ()),
    ]
}
