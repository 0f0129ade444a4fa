"""Forms of an import: the upload, the columns, and deciding a possible match. Each error
says what to do next."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from coproduce.imports import reading, rules
from coproduce.imports.models import NAME_LIMIT, Decision
from coproduce.lib.govuk_forms import GovukForm
from coproduce.lib.uploads import size_in_words

# An export of 100,000 carers is about 15 MB as CSV.
IMPORT_LIMIT = 50 * 1024 * 1024
OWN_COLUMNS = "own"


def file_problem(upload: UploadedFile) -> tuple[str, reading.Table | None]:
    """The file's kind and what it holds, or ("", None) with the form's error raised."""
    size = upload.size or 0
    if size == 0:
        raise forms.ValidationError(_("The selected file is empty"))
    if size > IMPORT_LIMIT:
        raise forms.ValidationError(
            _("The selected file must be smaller than %(limit)s")
            % {"limit": size_in_words(IMPORT_LIMIT)}
        )
    head = upload.read(reading.HEAD_BYTES)
    upload.seek(0)
    kind = reading.kind_of(upload.name or "", head)
    if kind is None:
        raise forms.ValidationError(_("The selected file must be a CSV or Excel (.xlsx) file"))
    try:
        table = reading.read(kind, upload)
        for _row in table.rows:  # the whole file must be readable
            pass
    except reading.FileRefused as refused:
        raise forms.ValidationError(str(refused)) from None
    finally:
        upload.seek(0)
    return kind, table


class UploadForm(GovukForm):
    file = forms.FileField(
        label=_("The file exported from your database"),
        help_text=_("A CSV (saved as UTF-8) or Excel (.xlsx) file, up to 50 MB."),
        max_length=200,
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={"required": _("Select the file to import")},
    )
    source_system = forms.CharField(
        label=_("Which system is it from?"),
        help_text=_(
            "For example, the name of your case-management database. Importing again from "
            "the same system updates the people it added, by their id there."
        ),
        max_length=NAME_LIMIT,
        error_messages={"required": _("Enter the name of the system the file is from")},
    )
    shape = forms.ChoiceField(
        label=_("How are its columns named?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how the file's columns are named")},
    )

    def __init__(self, *args: Any, mappings: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shape = self.fields["shape"]
        assert isinstance(shape, forms.ChoiceField)
        shape.choices = [
            *((f"saved-{pk}", name) for pk, name in mappings),
            *((key, label) for key, (label, _columns) in rules.PRESETS.items()),
            (OWN_COLUMNS, _("None of these: I will choose the columns")),
        ]
        self.kind = ""
        self.headers: list[str] = []

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            kind, table = file_problem(upload)
            self.kind = kind
            self.headers = table.headers if table else []
        return upload


NOT_IN_FILE = ""


class ColumnsForm(GovukForm):
    save_as = forms.CharField(
        label=_("Save these columns to use again (optional)"),
        help_text=_("Give them a name, such as “Monthly export”."),
        required=False,
        max_length=NAME_LIMIT,
    )

    def __init__(self, *args: Any, headers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.headers = headers
        choices = [(NOT_IN_FILE, _("Not in this file")), *((h, h) for h in headers)]
        for name, label in rules.FIELDS.items():
            self.fields[name] = forms.ChoiceField(label=str(label), choices=choices, required=False)
        self.order_fields([*rules.FIELDS, "save_as"])

    def columns(self) -> dict[str, str]:
        return {n: self.cleaned_data[n] for n in rules.FIELDS if self.cleaned_data.get(n)}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        used: dict[str, str] = {}
        for name in rules.FIELDS:
            heading = cleaned.get(name)
            if not heading:
                continue
            if heading in used:
                self.add_error(
                    name,
                    _("“%(heading)s” is already chosen for “%(field)s”")
                    % {"heading": heading, "field": rules.FIELDS[used[heading]]},
                )
            used[heading] = name
        if not self.errors:
            problem = rules.mapping_problem(self.columns(), self.headers)
            if problem:
                self.add_error("full_name", problem)
        return cleaned


class DecideForm(GovukForm):
    decision = forms.ChoiceField(
        label=_("Is this the same person?"),
        choices=[
            (Decision.SAME.value, Decision.SAME.label),
            (Decision.DIFFERENT.value, Decision.DIFFERENT.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether this is the same person")},
    )
