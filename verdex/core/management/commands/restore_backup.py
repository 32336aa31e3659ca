from django.core.management.base import BaseCommand, CommandError

from verdex.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by export_backup into this instance (migrated, and "
        "empty unless --force), then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup archive (.tar.gz)")
        parser.add_argument(
            "--force", action="store_true",
            help="restore even though this instance has listings: everything here is replaced",
        )

    def handle(self, *, path, force, verbosity, **options):
        log = self.stdout.write if verbosity else (lambda message: None)
        try:
            restore_backup(path, force=force, log=log)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
