"""Backups: one ``.tar.gz`` holding every row of Verdex's data and every uploaded file.

The archive contains ``manifest.json`` (format, date, applied migrations, row
counts per model, file count), ``data.json`` (Django's JSON serialization, rows
keeping their primary keys, with natural keys for content types and permissions
so rows that point at them load into any migrated instance) and ``media/`` (the
uploaded files, read and written through the storage API, so this works for any
storage backend).

Left out, because a restore rebuilds them: content types and permissions
(``migrate``), the keyword search index (rebuilt from the listings), sessions
and background-job results.
"""

import datetime
import io
import json
import shutil
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from verdex.catalog.models import LISTING_MODELS
from verdex.search import keyword_index

ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA_PREFIX = "media/"
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "modelsearch", "django_tasks_database"]


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why."""


def export_backup(path, *, log=print):
    """Write a backup archive to ``path``; returns its manifest."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    media = sorted(_media_files())
    with tempfile.TemporaryDirectory() as workdir:
        data_path = Path(workdir) / DATA
        log("Serializing the database…")
        with _snapshot():
            manifest = {
                "format": ARCHIVE_FORMAT,
                "created_at": timezone.now().isoformat(),
                "migrations": sorted(_applied_migrations()),
                "rows": _row_counts(),
                "media_files": len(media),
            }
            for label, count in manifest["rows"].items():
                if count:
                    log(f"  {label}: {count} rows")
            with open(data_path, "w", encoding="utf-8") as stream:
                _Serializer().serialize(_all_objects(), stream=stream, cls=_ExactJSONEncoder)
        # A half-written archive must never look like a finished one: write beside it, then rename.
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
            archive.add(data_path, arcname=DATA)
            for done, name in enumerate(media, start=1):
                with default_storage.open(name, "rb") as stored:
                    info = tarfile.TarInfo(MEDIA_PREFIX + name)
                    info.size = default_storage.size(name)
                    info.mtime = int(timezone.now().timestamp())
                    archive.addfile(info, stored)
                if done % 100 == 0 or done == len(media):
                    log(f"  media files: {done} of {len(media)}")
    partial.replace(path)
    log(f"Backup written to {path} ({sum(manifest['rows'].values())} rows, {len(media)} files).")
    return manifest


