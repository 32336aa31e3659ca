"""Generate synthetic published listings for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from verdex.demo import synthetic


class Command(BaseCommand):
    help = (
        "Create N synthetic published listings (source “partner”, external id "
        "“synthetic-<n>”) from fragments of the demo content. Existing ids are skipped, so "
        "running it again only adds what is missing. --clear removes them all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--technologies", type=int, default=0, metavar="N")
        parser.add_argument("--needs", type=int, default=0, metavar="M")
        parser.add_argument("--experts", type=int, default=0, metavar="K")
        parser.add_argument("--batch", type=int, default=5000,
                            help="Rows per insert and per indexing batch (default 5000); "
                                 "20000 or more speeds up runs of a million rows.")
        parser.add_argument("--seed", type=int, default=0,
                            help="Change to get different (still repeatable) text.")
        parser.add_argument("--clear", action="store_true",
                            help="Delete every synthetic listing first.")
        parser.add_argument("--no-index", action="store_true",
                            help="Skip the search index (run rebuild_modelsearch_index later).")

    def handle(self, *args, technologies, needs, experts, batch, seed, clear, no_index,
               verbosity=1, **options):
        if min(technologies, needs, experts) < 0:
            raise CommandError("Counts must be zero or more.")
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        if not (clear or technologies or needs or experts):
            raise CommandError("Give --technologies, --needs or --experts, or --clear.")
        show_progress = verbosity > 0
        started = time.monotonic()
        if clear:
            deleted = synthetic.clear(show_progress=show_progress)
            self.stdout.write("Removed synthetic listings: " + ", ".join(
                f"{n} {name}" for name, n in deleted.items()) + ".")
        if technologies or needs or experts:
            created = synthetic.generate(
                technologies=technologies, needs=needs, experts=experts, batch_size=batch,
                seed=seed, index=not no_index, show_progress=show_progress,
            )
            summary = ", ".join(f"{n} {name}" for name, n in created.items()) or "nothing new"
            self.stdout.write(self.style.SUCCESS(
                f"Created {summary} in {time.monotonic() - started:.1f} s"
                + (" (not indexed)." if no_index else ".")
            ))
