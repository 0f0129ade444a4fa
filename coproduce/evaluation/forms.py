"""Forms for the evaluation plan. Each error says what to do next."""

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from coproduce.activities import rules as times
from coproduce.decisions import rules as decision_rules
from coproduce.evaluation.models import (
    COMMENT_LIMIT,
    EASY_READ_LIMIT,
    QUESTION_LIMIT,
    REVIEW_SECTION_LIMIT,
    Agreement,
    AskWhen,
    Method,
)
from coproduce.evaluation.rules import REVIEW_SECTIONS
from coproduce.lib.govuk_forms import DateField, GovukForm, govuk_defaults

END_OF_DELIVERY = "end"
# The group's deadline is at 5pm on the day chosen.
DEADLINE_TIME = datetime.time(17, 0)


class QuestionForm(GovukForm):
    text = forms.CharField(
        label=_("What question should the project answer about itself?"),
        help_text=_("For example: Did the new checklist make leaving hospital easier for carers?"),
        max_length=QUESTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Enter the question"),
            "max_length": _("The question must be 500 characters or fewer"),
        },
    )
    text_cy = forms.CharField(
        label=_("The question in Welsh (optional)"),
        required=False,
        max_length=QUESTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "cy"}),
        error_messages={"max_length": _("The Welsh question must be 500 characters or fewer")},
    )
    method = forms.ChoiceField(
        label=_("How should answers be gathered?"),
        choices=Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how answers should be gathered")},
    )
    ask_when = forms.ChoiceField(
        label=_("When should it be asked?"),
        choices=AskWhen.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select when the question should be asked")},
    )


class PutToGroupForm(GovukForm):
    deadline = DateField(
        label=_("By when should members give their position?"),
        help_text=_(
            "Positions can be given until 5pm that day. Members need two to three weeks' notice."
        ),
        past_only=False,
        error_messages={"required": _("Enter the date by which members give their position")},
    )
    short_notice_reason = forms.CharField(
        label=_("Reason for short notice (if any)"),
        help_text=_(
            "If the deadline gives anyone less notice than they need, say why. Short notice "
            "is reported. Up to 2,000 characters."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        notice_for: Callable[[datetime.datetime], times.Notice],
        **kwargs: Any,
    ) -> None:
        """`notice_for` gives the notice a deadline gives the group, against their needs
        (the same rule as any other proposal's deadline)."""
        super().__init__(*args, **kwargs)
        self.notice_for = notice_for

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        day = cleaned.get("deadline")
        if isinstance(day, datetime.date):
            moment = times.london_datetime(day, DEADLINE_TIME)
            problem = (
                decision_rules.deadline_problem(moment, timezone.now())
                if moment is not None
                else None
            )
            if problem is not None:
                self.add_error("deadline", problem)
            elif moment is not None:
                cleaned["deadline_at"] = moment
                notice = self.notice_for(moment)
                reason = cleaned.get("short_notice_reason", "").strip()
                short = decision_rules.short_notice_problem(notice.short, reason)
                if short is not None and "short_notice_reason" not in self.errors:
                    self.add_error("short_notice_reason", short)
        return cleaned


class AskForm(GovukForm):
    point = forms.ChoiceField(
        label=_("When are you asking the agreed questions?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the activity the questions are about, or the end of Delivery")
        },
    )

    def __init__(
        self, *args: Any, activities: Sequence[tuple[int, str]], end_asked: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (str(pk), _("After %(activity)s") % {"activity": title}) for pk, title in activities
        ]
        if not end_asked:
            choices.append((END_OF_DELIVERY, str(AskWhen.END_OF_DELIVERY.label)))
        point = self.fields["point"]
        assert isinstance(point, forms.ChoiceField)
        point.choices = choices

    def activity_pk(self) -> int | None:
        point = self.cleaned_data["point"]
        return None if point == END_OF_DELIVERY else int(point)


# --- The final review ------------------------------------------------------------------------

HINTS = {
    "outcomes": _("What the project achieved against each of its aims, and what it did not."),
    "changed_for_carers": _("What is different for carers now, because of the project."),
    "learnt_by_carers": _("What the carers in the group say they learnt."),
    "learnt_by_professionals": _("What the professionals and staff learnt."),
    "recommendations": _("What the group recommends, and to whom."),
    "costs_note": _(
        "The budget and what was paid are shown with the review, from the payments. "
        "Say anything they need explaining."
    ),
    "next_time": _("What the group would do differently next time."),
}


def _section(
    label: StrOrPromise, hint: StrOrPromise, required: bool, welsh: bool
) -> forms.CharField:
    attrs = {"rows": 6, **({"lang": "cy"} if welsh else {})}
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=REVIEW_SECTION_LIMIT,
        widget=forms.Textarea(attrs=attrs),
    )


class ReviewForm(GovukForm):
    """Each section of the review in English, and in Welsh where written. Do not quote
    anyone or name a carer: the review is public once published."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in REVIEW_SECTIONS:
            required = name == "outcomes"
            self.fields[name] = _section(label, HINTS[name], required, welsh=False)
            self.fields[f"{name}_cy"] = _section(
                _("%(section)s, in Welsh (optional)") % {"section": label}, "", False, welsh=True
            )
        self.fields["outcomes"].error_messages["required"] = _(
            "Enter the outcomes against the project's aims"
        )
        self.fields["easy_read"] = forms.CharField(
            label=_("Easy-read summary"),
            help_text=_(
                "A few short sentences in plain words, one idea a line. Up to 3,000 characters."
            ),
            required=False,
            max_length=EASY_READ_LIMIT,
            widget=forms.Textarea(attrs={"rows": 5}),
        )
        self.fields["easy_read_cy"] = forms.CharField(
            label=_("Easy-read summary in Welsh (optional)"),
            required=False,
            max_length=EASY_READ_LIMIT,
            widget=forms.Textarea(attrs={"rows": 5, "lang": "cy"}),
        )
        for field in self.fields.values():
            govuk_defaults(field)


class ReviewCommentForm(GovukForm):
    agreement = forms.ChoiceField(
        label=_("Do you agree with this draft of the review?"),
        choices=Agreement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether you agree with this draft")},
    )
    text = forms.CharField(
        label=_("Your comment (optional)"),
        help_text=_(
            "What to change, add or take out. Only staff see your comment; the review never "
            "quotes or names you. Up to 2,000 characters."
        ),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
