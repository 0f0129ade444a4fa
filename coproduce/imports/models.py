"""Importing carers from an organisation's own database: each upload is an import run
(its file, how its columns map to ours, its counts and progress); a saved mapping names
the columns of an export the organisation makes again; a source record links a person to
their id in the other system, so importing again updates instead of duplicating; a
possible match waits for a person to say whether a row is someone already known.

The uploaded file and the rows waiting for a decision are personal data: the file is
deleted when the import finishes (or fails), and a waiting row's words when it is decided.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.people.models import Person
from coproduce.people.personal_data import personal
from coproduce.tenancy.models import Organisation

NAME_LIMIT = 100


class Mapping(models.Model):
    """Which column of an export holds which of our fields, saved to use again."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="import_mappings"
    )
    name = models.CharField(_("name"), max_length=NAME_LIMIT)
    columns = models.JSONField(default=dict)  # our field -> the export's column heading
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="import_mapping_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    UPLOADED = "uploaded", _("Columns to match")
    MAPPED = "mapped", _("Ready to check")
    CHECKED = "checked", _("Checked")
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Refused")


class Kind(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (.xlsx)"


class ImportRun(models.Model):
    """One file imported (or being imported) into an organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="import_runs"
    )
    source_system = models.CharField(_("the system the file came from"), max_length=NAME_LIMIT)
    file = personal(models.FileField(upload_to="imports/", blank=True))
    file_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=4, choices=Kind)
    headers = models.JSONField(default=list)  # the file's column headings, in order
    columns = models.JSONField(default=dict)  # our field -> the file's column heading
    status = models.CharField(max_length=10, choices=Status, default=Status.UPLOADED)
    total_rows = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    to_confirm = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    # Row-level problems in plain words (row number and what is wrong); they quote the
    # file, so they are cleared with it when the import finishes.
    problems = personal(models.JSONField(default=list, blank=True))
    refusal = models.TextField(blank=True)  # why the whole file was refused
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"], name="importrun_org_created")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in Status]),
                name="importrun_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(rows_done__lte=models.F("total_rows")),
                name="importrun_done_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"Import {self.pk} of {self.file_name}"

    @property
    def finished(self) -> bool:
        return self.status in (Status.DONE, Status.FAILED)


class SourceRecord(models.Model):
    """A person's id in the organisation's other system: importing the same id again
    updates the person instead of adding them twice."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    source_system = models.CharField(max_length=NAME_LIMIT)
    source_id = models.CharField(max_length=NAME_LIMIT)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="source_records")
    run = models.ForeignKey(ImportRun, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "source_system", "source_id"],
                name="source_record_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_system} {self.source_id}"


class Decision(models.TextChoices):
    WAITING = "", _("Waiting")
    SAME = "same", _("The same person: update them")
    DIFFERENT = "different", _("A different person: add them")


class PossibleMatch(models.Model):
    """A row with no known source id whose name, date of birth and postcode are those of
    someone already known. Nothing is applied until a person decides."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="matches")
    row_number = models.PositiveIntegerField()
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    row = personal(models.JSONField(default=dict, blank=True))  # cleared once decided
    decision = models.CharField(max_length=10, choices=Decision, blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["row_number", "pk"]
        indexes = [models.Index(fields=["run", "row_number"], name="possiblematch_run_row")]

    def __str__(self) -> str:
        return f"Row {self.row_number} of import {self.run_id}"
