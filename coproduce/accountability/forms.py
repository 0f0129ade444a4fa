"""Forms for You Said, We Did. Each error message says what to do next."""

import datetime
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.accountability import actions, picker, rules
from coproduce.accountability.models import (
    MAX_COMMENT_LENGTH,
    MAX_DESCRIPTION_LENGTH,
    MAX_NAME_LENGTH,
    MAX_QUOTE_LENGTH,
    Action,
    ActionStatus,
    DifferenceAnswer,
)
from coproduce.contributions.forms import privacy_field
from coproduce.contributions.models import (
    MAX_TEXT_LENGTH,
    Contribution,
    ContributionChannel,
    ResponseStatus,
    Theme,
)
from coproduce.contributions.rules import PRIVACY_ORDER, Viewer
from coproduce.decisions.models import Proposal
from coproduce.jinja2 import localdate
from coproduce.lib import bilingual
from coproduce.lib.govuk_forms import DateField, GovukForm

STARTING_STATUSES = [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE]
STATUS_HINTS = {
    ActionStatus.PLANNED: _("We have agreed to do it."),
    ActionStatus.IN_PROGRESS: _("We have started."),
    ActionStatus.DONE: _("It is finished. Everyone whose view it answers is told."),
    ActionStatus.NOT_POSSIBLE: _(
        "We tried or looked into it and cannot do it. Say why below: everyone whose view "
        "it answers is told."
    ),
}
SHORT = 120  # characters of a contribution shown when choosing


def status_field(choices: Iterable[ActionStatus], label: Any) -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=label,
        choices=[(s.value, s.label) for s in choices],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select where this action is")},
    )
    field.item_hints = {s.value: STATUS_HINTS[s] for s in choices}  # type: ignore[attr-defined]
    return field


def contribution_choice(
    contribution: Contribution, viewer: Viewer, confidential_label: str
) -> tuple[str, str, str]:
    """Value, label and hint of one contribution to choose, showing what the viewer may
    see of it: its words (shortened) and the giver's name, or that it was confidential."""
    person = contribution.person
    words, name = rules.label_for_choice(
        viewer,
        privacy=contribution.privacy,
        person_id=contribution.person_id,
        owner_id=contribution.organisation_id,
        text=contribution.text,
        name=person.full_name if person is not None else "",
    )
    if not words:
        label = confidential_label
    elif len(words) > SHORT:
        label = f"“{words[:SHORT].rstrip()}…”"
    else:
        label = f"“{words}”"
    parts = [name] if name else []
    parts.append(localdate(contribution.given_on))
    parts.append(str(contribution.get_status_display()))
    parts += [t.name for t in contribution.themes.all()]
    return str(contribution.pk), label, " · ".join(parts)


def done_on_field() -> DateField:
    return DateField(
        label=_("If it is done, when was it done? (optional)"),
        error_name=_("Date done"),
        required=False,
        help_text=_("Leave empty for today."),
    )


