"""Reading CSV, XLSX and JSON files into rows of text cells.

Every format gives the same thing: the column names and rows of
``{column: text}``, numbered as a spreadsheet shows them (the header is row 1,
so the first record is row 2; in JSON the first object is row 1).

Encodings: CSV files must be UTF-8 (a byte-order mark, as Excel's "CSV UTF-8"
writes, is fine). We do not guess other encodings: a guess such as cp1252 turns
Polish, Turkish or Vietnamese names into silent garbage. Instead each row with
bytes that are not UTF-8 is rejected on its own ("not valid UTF-8") and the
rest of the file imports; the message tells the user how to re-save the file.
"""

import csv
import datetime
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

NOT_UTF8 = "not valid UTF-8; save the file as “CSV UTF-8” and import it again"
_SURROGATE = re.compile("[\udc80-\udcff]")


class FileError(Exception):
    """The file as a whole cannot be read; the message says why, for the user."""


@dataclass
class Row:
    number: int
    values: dict
    error: str = ""  # the row cannot be read; it is rejected without validation


@dataclass
class Table:
    headers: list
    total: int
    _rows: callable = field(repr=False)

    def rows(self):
        return self._rows()


def read_table(path, file_format):
    """Open ``path`` as ``file_format`` ("csv", "xlsx" or "json"); raises FileError."""
    readers = {"csv": _read_csv, "xlsx": _read_xlsx, "json": _read_json}
    try:
        reader = readers[file_format]
    except KeyError:
        raise FileError(f"Unknown file format “{file_format}”.") from None
    try:
        with open(path, "rb") as handle:
            head = handle.read(1)
    except OSError as exc:
        raise FileError(f"The file cannot be opened: {exc.strerror}.") from None
    if not head:
        raise FileError("The file is empty.")
    return reader(path)


def _clean_headers(raw):
    headers = []
    for position, name in enumerate(raw, start=1):
        name = " ".join(str(name or "").split())
        if _SURROGATE.search(name):
            raise FileError(f"The column names in row 1 are {NOT_UTF8}.")
        if not name:
            name = f"column {position}"
        if name in headers:
            raise FileError(f"Two columns are called “{name}”; give every column its own name.")
        headers.append(name)
    if not any(headers):
        raise FileError("The first row must hold the column names.")
    return headers


def _row(number, headers, cells):
    cells = list(cells)
    extra = [cell for cell in cells[len(headers):] if str(cell).strip()]
    values = {header: cells[i] if i < len(cells) else "" for i, header in enumerate(headers)}
    if extra:
        return Row(number, values, f"has {len(cells)} cells but the file has {len(headers)} columns")
    if any(_SURROGATE.search(value) for value in values.values()):
        return Row(number, {k: _SURROGATE.sub("\ufffd", v) for k, v in values.items()}, NOT_UTF8)
    return Row(number, values)


def _blank(cells):
    return not any(str(cell).strip() for cell in cells)


# CSV ---------------------------------------------------------------------------------


def _read_csv(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise FileError("This is not a CSV text file. Choose the format that matches the file.")
    # surrogateescape keeps undecodable bytes so each bad row can be named, not the whole file.
    text = data.decode("utf-8", errors="surrogateescape")
    if not text.strip():
        raise FileError("The file is empty.")
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)

    def records():
        try:
            yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        except csv.Error as exc:
            raise FileError(f"The CSV file is malformed: {exc}.") from None

    iterator = records()
    headers = _clean_headers(next(iterator))
    total = sum(1 for cells in iterator if not _blank(cells))
    if total == 0:
        raise FileError("The file has column names but no rows to import.")

    def rows():
        iterator = records()
        next(iterator)
        for number, cells in enumerate(iterator, start=2):
            if not _blank(cells):
                yield _row(number, headers, [cell.strip() for cell in cells])

    return Table(headers, total, rows)


# XLSX --------------------------------------------------------------------------------


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _open_workbook(path):
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileError("This is not an Excel workbook (.xlsx). Choose the format that matches the file.") from None


def _read_xlsx(path):
    def records():
        workbook = _open_workbook(path)
        try:
            sheet = workbook.worksheets[0]
            for cells in sheet.iter_rows(values_only=True):
                yield [_cell_text(value) for value in cells]
        finally:
            workbook.close()

    iterator = records()
    try:
        headers = _clean_headers(next(iterator))
    except StopIteration:
        raise FileError("The first sheet of the workbook is empty.") from None
    total = sum(1 for cells in iterator if not _blank(cells))
    if total == 0:
        raise FileError("The first sheet has column names but no rows to import.")

    def rows():
        iterator = records()
        next(iterator)
        for number, cells in enumerate(iterator, start=2):
            if not _blank(cells):
                yield _row(number, headers, cells)

    return Table(headers, total, rows)


# JSON --------------------------------------------------------------------------------


def _json_text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_json_text(item) for item in value if item not in (None, ""))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def _read_json(path):
    try:
        with open(path, "rb") as handle:
            records = json.loads(handle.read().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FileError(f"The JSON file is {NOT_UTF8.replace('CSV UTF-8', 'UTF-8')}.") from None
    except json.JSONDecodeError as exc:
        raise FileError(f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    if not isinstance(records, list):
        raise FileError("The JSON file must hold a list of objects, one per listing: [{…}, {…}].")
    if not records:
        raise FileError("The JSON list is empty: there is nothing to import.")
    headers = []
    for record in records:
        if isinstance(record, dict):
            headers.extend(str(key) for key in record if str(key) not in headers)
    if not headers:
        raise FileError("The JSON list holds no objects with named values.")

    def rows():
        for number, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                yield Row(number, {header: "" for header in headers}, "is not an object with named values")
                continue
            yield Row(number, {header: _json_text(record.get(header)) for header in headers})

    return Table(headers, len(records), rows)
