"""The referral form, one question per page, and the support organisation's forms."""

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.breaks import rules
from coproduce.breaks.models import BreakKind, PaymentMethod, Practice, Referral, Scheme
from coproduce.lib.govuk_forms import EARLIEST_BIRTH_DATE, DateField, GovukForm
from coproduce.people.forms import MISSING_DETAIL_MESSAGES, ContactDetailsMixin, yes_no
from coproduce.people.models import Channel, Language, Relationship


class NameForm(GovukForm):
    carer_name = forms.CharField(
        label=_("What is the carer's full name?"),
        max_length=200,
        error_messages={"required": _("Enter the carer's full name")},
        widget=forms.TextInput(attrs={"spellcheck": False}),
    )


class DateOfBirthForm(GovukForm):
    carer_date_of_birth = DateField(
        earliest=EARLIEST_BIRTH_DATE,
        label=_("What is the carer's date of birth?"),
        error_name=_("Date of birth"),
        help_text=_("For example, 27 3 1960. Carers under 18 get support that is safe for them."),
        error_messages={"required": _("Enter the carer's date of birth")},
    )

    def __init__(self, *args: Any, scheme: Scheme, **kwargs: Any) -> None:
        self.scheme = scheme
        super().__init__(*args, **kwargs)

    def clean_carer_date_of_birth(self) -> date:
        born: date = self.cleaned_data["carer_date_of_birth"]
        today = date.today()
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if age < 18 and not self.scheme.includes_young_carers:
            raise forms.ValidationError(
                _("This scheme is for carers aged 18 or over. Contact your young carers' service.")
            )
        return born


