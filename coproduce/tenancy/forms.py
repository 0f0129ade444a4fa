from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.lib.govuk_forms import GovukForm
from coproduce.tenancy.models import Membership


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
