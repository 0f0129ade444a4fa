"""Forms for projects. Each error message says what to do next."""

import datetime
from collections.abc import Collection, Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coproduce.lib import bilingual
from coproduce.lib.govuk_forms import DateField, GovukForm
from coproduce.projects import rules
from coproduce.projects.models import BudgetKind, GroupRole, Project, Stage

NO_PARTNERSHIP = "none"


class PoundsField(forms.DecimalField):
    """Pounds and pence as typed ("£1,250.50" is fine); checked by rules.amount_problem."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().removeprefix("£").replace(",", "").strip()
        return super().to_python(value)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and (problem := rules.amount_problem(value)):
            raise ValidationError(problem, code="amount")


class ProjectForm(GovukForm):
    title = forms.CharField(
        label=_("Project name"),
        max_length=200,
        error_messages={"required": _("Enter the project name")},
    )
    aims = forms.CharField(
        label=_("Aims"),
        help_text=_("What the project wants to change for carers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the project's aims")},
    )
    scope = forms.CharField(
        label=_("Scope (optional)"),
        help_text=_("What is in and out of the project, and what the group can influence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    coordinator = forms.TypedChoiceField(
        label=_("Coordinator"),
        help_text=_("The named member of staff accountable to the group"),
        coerce=int,
        error_messages={
            "required": _("Choose the project's coordinator"),
            "invalid_choice": _("Choose the project's coordinator from the list"),
        },
    )
    starts_on = DateField(
        past_only=False,
        label=_("Start date"),
        help_text=_("For example, 1 9 2027"),
        error_messages={"required": _("Enter the start date")},
    )
    ends_on = DateField(
        past_only=False,
        label=_("End date (optional)"),
        help_text=_("For example, 31 3 2028"),
        required=False,
    )
    partnership = forms.ChoiceField(
        label=_("Is the project co-owned by a partnership?"),
        help_text=_("Staff of every organisation in the partnership can see and run it"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether a partnership co-owns the project")},
    )
    stage = forms.ChoiceField(
        label=_("Which stage is the project starting at?"),
        choices=Stage.choices,
        initial=Stage.FUNDING,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the stage the project is starting at")},
    )

    def __init__(
        self,
        *args: Any,
        coordinators: list[tuple[int, str]],
        partnerships: list[tuple[int, str]],
        creating: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        bilingual.add_welsh_twins(self, *Project.TRANSLATED)
        coordinator = self.fields["coordinator"]
        assert isinstance(coordinator, forms.ChoiceField)
        coordinator.choices = [("", _("Choose a coordinator")), *coordinators]
        partnership = self.fields["partnership"]
        assert isinstance(partnership, forms.ChoiceField)
        partnership.choices = [
            (NO_PARTNERSHIP, _("No, only our organisation")),
            *[(str(pk), name) for pk, name in partnerships],
        ]
        if not partnerships:
            del self.fields["partnership"]
        if not creating:
            del self.fields["stage"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts_on: datetime.date | None = cleaned.get("starts_on")
        if starts_on and (problem := rules.dates_problem(starts_on, cleaned.get("ends_on"))):
            self.add_error("ends_on", problem)
        return cleaned

    def partnership_pk(self) -> int | None:
        value = self.cleaned_data.get("partnership", NO_PARTNERSHIP)
        return None if value == NO_PARTNERSHIP else int(value)


class StageForm(GovukForm):
    stage = forms.ChoiceField(
        label=_("Which stage is the project moving to?"),
        choices=Stage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the stage the project is moving to")},
    )
    note = forms.CharField(
        label=_("Note"),
        help_text=_("Why it is moving, for the stage history. Needed when going back a stage."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    carers_absent_reason = forms.CharField(
        label=_("Why is the project moving on without carers?"),
        help_text=_(
            "Needed when moving forwards. It is kept in the stage history and counts against "
            "the level of co-production the project reaches. Up to 1,000 characters."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        current: str,
        evidence: Mapping[str, Collection[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        """`evidence` (stages in which carers took part, by kind) asks for a reason when
        the project moves on from a stage carers took no part in."""
        self.current = current
        self.evidence = evidence or {}
        super().__init__(*args, **kwargs)
        self.carers_absent = not rules.carers_took_part_in(current, self.evidence)
        if not self.carers_absent:
            del self.fields["carers_absent_reason"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        stage = cleaned.get("stage")
        if "note" in self.errors:  # a note too long to keep: its own error says so
            return cleaned
        if stage and (problem := rules.stage_move_problem(self.current, stage, cleaned["note"])):
            field = "stage" if stage == self.current else "note"
            self.add_error(field, problem)
        elif (
            stage
            and rules.moves_on_without_carers(self.current, stage, self.evidence)
            and not cleaned.get("carers_absent_reason", "").strip()
            and "carers_absent_reason" not in self.errors
        ):
            self.add_error("carers_absent_reason", rules.carers_absent_problem(self.current))
        return cleaned

    def reason(self) -> str:
        return str(self.cleaned_data.get("carers_absent_reason", ""))


class BudgetLineForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("What kind of cost is it?"),
        choices=BudgetKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the kind of cost")},
    )
    description = forms.CharField(
        label=_("Description (optional)"),
        max_length=200,
        required=False,
    )
    amount = PoundsField(
        label=_("Amount, in pounds"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={
            "required": _("Enter the amount in pounds and pence, like 120.50"),
            "invalid": _("Enter the amount in pounds and pence, like 120.50"),
        },
    )


class MilestoneForm(GovukForm):
    title = forms.CharField(
        label=_("Milestone"),
        max_length=200,
        error_messages={"required": _("Enter the milestone")},
    )
    due_on = DateField(
        past_only=False,
        label=_("Due date"),
        help_text=_("For example, 30 11 2027"),
        error_messages={"required": _("Enter the date the milestone is due")},
    )


class MemberForm(GovukForm):
    person = forms.TypedChoiceField(
        label=_("Who is joining the group?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the person joining the group"),
            "invalid_choice": _("Select the person joining the group"),
        },
    )
    role = forms.ChoiceField(
        label=_("Their role in the group"),
        choices=GroupRole.choices,
        initial=GroupRole.CARER,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select their role in the group")},
    )
    joined_on = DateField(
        past_only=False,
        label=_("Date they joined"),
        help_text=_("For example, 15 9 2027"),
        error_messages={"required": _("Enter the date they joined")},
    )

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ChoiceField)
        person.choices = candidates


class LeavingForm(GovukForm):
    left_on = DateField(
        past_only=False,
        label=_("Date they left the group"),
        help_text=_("For example, 31 1 2028"),
        error_messages={"required": _("Enter the date they left the group")},
    )

    def __init__(self, *args: Any, joined_on: datetime.date, **kwargs: Any) -> None:
        self.joined_on = joined_on
        super().__init__(*args, **kwargs)

    def clean_left_on(self) -> datetime.date:
        left_on: datetime.date = self.cleaned_data["left_on"]
        if left_on < self.joined_on:
            raise ValidationError(
                _("The date they left must be the same as or after the date they joined")
            )
        return left_on
