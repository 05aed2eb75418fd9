"""Numbers, money, percentages and dates the reader's way, written by Babel (CLDR data).

French: 1 234,56 € (a narrow no-break space groups thousands, a no-break space before € and %),
12,5 %, 15/03/2024. English: €1,234.56, 12.5%, 2024-03-15 (ISO: unambiguous for every reader).
A missing value is "–".
"""

from __future__ import annotations

import copy
import math
from datetime import date, datetime
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern
import pandas as pd

NNBSP = "\u202f"  # French thousands separator (narrow no-break space)
NBSP = "\u00a0"  # before the euro sign and the percent sign
MISSING = "–"
DATE_FORMATS = {"fr": "short", "en": "yyyy-MM-dd"}


def missing(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or str(value) in ("<NA>", "NaT", "nan")
    )


@cache
def _pattern(kind: str, lang: str, decimals: int, most: int | None = None) -> NumberPattern:
    """The locale's standard pattern of ``kind`` (decimal, currency, percent) with ``decimals``
    digits after the decimal mark (up to ``most`` when given, trailing zeros dropped)."""
    formats = getattr(Locale.parse(lang), f"{kind}_formats")
    pattern = copy.copy(parse_pattern(formats["standard" if kind == "currency" else None]))
    pattern.frac_prec = (decimals, decimals if most is None else most)
    return pattern


def number(value: float | int | None, decimals: int = 0, lang: str = "fr") -> str:
    if missing(value):
        return MISSING
    return _pattern("decimal", lang, decimals).apply(float(value), lang)


def typed(value: float | int, lang: str = "fr", most: int = 2) -> str:
    """A number as the owner typed it in a filter: 50, 99,5, 1 234,25 (``most`` decimals at
    most, trailing zeros dropped)."""
    return _pattern("decimal", lang, 0, most).apply(float(value), lang)


def money(
    value: float | None, lang: str = "fr", decimals: int = 2, currency: str = "EUR"
) -> str:
    """An amount in ``currency`` (ISO 4217): 1 234,56 € or 1 234,56 $US in French."""
    if missing(value):
        return MISSING
    return _pattern("currency", lang, decimals).apply(
        float(value), lang, currency=currency, currency_digits=False
    )


def percent(value: float | None, lang: str = "fr", decimals: int = 1) -> str:
    """A share (0.125) as 12,5 %."""
    if missing(value):
        return MISSING
    return _pattern("percent", lang, decimals).apply(float(value), lang)


def signed_percent(value: float | None, lang: str = "fr") -> str | None:
    """A change for st.metric's delta: '+12,5 %' (None when there is nothing to compare)."""
    if missing(value):
        return None
    text = percent(value, lang)
    return text if float(value) < 0 else f"+{text}"


def signed_points(value: float | None, lang: str = "fr") -> str | None:
    """A rate's change as a difference in percentage points: 0.004 -> '+0,4 pt' (None when
    there is nothing to compare); a share's relative change would read as a jump."""
    if missing(value):
        return None
    text = f"{number(100 * float(value), 1, lang)}{NBSP}pt"
    return text if float(value) < 0 else f"+{text}"


def day(value: date | datetime | None, lang: str = "fr") -> str:
    if missing(value):
        return MISSING
    return format_date(value, DATE_FORMATS[lang], locale=lang)


def days(values: pd.Series, lang: str = "fr") -> pd.Series:
    """day() over a column of timestamps, each distinct day written once; "–" where missing."""
    distinct = values.dropna().unique()
    shown = values.map(dict(zip(distinct, (day(value, lang) for value in distinct))))
    return shown.fillna(MISSING).astype("str")


# Plotly writes numbers and dates itself (d3 formats): these give it the reader's way.
CHART_DAY = {"fr": "%d/%m/%Y", "en": "%Y-%m-%d"}
CHART_SHORT_DAY = {"fr": "%d/%m/%y", "en": "%Y-%m-%d"}
CHART_MONTH = {"fr": "%m/%Y", "en": "%Y-%m"}


def chart_separators(lang: str) -> str:
    """Plotly's ``separators``: the locale's decimal mark then its thousands separator."""
    symbols = Locale.parse(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]


def money_hover(field: str, lang: str, currency: str = "EUR") -> str:
    """A hover template's amount, the currency where Babel puts it: '%{y:,.2f} €'."""
    return money(0, lang, decimals=0, currency=currency).replace("0", f"%{{{field}:,.2f}}")


def percent_hover(field: str, lang: str) -> str:
    """A hover template's percentage of a value already in percent: '%{y:.1f} %'."""
    return percent(0, lang, decimals=0).replace("0", f"%{{{field}:.1f}}")
