"""Forms for people and carer profiles. Each error message says what to do next."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.lib.govuk_forms import EARLIEST_BIRTH_DATE, DateField, GovukForm, GovukModelForm
from coproduce.people import rules
from coproduce.people.models import (
    AccessNeed,
    AgeBand,
    Anonymity,
    Availability,
    CaredFor,
    CareHours,
    CarerProfile,
    Channel,
    Condition,
    Disability,
    EthnicGroup,
    Language,
    Person,
    Relationship,
    Sex,
)

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def yes_no(
    label: StrOrPromise, required_message: StrOrPromise, **kwargs: Any
) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
        **kwargs,
    )


class ContactDetailsMixin(GovukForm):
    """Clean-up shared by every form that takes contact details."""

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "")
        if not raw:
            return ""
        phone = rules.normalise_phone(raw)
        if phone is None:
            raise forms.ValidationError(
                _("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")
            )
        return phone

    def clean_postcode(self) -> str:
        raw = self.cleaned_data.get("postcode", "")
        if not raw:
            return ""
        postcode = rules.normalise_postcode(raw)
        if postcode is None:
            raise forms.ValidationError(_("Enter a real postcode, like AA1 1AA"))
        return postcode


class PersonDetailsForm(ContactDetailsMixin, GovukModelForm[Person]):
    date_of_birth = DateField(
        earliest=EARLIEST_BIRTH_DATE,
        label=_("Date of birth"),
        required=False,
        help_text=_(
            "For example, 27 3 1980. We ask so we can offer the right support to young carers."
        ),
    )

    class Meta:
        model = Person
        fields = ["full_name", "known_as", "email", "phone", "address", "postcode", "date_of_birth"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name", "spellcheck": False}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
            "phone": forms.TextInput(
                attrs={"autocomplete": "tel", "class": "govuk-input--width-20"}
            ),
            "address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "postcode": forms.TextInput(
                attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}
            ),
        }
        error_messages = {
            "full_name": {"required": _("Enter a full name")},
            "email": {
                "invalid": _("Enter an email address in the correct format, like name@example.com")
            },
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(name) for name in ("email", "phone", "address")) and not self.errors:
            raise forms.ValidationError(
                _(
                    "Enter at least one way to get in touch: an email address, a phone number or a postal address"
                )
            )
        return cleaned


class RegisterCarerForm(PersonDetailsForm):
    """Staff register a carer, often after a phone call: details, channel and consent at once."""

    preferred_channel = forms.ChoiceField(
        label=_("How do they want us to contact them?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how they want us to contact them")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language do they want us to use?"),
        choices=Language.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select English or Welsh")},
    )
    consent_data_use = yes_no(
        _("Have they agreed to us keeping their information to involve them in our work?"),
        _("Select yes if they have agreed to us keeping their information"),
    )
    consent_contact = yes_no(
        _("Have they agreed to us contacting them about getting involved?"),
        _("Select yes if they have agreed to be contacted"),
    )

    class Meta(PersonDetailsForm.Meta):
        pass

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("consent_data_use") is False:
            self.add_error(
                "consent_data_use",
                _("You can only register someone who has agreed to us keeping their information"),
            )
        channel = cleaned.get("preferred_channel")
        if channel and not self.errors:
            missing = rules.missing_detail_for_channel(
                channel,
                email=cleaned.get("email", ""),
                phone=cleaned.get("phone", ""),
                address=cleaned.get("address", ""),
            )
            if missing:
                self.add_error("preferred_channel", MISSING_DETAIL_MESSAGES[missing])
        return cleaned


MISSING_DETAIL_MESSAGES = {
    "email": _("You chose email, so enter an email address, or choose another way to get in touch"),
    "phone": _(
        "You chose a phone or text, so enter a phone number, or choose another way to get in touch"
    ),
    "address": _(
        "You chose letters, so enter a postal address, or choose another way to get in touch"
    ),
}


class CaringForm(GovukModelForm[CarerProfile]):
    needs_care_themselves = yes_no(
        _("Do you also need care or support yourself?"),
        _("Select yes if you also need care or support"),
    )

    class Meta:
        model = CarerProfile
        fields = ["caring_situation", "needs_care_themselves", "replacement_care_needs"]
        labels = {
            "caring_situation": _("Tell us about your caring"),
            "replacement_care_needs": _(
                "What care would the person you look after need while you take part?"
            ),
        }
        help_texts = {
            "caring_situation": _(
                "For example, who you look after, how often, and what you do. Share only what you are happy to."
            ),
            "replacement_care_needs": _(
                "We can arrange or pay for replacement care so you can take part."
            ),
        }
        widgets = {
            "caring_situation": forms.Textarea(attrs={"rows": 5}),
            "replacement_care_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["needs_care_themselves"] = (
                "yes" if self.instance.needs_care_themselves else "no"
            )


class AccessNeedsForm(GovukModelForm[CarerProfile]):
    access_needs = forms.MultipleChoiceField(
        label=_("What would help you take part?"),
        help_text=_("Select all that apply."),
        choices=AccessNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CarerProfile
        fields = ["access_needs", "interpreter_language", "access_needs_other"]
        labels = {
            "interpreter_language": _("If you need a spoken language interpreter, which language?"),
            "access_needs_other": _("Anything else that would help"),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if AccessNeed.INTERPRETER in cleaned.get("access_needs", []) and not cleaned.get(
            "interpreter_language"
        ):
            self.add_error(
                "interpreter_language", _("Enter the language you need an interpreter for")
            )
        return cleaned


class ContactPreferencesForm(GovukModelForm[CarerProfile]):
    preferred_channel = forms.ChoiceField(
        label=_("How do you want us to contact you?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how you want us to contact you")},
    )
    do_not_contact = forms.MultipleChoiceField(
        label=_("Are there ways we must never use?"),
        help_text=_("Select all that apply."),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language do you want us to use?"),
        help_text=_("We will use it for every page, message and letter."),
        choices=Language.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select English or Welsh")},
    )
    notice_days = forms.IntegerField(
        label=_("How many days' notice do you need before a meeting?"),
        help_text=_("For example, to arrange replacement care."),
        min_value=0,
        max_value=365,
        widget=forms.NumberInput(),
        error_messages={
            "required": _("Enter how many days' notice you need"),
            "invalid": _("Enter the number of days as a whole number, like 14"),
            "min_value": _("The number of days must be 0 or more"),
            "max_value": _("The number of days must be 365 or fewer"),
        },
    )

    FLAGS = {
        Channel.EMAIL: "no_email",
        Channel.SMS: "no_sms",
        Channel.LETTER: "no_letter",
        Channel.PHONE: "no_phone",
    }

    class Meta:
        model = CarerProfile
        fields = ["preferred_channel", "notice_days"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        profile = self.instance
        if not self.is_bound:
            self.initial["do_not_contact"] = [
                c for c, flag in self.FLAGS.items() if getattr(profile, flag)
            ]
            self.initial["preferred_language"] = profile.person.preferred_language

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        channel = cleaned.get("preferred_channel")
        if channel and channel in cleaned.get("do_not_contact", []):
            self.add_error(
                "do_not_contact",
                _("You cannot choose a way we must never use as the way you want to be contacted"),
            )
        if channel and not self.errors:
            person = self.instance.person
            missing = rules.missing_detail_for_channel(
                channel, email=person.email, phone=person.phone, address=person.address
            )
            if missing:
                self.add_error("preferred_channel", MISSING_DETAIL_MESSAGES[missing])
        return cleaned

    def save(self, commit: bool = True) -> CarerProfile:
        profile = super().save(commit=False)
        for channel, flag in self.FLAGS.items():
            setattr(profile, flag, channel in self.cleaned_data["do_not_contact"])
        profile.person.preferred_language = self.cleaned_data["preferred_language"]
        if commit:
            profile.save()
            profile.person.save(update_fields=["preferred_language", "updated_at"])
        return profile


class AvailabilityForm(GovukModelForm[CarerProfile]):
    availability = forms.MultipleChoiceField(
        label=_("When are you usually free to take part?"),
        help_text=_("Select all that apply. We will still offer other ways to take part."),
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CarerProfile
        fields = ["availability"]


class SharingForm(GovukModelForm[CarerProfile]):
    default_anonymity = forms.ChoiceField(
        label=_("When you share your views, who may know they came from you?"),
        help_text=_("This is your usual choice. You can choose differently each time."),
        choices=Anonymity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who may know your views came from you")},
    )

    class Meta:
        model = CarerProfile
        fields = ["default_anonymity"]


class ConsentForm(GovukForm):
    data_use = yes_no(
        _("Do you agree to us keeping your information to involve you in our work?"),
        _("Select yes if you agree to us keeping your information"),
        help_text=_("If you say no, we will ask you whether to delete your information."),
    )
    contact = yes_no(
        _("Do you agree to us contacting you about ways to get involved?"),
        _("Select yes if you agree to us contacting you"),
    )


class CaredForForm(GovukModelForm[CaredFor]):
    relationship = forms.ChoiceField(
        label=_("What is their relationship to you?"),
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select their relationship to you")},
    )
    conditions = forms.MultipleChoiceField(
        label=_("Which of these affect them?"),
        help_text=_("Select all that apply. Share only what you are happy to."),
        choices=Condition.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lives_with_carer = yes_no(_("Do they live with you?"), _("Select yes if they live with you"))

    class Meta:
        model = CaredFor
        fields = ["name", "relationship", "conditions", "lives_with_carer", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["lives_with_carer"] = "yes" if self.instance.lives_with_carer else "no"


class EqualityForm(GovukForm):
    consent = yes_no(
        _("Do you want to answer equality monitoring questions?"),
        _("Select yes if you want to answer the equality questions"),
        help_text=_(
            "Your answers are optional and only ever used in anonymous totals, to check we hear from all kinds of carers. If you say no, we delete any answers you gave before."
        ),
    )
    age_band = forms.ChoiceField(
        label=_("What is your age?"),
        choices=AgeBand.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    sex = forms.ChoiceField(
        label=_("What is your sex?"), choices=Sex.choices, widget=forms.RadioSelect, required=False
    )
    ethnic_group = forms.ChoiceField(
        label=_("What is your ethnic group?"),
        choices=[("", _("Choose an ethnic group")), *list(EthnicGroup.choices)],
        required=False,
    )
    disability = forms.ChoiceField(
        label=_(
            "Do you have a health condition or illness that has lasted or is expected to last 12 months or more, that limits your day-to-day activities?"
        ),
        choices=Disability.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    care_hours = forms.ChoiceField(
        label=_("How many hours of unpaid care do you give each week?"),
        choices=CareHours.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    young_carer = forms.ChoiceField(
        label=_("Are you a young carer (under 18)?"),
        choices=[("yes", _("Yes")), ("no", _("No")), ("prefer_not", _("Prefer not to say"))],
        widget=forms.RadioSelect,
        required=False,
    )

    ANSWERS = ("age_band", "sex", "ethnic_group", "disability", "care_hours")


class ErasureRequestForm(GovukForm):
    reason = forms.CharField(
        label=_("Is there anything you want to tell us? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Tell us in 2,000 characters or fewer")},
    )


class PeopleSearchForm(GovukForm):
    q = forms.CharField(
        label=_("Search by name, email or postcode"), required=False, max_length=100
    )
