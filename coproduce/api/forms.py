"""The form an admin makes an API token with. Each error says what to do next."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.api import rules
from coproduce.lib.govuk_forms import GovukForm


def scope_choices() -> list[tuple[str, str]]:
    return [
        (rules.scope(area, level), f"{rules.AREA_NAMES[area]}: {rules.LEVEL_NAMES[level]}")
        for area in rules.Area
        for level in rules.Level
    ]


class TokenForm(GovukForm):
    name = forms.CharField(
        label=_("What is the token for?"),
        help_text=_("For example: our case-management system. Only staff see this name."),
        max_length=100,
        error_messages={
            "required": _("Enter what the token is for"),
            "max_length": _("What the token is for must be 100 characters or fewer"),
        },
    )
    scopes = forms.MultipleChoiceField(
        label=_("What may it do?"),
        help_text=_("Choose only what the other system needs. Reading and writing are separate."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing the token may do"),
            "invalid_choice": _("Choose from the list"),
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        scopes = self.fields["scopes"]
        assert isinstance(scopes, forms.MultipleChoiceField)
        scopes.choices = scope_choices()
