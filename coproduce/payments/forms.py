"""Forms for payments. Every message says what is wrong and what to do."""

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.activities.models import Activity
from coproduce.lib.govuk_forms import DateField, GovukForm
from coproduce.lib.uploads import UploadField
from coproduce.payments.models import (
    MAX_AMOUNT,
    MAX_MILES,
    Basis,
    Benefit,
    BenefitChoice,
    LineKind,
    Method,
    PaymentPolicy,
    TravelMode,
)

MONEY_ERRORS = {
    "required": _("Enter an amount in pounds, like 12.50"),
    "invalid": _("Enter an amount in pounds and pence, like 12.50"),
    "max_decimal_places": _("Enter pounds and pence only, like 12.50"),
    "max_digits": _("The amount is too large: check it"),
    "min_value": _("The amount cannot be less than £0"),
    "max_value": _("The amount must be £%(limit_value)s or less: check it"),
}


def money_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=required,
        min_value=Decimal("0"),
        max_value=MAX_AMOUNT,
        decimal_places=2,
        max_digits=8,
        error_messages=MONEY_ERRORS,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": False}),
    )


class PolicyForm(GovukForm):
    applies_from = DateField(
        label=_("Applies to activities from"),
        past_only=False,
        error_messages={"required": _("Enter the date the new rates apply from")},
    )
    involvement_basis = forms.ChoiceField(
        label=_("How you pay for carers' time"),
        choices=Basis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how you pay for carers' time")},
    )
    involvement_rate = money_field(_("Rate for carers' time"))
    another_way_minutes = forms.IntegerField(
        label=_("Time paid for taking part another way, in minutes"),
        min_value=0,
        max_value=600,
        initial=60,
        error_messages={
            "required": _("Enter the minutes paid for taking part another way, like 60"),
            "invalid": _("Enter the minutes as a whole number, like 60"),
            "min_value": _("The minutes cannot be less than 0"),
            "max_value": _("The minutes must be 600 or fewer"),
        },
    )
    mileage_rate = money_field(_("Mileage rate per mile"), help_text=_("For example, 0.45"))
    replacement_care_cap = money_field(_("Most you pay for replacement care per activity"))
    methods = forms.MultipleChoiceField(
        label=_("Payment methods you offer"),
        choices=Method.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one way to pay carers")},
    )


def policy_initial(policies: list[PaymentPolicy]) -> dict[str, Any]:
    """New rates start from the latest ones."""
    if not policies:
        return {"methods": [Method.BANK, Method.VOUCHER, Method.DECLINE]}
    latest = max(policies, key=lambda p: p.applies_from)
    names = ["involvement_basis", "involvement_rate", "another_way_minutes", "mileage_rate"]
    names += ["replacement_care_cap", "methods"]
    return {name: getattr(latest, name) for name in names}


