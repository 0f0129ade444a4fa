"""Forms to build a survey, answer it (online or entered by staff) and publish results."""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.contributions.models import Privacy
from coproduce.lib.govuk_forms import MAX_TEXT_LENGTH, DateField, GovukForm
from coproduce.people.forms import yes_no
from coproduce.people.models import Person
from coproduce.recruitment.models import Brief
from coproduce.surveys import actions, rules
from coproduce.surveys.models import (
    ANSWER_MAX_LENGTH,
    Audience,
    Layout,
    Option,
    Question,
    QuestionKind,
    ResponseChannel,
)


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class SurveyForm(GovukForm):
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Enter a title")}
    )
    title_cy = forms.CharField(label=_("Title in Welsh"), max_length=200, required=False)
    intro = forms.CharField(
        label=_("Introduction"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the survey is for, how long it takes and what happens to the answers"),
    )
    intro_cy = forms.CharField(
        label=_("Introduction in Welsh"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    audience = forms.ChoiceField(
        label=_("Who can answer?"),
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who can answer")},
    )
    brief = forms.TypedChoiceField(
        label=_("Brief"),
        coerce=int,
        required=False,
        help_text=_("Only if people who said they were interested in a brief can answer"),
    )
    layout = forms.ChoiceField(
        label=_("How should the questions be shown?"),
        choices=Layout.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the questions are shown")},
    )
    opens_at = DateField(
        past_only=False,
        label=_("Opening date"),
        required=False,
        help_text=_("Leave empty to take answers as soon as you open it. For example, 1 3 2027"),
    )
    closes_at = DateField(
        past_only=False,
        label=_("Closing date"),
        required=False,
        help_text=_("The last day people can answer. Leave empty to close it yourself."),
    )

    def __init__(self, *args: Any, briefs: Sequence[Brief], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.briefs = {brief.pk: brief for brief in briefs}
        field = self.fields["brief"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("Choose a brief")), *((b.pk, b.title) for b in briefs)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        brief = cleaned.get("brief")
        if cleaned.get("audience") == Audience.BRIEF and not brief:
            self.add_error("brief", _("Choose the brief whose interested people can answer"))
        cleaned["brief"] = self.briefs.get(brief) if brief else None
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes < opens:
            self.add_error("closes_at", _("Closing date must be on or after the opening date"))
        return cleaned


class QuestionForm(GovukForm):
    text = forms.CharField(
        label=_("Question"), max_length=500, error_messages={"required": _("Enter the question")}
    )
    text_cy = forms.CharField(label=_("Question in Welsh"), max_length=500, required=False)
    hint = forms.CharField(
        label=_("Hint"),
        max_length=500,
        required=False,
        help_text=_("Optional help shown under the question"),
    )
    hint_cy = forms.CharField(label=_("Hint in Welsh"), max_length=500, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of answer"),
        choices=QuestionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the kind of answer")},
    )
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For “choose one” and “choose any” questions: one option on each line"),
    )
    options_cy = forms.CharField(
        label=_("Options in Welsh"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In the same order, one on each line"),
    )
    required = yes_no(_("Must people answer it?"), _("Select yes if people must answer it"))
    condition = forms.TypedChoiceField(
        label=_("Only show this question when"),
        coerce=int,
        required=False,
        help_text=_("Leave empty to show it to everyone"),
    )

    def __init__(self, *args: Any, earlier: Sequence[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conditions: dict[int, Option] = {}
        choices: list[tuple[Any, Any]] = [("", _("Always show it"))]
        for question in earlier:
            for option in question.options.all():
                self.conditions[option.pk] = option
                label = _("The answer to question %(number)s is “%(option)s”") % {
                    "number": question.position,
                    "option": option.text,
                }
                choices.append((option.pk, label))
        field = self.fields["condition"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        english = lines(cleaned.get("options", ""))
        welsh = lines(cleaned.get("options_cy", ""))
        kind = cleaned.get("kind")
        if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
            if len(english) < 2:
                self.add_error("options", _("Enter at least 2 options, one on each line"))
            elif len(set(english)) < len(english):
                self.add_error("options", _("Each option must be different"))
            elif any(len(option) > 200 for option in english + welsh):
                self.add_error("options", _("Each option must be 200 characters or fewer"))
            if len(welsh) > len(english):
                self.add_error("options_cy", _("Enter no more Welsh options than English ones"))
        cleaned["options"] = [
            (text, welsh[i] if i < len(welsh) else "") for i, text in enumerate(english)
        ]
        condition = cleaned.get("condition")
        cleaned["condition"] = self.conditions.get(condition) if condition else None
        return cleaned


class PrivacyForm(GovukForm):
    privacy = forms.ChoiceField(
        label=_("Who may know what you say?"),
        choices=Privacy.choices,
        widget=forms.RadioSelect,
        help_text=_("We use your choice for every answer. You can change it before you start."),
        error_messages={"required": _("Select who may know what you say")},
    )


def answer_field(question: Question, hint: str) -> forms.Field:
    label = question.shown("text")
    if question.kind == QuestionKind.FREE_TEXT:
        limit = _("You can write up to %(limit)s characters.") % {"limit": f"{ANSWER_MAX_LENGTH:,}"}
        return forms.CharField(
            label=label,
            required=False,
            max_length=ANSWER_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 6}),
            help_text=" ".join(part for part in (hint, str(limit)) if part),
            error_messages={
                "max_length": _(
                    "Your answer must be %(limit_value)s characters or fewer: it has "
                    "%(show_value)s. Shorten it, or give the rest to the coordinator."
                )
            },
        )
    if question.kind == QuestionKind.RATING:
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[
                ("1", _("1 (lowest)")),
                ("2", "2"),
                ("3", "3"),
                ("4", "4"),
                ("5", _("5 (highest)")),
            ],
            widget=forms.RadioSelect,
            help_text=hint,
        )
    choices = [(o.pk, o.shown("text")) for o in question.options.all()]
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.TypedMultipleChoiceField(
            label=label,
            required=False,
            coerce=int,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            help_text=hint,
        )
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=int,
        choices=choices,
        widget=forms.RadioSelect,
        help_text=hint,
    )


def missing_message(question: Question) -> str:
    number = {"number": question.position}
    if question.kind == QuestionKind.FREE_TEXT:
        return str(_("Enter your answer to question %(number)s") % number)
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return str(_("Select at least one option for question %(number)s") % number)
    return str(_("Select an answer to question %(number)s") % number)


class AnswerForm(GovukForm):
    """Answers to `asked` (one question, or all of them), checked against the survey's
    conditions: a required question must be answered only when it is shown."""

    def __init__(
        self,
        *args: Any,
        asked: Sequence[Question],
        questions: Sequence[Question],
        earlier: Mapping[int, set[int]] | None = None,
        show_conditions: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.asked = list(asked)
        self.questions = list(questions)
        self.earlier = dict(earlier or {})
        options = {o.pk: (q, o) for q in questions for o in q.options.all()}
        for question in self.asked:
            hint = question.shown("hint")
            if show_conditions and question.condition_id in options:
                condition_question, option = options[question.condition_id]
                condition = _(
                    "Only answer this if you answered “%(option)s” to question %(number)s."
                ) % {
                    "option": option.shown("text"),
                    "number": condition_question.position,
                }
                hint = " ".join(part for part in (str(condition), hint) if part)
            self.fields[f"q{question.pk}"] = answer_field(question, hint)
        self.check_required = True

    def given(self, raw: bool = False) -> dict[int, actions.Given]:
        """The answers given. `raw` takes written answers exactly as typed, even when
        too long to save as answers (so late feedback loses nothing)."""
        data = getattr(self, "cleaned_data", {})
        given: dict[int, actions.Given] = {}
        for question in self.asked:
            value = data.get(f"q{question.pk}")
            if raw and question.kind == QuestionKind.FREE_TEXT:
                typed = str(self.data.get(f"q{question.pk}", "")).strip()
                given[question.pk] = typed[:MAX_TEXT_LENGTH]
            elif question.kind == QuestionKind.MULTIPLE_CHOICE:
                given[question.pk] = list(value or [])
            elif question.has_options:
                given[question.pk] = [value] if value else []
            else:
                given[question.pk] = value or ""
        return given

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.check_required:
            return cleaned
        chosen = {**self.earlier, **actions.chosen_from_given(self.given())}
        shown = {s.question_id for s in rules.shown_steps(actions.steps_of(self.questions), chosen)}
        given = self.given()
        for question in self.asked:
            name = f"q{question.pk}"
            if name in self.errors or question.pk not in shown or not question.required:
                continue
            if actions.is_empty(given[question.pk]):
                self.add_error(name, missing_message(question))
        return cleaned


NOT_ON_FILE = "none"
AS_ON_PROFILE = "profile"


class EnterForm(AnswerForm):
    """Staff typing in answers given on paper or by phone."""

    person = forms.ChoiceField(
        label=_("Whose answers are these?"),
        error_messages={"required": _("Choose whose answers these are")},
    )
    channel = forms.ChoiceField(
        label=_("How were they given?"),
        choices=[
            (ResponseChannel.PAPER.value, ResponseChannel.PAPER.label),
            (ResponseChannel.PHONE.value, ResponseChannel.PHONE.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the answers were given")},
    )
    privacy = forms.ChoiceField(
        label=_("Who may know what they said?"),
        choices=[(AS_ON_PROFILE, _("As they chose on their profile")), *Privacy.choices],
        widget=forms.RadioSelect,
        help_text=_("Answers from someone not on file are always anonymous."),
        error_messages={"required": _("Select who may know what they said")},
    )

    def __init__(self, *args: Any, people: Sequence[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        field = self.fields["person"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", _("Choose a person")),
            (NOT_ON_FILE, _("Someone not on file")),
            *((str(p.pk), p.full_name) for p in people),
        ]

    def chosen_person(self) -> Person | None:
        return self.people.get(self.cleaned_data.get("person", ""))

    def chosen_privacy(self) -> str:
        person = self.chosen_person()
        privacy = self.cleaned_data["privacy"]
        if person is None:
            return Privacy.ANONYMOUS
        if privacy == AS_ON_PROFILE:
            return actions.default_privacy(person)
        return str(privacy)


class PublishForm(GovukForm):
    questions = forms.TypedMultipleChoiceField(
        label=_("Which questions’ results should be published?"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Written answers are published without names, and confidential ones never are."
        ),
    )
    publish = yes_no(
        _("Publish these results now?"), _("Select yes to publish the results, or no to hide them")
    )

    def __init__(self, *args: Any, questions: Sequence[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["questions"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(q.pk, f"{q.position}. {q.text}") for q in questions]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("publish") and not cleaned.get("questions"):
            self.add_error("questions", _("Select at least one question to publish"))
        return cleaned


class LateFeedbackForm(GovukForm):
    """Something to tell the coordinator after a survey closed."""

    feedback = forms.CharField(
        max_length=ANSWER_MAX_LENGTH,
        error_messages={
            "required": _("Write what you would like to tell the coordinator"),
            "max_length": _("What you would like to tell us must be 5,000 characters or less"),
        },
    )

    def first_error(self) -> str:
        errors = self.errors.get("feedback") or [
            _("Write what you would like to tell the coordinator")
        ]
        return str(errors[0])
