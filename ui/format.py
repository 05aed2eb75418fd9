"""Numbers and dates the way the reader writes them: 1 234,56 € and 15/03/2024 in French."""

from __future__ import annotations

import math
from datetime import date, datetime

NNBSP = "\u202f"  # French thousands separator (narrow no-break space)
NBSP = "\u00a0"  # before the euro sign and the percent sign


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("<NA>", "NaT")


def number(value: float | int | None, decimals: int = 0, lang: str = "fr") -> str:
    if _missing(value):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", NNBSP).replace(".", ",")


def money(value: float | None, lang: str = "fr", decimals: int = 2) -> str:
    if _missing(value):
        return "–"
    if lang == "en":
        sign = "-" if float(value) < 0 else ""
        return f"{sign}€{number(abs(float(value)), decimals, 'en')}"
    return f"{number(value, decimals, 'fr')}{NBSP}€"


def percent(value: float | None, lang: str = "fr", decimals: int = 1) -> str:
    if _missing(value):
        return "–"
    text = number(100 * float(value), decimals, lang)
    return f"{text}{NBSP}%" if lang != "en" else f"{text}%"


def signed_percent(value: float | None, lang: str = "fr") -> str | None:
    """A change for st.metric's delta: '+12,5 %' (None when there is nothing to compare)."""
    if _missing(value):
        return None
    text = percent(value, lang)
    return text if float(value) < 0 else f"+{text}"


def day(value: date | datetime | None, lang: str = "fr") -> str:
    if _missing(value):
        return "–"
    return value.strftime("%d/%m/%Y" if lang != "en" else "%Y-%m-%d")
