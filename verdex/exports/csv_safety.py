"""Protection against formula injection when a CSV file is opened in a spreadsheet.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula (and some strip a leading tab or carriage return
first), so a listing titled ``=HYPERLINK(...)`` could run on a reader's
machine. Prefixing such a cell with a single quote makes it plain text.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a spreadsheet will show it as text; non-strings pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
