"""Reading real CSV, XLSX and JSON files, good and broken."""

import pytest

from verdex.imports.parsing import NOT_UTF8, FileError, read_table

from .conftest import HEADER, errors_of, technology_row


def test_csv_with_byte_order_mark_and_semicolons(write_file):
    path = write_file("excel.csv", "\ufeffexternal_id;title\nA-1;Wind pump\n\n;\nA-2;Rain tank\n".encode())

    table = read_table(path, "csv")

    assert table.headers == ["external_id", "title"]
    assert table.total == 2
    rows = list(table.rows())
    assert [(row.number, row.values) for row in rows] == [
        (2, {"external_id": "A-1", "title": "Wind pump"}), (5, {"external_id": "A-2", "title": "Rain tank"}),
    ]


def test_rows_that_are_not_utf8_are_named_and_the_rest_are_read(write_file):
    content = "external_id,title\nA-1,Café solaire\n".encode() + "A-2,Caf\xe9 broken\n".encode("cp1252")
    table = read_table(write_file("mixed.csv", content), "csv")

    first, second = table.rows()

    assert first.error == "" and first.values["title"] == "Café solaire"
    assert second.error == NOT_UTF8 and second.number == 3
    assert second.values["title"] == "Caf\ufffd broken"


def test_broken_encoding_rejects_only_that_row_in_an_import(importer, write_csv):
    good = write_csv([technology_row(1)]).read_bytes()
    bad = write_csv([technology_row(2, title="Séchoir solaire amélioré")], encoding="cp1252").read_bytes()
    path = write_csv([])  # header only, overwritten below
    path.write_bytes(good + bad.split(b"\r\n", 1)[1])

    job = importer(path, commit=False)

    assert [entry["action"] for entry in job.report] == ["create", "reject"]
    assert errors_of(job) == [f"row 3: {NOT_UTF8}"]


@pytest.mark.parametrize("content, message", [
    (b"", "The file is empty."),
    (b"  \n\n", "The file is empty."),
    (b"external_id,title\n", "The file has column names but no rows to import."),
    (b"id,id\n1,2\n", "Two columns are called “id”; give every column its own name."),
    (b"PK\x03\x04\x00\x00binary", "This is not a CSV text file. Choose the format that matches the file."),
])
def test_unreadable_csv_files(write_file, content, message):
    with pytest.raises(FileError, match=message):
        read_table(write_file("bad.csv", content), "csv")


def test_row_with_more_cells_than_columns_is_rejected(write_file):
    table = read_table(write_file("wide.csv", "a,b\n1,2,3\n1,2\n"), "csv")

    wide, fine = table.rows()

    assert wide.error == "has 3 cells but the file has 2 columns"
    assert fine.error == ""


def test_xlsx_numbers_and_dates_become_text(write_xlsx):
    import datetime

    path = write_xlsx([{"external_id": 7, "title": "Pump", "trl": 8.0, "summary": datetime.date(2024, 5, 1)}])

    table = read_table(path, "xlsx")
    (row,) = table.rows()

    assert table.headers == HEADER
    assert row.number == 2
    assert (row.values["external_id"], row.values["trl"], row.values["summary"]) == ("7", "8", "2024-05-01")
    assert row.values["website"] == ""


def test_a_file_that_is_not_a_workbook(write_file):
    with pytest.raises(FileError, match="not an Excel workbook"):
        read_table(write_file("fake.xlsx", "external_id,title\n1,x\n"), "xlsx")


def test_json_lists_and_numbers(write_json):
    path = write_json([{"external_id": "J-1", "available_in": ["KE", "TZ"], "trl": 7}, "oops"])

    table = read_table(path, "json")
    first, second = table.rows()

    assert table.headers == ["external_id", "available_in", "trl"]
    assert first.values == {"external_id": "J-1", "available_in": "KE; TZ", "trl": "7"}
    assert second.error == "is not an object with named values"


@pytest.mark.parametrize("content, message", [
    ('{"external_id": 1}', "must hold a list of objects"),
    ("[]", "The JSON list is empty"),
    ("[{,]", "not valid JSON"),
])
def test_unreadable_json_files(write_file, content, message):
    with pytest.raises(FileError, match=message):
        read_table(write_file("bad.json", content), "json")


def test_xlsx_and_json_import_like_csv(importer, write_xlsx, write_json):
    from verdex.catalog.models import Technology

    xlsx_job = importer(write_xlsx([technology_row(1, trl=8), technology_row(2, developed_in="Narnia")]),
                        file_format="xlsx")
    json_job = importer(write_json([technology_row(3, sdgs=[7, 13], available_in=["KE", "TZ"])]),
                        file_format="json")

    assert (xlsx_job.created, xlsx_job.rejected) == (1, 1)
    assert "row 3, developed_in: unknown country 'Narnia'" in errors_of(xlsx_job)
    assert json_job.created == 1
    technology = Technology.objects.get(external_id__endswith=":T-3")
    assert sorted(technology.sdgs.values_list("number", flat=True)) == [7, 13]
