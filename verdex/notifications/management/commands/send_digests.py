"""``manage.py send_digests --frequency daily|weekly``: run by the scheduler (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from verdex.notifications import services


class Command(BaseCommand):
    help = "Check the saved searches of this frequency and queue the daily or weekly email digests."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=["daily", "weekly"], required=True)

    def handle(self, *args, frequency, **options):
        queued = services.send_digests(frequency=frequency)
        self.stdout.write(f"Queued {queued} {frequency} digest{'s' if queued != 1 else ''}.")
