"""Cells a spreadsheet must show as text, never run: CSV/formula injection (OWASP).

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
formula by Excel, LibreOffice and Google Sheets (``=HYPERLINK("http://…", "Cliquez")``,
``@SUM(…)``, ``-2+3+cmd|' /C calc'!A0``). OWASP's "CSV Injection" page recommends prefixing such
cells with a single quote, which spreadsheets show as text. One exception: a phone number in E.164
(``+`` then digits only, as Brevo and Mailchimp require it) is left alone; it holds no function,
reference or DDE call, so at worst a spreadsheet reads it as a number.
"""

from __future__ import annotations

import pandas as pd

FORMULA_START = r"^[=+\-@\t\r]"
E164_PHONE = r"^\+[0-9]{6,15}$"


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose risky text cells start with ``'`` (numbers and dates untouched)."""
    out = table.copy()
    for column in out.columns[out.dtypes.map(pd.api.types.is_string_dtype)]:
        text = out[column]
        risky = text.str.match(FORMULA_START, na=False) & ~text.str.match(E164_PHONE, na=False)
        out[column] = text.where(~risky, "'" + text)
    return out
