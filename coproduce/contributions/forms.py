"""Forms for contributions. Each error message says what to do next; texts are limited
to MAX_TEXT_LENGTH characters and the hint says so before anyone types."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.activities.models import Activity
from coproduce.contributions import rules
from coproduce.contributions.models import (
    MAX_TEXT_LENGTH,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.lib.govuk_forms import DateField, GovukForm
from coproduce.lib.uploads import UploadField
from coproduce.people.models import Person
from coproduce.projects.models import Project

LIMIT_HINT = _("Up to 10,000 characters (about 4 pages).")
ANYONE = ""  # "not linked to anyone on file"

PRIVACY_HINTS = {
    Privacy.IDENTIFIABLE: _(
        "Your name is shown with what you said to the project group. If the project shares "
        "its You Said, We Did board publicly, your words may be quoted there, never your name."
    ),
    Privacy.ANONYMOUS_TO_GROUP: _(
        "The group sees what you said but not your name. Your words may be quoted on the "
        "public You Said, We Did board, never your name."
    ),
    Privacy.ANONYMOUS: _("We keep no link to you. We cannot tell you what happened to it."),
    Privacy.CONFIDENTIAL: _(
        "Only the coordinator reads it. Others see only that something was said in confidence."
    ),
}


def text_field(label: Any, required_message: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=LIMIT_HINT,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": required_message,
            "max_length": _(
                "What was said must be 10,000 characters or fewer. It is "
                "%(show_value)s: shorten it, or split it into two contributions."
            ),
        },
    )


def privacy_field(
    choices: Iterable[Privacy], label: Any, required_message: Any = None
) -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=label,
        choices=[(p.value, p.label) for p in choices],
        widget=forms.RadioSelect,
        error_messages={
            "required": required_message or _("Select who may know this came from you")
        },
    )
    field.item_hints = {p.value: PRIVACY_HINTS[p] for p in choices}  # type: ignore[attr-defined]
    return field


class GiveForm(GovukForm):
    """A carer giving their own view in writing (privacy first, then the words)."""

    privacy = privacy_field(
        [Privacy.IDENTIFIABLE, Privacy.ANONYMOUS_TO_GROUP, Privacy.CONFIDENTIAL],
        _("Before you tell us: who may know this came from you?"),
    )
    text = text_field(_("What would you like to tell us?"), _("Enter what you would like to say"))


class OpenDoorForm(GovukForm):
    """Open-door feedback from anyone, with or without an account: not linked to anyone."""

    text = text_field(
        _("What would you like to tell us?"), _("Enter what you would like to tell us")
    )


class RecordForm(GovukForm):
    """Staff recording what someone said through any channel, as they chose beforehand."""

    channel = forms.ChoiceField(
        label=_("How was it given?"),
        choices=ContributionChannel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how it was given")},
    )
    person = forms.ChoiceField(
        label=_("Who said it?"),
        help_text=_("Leave as “Not linked to anyone” for anonymous views."),
        required=False,
    )
    privacy = privacy_field(
        list(rules.PRIVACY_ORDER),
        _("What did they choose before they spoke?"),
        _("Select what they chose about who may know it came from them"),
    )
    activity = forms.ChoiceField(label=_("At or after which activity?"), required=False)
    given_on = DateField(
        label=_("When was it given?"),
        error_name=_("Date given"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date it was given")},
    )
    text = text_field(_("What did they say?"), _("Enter what they said"))
    attachment = UploadField(
        label=_("Attach a file (optional)"),
        help_text=_(
            "For example a photo of a letter: a PDF, JPG, PNG or Word (.docx) file, up to "
            "10 MB. If the page shows an error, choose the file again."
        ),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        people: Iterable[Person],
        activities: Iterable[Activity],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        person_field = self.fields["person"]
        assert isinstance(person_field, forms.ChoiceField)
        person_field.choices = [(ANYONE, _("Not linked to anyone"))] + [
            (str(p.pk), p.full_name) for p in people
        ]
        activity_field = self.fields["activity"]
        assert isinstance(activity_field, forms.ChoiceField)
        activity_field.choices = [("", _("None"))] + [(str(a.pk), a.title) for a in activities]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        privacy = data.get("privacy")
        person = data.get("person")
        if privacy == Privacy.ANONYMOUS and person:
            self.add_error(
                "person",
                _("An anonymous view is not linked to anyone: choose “Not linked to anyone”"),
            )
        elif privacy and privacy != Privacy.ANONYMOUS and not person:
            self.add_error(
                "person",
                _("Select who said it, or choose “Not linked to me at all” if it is anonymous"),
            )
        return data


class RespondForm(GovukForm):
    status = forms.ChoiceField(
        label=_("What happened to it?"),
        choices=[c for c in ResponseStatus.choices if c[0] != ResponseStatus.NEW],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what happened to it")},
    )
    response = forms.CharField(
        label=_("Our response to the person"),
        help_text=_(
            "They see this. A reason is needed if it is not taken forward. Up to 10,000 characters."
        ),
        max_length=MAX_TEXT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if rules.needs_reason(data.get("status", "")) and not data.get("response", "").strip():
            self.add_error(
                "response", _("Say why it is not taken forward: the person will see the reason")
            )
        return data


class ThemesForm(GovukForm):
    themes = forms.CharField(
        label=_("Themes"),
        help_text=_("Separate themes with commas, for example: transport, respite, money."),
        required=False,
        max_length=1000,
    )

    def names(self) -> list[str]:
        return [n for n in self.cleaned_data["themes"].split(",") if n.strip()]


class PrivacyForm(GovukForm):
    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["privacy"] = privacy_field(
            rules.privacy_choices_from(current), _("Who may know this came from you?")
        )


class FileUnderProjectForm(GovukForm):
    """Which project open-door feedback is about, so it counts as evidence for its
    evaluation (or none: it stays with the organisation)."""

    project = forms.ChoiceField(
        label=_("Which project is this about?"),
        required=False,
        help_text=_(
            "Feedback about how a project is going is evidence for its evaluation. Who may "
            "know who gave it does not change."
        ),
        error_messages={"invalid_choice": _("Select one of the projects shown")},
    )

    def __init__(self, *args: Any, projects: Iterable[Project] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.projects = {str(p.pk): p for p in projects}
        field = self.fields["project"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", _("Not about a project")),
            *((k, p.title) for k, p in self.projects.items()),
        ]

    def chosen(self) -> Project | None:
        return self.projects.get(self.cleaned_data.get("project") or "")
