"""Checking rows and writing listings: the one code path of the page, the task and the CLI.

Rows are handled in batches. Every row of a batch is converted and validated
with the catalog's own form first; only then are the good rows written, all of
a batch in one transaction with bulk inserts, their audit entries and their
search index entries. If the database refuses a batch (say another import
created the same record a moment ago), the batch is retried row by row so that
only the offending row is rejected.

The bulk write does what ``catalog.services.save_listing`` followed by the
"submit" transition would do, row for row: owner and organisation set, HTML
sanitised (by the form), model validation (by the form), the status the
organisation's review setting gives, one audit entry per listing and the
search index updated. It skips the per-row signals, which would index,
embed and match each listing separately; instead each committed batch queues
one job that embeds all of its listings and one that computes their
suggested matches.
"""

from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from modelsearch.backends import get_search_backends

from verdex.catalog.models import LISTING_MODELS, Source, Status, trl_group_of
from verdex.catalog.permissions import admin_organisation_ids
from verdex.moderation.models import AuditEntry
from verdex.matching.tasks import refresh_batch_matches
from verdex.search import keyword_index
from verdex.search.tasks import embed_listing_batch, index_listings

from . import patents
from .duplicates import FileDuplicates
from .targets import RowConverter, Vocabulary, import_form_class

BATCH_SIZE = 500
REPORT_TITLE_CHARS = 120


