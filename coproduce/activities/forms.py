"""Forms for activities. Each error message says what to do next."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coproduce.activities import rules
from coproduce.activities.models import (
    Activity,
    ActivityKind,
    Format,
    Invitation,
    LeadRole,
    OtherWay,
)
from coproduce.lib import bilingual
from coproduce.lib.govuk_forms import DateField, GovukForm, GovukModelForm
from coproduce.people.models import Person

NoticeFor = Callable[[datetime.datetime], rules.Notice]

YES_NO_UNKNOWN = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Not known"))]
ANSWER_VALUES = {"yes": True, "no": False, "unknown": None}
VENUE_FORMATS = {Format.IN_PERSON, Format.HYBRID}
ONLINE_FORMATS = {Format.ONLINE, Format.HYBRID}
ACCESS_FIELDS = {
    "step_free": _("step-free access"),
    "hearing_loop": _("a hearing loop"),
    "parking": _("parking"),
    "accessible_toilet": _("an accessible toilet"),
    "quiet_room": _("a quiet room"),
}


def answer_value(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "unknown"}[value]


def access_question(label: Any) -> forms.ChoiceField:
    """A yes / no / not known question about the venue's access."""
    return forms.ChoiceField(
        label=label, choices=YES_NO_UNKNOWN, widget=forms.RadioSelect, required=False
    )


def notice_warning(notice: rules.Notice) -> str:
    """Who needs more notice than this time gives, and how much, in a sentence or two."""
    parts = [
        ngettext(
            "This gives %(given)s day's notice.", "This gives %(given)s days' notice.", notice.given
        )
        % {"given": notice.given}
    ]
    if notice.policy_short:
        parts.append(
            ngettext(
                "Your organisation promises at least %(days)s day's notice.",
                "Your organisation promises at least %(days)s days' notice.",
                notice.policy_days,
            )
            % {"days": notice.policy_days}
        )
    for person in notice.needs_more:
        parts.append(
            ngettext(
                "%(name)s needs %(days)s day's notice.",
                "%(name)s needs %(days)s days' notice.",
                person.days,
            )
            % {"name": person.name, "days": person.days}
        )
    return " ".join(parts)