def evidence_field() -> forms.CharField:
    return forms.CharField(
        label=_("Evidence (optional)"),
        required=False,
        max_length=2000,
        help_text=_("What shows it happened: a new leaflet, minutes, a changed policy."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def evidence_link_field() -> forms.URLField:
    return forms.URLField(
        label=_("Link to the evidence (optional)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://example.org/report")},
    )


class ActionForm(GovukForm):
    """What the action is, and which of the group's decisions it carries out. The views it
    answers are found and linked on their own page (`ViewSearchForm`, `AddViewsForm`)."""

    title = forms.CharField(
        label=_("What did or will you do? Give it a short title"),
        max_length=200,
        help_text=_("For example, “Carers are asked about their needs before discharge”."),
        error_messages={
            "required": _("Enter a short title for the action"),
            "max_length": _("The title must be 200 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("Tell people more about it"),
        required=False,
        max_length=MAX_DESCRIPTION_LENGTH,
        help_text=_("In plain words: what changed, for whom, and when."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("The description must be 5,000 characters or fewer")},
    )
    status = status_field(STARTING_STATUSES, _("Where is it now?"))
    planned_for = DateField(
        past_only=False,
        label=_("When should it be done? (optional)"),
        error_name=_("Date it should be done by"),
        required=False,
        help_text=_("For example, 27 3 2027"),
    )
    done_on = done_on_field()
    evidence = evidence_field()
    evidence_link = evidence_link_field()
    proposals = forms.MultipleChoiceField(
        label=_("Which of the group's decisions does it carry out? (optional)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        proposals: list[Proposal],
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        bilingual.add_welsh_twins(self, *Action.TRANSLATED)
        decisions = self.fields["proposals"]
        assert isinstance(decisions, forms.MultipleChoiceField)
        decisions.choices = [(str(p.pk), p.title) for p in proposals]
        decisions.item_hints = {  # type: ignore[attr-defined]
            str(p.pk): str(p.get_outcome_display() or p.get_status_display()) for p in proposals
        }
        self.proposals_by_pk = {str(p.pk): p for p in proposals}
        if editing:
            del self.fields["status"]
            del self.fields["done_on"]

    def details(self) -> actions.Details:
        data = self.cleaned_data
        return actions.Details(
            title=data["title"],
            description=data["description"],
            planned_for=data.get("planned_for"),
            evidence=data["evidence"],
            evidence_link=data["evidence_link"],
            **bilingual.twin_data(data, *Action.TRANSLATED),
        )

    def chosen_proposals(self) -> list[Proposal]:
        return [self.proposals_by_pk[v] for v in self.cleaned_data["proposals"]]

    def done_date(self) -> datetime.date | None:
        value: datetime.date | None = self.cleaned_data.get("done_on")
        return value


# --- Finding the views an action answers ---------------------------------------------------


def any_of(choices: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("Any")), *choices]


class ViewSearchForm(GovukForm):
    """Find the project's views by their words, theme, channel and response (all optional)."""

    q = forms.CharField(
        label=_("Words in the view"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Search for 200 characters or fewer")},
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    channel = forms.ChoiceField(
        label=_("How it was given"), required=False, choices=any_of(ContributionChannel.choices)
    )
    status = forms.ChoiceField(
        label=_("Response"), required=False, choices=any_of(ResponseStatus.choices)
    )

    def __init__(self, *args: Any, themes: list[Theme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["theme"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = any_of((str(t.pk), t.name) for t in themes)
        for name in ("theme", "channel", "status"):
            self.fields[name].error_messages["invalid_choice"] = _("Select one from the list")

    def search(self) -> picker.Search:
        """What to look for: nothing (every view) while the form has errors."""
        if not self.is_bound or not self.is_valid():
            return picker.Search()
        data = self.cleaned_data
        return picker.Search(
            words=data["q"].strip(),
            theme=int(data["theme"]) if data["theme"] else None,
            channel=data["channel"],
            status=data["status"],
        )


class AddViewsForm(GovukForm):
    """Tick the views found that the action answers."""

    contributions = forms.MultipleChoiceField(
        label=_("Which of these views does it answer?"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The people who gave them are told by the way they prefer, unless they gave them "
            "anonymously."
        ),
        error_messages={
            "required": _("Select the views this action answers"),
            "invalid_choice": _("Select the views this action answers"),
        },
    )

    def __init__(
        self, *args: Any, contributions: list[Contribution], viewer: Viewer, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        confidential = str(_("A view given in confidence"))
        choices = [contribution_choice(c, viewer, confidential) for c in contributions]
        field = self.fields["contributions"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(value, label) for value, label, _hint in choices]
        field.item_hints = {value: hint for value, _label, hint in choices}  # type: ignore[attr-defined]
        self.by_pk = {str(c.pk): c for c in contributions}

    def chosen(self) -> list[Contribution]:
        return [self.by_pk[v] for v in self.cleaned_data["contributions"]]


class RemoveViewForm(GovukForm):
    """Unlink one view from the action."""

    contribution = forms.ChoiceField(
        error_messages={
            "required": _("Select the view to remove"),
            "invalid_choice": _("This view is no longer linked to the action"),
        }
    )

    def __init__(self, *args: Any, contributions: list[Contribution], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contribution"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(str(c.pk), str(c.pk)) for c in contributions]
        self.by_pk = {str(c.pk): c for c in contributions}

    def chosen(self) -> Contribution:
        return self.by_pk[self.cleaned_data["contribution"]]


class StatusForm(GovukForm):
    status = status_field(list(ActionStatus), _("Where is this action now?"))
    reason = forms.CharField(
        label=_("If it is not possible, why not?"),
        required=False,
        max_length=2000,
        help_text=_("The people whose views it answers read this."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    done_on = done_on_field()
    evidence = evidence_field()
    evidence_link = evidence_link_field()
    note = forms.CharField(
        label=_("Note for the history (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean() or {}
        if rules.needs_reason(cleaned.get("status", "")) and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why this is not possible"))
        return cleaned


def comment_text_field(help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Enter your comment"),
            "max_length": _("Your comment must be 2,000 characters or fewer"),
        },
    )


class CommentForm(GovukForm):
    """A comment from a member of the group (or staff), on the members' board."""

    text = comment_text_field(
        _(
            "Did this make a difference? Up to 2,000 characters. Staff read every comment "
            "before it is shown to the group; the coordinator sees who wrote it."
        )
    )
    show_name = forms.ChoiceField(
        label=_("Show your name with your comment?"),
        choices=[("no", _("Do not show my name")), ("yes", _("Show my name to the group"))],
        widget=forms.RadioSelect,
        initial="no",
        required=False,
    )

    def chosen_show_name(self) -> bool:
        return bool(self.cleaned_data.get("show_name") == "yes")


class PublicCommentForm(GovukForm):
    """A comment from anyone on the public board: no account, a name only if they wish."""

    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=MAX_NAME_LENGTH,
        help_text=_("Shown with your comment. Leave it blank to comment without a name."),
        error_messages={"max_length": _("Your name must be 100 characters or fewer")},
    )
    text = comment_text_field(
        _(
            "Up to 2,000 characters. We read every comment before it is shown. Do not "
            "include anyone's personal details."
        )
    )


class ModerateForm(GovukForm):
    decision = forms.ChoiceField(
        label=_("Show this comment?"),
        choices=[("publish", _("Publish")), ("reject", _("Do not publish"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether to publish the comment")},
    )


class QuoteForm(GovukForm):
    """Staff choosing the words the public board shows for one contribution."""

    text = forms.CharField(
        label=_("Words to show on the public board"),
        max_length=MAX_QUOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Enter the words to show"),
            "max_length": _("The words to show must be 2,000 characters or fewer"),
        },
    )
    names = forms.CharField(
        label=_("Names of other people to take out (optional)"),
        required=False,
        max_length=1_000,
        help_text=_(
            "One on each line, for example the name of the person they care for. Each is "
            "shown as [name]."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("The names must be 1,000 characters or fewer")},
    )

    def __init__(self, *args: Any, paraphrase: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if paraphrase:
            self.fields["text"].label = _("What they said, in your own words")
            self.fields["text"].help_text = _(
                "We cannot ask this person whether their words may be shown, so describe "
                "what they told us without quoting them (no more than 5 of their words in "
                "a row)."
            )
        else:
            self.fields["text"].help_text = _(
                "Their words as you would like to show them. We send these to them: nothing "
                "is shown until they approve, change or withdraw them."
            )

    def name_list(self) -> list[str]:
        return [n.strip() for n in self.cleaned_data["names"].splitlines() if n.strip()]


class QuoteAnswerForm(GovukForm):
    """The contributor's answer: show these words, show mine instead, or show nothing."""

    answer = forms.ChoiceField(
        label=_("May we show these words?"),
        choices=[
            (actions.QuoteAnswer.APPROVE, _("Yes, show these words")),
            (actions.QuoteAnswer.EDIT, _("Show my changed words instead")),
            (actions.QuoteAnswer.WITHDRAW, _("No, do not show them")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether we may show these words")},
    )
    text = forms.CharField(
        label=_("Your changed words"),
        required=False,
        max_length=MAX_QUOTE_LENGTH,
        help_text=_("Only if you chose to change them. Shown without your name."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Your words must be 2,000 characters or fewer")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == actions.QuoteAnswer.EDIT and not data.get("text", "").strip():
            self.add_error("text", _("Enter your changed words"))
        return data


class DifferenceForm(GovukForm):
    answer = forms.ChoiceField(
        label=_("Did it make a difference?"),
        choices=DifferenceAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether it made a difference")},
    )
    words = forms.CharField(
        label=_("Tell us more (optional)"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("What you tell us must be 10,000 characters or fewer")},
    )
    privacy = privacy_field(PRIVACY_ORDER, _("Who may know this came from you?"))


class BoardSettingsForm(GovukForm):
    public = forms.ChoiceField(
        label=_("Show this board to the public?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes or no")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["public"]
        field.item_hints = {  # type: ignore[attr-defined]
            "yes": _(
                "Anyone with the link sees what was done and the words of views that were not "
                "confidential. Never anyone's name, and no comments."
            ),
            "no": _("Only staff and the project's group see it."),
        }

    def chosen(self) -> bool:
        return bool(self.cleaned_data["public"] == "yes")
