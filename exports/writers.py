"""Tables to file bytes a French shop opens without surprises.

CSV: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Windows-1252 and breaks every
accent), ``;`` and a decimal comma by default (French Excel), ``,`` and a decimal point otherwise,
CRLF line ends, amounts with two decimals. XLSX: XlsxWriter with ``strings_to_formulas``,
``strings_to_urls`` and ``strings_to_numbers`` off, so every string is written as a string cell
and the file holds no formula. Both neutralise risky text first (exports.cells), so the file
stays safe wherever it is pasted later.
"""

from __future__ import annotations

import io

import pandas as pd

from exports.cells import neutralise_formulas

SEPARATORS = (";", ",")
CSV_DATES = {"fr": "%d/%m/%Y", "en": "%Y-%m-%d"}
XLSX_DATES = {"fr": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
COLUMN_WIDTH = 18


def csv_bytes(table: pd.DataFrame, sep: str = ";", lang: str = "fr") -> bytes:
    """``table`` as CSV: UTF-8 with BOM, ``sep`` (``;`` with decimal comma, or ``,``)."""
    if sep not in SEPARATORS:
        raise ValueError(f"sep must be one of {SEPARATORS}, not {sep!r}")
    text = neutralise_formulas(table).to_csv(
        index=False,
        sep=sep,
        decimal="," if sep == ";" else ".",
        float_format="%.2f",
        date_format=CSV_DATES[lang],
        lineterminator="\r\n",
    )
    return text.encode("utf-8-sig")


def xlsx_bytes(table: pd.DataFrame, sheet: str, lang: str = "fr") -> bytes:
    """``table`` as one XLSX sheet of values only: no formula, frozen header, filter buttons."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(
        buffer,
        engine="xlsxwriter",
        date_format=XLSX_DATES[lang],
        datetime_format=XLSX_DATES[lang],
        engine_kwargs={"options": XLSX_OPTIONS},
    ) as writer:
        neutralise_formulas(table).to_excel(writer, sheet_name=sheet, index=False)
        worksheet = writer.sheets[sheet]
        worksheet.freeze_panes(1, 0)
        worksheet.autofilter(0, 0, len(table), max(len(table.columns) - 1, 0))
        worksheet.set_column(0, max(len(table.columns) - 1, 0), COLUMN_WIDTH)
    return buffer.getvalue()