def restore_backup(path, *, force=False, log=print):
    """Replace this instance's data and uploaded files with the archive's.

    Refuses when listings exist unless ``force``: a restore erases what is here.
    Returns the archive's manifest.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup archive at {path}.")
    with tempfile.TemporaryDirectory() as workdir:
        data_path = Path(workdir) / DATA
        # The whole archive is read once before anything here changes, so a
        # truncated or corrupted file is refused with nothing flushed.
        with _reading(path), tarfile.open(path, "r:gz") as archive:
            manifest = _read_manifest(archive)
            with _member(archive, DATA) as source, open(data_path, "wb") as target:
                shutil.copyfileobj(source, target)
            media = [member for member in archive.getmembers()
                     if member.isfile() and member.name.startswith(MEDIA_PREFIX)]
            for member in media:
                with archive.extractfile(member) as source:
                    shutil.copyfileobj(source, _Discard())
        _check_migrations(manifest)
        if not force and any(model.objects.exists() for model in LISTING_MODELS.values()):
            raise BackupError(
                "This instance already has listings; a restore would erase them. "
                "Restore into an empty instance, or pass --force to replace everything."
            )
        with tarfile.open(path, "r:gz") as archive:
            _load(archive, manifest, data_path, log)

    log("Rebuilding the search index…")
    call_command("rebuild_modelsearch_index", verbosity=0)
    if keyword_index.in_use():  # the tantivy index of the SQLite default (decision 28)
        call_command("rebuild_search_index", verbosity=0)
    log(f"Restored {path} (made {manifest['created_at']}).")
    return manifest


class _Discard(io.RawIOBase):
    """A sink for reading members through to the end without keeping them."""

    def writable(self):
        return True

    def write(self, data):
        return len(data)


@contextmanager
def _reading(path):
    """Turn every way a damaged archive fails to read into one BackupError naming the file."""
    try:
        yield
    except BackupError:
        raise
    except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError) as error:
        raise BackupError(
            f"{path} is not a Verdex backup archive, or it is truncated or damaged "
            f"({str(error) or type(error).__name__}); nothing was restored."
        ) from error


def _load(archive, manifest, data_path, log):
    """Replace the database's rows and the uploaded files with the archive's (already read once)."""
    log("Loading the database…")
    with transaction.atomic():
        call_command("flush", interactive=False, verbosity=0)
        # flush recreates content types under new ids; cached ones would be stale.
        ContentType.objects.clear_cache()
        Site.objects.clear_cache()
        call_command("loaddata", str(data_path), verbosity=0)
        _check_row_counts(manifest["rows"])
    for label, count in manifest["rows"].items():
        if count:
            log(f"  {label}: {count} rows")

    media = [member for member in archive.getmembers()
             if member.isfile() and member.name.startswith(MEDIA_PREFIX)]
    for done, member in enumerate(media, start=1):
        _restore_file(archive, member)
        if done % 100 == 0 or done == len(media):
            log(f"  media files: {done} of {len(media)}")


@contextmanager
def _snapshot():
    """Read every table as of one moment, so rows written meanwhile cannot break
    references between tables, without locking writers out."""
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
        return
    # SQLite: a deferred transaction reads one WAL snapshot; the configured
    # IMMEDIATE mode would take the write lock for the whole export.
    connection.ensure_connection()
    configured = connection.transaction_mode
    connection.transaction_mode = "DEFERRED"
    try:
        with transaction.atomic():
            yield
    finally:
        connection.transaction_mode = configured


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps microseconds, which Django's encoder cuts to milliseconds for JavaScript."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


class _Serializer(JSONSerializer):
    """Django's JSON serializer, writing references to content types and permissions
    as natural keys (every ``migrate`` numbers those anew) from one lookup each
    instead of a query per row. Everything else keeps its primary key."""

    def start_serialization(self):
        super().start_serialization()
        self.natural_keys = {
            ContentType: {ct.pk: ct.natural_key() for ct in ContentType.objects.all()},
            Permission: {
                permission.pk: permission.natural_key()
                for permission in Permission.objects.select_related("content_type")
            },
        }

    def handle_fk_field(self, obj, field):
        super().handle_fk_field(obj, field)
        keys = self.natural_keys.get(field.related_model)
        if keys is not None and self._current[field.name] is not None:
            self._current[field.name] = keys[self._current[field.name]]

    def handle_m2m_field(self, obj, field):
        super().handle_m2m_field(obj, field)
        keys = self.natural_keys.get(field.related_model)
        if keys is not None and field.name in self._current:
            self._current[field.name] = [keys[pk] for pk in self._current[field.name]]


def _serialized_models():
    """Models whose rows go in the archive, in dependency order."""
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    app_list = [(config, None) for config in apps.get_app_configs()
                if config.label not in excluded_apps and config.models_module is not None]
    for model in serializers.sort_dependencies(app_list, allow_cycles=True):
        meta = model._meta
        if meta.managed and not meta.proxy and meta.label_lower not in excluded_models:
            yield model


def _all_objects():
    for model in _serialized_models():
        links = [field.name for field in model._meta.local_many_to_many
                 if field.remote_field.through._meta.auto_created]
        rows = model._base_manager.order_by(model._meta.pk.name).prefetch_related(*links)
        yield from rows.iterator(chunk_size=2000)


def _backed_up_models():
    """The serialized models and the many-to-many link tables stored with their rows."""
    for model in _serialized_models():
        yield model
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                yield field.remote_field.through


def _row_counts():
    return {model._meta.label_lower: model._base_manager.count() for model in _backed_up_models()}


def _check_row_counts(expected):
    found = _row_counts()
    wrong = {label: (count, found.get(label)) for label, count in expected.items()
             if found.get(label) != count}
    if wrong:
        details = ", ".join(f"{label}: {want} expected, {got} loaded" for label, (want, got) in wrong.items())
        raise BackupError(f"The restored data does not match the backup ({details}).")


def _applied_migrations():
    return {f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()}


def _check_migrations(manifest):
    missing = set(manifest["migrations"]) - _applied_migrations()
    if missing:
        raise BackupError(
            "The backup was made by a newer Verdex: this instance lacks the migrations "
            + ", ".join(sorted(missing)) + ". Upgrade this instance and run migrate first."
        )


def _media_files(directory=""):
    try:
        directories, files = default_storage.listdir(directory)
    except FileNotFoundError:  # nothing uploaded yet
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for name in directories:
        yield from _media_files(f"{directory}/{name}" if directory else name)


def _add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def _member(archive, name):
    try:
        return archive.extractfile(name)
    except KeyError as error:
        raise BackupError(f"The archive has no {name}: it is not a Verdex backup.") from error


def _read_manifest(archive):
    with _member(archive, MANIFEST) as source:
        manifest = json.load(source)
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}; expected {ARCHIVE_FORMAT}.")
    return manifest


def _restore_file(archive, member):
    name = member.name.removeprefix(MEDIA_PREFIX)
    if default_storage.exists(name):
        default_storage.delete(name)
    with archive.extractfile(member) as source:
        # The storage validates the name, so "../" or absolute paths cannot escape MEDIA_ROOT.
        saved = default_storage.save(name, File(source, name=name))
    if saved != name:
        raise BackupError(f"Could not restore {name} under its own name (saved as {saved}).")
