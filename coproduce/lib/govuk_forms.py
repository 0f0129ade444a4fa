"""The one bridge from Django forms to GOV.UK Frontend components.

`field_spec(bound_field)` says which govuk-frontend-jinja macro renders a field and with
which parameters: label, hint, the value the person typed (so nothing is lost on an
error), and the inline error message. `error_summary_items(form)` gives the error
summary's list, each error linking to its field. Templates call these through the
`field` and `error_summary` macros in `templates/components/forms.html`.
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django import forms
from django.core import validators
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from django.utils import dateformat
from django.utils.translation import gettext_lazy as _

Params = dict[str, Any]

# The most anyone needs to type in one box, unless a field says otherwise: a long view in
# a text area, a name or a reference in a one-line input.
MAX_TEXT_LENGTH = 10_000
MAX_LINE_LENGTH = 500


def _name(field: forms.Field) -> str:
    """The field's label as errors quote it, without "(optional)"."""
    return str(field.label or "").replace(str(_("(optional)")), "").strip()


def _govuk_messages(field: forms.Field) -> dict[str, Any]:
    """GOV.UK wording for the errors Django would otherwise word itself. Every required
    field of the project has its own message; these are for the rest."""
    plain = {"label": _name(field)}
    # Django fills in these messages' own %(...)s, so a "%" in the label is doubled.
    escaped = {"label": _name(field).replace("%", "%%")}
    choosing = isinstance(field, forms.ChoiceField | forms.BooleanField)
    messages: dict[str, Any] = {
        "required": (_("Select an answer for “%(label)s”") if choosing else _("Enter “%(label)s”"))
        % plain,
        "invalid_choice": _("Select one of the options for “%(label)s”") % escaped,
        "invalid_list": _("Select one of the options for “%(label)s”") % plain,
        "max_length": _("“%(label)s” must be %%(limit_value)s characters or less") % escaped,
        "min_length": _("“%(label)s” must be %%(limit_value)s characters or more") % escaped,
        "max_value": _("“%(label)s” must be %%(limit_value)s or less") % escaped,
        "min_value": _("“%(label)s” must be %%(limit_value)s or more") % escaped,
        "max_digits": _("“%(label)s” must be a smaller number") % escaped,
        "max_whole_digits": _("“%(label)s” must be a smaller number") % escaped,
        "max_decimal_places": _("“%(label)s” must have no more than %%(max)s decimal places")
        % escaped,
        "null_characters_not_allowed": _("“%(label)s” must not contain hidden characters") % plain,
    }
    if isinstance(field, forms.FileField):
        messages.update(
            {
                "invalid": _("The selected file could not be uploaded – try again"),
                "missing": _("The selected file could not be uploaded – try again"),
                "empty": _("The selected file is empty"),
                "max_length": _("The file name must be %%(max)d characters or less") % {},
                "contradiction": _("Either choose a file or remove the file, not both"),
            }
        )
    elif isinstance(field, forms.IntegerField):
        messages["invalid"] = _("“%(label)s” must be a whole number") % plain
    elif isinstance(field, forms.DecimalField | forms.FloatField):
        messages["invalid"] = _("“%(label)s” must be a number") % plain
    elif isinstance(field, forms.EmailField):
        messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
    elif isinstance(field, forms.URLField):
        messages["invalid"] = _(
            "Enter a web address in the correct format, like https://example.org"
        )
    return messages


def _django_default(field: forms.Field, code: str) -> bool:
    """Whether the field's message for `code` is Django's own (none was given for it)."""
    for cls in type(field).__mro__:
        default = getattr(cls, "default_error_messages", {}).get(code)
        if default is not None:
            return field.error_messages.get(code) is default
    return code not in field.error_messages


