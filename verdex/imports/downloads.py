"""The rejected-rows file: the original cells plus why each row was refused."""

import csv
import io

# Spreadsheet programs run a cell starting with one of these as a formula
# ("CSV injection"); a leading apostrophe makes them plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rejected_rows_csv(job):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(name) for name in ["row", "errors", *job.headers]])
    for entry in job.report:
        if entry["action"] != "reject":
            continue
        cells = entry.get("cells") or {}
        writer.writerow(
            [entry["row"], safe_cell("; ".join(entry.get("errors", [])))]
            + [safe_cell(cells.get(header, "")) for header in job.headers]
        )
    return "\ufeff" + buffer.getvalue()  # the byte-order mark makes Excel read it as UTF-8