class WhenForm(GovukForm):
    """A date and a time in the future, read as London time."""

    date = DateField(
        past_only=False, label=_("Date"), required=False, help_text=_("For example, 27 3 2027")
    )
    time = forms.CharField(
        label=_("Start time"),
        required=False,
        max_length=20,
        help_text=_("For example, 10:30am or 2pm"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": False}),
    )
    reason = forms.CharField(
        label=_("Reason for short notice (if any)"),
        required=False,
        max_length=2000,
        help_text=_(
            "If this gives anyone less notice than they need, say why. Short notice is reported."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, notice_for: NoticeFor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notice_for = notice_for
        self.notice: rules.Notice | None = None

    def needs_when(self) -> bool:
        return True

    def duration(self, cleaned: dict[str, Any]) -> int | None:
        return None

    def clean_starts_at(self, cleaned: dict[str, Any]) -> datetime.datetime | None:
        day, typed_time = cleaned.get("date"), cleaned.get("time", "")
        if "date" in self.errors:
            return None
        if day is None:
            self.add_error("date", _("Enter the date"))
            return None
        if not typed_time:
            self.add_error("time", _("Enter the start time, like 10:30am or 2pm"))
            return None
        time = rules.parse_time(typed_time)
        if time is None:
            self.add_error("time", _("Enter a real time, like 10:30am, 2pm or 14:00"))
            return None
        now = timezone.now()
        if day < rules.local_date(now):
            self.add_error("date", _("The date must be today or in the future"))
            return None
        starts_at = rules.london_datetime(day, time)
        if starts_at is None:
            self.add_error(
                "time", _("That time does not exist on that day because the clocks go forward")
            )
            return None
        if starts_at <= now:
            self.add_error("time", _("The start time must be in the future"))
            return None
        duration = self.duration(cleaned)
        if duration is not None and not rules.ends_by_midnight(starts_at, duration):
            self.add_error(
                "time", _("The activity must finish by midnight: choose an earlier start time")
            )
            return None
        return starts_at

    def check_notice(self, starts_at: datetime.datetime, cleaned: dict[str, Any]) -> None:
        self.notice = self.notice_for(starts_at)
        if self.notice.short and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", _("Give a reason for the short notice, or choose a later date")
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.needs_when():
            starts_at = self.clean_starts_at(cleaned)
            cleaned["starts_at"] = starts_at
            if starts_at is not None:
                self.check_notice(starts_at, cleaned)
        return cleaned


class PlanForm(WhenForm):
    kind = forms.ChoiceField(
        label=_("What kind of activity is it?"),
        choices=ActivityKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what kind of activity it is")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={
            "required": _("Enter a title"),
            "max_length": _("The title must be 200 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("What is it for?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tell people what you will do together and what difference it will make."),
    )
    format = forms.ChoiceField(
        label=_("How will people take part?"),
        choices=Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how people will take part")},
    )
    when = forms.ChoiceField(
        label=_("Do you know when it will be?"),
        choices=[
            ("now", _("Yes, set the date and time now")),
            ("later", _("No, find a time that suits the group")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether you know when it will be")},
    )
    duration_minutes = forms.IntegerField(
        label=_("How long will it last, in minutes?"),
        initial=120,
        min_value=15,
        max_value=720,
        error_messages={
            "required": _("Enter how long it will last in minutes, like 90"),
            "invalid": _("Enter the length in minutes as a whole number, like 90"),
            "min_value": _("It must last at least 15 minutes"),
            "max_value": _("It must last 720 minutes (12 hours) or less"),
        },
    )
    venue_name = forms.CharField(label=_("Venue"), required=False, max_length=200)
    venue_address = forms.CharField(
        label=_("Venue address"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    step_free = access_question(_("Is there step-free access?"))
    hearing_loop = access_question(_("Is there a hearing loop?"))
    parking = access_question(_("Is there parking?"))
    accessible_toilet = access_question(_("Is there an accessible toilet?"))
    quiet_room = access_question(_("Is there a quiet room?"))
    access_notes = forms.CharField(
        label=_("More about access (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, where the step-free entrance is, or the nearest bus stop."),
    )
    joining_details = forms.CharField(
        label=_("How to join online"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The video call link, any meeting code, and a phone number to dial in."),
    )
    refreshments = forms.ChoiceField(
        label=_("Will there be refreshments?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        initial="yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if there will be refreshments")},
    )
    me_time = forms.CharField(
        label=_("'Me time' offered (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example, a massage or lunch afterwards: time for carers themselves."),
    )
    support = forms.MultipleChoiceField(
        label=_("Support offered"),
        choices=[("pre_brief", _("A pre-brief beforehand")), ("de_brief", _("A de-brief after"))],
        initial=["pre_brief", "de_brief"],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_ways = forms.MultipleChoiceField(
        label=_("Other ways to take part for people who cannot come"),
        choices=OtherWay.choices,
        initial=[w.value for w in OtherWay],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one other way to take part")},
    )
    capacity = forms.IntegerField(
        label=_("Places (optional)"),
        required=False,
        min_value=1,
        max_value=10000,
        help_text=_("Leave empty if there is no limit. Once full, people join a waiting list."),
        error_messages={
            "invalid": _("Enter the number of places as a whole number, like 12"),
            "min_value": _("There must be at least 1 place, or leave it empty"),
            "max_value": _("Enter 10000 places or fewer"),
        },
    )
    reminder_days = forms.CharField(
        label=_("Send reminders this many days before"),
        initial="7, 1",
        required=False,
        max_length=50,
        help_text=_("Separate the days with commas, like 7, 1. Leave empty for no reminders."),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )

    LEAD_CHOICES = [("", _("Not leading")), *LeadRole.choices]

    def __init__(
        self, *args: Any, lead_candidates: Sequence[tuple[Person, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        bilingual.add_welsh_twins(self, *Activity.TRANSLATED)
        self.lead_names = []
        for person, role in lead_candidates:
            name = f"lead_{person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=f"{person.full_name} ({role})", choices=self.LEAD_CHOICES, required=False
            )
            self.lead_names.append(name)

    def lead_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.lead_names]

    def needs_when(self) -> bool:
        return self.data.get("when") == "now"

    def duration(self, cleaned: dict[str, Any]) -> int | None:
        value = cleaned.get("duration_minutes")
        return value if isinstance(value, int) else None

    def clean_reminder_days(self) -> list[int]:
        days = rules.parse_reminder_days(self.cleaned_data.get("reminder_days", ""))
        if days is None:
            raise forms.ValidationError(
                _("Enter whole numbers of days from 0 to 60, separated by commas, like 7, 1")
            )
        return days

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        format_ = cleaned.get("format")
        if format_ in VENUE_FORMATS:
            self.clean_venue(cleaned)
        if format_ in ONLINE_FORMATS and not cleaned.get("joining_details", "").strip():
            self.add_error(
                "joining_details",
                _("Enter how people join online, such as the video call link"),
            )
        return cleaned

    def clean_venue(self, cleaned: dict[str, Any]) -> None:
        if not cleaned.get("venue_name", "").strip():
            self.add_error("venue_name", _("Enter the name of the venue"))
        if not cleaned.get("venue_address", "").strip():
            self.add_error("venue_address", _("Enter the venue's address"))
        unanswered = [name for name in ACCESS_FIELDS if not cleaned.get(name)]
        for name in unanswered:
            self.add_error(
                name,
                _("Select whether the venue has %(feature)s, or 'Not known'")
                % {"feature": ACCESS_FIELDS[name]},
            )
        all_unknown = all(cleaned.get(name) == "unknown" for name in ACCESS_FIELDS)
        if not unanswered and all_unknown and not cleaned.get("access_notes", "").strip():
            self.add_error(
                "access_notes",
                _(
                    "Tell us about access at the venue: answer at least one question with yes or no, or describe access here"
                ),
            )

    def details(self) -> dict[str, Any]:
        """The activity's fields from a valid form; venue and joining details only where used."""
        data = self.cleaned_data
        format_ = data["format"]
        venue = format_ in VENUE_FORMATS
        details: dict[str, Any] = {
            "kind": data["kind"],
            "title": data["title"].strip(),
            "description": data["description"].strip(),
            **bilingual.twin_data(data, *Activity.TRANSLATED),
            "format": format_,
            "duration_minutes": data["duration_minutes"],
            "venue_name": data["venue_name"].strip() if venue else "",
            "venue_address": data["venue_address"].strip() if venue else "",
            "access_notes": data["access_notes"].strip() if venue else "",
            "joining_details": data["joining_details"].strip() if format_ in ONLINE_FORMATS else "",
            "refreshments": data["refreshments"] == "yes",
            "me_time": data["me_time"].strip(),
            "pre_brief_offered": "pre_brief" in data["support"],
            "de_brief_offered": "de_brief" in data["support"],
            "other_ways": list(data["other_ways"]),
            "capacity": data["capacity"],
            "reminder_days": data["reminder_days"],
        }
        for name in ACCESS_FIELDS:
            details[name] = ANSWER_VALUES.get(data.get(name) or "unknown") if venue else None
        return details

    def leads(self) -> dict[int, str]:
        return {
            int(name.removeprefix("lead_")): self.cleaned_data[name]
            for name in self.lead_names
            if self.cleaned_data.get(name)
        }


class MoveForm(WhenForm):
    date = DateField(
        past_only=False, label=_("New date"), required=False, help_text=_("For example, 27 3 2027")
    )
    time = forms.CharField(
        label=_("New start time"),
        required=False,
        max_length=20,
        help_text=_("For example, 10:30am or 2pm"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": False}),
    )

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.activity = activity

    def duration(self, cleaned: dict[str, Any]) -> int | None:
        return self.activity.duration_minutes

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("starts_at") and cleaned["starts_at"] == self.activity.starts_at:
            self.add_error("date", _("Enter a different date or time from the current one"))
        return cleaned


class CostsForm(GovukForm):
    """Costs each invitee had already incurred, such as replacement care booked."""

    def __init__(self, *args: Any, invitations: Iterable[Invitation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[tuple[Invitation, str, str]] = []
        for invitation in invitations:
            cost, note = f"cost_{invitation.pk}", f"cost_note_{invitation.pk}"
            name = invitation.person.full_name
            self.fields[cost] = forms.CharField(
                label=_("Costs already incurred by %(name)s, in pounds") % {"name": name},
                required=False,
                max_length=12,
                initial=f"{invitation.cancellation_cost:.2f}",
                widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
            )
            self.fields[note] = forms.CharField(
                label=_("What the costs were for"),
                required=False,
                max_length=500,
                initial=invitation.cancellation_cost_note,
                help_text=_("For example, replacement care booked, or a train ticket."),
            )
            self.rows.append((invitation, cost, note))

    def row_fields(self) -> list[tuple[Invitation, forms.BoundField, forms.BoundField]]:
        return [(inv, self[cost], self[note]) for inv, cost, note in self.rows]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for _invitation, cost, note in self.rows:
            amount = rules.parse_money(cleaned.get(cost, ""))
            if amount is None:
                self.add_error(cost, _("Enter an amount of money of 0 or more, like 25.50"))
            else:
                cleaned[cost] = amount
                if amount and not cleaned.get(note, "").strip():
                    self.add_error(note, _("Say what the costs were for"))
        return cleaned

    def costs(self) -> dict[int, tuple[Decimal, str]]:
        return {
            inv.pk: (self.cleaned_data[cost], self.cleaned_data[note])
            for inv, cost, note in self.rows
        }


class CancelForm(CostsForm):
    reason = forms.CharField(
        label=_("Why is it cancelled?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The group will see this. Cancellations are reported."),
        error_messages={"required": _("Enter why the activity is cancelled")},
    )

    field_order = ["reason"]


class NotesForm(GovukModelForm[Activity]):
    class Meta:
        model = Activity
        fields = ["agenda", "notes"]
        labels = {"agenda": _("Agenda"), "notes": _("Notes or minutes")}
        widgets = {
            "agenda": forms.Textarea(attrs={"rows": 8}),
            "notes": forms.Textarea(attrs={"rows": 12}),
        }


class ProposeTimesForm(GovukForm):
    """Up to three times at once; propose more by coming back."""

    ROWS = 3

    def __init__(self, *args: Any, duration_minutes: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duration_minutes = duration_minutes
        for n in range(1, self.ROWS + 1):
            self.fields[f"date_{n}"] = DateField(
                past_only=False,
                label=_("Date %(n)s") % {"n": n},
                required=False,
                help_text=_("For example, 27 3 2027"),
            )
            self.fields[f"time_{n}"] = forms.CharField(
                label=_("Start time %(n)s") % {"n": n},
                required=False,
                max_length=20,
                help_text=_("For example, 10:30am or 2pm"),
                widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
            )

    def pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"date_{n}"], self[f"time_{n}"]) for n in range(1, self.ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        now = timezone.now()
        times: list[datetime.datetime] = []
        for n in range(1, self.ROWS + 1):
            day, typed = cleaned.get(f"date_{n}"), cleaned.get(f"time_{n}", "")
            if f"date_{n}" in self.errors or (day is None and not typed):
                continue
            if day is None:
                self.add_error(f"date_{n}", _("Enter the date for this time"))
                continue
            time = rules.parse_time(typed) if typed else None
            if time is None:
                self.add_error(f"time_{n}", _("Enter a real time, like 10:30am, 2pm or 14:00"))
                continue
            starts_at = rules.london_datetime(day, time)
            if starts_at is None or starts_at <= now:
                self.add_error(f"date_{n}", _("The date and time must be in the future"))
                continue
            if not rules.ends_by_midnight(starts_at, self.duration_minutes):
                self.add_error(
                    f"time_{n}",
                    _("The activity must finish by midnight: choose an earlier start time"),
                )
                continue
            times.append(starts_at)
        if not times and not self.errors:
            self.add_error("date_1", _("Enter at least one date and time"))
        cleaned["times"] = times
        return cleaned


class AnswerTimesForm(GovukForm):
    """Which of the proposed times a member can make: yes or no for each."""

    def __init__(self, *args: Any, slots: Sequence[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for pk, label in slots:
            self.fields[f"slot_{pk}"] = forms.ChoiceField(
                label=label,
                choices=[("yes", _("Yes, I can make it")), ("no", _("No, I cannot"))],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Select whether you can make %(time)s") % {"time": label}
                },
            )

    def answers(self) -> dict[int, bool]:
        return {
            int(name.removeprefix("slot_")): value == "yes"
            for name, value in self.cleaned_data.items()
        }


class ChooseTimeForm(WhenForm):
    """Staff choose one of the proposed times; the notice check is the same as planning."""

    def __init__(
        self, *args: Any, slots: Sequence[tuple[int, str, datetime.datetime]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["date"]
        del self.fields["time"]
        self.fields["slot"] = forms.ChoiceField(
            label=_("Which time do you choose?"),
            choices=[(str(pk), label) for pk, label, _starts in slots],
            widget=forms.RadioSelect,
            error_messages={"required": _("Select a time")},
        )
        self.order_fields(["slot", "reason"])
        self.starts = {str(pk): starts_at for pk, _label, starts_at in slots}

    def needs_when(self) -> bool:
        return False

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        chosen = self.starts.get(cleaned.get("slot", ""))
        if chosen is not None:
            if chosen <= timezone.now():
                self.add_error("slot", _("That time has passed: propose a new one"))
            else:
                self.check_notice(chosen, cleaned)
        return cleaned