def govuk_defaults(field: forms.Field) -> None:
    """Give `field` a length limit if it has none, and GOV.UK wording for every error
    Django would otherwise word itself. Safe to call more than once."""
    if getattr(field, "_govuk", False):
        return
    if isinstance(field, forms.CharField) and field.max_length is None:
        textarea = isinstance(field.widget, forms.Textarea)
        field.max_length = MAX_TEXT_LENGTH if textarea else MAX_LINE_LENGTH
        field.validators.append(validators.MaxLengthValidator(field.max_length))
    for code, message in _govuk_messages(field).items():
        if _django_default(field, code):
            field.error_messages[code] = message
    field._govuk = True  # type: ignore[attr-defined]


class GovukForm(forms.Form):
    """Every form of the service: limits and GOV.UK wording on each field, including
    fields a form adds in its own `__init__`."""

    def full_clean(self) -> None:
        for field in self.fields.values():
            govuk_defaults(field)
        super().full_clean()


_M = TypeVar("_M", bound=Model)


class GovukModelForm(forms.ModelForm[_M]):
    """`GovukForm` for a form that edits one model instance."""

    def full_clean(self) -> None:
        for field in self.fields.values():
            govuk_defaults(field)
        super().full_clean()


class DateWidget(forms.Widget):
    """Day, month and year boxes, read back as strings so a mistake is shown as typed."""

    parts = ("day", "month", "year")

    def value_from_datadict(
        self, data: Mapping[str, Any], files: Mapping[str, Any], name: str
    ) -> dict[str, str]:
        return {part: str(data.get(f"{name}-{part}", "")).strip() for part in self.parts}

    def value_omitted_from_data(
        self, data: Mapping[str, Any], files: Mapping[str, Any], name: str
    ) -> bool:
        return not any(f"{name}-{part}" in data for part in self.parts)


MISSING_PART_MESSAGES = {
    "day": _("%(label)s must include a day"),
    "month": _("%(label)s must include a month"),
    "year": _("%(label)s must include a year"),
}


# Before the oldest record the service keeps: a date earlier than this is a typing slip.
EARLIEST_DATE = datetime.date(2000, 1, 1)
# For a date of birth: the oldest person alive was born after this.
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)
# How far ahead a date to come may be, unless a field says otherwise.
YEARS_AHEAD = 10


def _long_date(value: datetime.date) -> str:
    """'1 January 2000', in the language of the page."""
    return dateformat.format(value, "j F Y")


