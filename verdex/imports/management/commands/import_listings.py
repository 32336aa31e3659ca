"""manage.py import_listings FILE --organisation SLUG --kind technology --format csv …

Runs the same checks and writes as the import page, in this process, with a
progress bar. Without --mapping the columns are chosen like the page suggests
them: the organisation's last mapping, else by column name.
"""

import json
import time
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verdex.accounts.models import User
from verdex.imports import services
from verdex.imports.models import Format, ImportJob, Kind
from verdex.organisations.models import Membership, Organisation

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = "Import technologies, needs or experts from a CSV, XLSX, JSON or patent file for an organisation."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--organisation", required=True, help="Slug of the organisation.")
        parser.add_argument("--kind", choices=Kind.values, default=Kind.TECHNOLOGY)
        parser.add_argument("--format", dest="file_format", choices=Format.values, required=True)
        parser.add_argument("--mapping", type=Path, help='JSON file {"listing field": "column name", …}.')
        parser.add_argument("--dry-run", action="store_true", help="Check every row; write nothing.")
        parser.add_argument("--user", help="Email of an administrator of the organisation (default: the first).")

    def handle(self, *args, file, organisation, kind, file_format, mapping, dry_run, user, **options):
        organisation = Organisation.objects.filter(slug=organisation).first()
        if organisation is None:
            raise CommandError("No organisation has that slug.")
        user = self._user(organisation, user)
        if not file.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            with file.open("rb") as handle:
                job = services.create_job(organisation=organisation, user=user, kind=kind,
                                          file_format=file_format, uploaded_file=File(handle, name=file.name))
            if file_format != Format.PATENTS:
                chosen = self._read_mapping(mapping) if mapping else job.mapping
                services.save_mapping(job=job, user=user, mapping=chosen, enqueue=False)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(f"{file}: {' '.join(getattr(error, 'messages', [str(error)]))}") from None

        started = time.monotonic()
        with tqdm(total=job.total, unit="rows", desc="Dry run" if dry_run else "Import",
                  file=self.stderr._out, disable=options["verbosity"] == 0) as bar:
            run = services.check_job if dry_run else services.import_job
            run(job, on_batch=lambda outcomes: bar.update(len(outcomes)))
        elapsed = time.monotonic() - started
        self._summary(job, dry_run, elapsed)
        if job.status == ImportJob.Status.FAILED:
            raise CommandError(job.error)

    def _user(self, organisation, email):
        admins = Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN)
        if email:
            found = User.objects.filter(email__iexact=email).first()
            if found is None or not admins.filter(user=found).exists():
                raise CommandError(f"{email} is not an administrator of {organisation}.")
            return found
        first = admins.select_related("user").order_by("joined_at").first()
        if first is None:
            raise CommandError(f"{organisation} has no administrator to own the listings; pass --user.")
        return first.user

    def _read_mapping(self, path):
        try:
            mapping = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: cannot read the mapping ({error}).") from None
        if not isinstance(mapping, dict):
            raise CommandError(f'{path}: the mapping must be an object {{"listing field": "column"}}.')
        return mapping

    def _summary(self, job, dry_run, elapsed):
        for entry in [e for e in job.report if e.get("errors")][:SHOWN_ERRORS]:
            for error in entry["errors"]:
                self.stderr.write(error)
        if job.rejected > SHOWN_ERRORS:
            self.stderr.write(f"… and more: see import #{job.pk} on the imports page.")
        verb = "would be" if dry_run else "were"
        rate = job.processed / elapsed if elapsed else 0
        self.stdout.write(
            f"Import #{job.pk}: {job.processed} rows in {elapsed:.1f} s ({rate:.0f} rows/s). "
            f"{job.created} {verb} created, {job.updated} {verb} updated, {job.unchanged} unchanged, "
            f"{job.rejected} rejected, {job.duplicates} likely duplicates."
        )