@dataclass
class Outcome:
    """What happens (or would happen) to one row."""

    row: int
    action: str = "create"  # create, update, unchanged or reject
    external_id: str = ""
    title: str = ""
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    duplicate: dict | None = None
    cells: dict | None = None
    listing_pk: int | None = None
    form: object = None
    existing: object = None
    data: dict = None

    def reject(self, message):
        self.action = "reject"
        self.errors.append(message)

    def as_report(self):
        entry = {"row": self.row, "action": self.action, "id": self.external_id, "title": self.title}
        if self.errors:
            entry["errors"] = self.errors
        if self.warnings:
            entry["warnings"] = self.warnings
        if self.duplicate:
            entry["duplicate"] = self.duplicate
        if self.listing_pk:
            entry["pk"] = self.listing_pk
        if self.action == "reject":
            entry["cells"] = self.cells
        return entry


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Importer:
    def __init__(self, *, organisation, user, kind, file_format, mapping, job_id=None, batch_size=BATCH_SIZE):
        self.organisation = organisation
        self.user = user
        self.kind = kind
        self.patents = file_format == "patents"
        self.source = Source.PATENT if self.patents else Source.PARTNER
        self.model = LISTING_MODELS[kind]
        self.vocabulary = Vocabulary(kind)
        self.form_class = import_form_class(self.vocabulary.form_class, organisation)
        self.converter = RowConverter(kind, patents.MAPPING if self.patents else mapping, self.vocabulary)
        self.mapping = mapping
        self.job_id = job_id
        self.batch_size = batch_size
        self.editable_organisations = set(admin_organisation_ids(user))
        self.m2m_names = [f.name for f in self.model._meta.many_to_many if f.name in self.form_class.base_fields]
        self.defaults = {
            name: form_field.initial for name, form_field in self.form_class.base_fields.items()
            if form_field.initial not in (None, "") and not callable(form_field.initial)
        }
        self.seen = {}
        self.duplicates = FileDuplicates(self.model, kind)

    # Identity -----------------------------------------------------------------------

    def stored_id(self, external_id):
        """Partner ids are only unique within a partner, so they are kept per organisation."""
        if self.patents:
            return patents.normalise_number(external_id)
        return f"{self.organisation.pk}:{external_id}"

    # Checking -----------------------------------------------------------------------

    def process(self, rows, *, commit, on_batch=None):
        """Check (and with ``commit`` write) every row; returns the outcomes' report entries."""
        report = []
        for chunk in _chunks(rows, self.batch_size):
            outcomes = self.check_batch(chunk)
            if commit:
                self.write_batch([o for o in outcomes if o.action in ("create", "update")])
            report.extend(outcome.as_report() for outcome in outcomes)
            if on_batch:
                on_batch(outcomes)
        return report

    def check_batch(self, rows):
        converted = [(row, *self._convert(row)) for row in rows]
        wanted = [self.stored_id(external_id) for _, external_id, *_ in converted if external_id]
        existing = {
            listing.external_id: listing
            for listing in self.model.objects.filter(source=self.source, external_id__in=wanted)
            .prefetch_related(*self.m2m_names)
        }
        return [self._check(row, external_id, data, problems, warnings, existing)
                for row, external_id, data, problems, warnings in converted]

    def _convert(self, row):
        cells = row.values
        problems = {}
        if self.patents:
            cells, problems = patents.to_listing_cells(
                cells, field_codes=self.vocabulary.field_codes,
                known_countries=self.vocabulary.countries.values(),
                fallback_country=self.organisation.country_id,
            )
        external_id, data, more, warnings = self.converter.convert(cells)
        for name, messages in more.items():
            problems.setdefault(name, []).extend(messages)
        return external_id, data, problems, warnings

    def _message(self, row, name, text):
        if self.patents:
            name = patents.ERROR_NAMES.get(name, name)
        return f"row {row}: {text}" if name == "__all__" else f"row {row}, {name}: {text}"

    def _check(self, row, external_id, data, problems, warnings, existing):
        outcome = Outcome(row=row.number, external_id=external_id, cells=row.values,
                          title=str(data.get("title") or data.get("full_name") or "")[:REPORT_TITLE_CHARS],
                          warnings=[self._message(row.number, name, text)
                                    for name, texts in warnings.items() for text in texts])
        if row.error:
            outcome.reject(f"row {row.number}: {row.error}")
            return outcome
        stored = self.stored_id(external_id) if external_id else ""
        if not external_id:
            problems.setdefault("external_id", []).append("this field is required")
        elif len(stored) > self.model._meta.get_field("external_id").max_length:
            problems.setdefault("external_id", []).append("is too long")
        elif stored in self.seen:
            problems.setdefault("external_id", []).append(
                f"'{external_id}' appears more than once in the file (first in row {self.seen[stored]})"
            )
        else:
            self.seen[stored] = row.number
        listing = existing.get(stored)
        if listing is not None and not self._may_edit(listing):
            problems.setdefault("external_id", []).append(
                f"'{external_id}' is a listing of another organisation; it cannot be changed from here"
            )
            listing = None
        form_data = self._initial(listing) if listing is not None else dict(self.defaults)
        form_data.update(data)
        form_data["organisation"] = self.organisation.pk
        form = self.form_class(data=form_data, user=self.user, instance=listing)
        valid = form.is_valid()
        for name, messages in problems.items():
            outcome.errors.extend(self._message(row.number, name, text) for text in messages)
        if not valid:
            for name, messages in form.errors.items():
                if name not in problems:
                    outcome.errors.extend(self._message(row.number, name, text) for text in messages)
        if outcome.errors:
            outcome.action = "reject"
            return outcome
        outcome.form, outcome.existing, outcome.data = form, listing, form_data
        if listing is not None:
            outcome.action = "update" if form.has_changed() else "unchanged"
        found = self.duplicates.check(row.number, form.cleaned_data, exclude_pk=listing.pk if listing else None)
        if found:
            key, title = found
            where = {"row": key[1]} if isinstance(key, tuple) else {"pk": key}
            outcome.duplicate = {**where, "title": title[:REPORT_TITLE_CHARS]}
        return outcome

    def _may_edit(self, listing):
        return listing.owner_id == self.user.pk or listing.organisation_id in self.editable_organisations

    def _initial(self, listing):
        """The listing's current values as form data, so unmapped fields keep them."""
        initial = model_to_dict(listing, fields=list(self.form_class.base_fields))
        for name in self.m2m_names:
            initial[name] = [related.pk for related in initial.get(name, [])]
        return initial

    # Writing ------------------------------------------------------------------------

    def write_batch(self, outcomes):
        """Write validated rows in one transaction; if that fails, row by row."""
        if not outcomes:
            return
        try:
            with transaction.atomic():
                self._save(outcomes)
        except DatabaseError:
            for outcome in outcomes:
                self._forget_pk(outcome)
                outcome.listing_pk = None  # set again only if the row is written on its own
                try:
                    with transaction.atomic():
                        self._save([outcome])
                except DatabaseError as exc:
                    self._forget_pk(outcome)
                    outcome.reject(
                        f"row {outcome.row}: the database refused the row ({str(exc).splitlines()[0][:200]}); "
                        "nothing of it was saved"
                    )
        written = [outcome.listing_pk for outcome in outcomes if outcome.listing_pk]
        if written:
            # After commit, so the jobs read the rows and their many-to-many values.
            if keyword_index.in_use():  # PostgreSQL searches its own full-text index
                transaction.on_commit(partial(index_listings.enqueue, self.kind, written))
            transaction.on_commit(partial(embed_listing_batch.enqueue, self.kind, written))
            # Queued after the vectors: matching reads them (and would embed one by one without).
            transaction.on_commit(partial(refresh_batch_matches.enqueue, self.kind, written))

    @staticmethod
    def _forget_pk(outcome):
        if outcome.existing is None:
            outcome.form.instance.pk = None
            outcome.form.instance._state.adding = True

    def _target_status(self, current):
        if current == Status.ARCHIVED:  # the organisation withdrew it; a re-import does not revive it
            return current
        return Status.PUBLISHED if self.organisation.publishes_without_review else Status.SUBMITTED

    def _save(self, outcomes):
        now = timezone.now()
        creates, updates, entries = [], [], []
        for outcome in outcomes:
            listing = outcome.form.instance
            from_status = outcome.existing.status if outcome.existing is not None else ""
            if outcome.existing is None:
                listing.owner = self.user
                listing.source = self.source
                listing.external_id = self.stored_id(outcome.external_id)
                creates.append(listing)
            else:
                updates.append(listing)
            listing.status = self._target_status(from_status)
            if listing.status == Status.PUBLISHED:
                listing.published_at = listing.published_at or now
                listing.rejection_reason = ""
            if hasattr(listing, "trl_group"):
                listing.trl_group = trl_group_of(listing.trl)
            listing.updated_at = now
            entries.append((outcome, listing, from_status))
        self.model.objects.bulk_create(creates)
        if updates:
            concrete = [
                name for name in self.form_class._meta.fields
                if name not in self.m2m_names and name in self.form_class.base_fields
            ]
            extra = ["status", "published_at", "rejection_reason", "updated_at"]
            if hasattr(self.model, "trl_group"):
                extra.append("trl_group")
            self.model.objects.bulk_update(updates, concrete + extra)
        self._save_m2m(entries, [listing.pk for listing in updates])
        self._audit(entries)
        for backend in get_search_backends():
            backend.add_bulk(self.model, [listing for _, listing, _ in entries])
        for outcome, listing, _ in entries:
            outcome.listing_pk = listing.pk

    def _save_m2m(self, entries, updated_pks):
        for name in self.m2m_names:
            relation = self.model._meta.get_field(name)
            through = relation.remote_field.through
            own = f"{relation.m2m_field_name()}_id"
            other = f"{relation.m2m_reverse_field_name()}_id"
            if updated_pks:
                through.objects.filter(**{f"{own}__in": updated_pks}).delete()
            through.objects.bulk_create([
                through(**{own: listing.pk, other: value})
                for outcome, listing, _ in entries
                for value in outcome.data.get(name) or []
            ])

    def _audit(self, entries):
        content_type = ContentType.objects.get_for_model(self.model)
        reason = f"Import #{self.job_id}" if self.job_id else "Import"
        AuditEntry.objects.bulk_create([
            AuditEntry(
                actor=self.user, action="import" if not from_status else "import-update",
                content_type=content_type, object_id=listing.pk, object_repr=str(listing)[:200],
                from_status=from_status, to_status=listing.status, reason=f"{reason}, row {outcome.row}",
            )
            for outcome, listing, from_status in entries
        ])