class ContactForm(ContactDetailsMixin, GovukForm):
    carer_email = forms.EmailField(
        label=_("Email address"),
        required=False,
        widget=forms.EmailInput(attrs={"spellcheck": False}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    carer_phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    carer_address = forms.CharField(
        label=_("Postal address"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    carer_postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )

    def clean_carer_phone(self) -> str:
        self.cleaned_data["phone"] = self.cleaned_data.get("carer_phone", "")
        return self.clean_phone()

    def clean_carer_postcode(self) -> str:
        self.cleaned_data["postcode"] = self.cleaned_data.get("carer_postcode", "")
        return self.clean_postcode()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned.pop("phone", None)
        cleaned.pop("postcode", None)
        if not self.errors and not any(
            cleaned.get(f"carer_{n}") for n in ("email", "phone", "address")
        ):
            raise forms.ValidationError(
                _(
                    "Enter at least one way to contact the carer: an email address, a phone number or a postal address"
                )
            )
        if cleaned.get("carer_address") and not cleaned.get("carer_postcode"):
            self.add_error("carer_postcode", _("Enter the postcode, so a letter reaches the carer"))
        return cleaned


class ChannelForm(GovukForm):
    preferred_channel = forms.ChoiceField(
        label=_("How would the carer like to be contacted?"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the carer would like to be contacted")},
    )
    carer_language = forms.ChoiceField(
        label=_("Which language does the carer want us to use?"),
        help_text=_("Their messages, letters and pages will be in this language."),
        choices=Language.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select English or Welsh")},
    )

    def __init__(self, *args: Any, referral: Referral, **kwargs: Any) -> None:
        self.referral = referral
        super().__init__(*args, **kwargs)

    def clean_preferred_channel(self) -> str:
        from coproduce.people.rules import missing_detail_for_channel

        channel: str = self.cleaned_data["preferred_channel"]
        missing = missing_detail_for_channel(
            channel,
            email=self.referral.carer_email,
            phone=self.referral.carer_phone,
            address=self.referral.carer_address,
        )
        if missing:
            raise forms.ValidationError(MISSING_DETAIL_MESSAGES[missing])
        return channel


class RelationshipForm(GovukForm):
    relationship = forms.ChoiceField(
        label=_("Who does the carer look after?"),
        help_text=_("The cared-for person is the carer's…"),
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who the carer looks after")},
    )


def eligibility_form(question: dict[str, Any]) -> type[forms.Form]:
    """A one-question form built from a scheme's eligibility question."""
    label = rules.stored_text(question["text"])
    hint = rules.stored_text(question["hint"]) if question.get("hint") else ""
    if question["kind"] == "yes_no":
        field: forms.Field = yes_no(label, _("Select yes or no"), help_text=hint)
        field.coerce = lambda value: value  # type: ignore[attr-defined]  # keep "yes"/"no"
    else:
        field = forms.MultipleChoiceField(
            label=label,
            help_text=hint,
            choices=[(o["value"], rules.stored_text(o["text"])) for o in question["options"]],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Select all that apply, or ‘None of these’")},
        )
    none_value = question.get("none_value")

    def clean_answer(self: forms.Form) -> Any:
        answer = self.cleaned_data["answer"]
        if none_value and isinstance(answer, list) and none_value in answer and len(answer) > 1:
            raise forms.ValidationError(
                _("Select ‘None of these’ on its own, or only the ones that apply")
            )
        return answer

    return type("EligibilityForm", (forms.Form,), {"answer": field, "clean_answer": clean_answer})


class BreakForm(GovukForm):
    break_kind = forms.ChoiceField(
        label=_("What kind of break would the carer like?"),
        choices=BreakKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what kind of break the carer would like")},
    )
    break_description = forms.CharField(
        label=_("Anything else about the break (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Tell us in 1,000 characters or fewer")},
    )


class ConsentForm(GovukForm):
    carer_consent = yes_no(
        _("Has the carer agreed to this referral?"),
        _("Select yes if the carer has agreed to this referral"),
        help_text=_(
            "They agree to their details going to the payment support organisation, who will contact them."
        ),
    )
    wellbeing_consent = yes_no(
        _(
            "Has the carer agreed to answer four questions about their wellbeing, now and after their break?"
        ),
        _("Select yes if the carer agreed to the wellbeing questions"),
        help_text=_("Their answers show whether breaks help. They are only reported as totals."),
    )

    def clean_carer_consent(self) -> bool:
        if not self.cleaned_data["carer_consent"]:
            raise forms.ValidationError(
                _(
                    "You can only refer a carer who has agreed. Ask them, then come back to this referral."
                )
            )
        return True


def _score(label: StrOrPromise, hint: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=hint,
        min_value=0,
        max_value=10,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-2"}),
        error_messages={
            "required": _("Enter a number from 0 to 10"),
            "invalid": _("Enter a whole number from 0 to 10"),
            "min_value": _("Enter a number from 0 to 10"),
            "max_value": _("Enter a number from 0 to 10"),
        },
    )


class WellbeingForm(GovukForm):
    """The ONS personal wellbeing questions, 0 ("not at all") to 10 ("completely")."""

    life_satisfaction = _score(
        _("Overall, how satisfied are you with your life nowadays?"),
        _("0 is not at all, 10 is completely"),
    )
    worthwhile = _score(
        _(
            "Overall, to what extent do you feel that the things you do in your life are worthwhile?"
        ),
        _("0 is not at all, 10 is completely"),
    )
    happiness = _score(
        _("Overall, how happy did you feel yesterday?"), _("0 is not at all, 10 is completely")
    )
    anxiety = _score(
        _("Overall, how anxious did you feel yesterday?"), _("0 is not at all, 10 is completely")
    )


class DecisionForm(GovukForm):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select approve or decline")},
    )
    amount = forms.DecimalField(
        label=_("Amount to pay, in pounds"),
        required=False,
        max_digits=8,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={"invalid": _("Enter the amount in pounds and pence, like 250.00")},
    )
    reason = forms.CharField(
        label=_("If you decline, why? The carer and the referrer will see this."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self, *args: Any, scheme: Scheme, waiting_for_carer: bool = False, **kwargs: Any
    ) -> None:
        self.scheme = scheme
        self.waiting_for_carer = waiting_for_carer
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "approve" and self.waiting_for_carer:
            self.add_error(
                "decision",
                _(
                    "Wait for the carer to say what break they would like, or ask them on the "
                    "phone and record their answers, before approving"
                ),
            )
        if cleaned.get("decision") == "approve":
            amount: Decimal | None = cleaned.get("amount")
            if amount is None:
                if "amount" not in self.errors:
                    self.add_error("amount", _("Enter the amount to pay"))
            elif problem := rules.amount_problem(amount, self.scheme.maximum_payment):
                self.add_error("amount", problem)
        if cleaned.get("decision") == "decline" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Tell the carer why their referral was declined"))
        return cleaned


class PaymentForm(GovukForm):
    method = forms.ChoiceField(
        label=_("How was it paid?"),
        choices=PaymentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how it was paid")},
    )
    paid_on = DateField(
        label=_("Date paid"),
        help_text=_("For example, 14 1 2027"),
        error_messages={"required": _("Enter the date it was paid")},
    )
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=100,
        error_messages={"required": _("Enter the payment reference from your finance system")},
    )


class PracticeForm(ContactDetailsMixin, GovukForm):
    """A GP practice joining a scheme: who it is, and where to send the invitation."""

    name = forms.CharField(
        label=_("Practice name"),
        max_length=200,
        error_messages={"required": _("Enter the practice name")},
    )
    code = forms.CharField(
        label=_("Practice code"),
        help_text=_("The practice's NHS ODS code: a letter and 5 numbers, like B82005"),
        max_length=20,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": False}),
        error_messages={"required": _("Enter the practice code")},
    )
    email = forms.EmailField(
        label=_("Contact email address"),
        help_text=_("The invitation to join is sent here, usually to the practice manager"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": False}),
        error_messages={
            "required": _("Enter the practice's contact email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    phone = forms.CharField(
        label=_("Contact phone number (optional)"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, scheme: Scheme, **kwargs: Any) -> None:
        self.scheme = scheme
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = rules.normalise_practice_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("Enter the practice code as a letter and 5 numbers, like B82005")
            )
        taken = Practice.objects.filter(scheme=self.scheme, code=code).first()
        if taken is not None:
            raise forms.ValidationError(
                _("%(practice)s already has the code %(code)s in this scheme")
                % {"practice": taken.name, "code": code}
            )
        return code

    def code_taken(self) -> None:
        """Say so when another practice took the code between checking and saving."""
        self.add_error("code", _("Another practice in this scheme already has this code"))


class JoinForm(GovukForm):
    """A professional signing up to refer carers for their practice."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": False}),
        error_messages={"required": _("Enter your full name")},
    )
    email = forms.EmailField(
        label=_("Work email address"),
        help_text=_("We will send a link to choose your password here"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "work email", "spellcheck": False}),
        error_messages={
            "required": _("Enter your work email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    job_title = forms.CharField(
        label=_("Job title"),
        help_text=_("For example, GP, practice nurse or social prescribing link worker"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        error_messages={"required": _("Enter your job title")},
    )
    works_here = forms.BooleanField(
        label=_("I work at this practice"),
        error_messages={"required": _("Confirm that you work at this practice")},
    )

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["works_here"].label = _("I work at %(practice)s") % {"practice": practice.name}
        self.fields["works_here"].error_messages["required"] = _(
            "Confirm that you work at %(practice)s"
        ) % {"practice": practice.name}
        self.practice = practice
        if practice.email:
            self.fields["email"].help_text = _(
                "Your address at %(domain)s. We will send a link to choose your password here"
            ) % {"domain": rules.email_domain(practice.email)}

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"])
        problem = rules.joining_email_problem(email, self.practice.email)
        if problem == "no_practice_email":
            raise forms.ValidationError(
                _(
                    "%(practice)s has no contact email address yet. Ask the scheme's support "
                    "organisation to add it, then join."
                )
                % {"practice": self.practice.name}
            )
        if problem == "other_domain":
            raise forms.ValidationError(
                _(
                    "Use your work email address at %(domain)s, the same as %(practice)s's "
                    "contact address"
                )
                % {
                    "domain": rules.email_domain(self.practice.email),
                    "practice": self.practice.name,
                }
            )
        return email


# --- The three-minute referral: three pages of at most eight questions -------------------
#
# The GP gives only what a referral needs: who the carer is, how to reach them and in which
# language, the scheme's eligibility questions and the carer's consent. The rest (who they
# look after, the break they want, their wellbeing scores) is asked of the carer afterwards
# (`CarerAnswersForm`), by a link in their message or by staff on the phone.


def _age_problem(born: date, scheme: Scheme) -> str | None:
    today = date.today()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < 18 and not scheme.includes_young_carers:
        return str(
            _("This scheme is for carers aged 18 or over. Contact your young carers' service.")
        )
    return None


class ReferCarerForm(GovukForm):
    """Page 1 of 3: who the carer is, and their language (three questions)."""

    carer_name = NameForm.base_fields["carer_name"]
    carer_date_of_birth = DateOfBirthForm.base_fields["carer_date_of_birth"]
    carer_language = ChannelForm.base_fields["carer_language"]

    def __init__(self, *args: Any, scheme: Scheme, **kwargs: Any) -> None:
        self.scheme = scheme
        super().__init__(*args, **kwargs)

    def clean_carer_date_of_birth(self) -> date:
        born: date = self.cleaned_data["carer_date_of_birth"]
        if problem := _age_problem(born, self.scheme):
            raise forms.ValidationError(problem)
        return born


class ReferContactForm(ContactForm):
    """Page 2 of 3: how to reach the carer (one question: the way, and its detail)."""

    preferred_channel = forms.ChoiceField(
        label=_("How would the carer like to be contacted?"),
        help_text=_("Then give the detail for it below: the others are optional."),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the carer would like to be contacted")},
    )
    field_order = ["preferred_channel", "carer_email", "carer_phone", "carer_address"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("scheme", None)
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        from coproduce.people.rules import missing_detail_for_channel

        try:
            cleaned = super().clean()
        except forms.ValidationError as none_given:
            # No detail at all: the missing detail of the chosen way says it more precisely.
            cleaned = self.cleaned_data
            if not cleaned.get("preferred_channel"):
                raise none_given
        channel = cleaned.get("preferred_channel")
        if channel and not self.errors:
            missing = missing_detail_for_channel(
                channel,
                email=cleaned.get("carer_email", ""),
                phone=cleaned.get("carer_phone", ""),
                address=cleaned.get("carer_address", ""),
            )
            if missing:
                where = {"email": "carer_email", "phone": "carer_phone", "address": "carer_address"}
                self.add_error(where[missing], MISSING_DETAIL_MESSAGES[missing])
        return cleaned


def _eligibility_field(question: dict[str, Any]) -> forms.Field:
    label = rules.stored_text(question["text"])
    hint = rules.stored_text(question["hint"]) if question.get("hint") else ""
    if question["kind"] == "yes_no":
        field: forms.Field = yes_no(label, _("Select yes or no"), help_text=hint)
        field.coerce = lambda value: value  # type: ignore[attr-defined]  # keep "yes"/"no"
        return field
    return forms.MultipleChoiceField(
        label=label,
        help_text=hint,
        choices=[(o["value"], rules.stored_text(o["text"])) for o in question["options"]],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select all that apply, or ‘None of these’")},
    )


class ReferEligibilityForm(GovukForm):
    """Page 3 of 3: the scheme's eligibility questions, then the carer's consent."""

    def __init__(self, *args: Any, scheme: Scheme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = scheme.eligibility["questions"]
        for question in self.questions:
            self.fields[f"answer_{question['key']}"] = _eligibility_field(question)
        self.fields["carer_consent"] = copy.deepcopy(ConsentForm.base_fields["carer_consent"])
        self.fields["carer_consent"].help_text = _(
            "They agree to their details going to the payment support organisation, who will "
            "contact them to ask a few questions about the break they would like."
        )

    def clean_carer_consent(self) -> bool:
        return ConsentForm.clean_carer_consent(self)  # type: ignore[arg-type]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for question in self.questions:
            name = f"answer_{question['key']}"
            answer = cleaned.get(name)
            none_value = question.get("none_value")
            if none_value and isinstance(answer, list) and none_value in answer and len(answer) > 1:
                self.add_error(
                    name, _("Select ‘None of these’ on its own, or only the ones that apply")
                )
        return cleaned


# Each page's form, built with the scheme (its eligibility questions, its age rule).
REFER_PAGES: dict[str, Callable[..., GovukForm]] = {
    "carer": ReferCarerForm,
    "contact": ReferContactForm,
    "eligibility": ReferEligibilityForm,
}


def referral_fields(pages: dict[str, dict[str, Any]], scheme: Scheme) -> dict[str, Any]:
    """The referral's fields from the pages' saved answers (as kept in the session)."""
    fields: dict[str, Any] = {"answers": {}}
    for page in pages.values():
        for name, value in page.items():
            if name.startswith("answer_"):
                fields["answers"][name.removeprefix("answer_")] = value
            elif name == "carer_date_of_birth" and value:
                fields[name] = date.fromisoformat(value)
            else:
                fields[name] = value
    return fields


def to_session(cleaned: dict[str, Any]) -> dict[str, Any]:
    """A page's cleaned answers as JSON (dates as ISO strings)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in cleaned.items()}


def from_session(saved: dict[str, Any]) -> dict[str, Any]:
    """A page's saved answers as a form's initial values."""
    initial = dict(saved)
    if initial.get("carer_date_of_birth"):
        initial["carer_date_of_birth"] = date.fromisoformat(initial["carer_date_of_birth"])
    if "carer_consent" in initial:
        initial["carer_consent"] = "yes" if initial["carer_consent"] else "no"
    return initial


class CarerAnswersForm(GovukForm):
    """What the carer tells the scheme after the GP referred them: one short page."""

    relationship = forms.ChoiceField(
        label=_("Who do you look after?"),
        help_text=_("The person you care for is your…"),
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who you look after")},
    )
    break_kind = forms.ChoiceField(
        label=_("What kind of break would you like?"),
        choices=BreakKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what kind of break you would like")},
    )
    break_description = forms.CharField(
        label=_("Anything else about the break (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Tell us in 1,000 characters or fewer")},
    )
    life_satisfaction = _score(
        _("Overall, how satisfied are you with your life nowadays?"),
        _("0 is not at all, 10 is completely"),
    )
    worthwhile = _score(
        _(
            "Overall, to what extent do you feel that the things you do in your life are worthwhile?"
        ),
        _("0 is not at all, 10 is completely"),
    )
    happiness = _score(
        _("Overall, how happy did you feel yesterday?"), _("0 is not at all, 10 is completely")
    )
    anxiety = _score(
        _("Overall, how anxious did you feel yesterday?"), _("0 is not at all, 10 is completely")
    )
    SCORES = ("life_satisfaction", "worthwhile", "happiness", "anxiety")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.SCORES:
            self.fields[name].required = False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        given = [n for n in self.SCORES if cleaned.get(n) is not None]
        if given and len(given) < len(self.SCORES) and not self.errors:
            for name in self.SCORES:
                if cleaned.get(name) is None:
                    self.add_error(name, _("Answer all four wellbeing questions, or none of them"))
        return cleaned

    def wellbeing(self) -> dict[str, int] | None:
        """The four scores, or None if the carer chose not to answer them."""
        scores = {n: self.cleaned_data.get(n) for n in self.SCORES}
        if any(v is None for v in scores.values()):
            return None
        return {n: int(v) for n, v in scores.items() if v is not None}


@dataclass(frozen=True)
class Step:
    slug: str
    form: Callable[..., forms.Form]
    to_model: Callable[[dict[str, Any]], dict[str, Any]]
    initial: Callable[[Referral], dict[str, Any]]
    applies: Callable[[Referral], bool] = lambda referral: True


def _fields(
    *names: str,
) -> tuple[Callable[[dict[str, Any]], dict[str, Any]], Callable[[Referral], dict[str, Any]]]:
    def to_model(cleaned: dict[str, Any]) -> dict[str, Any]:
        return {n: cleaned[n] for n in names}

    def initial(referral: Referral) -> dict[str, Any]:
        values = {n: getattr(referral, n) for n in names}
        return {n: v for n, v in values.items() if v not in (None, "")}

    return to_model, initial


def _yes_no_fields(
    *names: str,
) -> tuple[Callable[[dict[str, Any]], dict[str, Any]], Callable[[Referral], dict[str, Any]]]:
    to_model, _initial = _fields(*names)

    def initial(referral: Referral) -> dict[str, Any]:
        return {n: "yes" if v else "no" for n, v in _initial(referral).items()}

    return to_model, initial


def _answer(
    key: str,
) -> tuple[Callable[[dict[str, Any]], dict[str, Any]], Callable[[Referral], dict[str, Any]]]:
    def to_model(cleaned: dict[str, Any]) -> dict[str, Any]:
        return {"answers": {key: cleaned["answer"]}}

    def initial(referral: Referral) -> dict[str, Any]:
        return {"answer": referral.answers[key]} if key in referral.answers else {}

    return to_model, initial


def steps_for(referral: Referral) -> list[Step]:
    """The pages of the referral form, in order: eligibility questions come from the scheme."""
    steps = [
        Step("name", NameForm, *_fields("carer_name")),
        Step(
            "date-of-birth",
            lambda *a, **k: DateOfBirthForm(*a, scheme=referral.scheme, **k),
            *_fields("carer_date_of_birth"),
        ),
        Step(
            "contact",
            ContactForm,
            *_fields("carer_email", "carer_phone", "carer_address", "carer_postcode"),
        ),
        Step(
            "channel",
            lambda *a, **k: ChannelForm(*a, referral=referral, **k),
            *_fields("preferred_channel", "carer_language"),
        ),
        Step("relationship", RelationshipForm, *_fields("relationship")),
    ]
    for question in referral.scheme.eligibility["questions"]:
        steps.append(
            Step(
                f"eligibility-{question['key']}",
                eligibility_form(question),
                *_answer(question["key"]),
            )
        )
    steps += [
        Step("break", BreakForm, *_fields("break_kind", "break_description")),
        Step("consent", ConsentForm, *_yes_no_fields("carer_consent", "wellbeing_consent")),
        Step(
            "wellbeing",
            WellbeingForm,
            lambda cleaned: {"answers": {"wellbeing": cleaned}},
            lambda r: dict(r.answers.get("wellbeing", {})),
            applies=lambda r: bool(r.wellbeing_consent),
        ),
    ]
    return steps
