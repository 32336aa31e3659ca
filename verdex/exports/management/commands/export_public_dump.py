import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verdex.exports.dump import LICENCE_NOTE, dump_kind, public_queryset, write_manifest, write_taxonomy
from verdex.exports.selectors import kind_label

KINDS = ("technology", "need", "expert", "organisation")


class Command(BaseCommand):
    help = (
        "Write every published technology, need and expert profile and every organisation "
        "(public fields only) as JSON Lines and CSV, plus the taxonomy and a manifest, to OUT_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("out_dir", help="folder to write to; created if missing")
        parser.add_argument("--gzip", action="store_true", help="compress every data file with gzip")
        parser.add_argument(
            "--base-url", default=settings.SITE_URL,
            help="address of the site, used for each row's url (default: settings.SITE_URL)",
        )

    def handle(self, *args, out_dir, gzip, base_url, verbosity, **options):
        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"Cannot create {out}: {error}") from error

        dumped = []
        for kind in KINDS:
            with tqdm(
                total=public_queryset(kind).count(), desc=kind_label(kind), unit=" rows",
                # Not self.stderr: it would end every redraw of the bar with a newline.
                file=sys.stderr, disable=verbosity == 0,
            ) as bar:
                dumped.append(
                    dump_kind(kind, out, base_url=base_url, compress=gzip, progress=bar.update)
                )
        taxonomy_file = write_taxonomy(out, compress=gzip)
        write_manifest(out, dumped, taxonomy_file, base_url=base_url)

        if verbosity:
            counts = ", ".join(f"{kind_label(item.kind)}: {item.rows}" for item in dumped)
            self.stdout.write(self.style.SUCCESS(f"Wrote {counts} to {out}."))
            self.stdout.write(LICENCE_NOTE)
