"""``manage.py send_freshness_reminders``: daily, by the scheduler (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from verdex.catalog import services


class Command(BaseCommand):
    help = "Ask owners to confirm the published listings they have not confirmed for LISTING_CONFIRM_MONTHS."

    def handle(self, *args, **options):
        count = services.remind_stale_listings()
        self.stdout.write(f"Reminded the owners of {count} listing{'s' if count != 1 else ''}.")