class TravelForm(GovukForm):
    mode = forms.ChoiceField(
        label=_("How did you travel?"),
        choices=TravelMode.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you travelled, or that there is nothing to claim")
        },
    )
    miles = forms.DecimalField(
        label=_("Miles there and back"),
        required=False,
        min_value=Decimal("0.1"),
        max_value=MAX_MILES,
        decimal_places=1,
        error_messages={
            "invalid": _("Enter the miles as a number, like 12.5"),
            "min_value": _("Enter the miles you drove, more than 0"),
            "max_value": _("The miles must be %(limit_value)s or fewer: check them"),
            "max_decimal_places": _("Enter the miles to one decimal place, like 12.5"),
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": False}),
    )
    fares = money_field(_("Fares paid"), required=False)
    receipt = UploadField(label=_("Receipt or ticket (optional)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        mode = data.get("mode")
        if mode == TravelMode.MILEAGE and data.get("miles") is None and "miles" not in self.errors:
            self.add_error("miles", _("Enter the miles you drove there and back"))
        if mode == TravelMode.FARES and data.get("fares") is None and "fares" not in self.errors:
            self.add_error("fares", _("Enter the fares you paid"))
        return data


class CostForm(GovukForm):
    amount = money_field(_("Amount paid"))
    description = forms.CharField(label=_("What it was for"), max_length=300, required=False)
    receipt = UploadField(label=_("Receipt"), required=False)

    def __init__(self, *args: Any, receipt_needed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.receipt_needed = receipt_needed

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            self.receipt_needed
            and (data.get("amount") or 0) > 0
            and not data.get("receipt")
            and "receipt" not in self.errors
        ):
            self.add_error("receipt", _("Add a receipt for this expense"))
        return data


class AddLineForm(GovukForm):
    activity = forms.TypedChoiceField(
        label=_("Which activity?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the activity the cost was for")},
    )
    kind = forms.ChoiceField(
        label=_("What kind of cost?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of cost")},
    )
    minutes = forms.IntegerField(
        label=_("Preparation time allowed, in minutes"),
        required=False,
        min_value=1,
        max_value=600,
        error_messages={
            "invalid": _("Enter the minutes as a whole number, like 30"),
            "min_value": _("Enter the minutes allowed, more than 0"),
            "max_value": _("The minutes must be 600 or fewer"),
        },
    )

    def __init__(self, *args: Any, activities: list[Activity], staff: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["activity"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(a.pk, a.title) for a in activities]
        kinds = [LineKind.TRAVEL, LineKind.REPLACEMENT_CARE, LineKind.OTHER]
        if staff:
            kinds.append(LineKind.PREPARATION)
        kind_field = self.fields["kind"]
        assert isinstance(kind_field, forms.ChoiceField)
        kind_field.choices = [(k.value, k.label) for k in kinds]
        if not staff:
            del self.fields["minutes"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        preparation = data.get("kind") == LineKind.PREPARATION
        if preparation and not data.get("minutes") and "minutes" not in self.errors:
            self.add_error("minutes", _("Enter the preparation time allowed, in minutes"))
        return data


SORT_CODE = re.compile(r"^\d{6}$")
ACCOUNT_NUMBER = re.compile(r"^\d{8}$")


class MethodForm(GovukForm):
    method = forms.ChoiceField(
        label=_("How would you like to be paid?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you would like to be paid")},
    )
    account_name = forms.CharField(label=_("Name on the account"), max_length=100, required=False)
    sort_code = forms.CharField(
        label=_("Sort code"), max_length=20, required=False, help_text=_("Must be 6 digits long")
    )
    account_number = forms.CharField(
        label=_("Account number"),
        max_length=20,
        required=False,
        help_text=_("Must be 8 digits long"),
    )
    voucher_send_to = forms.CharField(
        label=_("Where should we send the voucher?"),
        max_length=300,
        required=False,
        help_text=_("An email address or a postal address"),
    )
    in_kind_note = forms.CharField(
        label=_("What would you like instead of money?"), max_length=300, required=False
    )

    def __init__(self, *args: Any, offered: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["method"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(m.value, m.label) for m in Method if m.value in offered]

    def clean_sort_code(self) -> str:
        value = re.sub(r"[\s-]", "", self.cleaned_data["sort_code"])
        if value and not SORT_CODE.match(value):
            raise forms.ValidationError(_("Enter a valid sort code like 309430"))
        return value

    def clean_account_number(self) -> str:
        value = re.sub(r"\s", "", self.cleaned_data["account_number"])
        if value and not ACCOUNT_NUMBER.match(value):
            raise forms.ValidationError(_("Enter a valid account number like 00733445"))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        needed = {
            Method.BANK: {
                "account_name": _("Enter the name on the account"),
                "sort_code": _("Enter a sort code"),
                "account_number": _("Enter an account number"),
            },
            Method.VOUCHER: {"voucher_send_to": _("Enter where we should send the voucher")},
            Method.IN_KIND: {"in_kind_note": _("Say what you would like instead of money")},
        }.get(data.get("method", ""), {})
        for name, message in needed.items():
            if not data.get(name) and name not in self.errors:
                self.add_error(name, message)
        return data


class SubmitForm(GovukForm):
    choice = forms.ChoiceField(
        label=_("What would you like us to do?"),
        choices=BenefitChoice.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, warned: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["choice"].required = warned
        self.fields["choice"].error_messages["required"] = _(
            "Choose what you would like us to do about your benefits"
        )


class ReviewForm(GovukForm):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve the claim")), ("query", _("Ask the carer a question"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to approve the claim or ask a question")},
    )
    message = forms.CharField(
        label=_("Your question"), widget=forms.Textarea, required=False, max_length=2000
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "query" and not data.get("message", "").strip():
            self.add_error("message", _("Write the question you want to ask"))
        return data


class PaidForm(GovukForm):
    paid_on = DateField(
        label=_("Date paid"), error_messages={"required": _("Enter the date it was paid")}
    )
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=100,
        error_messages={"required": _("Enter the payment reference")},
    )


class BenefitsForm(GovukForm):
    consent = forms.BooleanField(
        label=_("I agree to Coproduce keeping which benefits I receive, to warn me"),
        required=False,
    )
    benefits = forms.MultipleChoiceField(
        label=_("Which benefits do you receive?"),
        choices=Benefit.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("benefits") and not data.get("consent"):
            self.add_error(
                "consent", _("Tick the box to agree, or we cannot keep which benefits you receive")
            )
        return data
