"""Content in English and Welsh: a field `<name>` with its Welsh twin `<name>_cy`.

What an organisation writes (a brief, an activity's title, a proposal) is in English and,
when someone has written it, in Welsh too. A reader gets their language: the request's on a
page, the recipient's in a message (notifications render inside
`translation.override(person.preferred_language)`). Where the Welsh is missing the English
is shown, marked `lang="en"` so a screen reader pronounces it as English, and the page says
so with `welsh_notice`.

In templates (Jinja globals):
- `{{ shown(activity, "title") }}`: the text in the reader's language; in HTML the English
  on a Welsh page comes wrapped in `<span lang="en">`, in a plain-text message it is plain.
- `{{ shown(activity, "description").paragraphs() }}`: multi-line text as paragraphs.
- `{{ welsh_notice(activity, "title", "description") }}`: a notice when any of these is
  shown in English on a Welsh page (nothing otherwise).

In Python: `shown(obj, field, language)` and `missing_welsh(*fields)` (the rows with English
but no Welsh in any of the fields, for the staff list of translations to write).
"""

import copy
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext, pgettext_lazy
from markupsafe import Markup, escape

from coproduce.lib.govuk_forms import GovukForm

WELSH = "cy"
ENGLISH = "en"


def twin(field: str) -> str:
    """The name of a field's Welsh twin."""
    return f"{field}_cy"


def twins(fields: tuple[str, ...]) -> tuple[str, ...]:
    """The names of the Welsh twins of `fields`."""
    return tuple(twin(field) for field in fields)


@dataclass(frozen=True)
class Shown:
    """A text in the reader's language: `language` is the language of `text` ("cy" or
    "en"), `welsh_missing` is true when the reader wants Welsh but it is the English."""

    text: str
    language: str
    welsh_missing: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    def __html__(self) -> str:
        if self.welsh_missing:
            return f'<span lang="{ENGLISH}">{escape(self.text)}</span>'
        return str(escape(self.text))

    def paragraphs(self, classes: str = "govuk-body") -> Markup:
        """Each non-blank line as a paragraph, in a block marked with the text's language."""
        paras = "".join(
            f'<p class="{escape(classes)}">{escape(line)}</p>'
            for line in self.text.splitlines()
            if line.strip()
        )
        return Markup(f'<div lang="{self.language}">{paras}</div>')


def _language(language: str | None) -> str:
    chosen = language or translation.get_language() or ENGLISH
    return WELSH if chosen.split("-")[0] == WELSH else ENGLISH


def shown(obj: Any, field: str, language: str | None = None) -> Shown:
    """`obj.<field>` in `language` (the active language when not given): the Welsh twin when
    the reader wants Welsh and it has been written, else the English."""
    english = str(getattr(obj, field) or "")
    if _language(language) != WELSH:
        return Shown(english, ENGLISH, False)
    welsh = str(getattr(obj, twin(field), "") or "")
    if welsh.strip():
        return Shown(welsh, WELSH, False)
    return Shown(english, ENGLISH, bool(english.strip()))


def text(obj: Any, field: str, language: str | None = None) -> str:
    """The plain text of `shown` (for a subject line, a title attribute, a CSV)."""
    return shown(obj, field, language).text


def welsh_missing(obj: Any, *fields: str, language: str | None = None) -> bool:
    """Whether any of `fields` is shown in English to a reader who wants Welsh."""
    return any(shown(obj, field, language).welsh_missing for field in fields)


def welsh_notice(obj: Any, *fields: str) -> Markup:
    """The notice a Welsh page shows above text not yet written in Welsh (else nothing).
    `obj` may be the answer itself (a bool) when a view worked it out over several rows."""
    missing = obj if isinstance(obj, bool) else welsh_missing(obj, *fields)
    if not missing:
        return Markup("")
    notice = gettext("This has not been written in Welsh yet, so it is shown in English.")
    return Markup('<div class="govuk-inset-text app-welsh-missing">{}</div>').format(notice)


def missing_welsh(*fields: str) -> Q:
    """Rows where any of `fields` has English but no Welsh."""
    condition = Q()
    for field in fields:
        condition |= ~Q(**{field: ""}) & Q(**{twin(field): ""})
    return condition


def has_welsh(*fields: str) -> Q:
    """Rows with no English left without its Welsh in `fields`."""
    return ~missing_welsh(*fields)


def add_welsh_twins(form: forms.BaseForm, *names: str) -> None:
    """Give `form` an optional Welsh box `<name>_cy` for each English field in `names`, like
    the English one (its length and kind of box) but never required. Templates show them
    together under "In Welsh (optional)" (`welsh_fields(form)` in components/forms.html)."""
    for name in names:
        english = form.fields[name]
        welsh = copy.deepcopy(english)
        welsh.required = False
        welsh.label = _in_welsh(english.label or name)
        welsh.help_text = ""
        welsh.widget.attrs["lang"] = WELSH
        form.fields[twin(name)] = welsh


def _in_welsh(label: Any) -> Any:
    return format_lazy(pgettext_lazy("a Welsh twin's label", "{label} in Welsh"), label=label)


def twin_data(data: dict[str, Any], *names: str) -> dict[str, str]:
    """The Welsh twins of `names` from a form's cleaned data, trimmed ("" when not given)."""
    return {twin(name): str(data.get(twin(name)) or "").strip() for name in names}


def welsh_twin_fields(form: forms.BaseForm) -> tuple[list[forms.BoundField], bool]:
    """The form's Welsh boxes, and whether any is filled in or wrong (the group opens)."""
    twins = [form[name] for name in form.fields if name.endswith("_cy")]
    return twins, any(bf.errors or str(bf.value() or "").strip() for bf in twins)


class WelshForm(GovukForm):
    """The Welsh twins of `fields` of `obj`, for something whose English is written
    elsewhere (an activity's title once it is planned): each box shows the English beside it
    as its hint."""

    def __init__(self, *args: Any, obj: Any, fields: tuple[str, ...], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {twin(name): getattr(obj, twin(name)) for name in fields})
        super().__init__(*args, **kwargs)
        for name in fields:
            model_field = obj._meta.get_field(twin(name))
            long = model_field.get_internal_type() == "TextField"
            self.fields[twin(name)] = forms.CharField(
                label=capfirst(model_field.verbose_name),
                max_length=model_field.max_length,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "lang": WELSH})
                if long
                else forms.TextInput(attrs={"lang": WELSH}),
                help_text=format_lazy(
                    pgettext_lazy("the English beside a Welsh box", "In English: {english}"),
                    english=getattr(obj, name) or "-",
                ),
            )

    def save(self, obj: Any) -> None:
        """Write the Welsh to `obj` (only the twins: nothing else it holds changes)."""
        values = {name: str(value or "").strip() for name, value in self.cleaned_data.items()}
        changed: dict[str, Any] = dict(values)
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            changed["updated_at"] = timezone.now()
        type(obj).objects.filter(pk=obj.pk).update(**changed)
        for name, value in values.items():
            setattr(obj, name, value)
