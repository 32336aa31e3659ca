"""Patent lists → technology listings (format documented in docs/imports.md).

Each patent row is first rewritten into the columns of a technology import
(title, summary, description, fields, …) and then goes through the same
conversion and form validation as any partner file.
"""

import datetime
import re

from django.utils.html import escape
from django.utils.text import Truncator

from . import concordance

COLUMNS = [
    "publication_number", "title", "abstract", "applicants", "inventors", "priority_date",
    "ipc_codes", "cpc_codes", "family_members",
]
OPTIONAL_COLUMNS = ["trl", "developed_in", "website", "sdgs"]
REQUIRED_COLUMNS = ["publication_number", "title", "abstract"]

# A patent says nothing about maturity; proof of concept is the usual state of an
# invention that is granted but not yet licensed. A "trl" column overrides it.
DEFAULT_TRL = 3

# Technology fields named in errors the way the patent file calls them.
ERROR_NAMES = {
    "external_id": "publication_number",
    "summary": "abstract",
    "description": "abstract",
    "patent_numbers": "family_members",
    "fields": "ipc_codes/cpc_codes",
}

# Identity mapping: the converted cells are already named after listing fields.
MAPPING = {
    name: name for name in [
        "external_id", "title", "summary", "description", "trl", "developed_in", "ip_status",
        "patent_numbers", "record_type", "fields", "sdgs", "website",
    ]
}

_PUBLICATION = re.compile(r"^[A-Z]{2}[0-9A-Z]{3,20}$")
_SPLIT = re.compile(r"[;|\n]")
_SUMMARY_CHARS = 1000
_PATENT_NUMBERS_CHARS = 500


def missing_columns(headers):
    return [column for column in REQUIRED_COLUMNS if column not in headers]


def normalise_number(raw):
    return re.sub(r"[\s\-.,/]", "", str(raw)).upper()


def _list(text):
    return [part.strip() for part in _SPLIT.split(text or "") if part.strip()]


def _date(text):
    text = (text or "").strip()
    if not text:
        return None, ""
    for pattern in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date(), ""
        except ValueError:
            continue
    return None, f"'{text}' is not a date (write it as YYYY-MM-DD)"


def _patent_numbers(publication, family):
    numbers = [publication]
    for number in (normalise_number(member) for member in family):
        if number and number not in numbers and len(", ".join(numbers + [number])) <= _PATENT_NUMBERS_CHARS:
            numbers.append(number)
    return ", ".join(numbers)


def _description(abstract, cells, publication, family, priority):
    facts = [
        ("Publication number", publication),
        ("Applicants", "; ".join(_list(cells.get("applicants")))),
        ("Inventors", "; ".join(_list(cells.get("inventors")))),
        ("Priority date", priority.isoformat() if priority else ""),
        ("Family members", ", ".join(normalise_number(member) for member in family)),
        ("IPC", "; ".join(_list(cells.get("ipc_codes")))),
        ("CPC", "; ".join(_list(cells.get("cpc_codes")))),
    ]
    items = "".join(f"<li>{label}: {escape(value)}</li>" for label, value in facts if value)
    return f"<p>{escape(abstract)}</p><h3>Bibliographic data</h3><ul>{items}</ul>"


def to_listing_cells(cells, *, field_codes, known_countries, fallback_country):
    """(cells named after technology fields, {patent column: [problems]})."""
    problems = {}
    publication = normalise_number(cells.get("publication_number", ""))
    if publication and not _PUBLICATION.match(publication):
        problems["publication_number"] = [
            f"'{cells.get('publication_number')}' is not a publication number (for example EP3123456A1)"
        ]
    priority, date_problem = _date(cells.get("priority_date"))
    if date_problem:
        problems["priority_date"] = [date_problem]
    abstract = " ".join((cells.get("abstract") or "").split())
    family = _list(cells.get("family_members"))
    codes = _list(cells.get("ipc_codes")) + _list(cells.get("cpc_codes"))
    office = publication[:2]
    developed_in = cells.get("developed_in") or (office if office in known_countries else fallback_country)
    converted = {
        "external_id": publication,
        "title": Truncator(" ".join((cells.get("title") or "").split())).chars(200),
        "summary": Truncator(abstract).chars(_SUMMARY_CHARS),
        "description": _description(abstract, cells, publication, family, priority) if abstract else "",
        "trl": cells.get("trl") or str(DEFAULT_TRL),
        "developed_in": developed_in,
        "ip_status": "patented",
        "record_type": "patent",
        "patent_numbers": _patent_numbers(publication, family) if publication else "",
        "fields": "; ".join(sorted(concordance.fields_for_codes(codes, field_codes))),
        "sdgs": cells.get("sdgs", ""),
        "website": cells.get("website", ""),
    }
    return converted, problems
