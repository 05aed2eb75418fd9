"""Numbers and dates the way the reader writes them: 1 234,56 € and 15/03/2024 in French.

The functions live in words/format.py (Babel, no Streamlit) so the files the command line writes
share them; here are the formats Streamlit's widgets and table columns take.
"""

from metrics.currencies import symbol
from words.format import (
    CHART_DAY,
    CHART_MONTH,
    CHART_SHORT_DAY,
    MISSING,
    NBSP,
    NNBSP,
    chart_separators,
    day,
    money,
    money_hover,
    number,
    percent,
    percent_hover,
    signed_percent,
    signed_points,
)

__all__ = [
    "CHART_DAY", "CHART_MONTH", "CHART_SHORT_DAY", "DAY_INPUT", "MISSING", "NBSP", "NNBSP",
    "chart_separators", "day", "money", "money_column", "money_hover", "number", "percent",
    "percent_hover", "signed_percent", "signed_points", "symbol",
]

# st.date_input and DatetimeColumn: the day as words.format.day writes it
DAY_INPUT = {"fr": "DD/MM/YYYY", "en": "YYYY-MM-DD"}


def money_column(lang: str, currency: str = "EUR") -> str:
    """A NumberColumn format for whole amounts of a sortable table: "%d €" in French, "€%d" in
    English, the currency where Babel puts it. Streamlit's named formats ("euro", "localized")
    follow the browser's locale, and its printf formats know no decimal comma: amounts are
    rounded to whole units (the column's values must be rounded, %d truncates)."""
    return money(0, lang, decimals=0, currency=currency).replace("0", "%d")
