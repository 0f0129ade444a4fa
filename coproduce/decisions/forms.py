"""Forms for decisions. Each error says what to do next; each limit is said in the hint."""

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.activities import rules as times
from coproduce.decisions import actions, rules
from coproduce.decisions.models import (
    COMMENT_LIMIT,
    MOST_ROUNDS,
    STATEMENT_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    Outcome,
    PositionChannel,
    Proposal,
    RuleKind,
    Stance,
)
from coproduce.lib import bilingual
from coproduce.lib.govuk_forms import DateField, GovukForm

STANCE_HINTS = {
    Stance.AGREE: _("I support the proposal."),
    Stance.AGREE_WITH_RESERVATIONS: _("I support it, but I have concerns. Say what they are."),
    Stance.STAND_ASIDE: _("I cannot support it, but I will not stop the group going ahead."),
    Stance.BLOCK: _(
        "I believe it should not go ahead as it is. Say why, so the group can look for a way forward."
    ),
}
BLOCK_NEEDS_COMMENT = _(
    "Say why you are blocking the proposal, so the group can look for a way forward"
)
STAFF_CHANNELS = [
    (c.value, c.label)
    for c in (PositionChannel.PHONE, PositionChannel.WRITING, PositionChannel.MEETING)
]


def text_field(label: Any, limit: int, hint: Any, required_message: Any, **kwargs: Any) -> Any:
    """A textarea with its limit said in the hint and in the error, which gives the count."""
    return forms.CharField(
        label=label,
        max_length=limit,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": kwargs.pop("rows", 5)}),
        error_messages={
            "required": required_message,
            "max_length": _(
                "This must be %(limit_value)s characters or fewer: it has %(show_value)s. "
                "Shorten it, or share the detail another way."
            ),
        },
        **kwargs,
    )


