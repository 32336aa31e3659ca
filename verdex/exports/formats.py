"""Writers that turn records into CSV, JSON, JSON Lines and JSON-LD text, piece by piece.

Each writer yields strings so that a large export streams to the client (or
to a file) without being held in memory.
"""

import csv
import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder

from .csv_safety import safe_cell
from .jsonld import CONTEXT, to_jsonld

MULTI_VALUE_SEPARATOR = "; "
BYTE_ORDER_MARK = "\ufeff"  # lets Excel recognise the file as UTF-8


class _Line:
    """A file-like object whose ``write`` hands back what csv.writer wrote."""

    def write(self, value):
        return value


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        value = MULTI_VALUE_SEPARATOR.join(str(item) for item in value)
    elif isinstance(value, datetime.datetime):
        value = value.isoformat()
    return safe_cell(value)


_csv_writer = csv.writer(_Line())


def csv_line(values):
    return _csv_writer.writerow(values)


def csv_record_line(columns, record):
    return csv_line([csv_cell(record[column]) for column in columns])


def write_csv(columns, records):
    yield BYTE_ORDER_MARK
    yield csv_line(columns)
    for record in records:
        yield csv_record_line(columns, record)


def _dumps(value):
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def write_json(records):
    """A JSON array of records, one per line."""
    yield "["
    separator = "\n"
    for record in records:
        yield separator + _dumps(record)
        separator = ",\n"
    yield "\n]\n"


def json_line(record):
    return _dumps(record) + "\n"


def write_jsonld(kind, records, *, name, number_of_items, description=""):
    """A schema.org ItemList whose elements are the records in schema.org terms."""
    header = {"@context": CONTEXT, "@type": "ItemList", "name": name, "numberOfItems": number_of_items}
    if description:
        header["description"] = description
    yield _dumps(header)[:-1] + ', "itemListElement": ['
    separator = "\n"
    for position, record in enumerate(records, start=1):
        element = {"@type": "ListItem", "position": position, "item": to_jsonld(kind, record)}
        yield separator + _dumps(element)
        separator = ",\n"
    yield "\n]}\n"
