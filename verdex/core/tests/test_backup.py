"""export_backup / restore_backup: a round trip through an empty instance loses nothing."""

import io
import json
import shutil
import tarfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from PIL import Image

from verdex.catalog import services as catalog_services
from verdex.catalog.models import Need, Technology, TechnologyImage
from verdex.connections import services as connection_services
from verdex.connections.models import Connection, ConnectionEvent, Stage
from verdex.core.backup import _backed_up_models
from verdex.moderation.models import AuditEntry
from verdex.organisations.models import Membership
from verdex.taxonomy.models import SDG, Benefit, Country

# Restoring flushes and reloads the database, which a test's enclosing
# transaction cannot hold: these tests commit, and the database is reloaded from
# its migrated state around each one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Rows of these point at content types and permissions, whose ids a fresh
# instance may number differently: compare them by natural key.
NATURAL = (ContentType, Permission)


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    yield
    # The database is reloaded after each test here; cached ids must not leak out.
    ContentType.objects.clear_cache()


def _png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _value(field, obj):
    value = getattr(obj, field.attname)
    if field.is_relation and issubclass(field.related_model, NATURAL) and value is not None:
        return field.related_model.objects.get(pk=value).natural_key()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _snapshot():
    """Every backed-up row, as comparable values, by model."""
    rows = {}
    for model in _backed_up_models():
        fields = model._meta.concrete_fields
        if model._meta.auto_created:
            # Many-to-many link rows are restored through their owners; their own ids are not data.
            fields = [field for field in fields if not field.primary_key]
        rows[model._meta.label_lower] = sorted(
            (tuple(_value(field, obj) for field in fields) for obj in model._base_manager.all()),
            key=repr,
        )
    return rows


def _media():
    files = {}
    for path in sorted(p for p in default_storage.base_location.rglob("*") if p.is_file()):
        files[str(path.relative_to(default_storage.base_location))] = path.read_bytes()
    return files


@pytest.fixture
def exchange(make_technology, make_need, make_expert, member, other_member, moderator, organisation, org_admin):
    """A small exchange with rows in every kind of table a backup must carry."""
    organisation.logo.save("sunfield.png", ContentFile(_png("orange")))
    Membership.objects.create(organisation=organisation, user=member, role=Membership.Role.MEMBER)
    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="moderate_listings"))
    other_member.groups.add(reviewers)

    technology = make_technology(
        title="Biogas digester for dairy farms", owner=org_admin, organisation=organisation,
        fields=("Y02E10", "Y02A20"),
    )
    technology.sdgs.set(SDG.objects.filter(number__in=[6, 7]))
    technology.benefits.set(Benefit.objects.all()[:2])
    technology.available_in.set(Country.objects.filter(code__in=["KE", "TZ", "UG"]))
    TechnologyImage.objects.create(
        technology=technology, image=ContentFile(_png("green"), name="digester.png"), caption="Pilot site",
    )
    need = make_need(owner=other_member)
    make_expert(owner=member)
    draft = make_technology(title="Solar cold room", status="draft")
    catalog_services.transition(listing=draft, action="submit", by=draft.owner)
    catalog_services.toggle_bookmark(user=member, listing=technology)

    conversation = connection_services.request_connection(
        requester=other_member, listing=technology, message="Could this work at our cooperative?",
        about_need=need,
    )
    connection_services.move_connection(connection=conversation, to_stage=Stage.ACCEPTED, by=org_admin,
                                        note="Happy to talk.")
    return technology


def test_a_backup_restored_into_an_empty_instance_brings_back_every_row_and_file(exchange, settings, tmp_path):
    assert AuditEntry.objects.exists() and ConnectionEvent.objects.count() == 2
    before_rows, before_files = _snapshot(), _media()
    assert len(before_files) == 2
    archive = tmp_path / "verdex.tar.gz"

    out = io.StringIO()
    call_command("export_backup", str(archive), stdout=out)
    assert "Backup written to" in out.getvalue()

    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    shutil.rmtree(settings.MEDIA_ROOT)
    assert not Technology.objects.exists() and _media() == {}

    out = io.StringIO()
    call_command("restore_backup", str(archive), stdout=out)

    assert "Rebuilding the search index" in out.getvalue()
    after_rows = _snapshot()
    for label, rows in before_rows.items():
        assert after_rows[label] == rows, label
    assert _media() == before_files
    found = Technology.objects.published().search("biogas").get_queryset()
    assert list(found.values_list("pk", flat=True)) == [exchange.pk]
    assert Connection.objects.get().listing == exchange


def test_the_archive_leaves_out_what_is_rebuilt(exchange, tmp_path):
    archive = tmp_path / "verdex.tar.gz"
    call_command("export_backup", str(archive), verbosity=0)

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        data = json.load(tar.extractfile("data.json"))
        names = tar.getnames()
    models = {row["model"] for row in data}
    assert "catalog.technology" in models and "connections.connectionevent" in models
    assert not models & {"contenttypes.contenttype", "auth.permission", "sessions.session"}
    assert not any(model.startswith(("modelsearch.", "django_tasks_database.")) for model in models)
    assert manifest["rows"]["catalog.technology"] == 2
    assert manifest["media_files"] == 2
    assert sum(name.startswith("media/") for name in names) == 2


def test_restore_refuses_to_overwrite_an_instance_with_listings(exchange, tmp_path):
    archive = tmp_path / "verdex.tar.gz"
    call_command("export_backup", str(archive), verbosity=0)
    Need.objects.all().delete()

    with pytest.raises(CommandError, match="already has listings"):
        call_command("restore_backup", str(archive), verbosity=0)
    assert not Need.objects.exists()

    call_command("restore_backup", str(archive), "--force", verbosity=0)
    assert Need.objects.count() == 1


def test_restore_rejects_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a Verdex backup"):
        call_command("restore_backup", str(bogus), verbosity=0)

    with pytest.raises(CommandError, match="No backup archive"):
        call_command("restore_backup", str(tmp_path / "missing.tar.gz"), verbosity=0)


def test_restore_refuses_a_backup_from_a_newer_version(tmp_path):
    archive = tmp_path / "future.tar.gz"
    call_command("export_backup", str(archive), verbosity=0)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        data = tar.extractfile("data.json").read()
    manifest["migrations"].append("catalog.9999_from_the_future")
    with tarfile.open(archive, "w:gz") as tar:
        for name, content in (("manifest.json", json.dumps(manifest).encode()), ("data.json", data)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))

    with pytest.raises(CommandError, match="catalog.9999_from_the_future"):
        call_command("restore_backup", str(archive), verbosity=0)


def test_export_leaves_the_sqlite_transaction_mode_as_configured(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the transaction mode is SQLite's")
    configured = connection.transaction_mode
    call_command("export_backup", str(tmp_path / "verdex.tar.gz"), verbosity=0)
    assert connection.transaction_mode == configured
