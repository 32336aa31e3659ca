"""``manage.py send_freshness_reminders``: daily, by the scheduler (docs/deploy.md)."""

from django.core.management.base import BaseCommand

from verdex.catalog import services


class Command(BaseCommand):
    help = ("Archive listings unconfirmed LISTING_CONFIRM_GRACE_DAYS after their reminder, mark the stale ones "
            "(search facet, statistics), then ask owners to confirm the published listings they have not confirmed for LISTING_CONFIRM_MONTHS.")

    def handle(self, *args, **options):
        archived = services.archive_unconfirmed_listings()
        marked = services.mark_stale_listings()
        count = services.remind_stale_listings()
        self.stdout.write(f"Archived {archived}, marked {marked} as not confirmed and reminded the owners of "
                          f"{count} listing{'s' if count != 1 else ''}.")
