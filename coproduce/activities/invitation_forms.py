"""Forms for inviting, replying, support arranged, the register, check-in and follow-ups."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.activities import invitation_rules as rules
from coproduce.activities.models import Activity, Invitation, Reply
from coproduce.lib.govuk_forms import GovukForm, GovukModelForm
from coproduce.people.models import Person

OTHER_WAY_PREFIX = "other:"


class InviteForm(GovukForm):
    people = forms.MultipleChoiceField(
        label=_("Who do you want to invite?"),
        help_text=_("Everyone in the group is selected. Untick anyone you do not want to invite."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one person to invite")},
    )

    def __init__(self, *args: Any, people: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.by_pk = {str(p.pk): p for p in people}
        field = self.fields["people"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(p.pk), p.full_name) for p in people]
        self.initial.setdefault("people", list(self.by_pk))

    def chosen(self) -> list[Person]:
        return [self.by_pk[pk] for pk in self.cleaned_data["people"]]


class ReplyForm(GovukForm):
    """One page: can you come (or how else will you take part), the questions the activity
    asks, and the support needed. Answers are kept by question text."""

    reply = forms.ChoiceField(
        label=_("Can you come?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether you can come")},
    )
    support = forms.MultipleChoiceField(
        label=_("What support do you need to take part?"),
        help_text=_("Select all that apply. We will arrange it or pay for it."),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs_notes = forms.CharField(
        label=_("Anything else we should know or arrange for you? (optional)"),
        help_text=_("For example, access needs, food you cannot eat, or a time you must leave."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )

    def __init__(
        self, *args: Any, activity: Activity, invitation: Invitation, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions: list[str] = [str(q) for q in activity.registration_questions]
        reply = self.fields["reply"]
        assert isinstance(reply, forms.ChoiceField)
        reply.choices = [
            (Reply.COMING.value, gettext("Yes, I can come")),
            (Reply.NOT_COMING.value, gettext("No, I cannot come")),
            *[
                (
                    OTHER_WAY_PREFIX + value,
                    gettext("I cannot come, but will take part another way: %(way)s")
                    % {"way": label},
                )
                for value, label in rules.other_way_choices(activity)
            ],
        ]
        support = self.fields["support"]
        assert isinstance(support, forms.MultipleChoiceField)
        support.choices = [("replacement_care", gettext("Replacement care while I take part"))]
        if rules.is_in_person(activity):
            support.choices += [("travel", gettext("Help with travel, or travel costs"))]
        answers = invitation.registration_answers or {}
        for number, question in enumerate(self.questions):
            self.fields[f"question_{number}"] = forms.CharField(
                label=question,
                required=False,
                max_length=1000,
                initial=answers.get(question, ""),
            )
        if invitation.replied_at is not None:
            if invitation.reply == Reply.ANOTHER_WAY:
                self.initial["reply"] = OTHER_WAY_PREFIX + invitation.other_way
            elif invitation.reply == Reply.WAITING_LIST:
                self.initial["reply"] = Reply.COMING.value
            else:
                self.initial["reply"] = invitation.reply
        replacement_care = invitation.replacement_care_needed
        if invitation.replied_at is None:
            # A first reply: someone whose profile records replacement care needs will
            # most likely need it for this activity too (they can untick it).
            profile = getattr(invitation.person, "carer_profile", None)
            replacement_care = bool(profile and profile.replacement_care_needs.strip())
        self.initial["support"] = [
            name
            for name, needed in [
                ("replacement_care", replacement_care),
                ("travel", invitation.travel_needed),
            ]
            if needed
        ]
        self.initial["needs_notes"] = invitation.needs_notes
        # The questions come after "Can you come?" and before the support.
        order = ["reply", *[f"question_{n}" for n in range(len(self.questions))]]
        self.order_fields([*order, "support", "needs_notes"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        reply = cleaned.get("reply")
        if reply and rules.needs_answers(self.reply_value(reply)):
            for number in range(len(self.questions)):
                name = f"question_{number}"
                if name in cleaned and not cleaned[name].strip():
                    self.add_error(name, gettext("Answer this question"))
        return cleaned

    @staticmethod
    def reply_value(choice: str) -> str:
        return Reply.ANOTHER_WAY.value if choice.startswith(OTHER_WAY_PREFIX) else choice

    def reply_details(self) -> dict[str, Any]:
        """The keyword arguments of `invitation_actions.record_reply`."""
        data = self.cleaned_data
        choice: str = data["reply"]
        support = set(data["support"])
        return {
            "reply": self.reply_value(choice),
            "other_way": choice.removeprefix(OTHER_WAY_PREFIX)
            if choice.startswith(OTHER_WAY_PREFIX)
            else "",
            "replacement_care_needed": "replacement_care" in support,
            "travel_needed": "travel" in support,
            "needs_notes": data["needs_notes"].strip(),
            "answers": {
                question: data[f"question_{n}"].strip()
                for n, question in enumerate(self.questions)
                if data[f"question_{n}"].strip()
            },
        }


class SupportForm(GovukModelForm[Invitation]):
    # Short enough to go in a text message.
    replacement_care_arranged = forms.CharField(
        label=_("Replacement care arranged"),
        help_text=_("Who is providing it and when, as the person should be told it."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    travel_arranged = forms.CharField(
        label=_("Travel arranged"),
        help_text=_("For example, a taxi booked for 9:45am, or bus fare refunded."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Invitation
        fields = ["replacement_care_arranged", "travel_arranged"]


class RegisterForm(GovukForm):
    """Everyone invited, in one form: who attended, and for how many minutes."""

    def __init__(
        self, *args: Any, invitations: Sequence[Invitation], duration: int, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.invitations = invitations
        self.rows: list[tuple[Invitation, str, str]] = []
        for invitation in invitations:
            name = invitation.person.full_name
            attended = f"attended_{invitation.pk}"
            minutes = f"minutes_{invitation.pk}"
            self.fields[attended] = forms.BooleanField(
                label=name, required=False, initial=bool(invitation.attended)
            )
            self.fields[minutes] = forms.IntegerField(
                label=gettext("Minutes %(name)s took part") % {"name": name},
                required=False,
                min_value=1,
                max_value=24 * 60,
                initial=invitation.attended_minutes or duration,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                error_messages={
                    "invalid": gettext("Enter the minutes %(name)s took part, like 90")
                    % {"name": name},
                    "min_value": gettext("Minutes must be 1 or more"),
                    "max_value": gettext("Minutes must be 1440 (a whole day) or fewer"),
                },
            )
            self.rows.append((invitation, attended, minutes))

    def marks(self) -> dict[int, int | None]:
        return {
            invitation.pk: self.cleaned_data[minutes]
            for invitation, attended, minutes in self.rows
            if self.cleaned_data[attended]
        }


class CheckInForm(GovukForm):
    code = forms.CharField(
        label=_("Check-in code"),
        help_text=_("The person running the activity will tell you the code."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": False}),
        error_messages={"required": _("Enter the check-in code")},
    )

    def __init__(self, *args: Any, expected: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected = expected

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if not rules.check_in_code_matches(self.expected, code):
            raise forms.ValidationError(
                _("That code is not right. Check it with the person running the activity")
            )
        return code


class FollowUpForm(GovukForm):
    text = forms.CharField(
        label=_("Is there anything you would like to add?"),
        help_text=_(
            "Anything you did not get the chance to say, or have thought of since. "
            "Staff read everything sent here."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        error_messages={"required": _("Write what you would like to add")},
    )


class PreviewForm(GovukForm):
    """Whose invitation to show, before anyone is sent it (a GET form: it changes nothing)."""

    person = forms.ChoiceField(
        label=_("Show the invitation as this person would get it"),
        error_messages={"required": _("Select the person whose invitation you want to see")},
    )

    def __init__(self, *args: Any, people: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.by_pk = {str(p.pk): p for p in people}
        field = self.fields["person"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Choose a person")), *((str(p.pk), p.full_name) for p in people)]

    def chosen(self) -> Person:
        return self.by_pk[self.cleaned_data["person"]]
