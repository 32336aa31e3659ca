"""Embed every listing whose text changed since its vector was stored."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verdex.catalog.models import LISTING_MODELS
from verdex.search import vector_index
from verdex.search.embeddings import MODELS, model_name
from verdex.search.services import embed_listings


class Command(BaseCommand):
    help = (
        "Compute the sentence embeddings of listings (every status) in batches, skipping "
        "listings whose text is unchanged since their vector was stored. Run it after "
        "changing SEARCH_EMBEDDING_MODEL or after bulk imports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--model", choices=sorted(MODELS),
                            help="Embedding model (default: SEARCH_EMBEDDING_MODEL).")
        parser.add_argument("--kind", action="append", choices=sorted(LISTING_MODELS),
                            help="Only this kind of listing; may be repeated (default: all).")
        parser.add_argument("--batch", type=int, default=256, help="Listings per batch (default 256).")
        parser.add_argument("--force", action="store_true", help="Embed even unchanged texts.")

    def handle(self, *args, model, kind, batch, force, verbosity=1, **options):
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        name = model or model_name()
        for kind_name in kind or list(LISTING_MODELS):
            listing_model = LISTING_MODELS[kind_name]
            started = time.monotonic()
            embedded = self._embed_kind(listing_model, name, batch, force, verbosity > 0)
            total = listing_model.objects.count()
            self.stdout.write(
                f"{listing_model._meta.verbose_name_plural.capitalize()}: embedded {embedded}, "
                f"unchanged {total - embedded} ({name}, {time.monotonic() - started:.1f} s)."
            )
        vector_index.forget_all()

    def _embed_kind(self, model, name, batch, force, show_progress):
        queryset = model.objects.order_by("pk")
        if model.kind == "technology":
            queryset = queryset.prefetch_related("benefits")
        embedded = 0
        with tqdm(total=model.objects.count(), desc=f"Embedding {model._meta.verbose_name_plural}",
                  unit="listings", disable=not show_progress) as progress:
            last_pk = 0
            while True:
                # Keyset pagination: OFFSET gets slower with every page on large tables.
                listings = list(queryset.filter(pk__gt=last_pk)[:batch])
                if not listings:
                    break
                embedded += embed_listings(model=model, listings=listings, model_name=name, force=force)
                last_pk = listings[-1].pk
                progress.update(len(listings))
        return embedded
