"""Forms for the agenda: staff add an item; a carer suggests one; staff decide on it."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.lib.govuk_forms import GovukForm

ACCEPT_AND_LEAD = "accept_lead"
ACCEPT = "accept"
DECLINE = "decline"


class AgendaItemForm(GovukForm):
    title = forms.CharField(
        label=_("What is the item?"),
        max_length=200,
        help_text=_("A few words, as it will read on the agenda."),
        error_messages={"required": _("Enter what the item is")},
    )
    details = forms.CharField(
        label=_("More about it (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SuggestForm(AgendaItemForm):
    lead = forms.ChoiceField(
        label=_("Would you like to lead this item?"),
        choices=[("yes", _("Yes, I would like to lead it")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether you would like to lead this item")},
    )

    def wants_to_lead(self) -> bool:
        return bool(self.cleaned_data.get("lead") == "yes")


class DecideForm(GovukForm):
    decision = forms.ChoiceField(
        label=_("What do you decide?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether the item goes on the agenda")},
    )
    reason = forms.CharField(
        label=_("Why is it not taken forward?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The carer who suggested it will see this."),
    )

    def __init__(self, *args: Any, wants_to_lead: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(ACCEPT, _("Put it on the agenda")), (DECLINE, _("Do not take it forward"))]
        if wants_to_lead:
            choices.insert(0, (ACCEPT_AND_LEAD, _("Put it on the agenda, led by them")))
        field = self.fields["decision"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == DECLINE and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Enter why the item is not taken forward"))
        return cleaned
