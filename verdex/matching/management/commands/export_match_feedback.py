"""Write members' feedback on suggested matches as CSV, for evaluating the matcher."""

import csv
import json

from django.core.management.base import BaseCommand

from verdex.exports.csv_safety import safe_cell
from verdex.matching.selectors import feedback_rows

COLUMNS = ["source_kind", "source_id", "target_kind", "target_id", "useful", "score", "reasons", "date"]


class Command(BaseCommand):
    help = (
        "Export every Useful / Not useful verdict on a suggested match as CSV (one row per member "
        "and pair, latest verdict): the page it was given on (source), the suggestion (target), "
        "the score and reasons shown, and when."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args, output=None, **options):
        if output:
            with open(output, "w", newline="", encoding="utf-8") as handle:
                count = self._write(handle)
            self.stderr.write(f"Wrote {count} feedback rows to {output}.")
        else:
            self._write(self.stdout)

    def _write(self, handle):
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        count = 0
        for feedback in feedback_rows().iterator():
            need = ("need", feedback.need_id)
            offer = (feedback.offer_kind, feedback.offer_id)
            source, target = (need, offer) if feedback.source_kind == "need" else (offer, need)
            writer.writerow([
                *source, *target, "yes" if feedback.useful else "no",
                "" if feedback.score is None else f"{feedback.score:.6f}",
                safe_cell(json.dumps(feedback.reasons, ensure_ascii=False, sort_keys=True)),
                feedback.updated_at.isoformat(),
            ])
            count += 1
        return count
