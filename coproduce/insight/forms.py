"""The dashboards' filter (a GET form: dates and a project) and the Census upload."""

from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from coproduce.insight import rules
from coproduce.lib.govuk_forms import DateField, GovukForm


class FilterForm(GovukForm):
    date_from = DateField(label=_("From"), required=False, past_only=False)
    date_to = DateField(label=_("To"), required=False, past_only=False)
    project = forms.TypedChoiceField(
        label=_("Project"), required=False, coerce=int, empty_value=None
    )

    def __init__(
        self, *args: Any, projects: list[tuple[int, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if projects is None:
            del self.fields["project"]
        else:
            choices = [("", _("All projects")), *[(str(pk), title) for pk, title in projects]]
            field = self.fields["project"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("“To” must be the same as or after “From”"))
        return data

    def chosen(self, today: date) -> tuple[date, date, int | None]:
        """The dates and project asked for, or the last year and every project."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        end = data.get("date_to") or today
        start = data.get("date_from") or end - timedelta(days=rules.DEFAULT_DAYS - 1)
        if start > end:
            start = end - timedelta(days=rules.DEFAULT_DAYS - 1)
        return start, end, data.get("project")


class CensusForm(GovukForm):
    table = forms.FileField(
        label=_("Your local authority's Census table (CSV)"),
        help_text=_(
            "One figure a row, with the columns area_code, area_name, measure, category "
            "and value, as in the Census figures the service holds."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": _("Select a CSV file")},
    )

    figures: list[rules.Figure]

    def clean_table(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["table"]
        read = rules.read_census_table(upload.read(rules.MOST_BYTES + 1))
        if read.problems:
            raise forms.ValidationError([forms.ValidationError(p) for p in read.problems])
        self.figures = read.figures
        return upload
