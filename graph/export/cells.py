"""Text cells that a spreadsheet will not run: the CSV/TSV rule shared by every tabular export.

A spreadsheet opening a CSV or TSV file treats a cell that begins with ``=``, ``+``, ``-``, ``@``
(or a tab or carriage return that precedes one) as a formula, so a quote or label from the data
could run as one (CSV injection, OWASP). Every *text* cell that begins so gets a leading
apostrophe, the mark spreadsheets themselves use for "this is text"; typed cells (numbers,
booleans, ids whose syntax cannot begin so) are written as their format requires, so ``-1`` in a
``sign:int`` column stays a number.

>>> spreadsheet_text("=HYPERLINK(1)"), spreadsheet_text("-1 fold"), spreadsheet_text("IL-6")
("'=HYPERLINK(1)", "'-1 fold", 'IL-6')
"""

from __future__ import annotations

__all__ = ["FORMULA_LEADS", "spreadsheet_text"]

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def spreadsheet_text(text: str) -> str:
    """``text`` with an apostrophe in front when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text
