"""Bulk imports of listings from partner files and patent lists.

An ``ImportJob`` remembers one uploaded file through its steps: column
mapping, dry run, import. Its ``report`` holds the result of every row of the
latest pass, so the page and the rejected-rows download need no second parse.
"""

import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible


@deconstructible
class ImportFileStorage(FileSystemStorage):
    """Uploaded partner files, kept outside MEDIA_ROOT so no URL ever serves them.

    The folder is read from settings on every use (``IMPORTS_ROOT``, default
    ``var/imports``), so tests can point it at a temporary directory.
    """

    @property
    def base_location(self):
        return getattr(settings, "IMPORTS_ROOT", settings.BASE_DIR / "var" / "imports")

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def _upload_path(job, filename):
    return f"{uuid.uuid4().hex}/{os.path.basename(filename)[:100]}"


class Kind(models.TextChoices):
    TECHNOLOGY = "technology", "Technologies"
    NEED = "need", "Needs"
    EXPERT = "expert", "Experts"


class Format(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel workbook (XLSX)"
    JSON = "json", "JSON"
    PATENTS = "patents", "Patent list (CSV or JSON)"


class ImportJob(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded: choose the columns"
        MAPPED = "mapped", "Columns chosen: waiting for the dry run"
        CHECKING = "checking", "Dry run in progress"
        DRY_RUN_DONE = "dry_run_done", "Dry run done: waiting for your confirmation"
        IMPORTING = "importing", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="import_jobs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="import_jobs",
        help_text="Owner of the listings the import creates.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    format = models.CharField(max_length=8, choices=Format.choices)
    file = models.FileField(upload_to=_upload_path, storage=ImportFileStorage(), max_length=300)
    original_name = models.CharField(max_length=200)
    headers = models.JSONField(default=list, blank=True)
    mapping = models.JSONField(
        default=dict, blank=True, help_text="Listing field name → column of the file."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    error = models.TextField(blank=True, help_text="Why the file could not be read, if it could not.")
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=list, blank=True, help_text="One entry per row of the latest pass.")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True,
        help_text="Last sign of life of the worker running the dry run or import; empty while queued.",
    )
    runs = models.PositiveIntegerField(
        default=0, help_text="Dry runs and imports started; a worker whose run is not the latest stops.",
    )
    failed_step = models.CharField(
        max_length=12, blank=True, choices=[(Status.CHECKING, "Dry run"), (Status.IMPORTING, "Import")],
        help_text="The step that was running when the job failed; resuming runs it again.",
    )

    RUNNING = (Status.MAPPED, Status.CHECKING, Status.IMPORTING)  # queued or in progress: the page polls
    WORKING = (Status.CHECKING, Status.IMPORTING)  # a worker holds the job while its heartbeat is fresh

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Import #{self.pk} of {self.get_kind_display().lower()} for {self.organisation}"

    def get_absolute_url(self):
        return reverse("imports:detail", args=[self.pk])

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def lease_expired(self):
        """True when a worker took the job and has not reported for longer than the lease: it died."""
        return (
            self.status in self.WORKING
            and self.heartbeat_at is not None
            and self.heartbeat_at < timezone.now() - timedelta(seconds=settings.IMPORT_LEASE_SECONDS)
        )

    @property
    def percent_done(self):
        return int(100 * self.processed / self.total) if self.total else 0


class ColumnMapping(models.Model):
    """The last mapping an organisation used for a kind and format, offered next time."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    format = models.CharField(max_length=8, choices=Format.choices)
    mapping = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind", "format"], name="unique_column_mapping")
        ]

    def __str__(self):
        return f"{self.organisation} {self.kind} {self.format} mapping"
