"""A truncated or damaged backup is refused with one clear line, and nothing here changes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from verdex.catalog.models import Technology

# Restoring flushes the database, which a test's enclosing transaction cannot
# hold: these tests commit, and the database is reloaded around each one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def backup(make_technology, tmp_path):
    """A real archive of a small exchange with an uploaded file, and what was there when it was made."""
    make_technology(title="Solar dryer for mangoes")
    default_storage.save("logos/sunfield.png", ContentFile(os.urandom(200_000)))  # incompressible
    archive = tmp_path / "verdex.tar.gz"
    call_command("export_backup", str(archive), verbosity=0)
    return archive


def _truncated(archive, keep):
    cut = archive.with_name(f"cut-{keep}.tar.gz")
    cut.write_bytes(archive.read_bytes()[:keep])
    return cut


@pytest.mark.parametrize("share", [0.02, 0.5, 0.999])
def test_a_truncated_backup_is_refused_naming_the_file_and_nothing_changes(backup, share, make_technology):
    make_technology(title="Wind pump for cattle troughs")  # the instance has moved on since the backup
    titles = sorted(Technology.objects.values_list("title", flat=True))
    cut = _truncated(backup, int(backup.stat().st_size * share))

    with pytest.raises(CommandError) as raised:
        call_command("restore_backup", str(cut), "--force", verbosity=0)

    message = str(raised.value)
    assert str(cut) in message and "truncated or damaged" in message and "nothing was restored" in message
    assert "\n" not in message
    assert sorted(Technology.objects.values_list("title", flat=True)) == titles
    assert default_storage.exists("logos/sunfield.png")


def test_the_command_exits_non_zero_with_one_line_and_no_traceback(backup, tmp_path):
    cut = _truncated(backup, backup.stat().st_size // 2)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'untouched.sqlite3'}",
           "MEDIA_ROOT": str(tmp_path / "media-untouched")}

    result = subprocess.run([sys.executable, "manage.py", "restore_backup", str(cut)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("CommandError: ") and str(cut) in lines[0]
    assert not (tmp_path / "media-untouched").exists()


def test_an_intact_backup_still_restores(backup):
    Technology.objects.all().delete()

    call_command("restore_backup", str(backup), verbosity=0)

    assert list(Technology.objects.values_list("title", flat=True)) == ["Solar dryer for mangoes"]
