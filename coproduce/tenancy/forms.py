from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.lib.govuk_forms import GovukForm, GovukModelForm
from coproduce.tenancy.models import Membership, Organisation


class ChooseOrganisationForm(GovukForm):
    organisation = forms.ChoiceField(
        label=_("Which organisation are you working for now?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select an organisation"),
            "invalid_choice": _("Select one of your organisations"),
        },
    )

    def __init__(self, memberships: list[Membership], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            (str(m.organisation_id), f"{m.organisation.name} ({m.get_role_display()})")
            for m in memberships
        ]


class ContactDetailsForm(GovukModelForm[Organisation]):
    """How the public and carers reach the organisation, in English and Welsh."""

    class Meta:
        model = Organisation
        fields = [
            "phone",
            "email",
            "postal_address",
            "opening_hours",
            "opening_hours_cy",
            "visit_address",
            "premises_access",
            "premises_access_cy",
        ]
        labels = {
            "phone": _("Phone number"),
            "email": _("Email address"),
            "postal_address": _("Postal address"),
            "opening_hours": _("Opening hours"),
            "opening_hours_cy": _("Opening hours in Welsh"),
            "visit_address": _("Address to visit in person"),
            "premises_access": _("Access to the premises"),
            "premises_access_cy": _("Access to the premises in Welsh"),
        }
        help_texts = {
            "phone": _("The number carers and the public should call, for example 029 2000 0000"),
            "opening_hours": _(
                "When someone answers the phone or the door, for example Monday to Friday, 9am to 5pm"
            ),
            "visit_address": _("Leave empty if people cannot visit."),
            "premises_access": _(
                "For example: step-free entrance, hearing loop, accessible toilet, parking"
            ),
        }
        widgets = {
            "phone": forms.TextInput(
                attrs={"autocomplete": "tel", "class": "govuk-input--width-20"}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
            "postal_address": forms.Textarea(attrs={"rows": 4}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "opening_hours_cy": forms.Textarea(attrs={"rows": 3, "lang": "cy"}),
            "visit_address": forms.Textarea(attrs={"rows": 4}),
            "premises_access": forms.Textarea(attrs={"rows": 4}),
            "premises_access_cy": forms.Textarea(attrs={"rows": 4, "lang": "cy"}),
        }
        error_messages = {
            "email": {
                "invalid": _("Enter an email address in the correct format, like name@example.com")
            }
        }