class ProposalForm(GovukForm):
    title = forms.CharField(
        label=_("What are you proposing?"),
        max_length=TITLE_LIMIT,
        help_text=_("In a sentence, for example: Use the revised discharge checklist on two wards"),
        error_messages={
            "required": _("Enter what you are proposing"),
            "max_length": _(
                "The proposal must be %(limit_value)s characters or fewer: it has %(show_value)s. "
                "Put the detail in the background."
            ),
        },
    )
    background = text_field(
        _("Background"),
        TEXT_LIMIT,
        _("Why this is being proposed and what led to it. Up to 5,000 characters."),
        _("Enter the background, so everyone can understand the proposal"),
    )
    options = text_field(
        _("Options"),
        TEXT_LIMIT,
        _(
            "What the group is choosing between, including what happens if it does not "
            "agree. Up to 5,000 characters."
        ),
        _("Enter the options, including what happens if the group does not agree"),
    )
    date = DateField(
        past_only=False,
        label=_("Deadline date"),
        required=False,
        help_text=_("Positions can be given until then. For example, 27 3 2027"),
    )
    time = forms.CharField(
        label=_("Deadline time"),
        required=False,
        max_length=20,
        help_text=_("For example, 5pm or 17:00"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": False}),
    )
    hide_positions_until_deadline = forms.BooleanField(
        label=_("Hide positions from the group until the deadline"),
        required=False,
        help_text=_("So early answers do not sway later ones. Staff still see them."),
    )
    allow_anonymous_positions = forms.BooleanField(
        label=_("Let members keep their name from the group"),
        required=False,
        help_text=_("Their position and comment are shown without their name. Staff see it."),
    )
    short_notice_reason = text_field(
        _("Reason for short notice (if any)"),
        COMMENT_LIMIT,
        _(
            "If the deadline gives anyone less notice than they need, say why. Short notice "
            "is reported. Up to 2,000 characters."
        ),
        "",
        required=False,
        rows=3,
    )

    def __init__(
        self,
        *args: Any,
        notice_for: Callable[[datetime.datetime], times.Notice],
        **kwargs: Any,
    ) -> None:
        """`notice_for` gives the notice a deadline gives the group, against their needs."""
        super().__init__(*args, **kwargs)
        bilingual.add_welsh_twins(self, *Proposal.TRANSLATED)
        self.notice_for = notice_for
        self.notice: times.Notice | None = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["deadline"] = self.clean_deadline(cleaned)
        if cleaned["deadline"] is not None:
            self.notice = self.notice_for(cleaned["deadline"])
            reason = cleaned.get("short_notice_reason", "")
            problem = rules.short_notice_problem(self.notice.short, reason)
            if problem is not None and "short_notice_reason" not in self.errors:
                self.add_error("short_notice_reason", problem)
        return cleaned

    def clean_deadline(self, cleaned: dict[str, Any]) -> datetime.datetime | None:
        day, typed = cleaned.get("date"), cleaned.get("time", "")
        if "date" in self.errors:
            return None
        if day is None:
            self.add_error("date", _("Enter the deadline date"))
            return None
        if not typed:
            self.add_error("time", _("Enter the deadline time, like 5pm or 17:00"))
            return None
        time = times.parse_time(typed)
        if time is None:
            self.add_error("time", _("Enter a real time, like 10:30am, 5pm or 17:00"))
            return None
        deadline = times.london_datetime(day, time)
        if deadline is None:
            self.add_error(
                "time", _("That time does not exist on that day because the clocks go forward")
            )
            return None
        problem = rules.deadline_problem(deadline, timezone.now())
        if problem is not None:
            self.add_error("date", problem)
            return None
        return deadline

    def draft(self) -> actions.Draft:
        data = self.cleaned_data
        return actions.Draft(
            title=data["title"],
            background=data["background"],
            options=data["options"],
            deadline=data["deadline"],
            hide_positions_until_deadline=data["hide_positions_until_deadline"],
            allow_anonymous_positions=data["allow_anonymous_positions"],
            short_notice_reason=data.get("short_notice_reason", ""),
            welsh=tuple(bilingual.twin_data(data, *Proposal.TRANSLATED).items()),
        )


def stance_field() -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=_("What is your position?"),
        choices=Stance.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select your position"),
            "invalid_choice": _("Select one of the positions shown"),
        },
    )
    field.item_hints = STANCE_HINTS  # type: ignore[attr-defined]
    return field


class PositionForm(GovukForm):
    """A member's own position, online."""

    block_message: Any = BLOCK_NEEDS_COMMENT

    stance = stance_field()
    comment = text_field(
        _("Comment"),
        COMMENT_LIMIT,
        _("Needed if you block. Up to 2,000 characters."),
        "",
        required=False,
        rows=4,
    )
    anonymous_to_group = forms.BooleanField(
        label=_("Keep my name from the group"),
        required=False,
        help_text=_("The group sees your position and comment without your name. Staff see it."),
    )

    def __init__(
        self, *args: Any, allow_anonymous: bool, withdrawing: bool = False, **kwargs: Any
    ) -> None:
        """`withdrawing`: after the deadline, a block can only be changed to another
        position (withdrawn)."""
        super().__init__(*args, **kwargs)
        if not allow_anonymous:
            del self.fields["anonymous_to_group"]
        if withdrawing:
            stance = self.fields["stance"]
            stance.choices = [c for c in Stance.choices if c[0] != Stance.BLOCK]  # type: ignore[attr-defined]
            stance.label = _("What is your position now?")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("stance") == Stance.BLOCK
            and not cleaned.get("comment")
            and ("comment" not in self.errors)
        ):
            self.add_error("comment", self.block_message)
        return cleaned

    def channel(self) -> PositionChannel:
        return PositionChannel.ONLINE

    def given(self) -> actions.Given:
        data = self.cleaned_data
        return actions.Given(
            stance=Stance(data["stance"]),
            comment=data["comment"],
            channel=self.channel(),
            anonymous_to_group=bool(data.get("anonymous_to_group")),
        )


