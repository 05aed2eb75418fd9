"""Numbers and dates the way the reader writes them: 1 234,56 € and 15/03/2024 in French.

The functions live in reports/format.py (no Streamlit) so the report files share them.
"""

from reports.format import (
    NBSP,
    NNBSP,
    day,
    money,
    number,
    percent,
    signed_percent,
    signed_points,
    symbol,
)

__all__ = ["NBSP", "NNBSP", "day", "money", "number", "percent", "signed_percent",
           "signed_points", "symbol"]