class DateField(forms.Field):
    """A GOV.UK date input: three boxes, with the errors the design system recommends.

    Every date is bounded, so a slip of the keyboard (1066, 9999, or a year too big for
    the calendar) is caught with a message rather than stored or crashing the page:
    `past_only` for dates that have happened (a payment, a view given), else dates up to
    `years_ahead` years from today; none before `earliest`.
    """

    widget = DateWidget

    def __init__(
        self,
        *args: Any,
        past_only: bool = True,
        earliest: datetime.date = EARLIEST_DATE,
        years_ahead: int = YEARS_AHEAD,
        error_name: Any = None,
        **kwargs: Any,
    ) -> None:
        """`error_name` names the date in its errors when the label is a question
        ("Date given must be today or in the past", not "When was it given? must...")."""
        self.error_name = error_name
        self.past_only = past_only
        self.earliest = earliest
        self.years_ahead = years_ahead
        super().__init__(*args, **kwargs)

    def latest(self) -> datetime.date:
        today = datetime.date.today()
        if self.past_only:
            return today
        return today.replace(year=today.year + self.years_ahead, day=min(today.day, 28))

    def to_python(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        if not value or not any(value.values()):
            return None
        missing = [part for part in DateWidget.parts if not value.get(part)]
        if missing:
            raise ValidationError(
                MISSING_PART_MESSAGES[missing[0]], params=self._named(), code="incomplete"
            )
        try:
            return datetime.date(int(value["year"]), int(value["month"]), int(value["day"]))
        except (ValueError, OverflowError):
            raise ValidationError(
                _("%(label)s must be a real date"), params=self._named(), code="invalid"
            ) from None

    def _named(self) -> dict[str, Any]:
        return {"label": self.error_name or self.label}

    def validate(self, value: Any) -> None:
        super().validate(value)
        if not value:
            return
        label = self._named()
        if value.year < 1000:
            raise ValidationError(
                _("%(label)s must include a year with 4 numbers, like 2027"),
                params=label,
                code="year",
            )
        if self.past_only and value > datetime.date.today():
            raise ValidationError(
                _("%(label)s must be today or in the past"), params=label, code="future"
            )
        if value < self.earliest:
            raise ValidationError(
                _("%(label)s must be the same as or after %(date)s"),
                params={**label, "date": _long_date(self.earliest)},
                code="too_early",
            )
        if value > (latest := self.latest()):
            raise ValidationError(
                _("%(label)s must be the same as or before %(date)s"),
                params={**label, "date": _long_date(latest)},
                code="too_late",
            )


def _date_parts(value: Any) -> dict[str, str]:
    if isinstance(value, datetime.date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    if isinstance(value, dict):
        return {part: str(value.get(part, "")) for part in DateWidget.parts}
    return {part: "" for part in DateWidget.parts}


def _error(bf: forms.BoundField) -> Params | None:
    if not bf.errors:
        return None
    return {"text": " ".join(str(e) for e in bf.errors), "visuallyHiddenText": _("Error")}


def _items(bf: forms.BoundField, selected: Iterable[str]) -> list[Params]:
    chosen = {str(v) for v in selected}
    field = bf.field
    assert isinstance(field, forms.ChoiceField)
    hints: Mapping[str, str] = getattr(field, "item_hints", {})
    items: list[Params] = []
    for value, label in field.choices:  # type: ignore[union-attr,misc]
        if value == "":
            continue
        item: Params = {"value": value, "text": str(label), "checked": str(value) in chosen}
        if str(value) in hints:
            item["hint"] = {"text": str(hints[str(value)])}
        items.append(item)
    return items


def target_id(bf: forms.BoundField) -> str:
    """The id the error summary links to: the field's first focusable element."""
    if isinstance(bf.field.widget, DateWidget):
        return f"{bf.auto_id}-day"
    return str(bf.auto_id)


def field_spec(bf: forms.BoundField, **overrides: Any) -> Params:
    """Which macro renders `bf`, and its parameters.

    `heading=True` makes the label (or legend) the page's h1, for one-question pages.
    `classes`, `autocomplete`, `inputmode`, `spellcheck` pass through to the component.
    """
    govuk_defaults(bf.field)
    widget = bf.field.widget
    heading = bool(overrides.pop("heading", False))
    size = "l" if heading else "m"
    label_text = str(bf.label)
    common: Params = {"errorMessage": _error(bf)}
    if bf.help_text:
        common["hint"] = {"text": str(bf.help_text)}
    legend: Params = {
        "fieldset": {
            "legend": {
                "text": label_text,
                "isPageHeading": heading,
                "classes": f"govuk-fieldset__legend--{size}"
                if heading
                else "govuk-fieldset__legend--s",
            }
        }
    }
    label: Params = {
        "label": {
            "text": label_text,
            "isPageHeading": heading,
            "classes": f"govuk-label--{size}" if heading else "govuk-label--s",
        }
    }

    if isinstance(widget, DateWidget):
        parts = _date_parts(bf.value())
        error_class = " govuk-input--error" if bf.errors else ""
        params: Params = {
            **common,
            **legend,
            "id": bf.auto_id,
            "namePrefix": bf.html_name,
            "items": [
                {
                    "name": "day",
                    "label": _("Day"),
                    "classes": "govuk-input--width-2" + error_class,
                    "value": parts["day"],
                },
                {
                    "name": "month",
                    "label": _("Month"),
                    "classes": "govuk-input--width-2" + error_class,
                    "value": parts["month"],
                },
                {
                    "name": "year",
                    "label": _("Year"),
                    "classes": "govuk-input--width-4" + error_class,
                    "value": parts["year"],
                },
            ],
        }
        macro = "date"
    # CheckboxSelectMultiple is a subclass of RadioSelect, so it comes first.
    elif isinstance(widget, forms.CheckboxSelectMultiple):
        params = {**common, **legend, "idPrefix": bf.auto_id, "name": bf.html_name}
        params["items"] = _items(bf, bf.value() or [])
        macro = "checkboxes"
    elif isinstance(widget, forms.RadioSelect):
        value = bf.value()
        params = {**common, **legend, "idPrefix": bf.auto_id, "name": bf.html_name}
        params["items"] = _items(bf, [] if value is None else [value])
        macro = "radios"
    elif isinstance(widget, forms.CheckboxInput):
        params = {
            **common,
            "idPrefix": bf.auto_id,
            "name": bf.html_name,
            "items": [{"value": "true", "text": label_text, "checked": bool(bf.value())}],
        }
        if bf.help_text:
            params["items"][0]["hint"] = params.pop("hint")
        macro = "checkboxes"
    elif isinstance(widget, forms.Select):
        value = bf.value()
        items = [
            {"value": v, "text": str(t), "selected": str(v) == str(value)}
            for v, t in bf.field.choices  # type: ignore[attr-defined]
        ]
        params = {**common, **label, "id": bf.auto_id, "name": bf.html_name, "items": items}
        macro = "select"
    elif isinstance(widget, forms.Textarea):
        params = {
            **common,
            **label,
            "id": bf.auto_id,
            "name": bf.html_name,
            "value": bf.value() or "",
            "rows": widget.attrs.get("rows", 5),
        }
        macro = "textarea"
    elif isinstance(widget, forms.FileInput):
        # A browser never re-fills a file input, so after an error the hint asks again.
        params = {**common, **label, "id": bf.auto_id, "name": bf.html_name}
        if "accept" in widget.attrs:
            params["attributes"] = {"accept": widget.attrs["accept"]}
        macro = "file"
    elif isinstance(widget, forms.PasswordInput):
        params = {
            **common,
            **label,
            "id": bf.auto_id,
            "name": bf.html_name,
            "autocomplete": widget.attrs.get("autocomplete", "current-password"),
            "showPasswordText": _("Show"),
            "hidePasswordText": _("Hide"),
            "showPasswordAriaLabelText": _("Show password"),
            "hidePasswordAriaLabelText": _("Hide password"),
            "passwordShownAnnouncementText": _("Your password is visible"),
            "passwordHiddenAnnouncementText": _("Your password is hidden"),
        }
        macro = "password"
    else:
        value = bf.value()
        input_type = getattr(widget, "input_type", "text")
        params = {
            **common,
            **label,
            "id": bf.auto_id,
            "name": bf.html_name,
            "type": "text" if input_type == "number" else input_type,
            "value": "" if value is None else value,
        }
        if input_type == "number":
            params["inputmode"] = "numeric"
            params["spellcheck"] = False
        for attr in ("autocomplete", "spellcheck"):
            if attr in widget.attrs:
                params[attr] = widget.attrs[attr]
        if "class" in widget.attrs:
            params["classes"] = widget.attrs["class"]
        macro = "input"

    if "lang" in widget.attrs and macro in ("input", "textarea"):  # a Welsh twin's box
        params["attributes"] = {**params.get("attributes", {}), "lang": widget.attrs["lang"]}
    params.update(overrides)
    return {"macro": macro, "params": params}


def error_summary_items(form: forms.BaseForm) -> list[Params]:
    items: list[Params] = []
    for error in form.non_field_errors():
        items.append({"text": str(error), "href": "#main-content"})
    for name in form.errors:
        if name == NON_FIELD_ERRORS:
            continue
        bf = form[name]
        for error in bf.errors:
            items.append({"text": str(error), "href": f"#{target_id(bf)}"})
    return items
