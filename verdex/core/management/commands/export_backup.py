from django.core.management.base import BaseCommand, CommandError

from verdex.core.backup import BackupError, export_backup


class Command(BaseCommand):
    help = "Write a backup archive (.tar.gz) of all data and uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("path", help="where to write the archive, e.g. verdex-2025-01-31.tar.gz")

    def handle(self, *, path, verbosity, **options):
        log = self.stdout.write if verbosity else (lambda message: None)
        try:
            export_backup(path, log=log)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
