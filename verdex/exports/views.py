"""Downloads of a search result as CSV, JSON or JSON-LD.

The URL takes the search page's own query string, so "Download" next to a
result list gives exactly the listings found there (all pages of them, up to
settings.EXPORT_MAX_ROWS). Headers say how many rows matched and whether the
file was cut short.
"""

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_cookie

from verdex.search.query import clean_text

from .formats import write_csv, write_json, write_jsonld
from .selectors import kind_label, search_export

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "jsonld": "application/ld+json; charset=utf-8",
}


@require_GET
@vary_on_cookie  # members get more columns than visitors
def download(request, kind, fmt):
    export = search_export(kind, request.GET, request.user)
    base_url = request.build_absolute_uri("/")
    records = export.records(base_url)
    if fmt == "csv":
        body = write_csv(export.columns, records)
    elif fmt == "json":
        body = write_json(records)
    else:
        body = write_jsonld(
            kind, records,
            name=_title(kind, request),
            number_of_items=export.row_count,
            description=_cap_note(export),
        )
    response = StreamingHttpResponse(body, content_type=CONTENT_TYPES[fmt])
    filename = f"verdex-{kind_label(kind)}-{timezone.now():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Total-Count"] = str(export.total)
    response["X-Export-Rows"] = str(export.row_count)
    response["X-Export-Capped"] = "true" if export.capped else "false"
    if export.capped:
        response["X-Export-Note"] = _cap_note(export)
    return response


def _title(kind, request):
    text = clean_text(request.GET.get("q", ""))
    label = kind_label(kind).capitalize()
    return f"{label} matching “{text}”" if text else label


def _cap_note(export):
    if not export.capped:
        return ""
    return (
        f"Only the first {export.limit:,} of {export.total:,} matching {kind_label(export.kind)} "
        "are included; narrow the search to get the rest."
    )
