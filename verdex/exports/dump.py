"""The full public data dump: every published listing and organisation, plus the taxonomy.

Written by ``manage.py export_public_dump OUT_DIR``. Each kind goes to a JSON
Lines file and a CSV file with the public columns (what any visitor may see),
in id order so that two dumps of the same data are identical.
"""

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from verdex.search.engine import REGISTRY
from verdex.taxonomy.models import SDG, Arrangement, Benefit, Country, Language, Region, TechnologyField

from .formats import csv_line, csv_record_line, json_line
from .records import PUBLIC, SHAPES
from .selectors import ITERATOR_CHUNK, kind_label

LICENCE_NOTE = (
    "Listings are provided by their owners; reuse terms are set by the operator of the instance. "
    "Personal contact details are not part of this dump."
)


@dataclass(frozen=True)
class DumpedKind:
    kind: str
    rows: int
    files: tuple


def public_queryset(kind):
    """Everything search shows to a visitor, in id order."""
    return SHAPES[kind].prepare(REGISTRY[kind].base_queryset().order_by("pk"), PUBLIC)


def _open(path, compress):
    if compress:
        return gzip.open(f"{path}.gz", "wt", encoding="utf-8", newline="")
    return open(path, "w", encoding="utf-8", newline="")


def dump_kind(kind, out_dir, *, base_url, compress=False, progress=None):
    """Write ``<plural>.jsonl`` and ``<plural>.csv`` for ``kind``; ``progress`` is called per row."""
    name = kind_label(kind)
    shape = SHAPES[kind]
    paths = (Path(out_dir) / f"{name}.jsonl", Path(out_dir) / f"{name}.csv")
    columns = shape.columns(PUBLIC)
    rows = 0
    with _open(paths[0], compress) as jsonl, _open(paths[1], compress) as csv_file:
        # No byte order mark here: a dump is read by programs rather than Excel.
        csv_file.write(csv_line(columns))
        for obj in public_queryset(kind).iterator(chunk_size=ITERATOR_CHUNK):
            record = shape.record(obj, PUBLIC, base_url)
            jsonl.write(json_line(record))
            csv_file.write(csv_record_line(columns, record))
            rows += 1
            if progress:
                progress()
    suffix = ".gz" if compress else ""
    return DumpedKind(kind=kind, rows=rows, files=tuple(path.name + suffix for path in paths))


def taxonomy():
    """The reference lists that listings refer to, keyed by list name."""
    return {
        "technology_fields": [
            {"code": f.code, "name": f.name, "scheme": f.scheme, "parent": f.parent.code if f.parent_id else None}
            for f in TechnologyField.objects.select_related("parent").order_by("code")
        ],
        "sdgs": [{"number": s.number, "name": s.name} for s in SDG.objects.order_by("number")],
        "regions": [
            {"code": r.code, "name": r.name, "kind": r.kind} for r in Region.objects.order_by("code")
        ],
        "countries": [
            {
                "code": c.code, "name": c.name,
                "region": c.region.code if c.region_id else None,
                "subregion": c.subregion.code if c.subregion_id else None,
            }
            for c in Country.objects.select_related("region", "subregion").order_by("code")
        ],
        "benefits": [{"slug": b.slug, "name": b.name} for b in Benefit.objects.order_by("slug")],
        "arrangements": [{"slug": a.slug, "name": a.name} for a in Arrangement.objects.order_by("slug")],
        "languages": [{"code": lang.code, "name": lang.name} for lang in Language.objects.order_by("code")],
    }


def write_taxonomy(out_dir, *, compress=False):
    path = Path(out_dir) / "taxonomy.json"
    with _open(path, compress) as handle:
        json.dump(taxonomy(), handle, ensure_ascii=False, indent=1)
    return path.name + (".gz" if compress else "")


def write_manifest(out_dir, dumped, taxonomy_file, *, base_url):
    """``manifest.json``: what the dump holds, when it was made, and the reuse note."""
    manifest = {
        "site": settings.SITE_NAME,
        "source": base_url,
        "generated_at": timezone.now().isoformat(),
        "licence": LICENCE_NOTE,
        "kinds": {
            kind_label(item.kind): {"rows": item.rows, "files": list(item.files)} for item in dumped
        },
        "taxonomy": taxonomy_file,
    }
    path = Path(out_dir) / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest
