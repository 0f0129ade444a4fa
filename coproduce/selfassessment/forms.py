"""Forms of the self-assessment. Each error says what to do next."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.accountability.models import ActionStatus
from coproduce.lib.govuk_forms import DateField, GovukForm
from coproduce.selfassessment.actions import Given
from coproduce.selfassessment.models import (
    COMMENT_LIMIT,
    QUESTION_LIMIT,
    Answer,
    Area,
    Channel,
    Principle,
    Question,
    Score,
)

DONT_KNOW = "0"
SCORE_CHOICES = [(str(s.value), s.label) for s in Score] + [(DONT_KNOW, _("I don't know"))]


class RoundForm(GovukForm):
    title = forms.CharField(
        label=_("Name the round"),
        help_text=_("For example: Spring 2027. Staff and carers see this name."),
        max_length=200,
        error_messages={
            "required": _("Enter a name for the round"),
            "max_length": _("The name must be 200 characters or fewer"),
        },
    )


class AnswerForm(GovukForm):
    """A score and an optional comment for each statement, grouped by area."""

    def __init__(
        self,
        data: Any = None,
        *,
        questions: Iterable[Question] = (),
        earlier: Iterable[Answer] = (),
        **kwargs: Any,
    ) -> None:
        before = {a.question_id: a for a in earlier}
        initial = {}
        for question_id, answer in before.items():
            initial[f"score_{question_id}"] = str(answer.score or DONT_KNOW)
            initial[f"comment_{question_id}"] = answer.comment
        super().__init__(data, initial=initial, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"score_{question.pk}"] = forms.ChoiceField(
                label=_("%(number)s. %(statement)s")
                % {"number": number, "statement": question.shown()},
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Select how far this is true for statement %(number)s")
                    % {"number": number}
                },
            )
            self.fields[f"comment_{question.pk}"] = forms.CharField(
                label=_("Comment on statement %(number)s (optional)") % {"number": number},
                required=False,
                max_length=COMMENT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": _("The comment must be 2,000 characters or fewer")},
            )

    def by_area(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(area name, [(score field, comment field)]) in the order of the questions."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for question in self.questions:
            name = str(Area(question.area).label)
            groups.setdefault(name, []).append((f"score_{question.pk}", f"comment_{question.pk}"))
        return list(groups.items())

    def given(self) -> dict[Question, Given]:
        data = self.cleaned_data
        result = {}
        for question in self.questions:
            score = data[f"score_{question.pk}"]
            result[question] = Given(
                score=None if score == DONT_KNOW else int(score),
                comment=data.get(f"comment_{question.pk}", ""),
            )
        return result


class RecordForm(AnswerForm):
    """A carer's answers given on paper or by phone, typed in by staff."""

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields = {"channel": self.channel_field(), **self.fields}

    @staticmethod
    def channel_field() -> forms.ChoiceField:
        return forms.ChoiceField(
            label=_("How did the carer answer?"),
            choices=[
                (Channel.PAPER.value, Channel.PAPER.label),
                (Channel.PHONE.value, Channel.PHONE.label),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": _("Select how the carer answered")},
        )


class FindCarerForm(GovukForm):
    q = forms.CharField(
        label=_("Find the carer by name, email or postcode"), required=False, max_length=100
    )


class QuestionForm(GovukForm):
    area = forms.ChoiceField(
        label=_("Area"),
        choices=Area.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the area the statement is about")},
    )
    principle = forms.ChoiceField(
        label=_("Principle"),
        choices=Principle.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the principle the statement is about")},
    )
    text = forms.CharField(
        label=_("Statement"),
        help_text=_("Something people can say is not yet, starting, mostly or fully true."),
        max_length=QUESTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Enter the statement"),
            "max_length": _("The statement must be 500 characters or fewer"),
        },
    )
    text_cy = forms.CharField(
        label=_("The statement in Welsh (optional)"),
        required=False,
        max_length=QUESTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "cy"}),
        error_messages={"max_length": _("The Welsh statement must be 500 characters or fewer")},
    )
    active = forms.ChoiceField(
        label=_("Ask it in new rounds?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes or no")},
    )

    def data_for_action(self) -> dict[str, Any]:
        return {**self.cleaned_data, "active": self.cleaned_data["active"] == "yes"}


class PlanActionForm(GovukForm):
    title = forms.CharField(
        label=_("What will you do?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Enter what you will do"),
            "max_length": _("What you will do must be 300 characters or fewer"),
        },
    )
    who = forms.CharField(
        label=_("Who will do it?"),
        help_text=_("A name or a role, for example: the carers' involvement lead."),
        max_length=200,
        error_messages={
            "required": _("Enter who will do it"),
            "max_length": _("Who will do it must be 200 characters or fewer"),
        },
    )
    due_on = DateField(
        past_only=False,
        label=_("By when?"),
        error_name=_("Date it should be done by"),
        help_text=_("For example, 27 3 2027"),
        error_messages={"required": _("Enter the date it should be done by")},
    )
    area = forms.ChoiceField(
        label=_("Which area is it about? (optional)"),
        choices=[("", _("More than one")), *list(Area.choices)],
        required=False,
    )
    principle = forms.ChoiceField(
        label=_("Which principle is it about? (optional)"),
        choices=[("", _("More than one")), *list(Principle.choices)],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Where is it now?"),
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select where this action is")},
    )
    reason = forms.CharField(
        label=_("If it is not possible, why not?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    done_on = DateField(
        label=_("If it is done, when was it done? (optional)"),
        error_name=_("Date done"),
        required=False,
        help_text=_("Leave empty for today."),
    )

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        if (
            cleaned.get("status") == ActionStatus.NOT_POSSIBLE
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Say why this is not possible"))
        return cleaned


class CloseForm(GovukForm):
    confirm = forms.ChoiceField(
        label=_("Close this round? Nobody can answer it after that."),
        choices=[("yes", _("Yes, close it")), ("no", _("No, keep it open"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether to close the round")},
    )