class RecordPositionForm(PositionForm):
    """Staff recording a member's position given by phone, in writing or in the meeting."""

    block_message = _("Write down why they are blocking the proposal")

    person = forms.ChoiceField(
        label=_("Whose position is it?"),
        error_messages={
            "required": _("Select the member whose position it is"),
            "invalid_choice": _("Select a member of the group"),
        },
    )
    channel_given = forms.ChoiceField(
        label=_("How did they give it?"),
        choices=STAFF_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how they gave their position")},
    )

    def __init__(
        self,
        *args: Any,
        members: Sequence[tuple[int, str]],
        withdrawing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, withdrawing=withdrawing, **kwargs)
        self.fields["person"].choices = [("", _("Choose a member")), *members]  # type: ignore[attr-defined]
        self.fields["stance"].label = (
            _("What is their position now?") if withdrawing else _("What is their position?")
        )
        self.fields["comment"].help_text = _(
            "In their words where you can. Needed if they block. Up to 2,000 characters."
        )
        if "anonymous_to_group" in self.fields:
            self.fields["anonymous_to_group"].label = _(
                "They asked to keep their name from the group"
            )
            self.fields["anonymous_to_group"].help_text = ""
        self.order_fields(["person", "stance", "comment", "channel_given", "anonymous_to_group"])

    def channel(self) -> PositionChannel:
        return PositionChannel(self.cleaned_data["channel_given"])


class OutcomeForm(GovukForm):
    outcome = forms.ChoiceField(
        label=_("What did the group decide?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what the group decided")},
    )
    statement = text_field(
        _("Outcome statement"),
        STATEMENT_LIMIT,
        _(
            "How the decision was reached and how every view was heard, including who did "
            "not respond. It starts with a summary of every position: keep it, and add to "
            "it. Up to 20,000 characters."
        ),
        _("Write the outcome statement, showing how every view was heard"),
        rows=14,
    )
    block_reason = text_field(
        _("Why did the group accept going ahead despite the block?"),
        COMMENT_LIMIT,
        _(
            "Needed to record that the group agreed while a block stands that its decision "
            "rule does not allow. It is shown with the outcome. Up to 2,000 characters."
        ),
        "",
        required=False,
        rows=4,
    )

    def __init__(
        self, *args: Any, problem_for: Callable[[str, str], str | None], **kwargs: Any
    ) -> None:
        """`problem_for(outcome, block_reason)` says why an outcome cannot be recorded
        under the group's decision rule (see rules.outcome_problem)."""
        super().__init__(*args, **kwargs)
        self.problem_for = problem_for

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        outcome = cleaned.get("outcome")
        if outcome and "block_reason" not in self.errors:
            problem = self.problem_for(outcome, cleaned.get("block_reason", ""))
            if problem is not None:
                self.add_error("block_reason", problem)
        return cleaned


class RuleForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("How does the group decide?"),
        choices=RuleKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the group decides")},
    )
    vote_after_rounds = forms.IntegerField(
        label=_("From which round of a proposal may a vote settle it?"),
        help_text=_(
            "Only for consensus with a vote as a fallback. The first proposal is round 1; "
            "each revision is one more. From 1 to 10."
        ),
        required=False,
        min_value=1,
        max_value=MOST_ROUNDS,
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-2", "inputmode": "numeric", "spellcheck": False}
        ),
        error_messages={
            "invalid": _("Enter the round as a number, like 2"),
            "min_value": _("The round must be 1 or more"),
            "max_value": _("The round must be 10 or fewer"),
        },
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("kind") == RuleKind.FALLBACK_VOTE
            and cleaned.get("vote_after_rounds") is None
            and "vote_after_rounds" not in self.errors
        ):
            self.add_error(
                "vote_after_rounds", _("Enter the round from which a vote may settle a proposal")
            )
        return cleaned

    def rounds(self, current: int) -> int:
        """The round chosen, or `current` when the rule has no vote."""
        value = self.cleaned_data.get("vote_after_rounds")
        return int(value) if value is not None else current
