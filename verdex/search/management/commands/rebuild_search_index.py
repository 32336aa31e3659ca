"""Build the keyword index (tantivy, SQLite default) of every listing kind from the database."""

import time

from django.core.management.base import BaseCommand, CommandError

from verdex.catalog.models import LISTING_MODELS
from verdex.search import keyword_index


class Command(BaseCommand):
    help = (
        "Write the keyword index of the published listings into a fresh directory under "
        "SEARCH_INDEX_DIR and swap it in atomically: searches running meanwhile keep the old one. "
        "Run it after load_demo, loaddata, restoring a database backup, or changing the index's schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", choices=sorted(LISTING_MODELS),
                            help="Only this kind of listing; may be repeated (default: all).")

    def handle(self, *args, kind, verbosity=1, **options):
        if not keyword_index.in_use():
            raise CommandError("The keyword index is SQLite's; PostgreSQL searches its own full-text index.")
        for kind_name in kind or list(LISTING_MODELS):
            started = time.monotonic()
            count = keyword_index.rebuild(kind_name, progress=verbosity > 0)
            model = LISTING_MODELS[kind_name]
            self.stdout.write(f"{model._meta.verbose_name_plural.capitalize()}: indexed {count} published "
                              f"({time.monotonic() - started:.1f} s) in {keyword_index.index_root()}.")
        keyword_index.forget()
