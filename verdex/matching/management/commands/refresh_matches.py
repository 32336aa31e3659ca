"""Recompute the suggested matches of every published need, technology and expert."""

import time

from django.core.management.base import BaseCommand
from django.db.models import Q
from tqdm import tqdm

from verdex.catalog.models import LISTING_MODELS, Status
from verdex.matching.models import Match
from verdex.matching.services import refresh_listing


class Command(BaseCommand):
    help = (
        "Recompute the stored suggestions of all published listings (embedding any whose vector "
        "is missing) and remove those of listings no longer published. Run it after bulk imports "
        "or after changing the matching engine or the embedding model."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", choices=sorted(LISTING_MODELS),
                            help="Only this kind of listing; may be repeated (default: all).")

    def handle(self, *args, kind, verbosity=1, **options):
        removed, _ = Match.objects.filter(
            ~Q(need__status=Status.PUBLISHED)
            | Q(technology__isnull=False) & ~Q(technology__status=Status.PUBLISHED)
            | Q(expert__isnull=False) & ~Q(expert__status=Status.PUBLISHED)
        ).delete()
        if removed:
            self.stdout.write(f"Removed {removed} matches of listings no longer published.")
        for kind_name in kind or list(LISTING_MODELS):
            model = LISTING_MODELS[kind_name]
            started = time.monotonic()
            ids = list(model.objects.published().order_by("pk").values_list("pk", flat=True))
            suggested = 0
            for pk in tqdm(ids, desc=f"Matching {model._meta.verbose_name_plural}", unit="listings",
                           disable=verbosity < 1):
                # Every listing is visited, so the counterparts need no recomputing here.
                suggested += refresh_listing(kind=kind_name, pk=pk, cascade=False)
            self.stdout.write(
                f"{model._meta.verbose_name_plural.capitalize()}: {len(ids)} matched, "
                f"{suggested} suggestions ({time.monotonic() - started:.1f} s)."
            )
