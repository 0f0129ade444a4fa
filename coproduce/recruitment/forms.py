"""Forms for briefs, easy-read lines, reaching out, answering a brief and screening."""

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.lib import bilingual
from coproduce.lib.govuk_forms import EARLIEST_BIRTH_DATE, DateField, GovukForm
from coproduce.people import rules as people_rules
from coproduce.people.forms import MISSING_DETAIL_MESSAGES, ContactDetailsMixin, yes_no
from coproduce.people.models import Availability, Channel, Language
from coproduce.projects.models import GroupRole
from coproduce.recruitment import rules
from coproduce.recruitment.audience import GROUPS
from coproduce.recruitment.models import (
    Brief,
    EasyReadLine,
    ExpressionOfInterest,
    GuardianConsentHow,
    Pictogram,
    Support,
)


def text(label: Any, required_message: Any, rows: int = 4, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required_message},
        **kwargs,
    )


class BriefForm(GovukForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example, “Help us make hospital discharge work for carers”"),
        error_messages={"required": _("Enter a title")},
    )
    work = text(_("What the work is"), _("Enter what the work is"))
    time_commitment = text(
        _("How much time it takes"),
        _("Enter how much time it takes"),
        rows=2,
        help_text=_("For example, “Four two-hour meetings over three months”"),
    )
    dates = text(_("Dates"), "", rows=2, required=False, help_text=_("Leave empty if not known"))
    where_and_how = text(
        _("Where and how"),
        _("Enter where and how the group meets"),
        rows=3,
        help_text=_("The place, or online or by phone, and how people can take part"),
    )
    online_group = yes_no(
        _("Does the group meet online?"),
        _("Select yes if the group meets online"),
        help_text=_("Everyone who joins an online group is checked for safeguarding first."),
    )
    support = forms.MultipleChoiceField(
        label=_("Support offered"),
        choices=Support.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    support_other = forms.CharField(label=_("Other support"), max_length=300, required=False)
    payment = text(
        _("Payment offered"),
        "",
        rows=2,
        required=False,
        help_text=_("For example, “£20 an hour, paid how you choose”"),
    )
    who_for = text(_("Who it is for"), _("Enter who the brief is for"), rows=3)
    opens_on = DateField(
        past_only=False,
        label=_("Opening date"),
        help_text=_("For example, 1 3 2027"),
        error_messages={"required": _("Enter the opening date")},
    )
    closes_on = DateField(
        past_only=False,
        label=_("Closing date"),
        help_text=_("The last day people can say they are interested"),
        error_messages={"required": _("Enter the closing date")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bilingual.add_welsh_twins(self, *Brief.TRANSLATED)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and (problem := rules.dates_problem(opens_on, closes_on)):
            self.add_error("closes_on", problem)
        if Support.OTHER in cleaned.get("support", []) and not cleaned.get("support_other"):
            self.add_error("support_other", _("Say what the other support is"))
        return cleaned


PICTURE_CHOICES = [("", _("No picture")), *Pictogram.choices]


class EasyReadLineForm(GovukForm):
    text = forms.CharField(
        label=_("Sentence"),
        max_length=200,
        help_text=_("One short sentence with one idea"),
        error_messages={"required": _("Enter a sentence")},
    )
    picture = forms.ChoiceField(label=_("Picture"), choices=PICTURE_CHOICES, required=False)
    alt_text = forms.CharField(
        label=_("Describe the picture"),
        max_length=200,
        required=False,
        help_text=_("For people who cannot see it. Needed when you choose a picture."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bilingual.add_welsh_twins(self, *EasyReadLine.TRANSLATED)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("picture") and not cleaned.get("alt_text", "").strip():
            self.add_error("alt_text", _("Describe the picture you chose"))
        return cleaned


class AudienceForm(GovukForm):
    """Which of the organisation's carers to send a brief to. Every question is optional."""

    keywords = forms.CharField(
        label=_("Caring situation"),
        required=False,
        help_text=_("Words to look for, separated by commas: for example, dementia, young onset"),
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=[("", _("Any")), *Language.choices],
        required=False,
    )
    areas = forms.CharField(
        label=_("Area"),
        required=False,
        help_text=_("Postcode districts or areas, separated by commas: for example, GU1, GU2, RH"),
    )
    availability = forms.MultipleChoiceField(
        label=_("Available"),
        choices=Availability.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Carers available at any of the times you choose"),
    )
    groups = forms.MultipleChoiceField(
        label=_("Groups we want to hear more from"),
        choices=[(key, group.label) for key, group in GROUPS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Only carers who agreed to equality monitoring are matched. You see who matched, "
            "never their answers."
        ),
    )

    def clean_areas(self) -> list[str]:
        raw = self.cleaned_data.get("areas", "")
        areas = rules.parse_areas(raw)
        if raw.strip() and len(areas) != len(raw.replace(",", " ").split()):
            raise forms.ValidationError(
                _("Enter postcode districts like GU1 or areas like GU, separated by commas")
            )
        return areas


class InterestForm(GovukForm):
    """A carer the organisation knows: only why, and their age if we do not know it."""

    why = text(
        _("Why are you interested?"),
        _("Tell us why you are interested"),
        rows=5,
        help_text=_("A few words are enough. You can also tell us about your caring."),
    )
    under_18 = yes_no(_("Are you under 18?"), _("Select yes if you are under 18"))

    def __init__(self, *args: Any, ask_age: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not ask_age:
            del self.fields["under_18"]


class NewPersonInterestForm(ContactDetailsMixin, GovukForm):
    """Someone we do not know yet: who they are, how to reach them, and why."""

    full_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": False}),
        error_messages={"required": _("Enter your name")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "class": "govuk-input--width-20"}),
    )
    address = forms.CharField(
        label=_("Postal address"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}
        ),
    )
    date_of_birth = DateField(
        earliest=EARLIEST_BIRTH_DATE,
        label=_("Date of birth"),
        required=False,
        help_text=_(
            "For example, 27 3 1980. If you would rather not say, answer the next question."
        ),
    )
    under_18 = yes_no(
        _("Are you under 18?"),
        _("Select yes if you are under 18"),
        required=False,
        empty_value=None,
        help_text=_("Only if you did not give your date of birth"),
    )
    preferred_channel = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how we should contact you")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language should we use?"),
        choices=Language.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("If you do not choose, we use the language of this page."),
    )
    why = text(
        _("Why are you interested?"),
        _("Tell us why you are interested"),
        rows=5,
        help_text=_("A few words are enough. You can also tell us about your caring."),
    )
    consent = forms.BooleanField(
        label=_("I agree to you keeping these details to talk to me about getting involved"),
        error_messages={"required": _("Tick the box to agree, so that we can contact you")},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(name) for name in ("email", "phone", "address")):
            if "email" not in self.errors and "phone" not in self.errors:
                self.add_error(
                    "email",
                    _(
                        "Enter at least one way for us to contact you: an email address, "
                        "a phone number or a postal address"
                    ),
                )
        elif (
            cleaned.get("address") and not cleaned.get("postcode") and "postcode" not in self.errors
        ):
            self.add_error("postcode", _("Enter the postcode of your address"))
        no_age = cleaned.get("date_of_birth") is None and cleaned.get("under_18") is None
        if no_age and "date_of_birth" not in self.errors:
            self.add_error(
                "under_18", _("Enter your date of birth, or tell us if you are under 18")
            )
        channel = cleaned.get("preferred_channel")
        if channel and not self.errors:
            missing = people_rules.missing_detail_for_channel(
                channel,
                email=cleaned.get("email", ""),
                phone=cleaned.get("phone", ""),
                address=cleaned.get("address", ""),
            )
            if missing:
                self.add_error("preferred_channel", MISSING_DETAIL_MESSAGES[missing])
        return cleaned


class ScreeningForm(GovukForm):
    genuine_carer = yes_no(
        _("Are they a genuine carer?"),
        _("Select yes if they are a genuine carer"),
        help_text=_(
            "Someone who helps a friend, relative or neighbour who could not cope without it"
        ),
    )
    genuine_carer_note = text(
        _("How do you know?"),
        "",
        rows=3,
        required=False,
        help_text=_("For example, “Known to us since 2024” or “Spoke to them on the phone”"),
    )
    safeguarding_notes = text(_("Safeguarding notes"), "", rows=4, required=False)
    guardian_name = forms.CharField(
        label=_("Parent or guardian's name"), max_length=200, required=False
    )
    guardian_consent_how = forms.ChoiceField(
        label=_("How did they give consent?"),
        choices=GuardianConsentHow.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    guardian_consent_on = DateField(label=_("Date consent was given"), required=False)

    def __init__(self, *args: Any, expression: ExpressionOfInterest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expression = expression
        if expression.brief.online_group:
            self.fields["safeguarding_notes"].help_text = _(
                "Needed: the group meets online. Say what you checked and anything to watch for."
            )
        if not expression.under_18:
            for name in ("guardian_name", "guardian_consent_how", "guardian_consent_on"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.expression.brief.online_group and not cleaned.get("safeguarding_notes", "").strip():
            self.add_error(
                "safeguarding_notes", _("Enter safeguarding notes: the group meets online")
            )
        if self.expression.under_18:
            guardian = [cleaned.get(n) for n in ("guardian_name", "guardian_consent_how")]
            given = [*guardian, cleaned.get("guardian_consent_on")]
            if any(given) and not all(given):
                for name, message in GUARDIAN_MISSING.items():
                    if not cleaned.get(name) and name not in self.errors:
                        self.add_error(name, message)
        return cleaned


GUARDIAN_MISSING = {
    "guardian_name": _("Enter the parent or guardian's name"),
    "guardian_consent_how": _("Select how the parent or guardian gave consent"),
    "guardian_consent_on": _("Enter the date the parent or guardian gave consent"),
}


class NotThisTimeForm(GovukForm):
    reason = text(
        _("Tell them why, kindly"),
        rules.REASON_NEEDED,
        rows=5,
        help_text=_(
            "We send this to them. For example, “We had many more carers than places. "
            "We would like to tell you about the next project.”"
        ),
    )


class MemberForm(GovukForm):
    role = forms.ChoiceField(
        label=_("Their role in the group"),
        choices=GroupRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select their role in the group")},
    )
    joined_on = DateField(
        label=_("Date they joined"),
        error_messages={"required": _("Enter the date they joined")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["joined_on"].initial = datetime.date.today()
        self.fields["role"].initial = GroupRole.CARER
