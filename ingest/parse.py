"""Typed values from the text cells of a user's file: money, dates, times, e-mails, phones,
postcodes, consent flags and quantities, in the forms listed in /work/shared/FORMATS.md.

Every parser takes one column and returns the values together with the cells that held text but
could not be read, so that the importer rejects those rows with a reason instead of guessing.
What one cell cannot settle (is "1,234" one thousand or one point two? is "03/04/24" the 3rd of
April or the 4th of March?) is decided once for the whole column.

The work runs in Arrow compute kernels (RE2 regular expressions) and numpy, never in a Python loop
over values. The kernels are called directly because pandas 3.1 runs `str.extract`, `\\d` and
non-ASCII `str.find` through Python's `re` one value at a time, and `pd.to_datetime` with a
non-ISO `format=` is slow on big columns. Date and time columns hold few distinct values
(some thousand days, 86,400 seconds a day), so those are parsed once per distinct value. Phone
numbers are the one exception to the kernels: every country's numbering plan is a solved problem
(Google's libphonenumber, as `phonenumbers`), read in Python once per distinct number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
from babel import Locale
from babel.core import get_global

STRING = pa.large_string()
NULL_STRING = pa.scalar(None, STRING)
SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space (French thousands)
APOSTROPHES = "'\u2019\u02bc"  # Swiss thousands: ASCII, right single quotation mark, modifier
# What R, Excel, SQL, pandas and people write in a cell that has no value.
MISSING_MARKERS = ("NA", "N/A", "n/a", "#N/A", "null", "NULL", "None", "nan", "NaN", "--")
BLANK_TEXTS = pa.array(("", "-", *MISSING_MARKERS), type=STRING)
BLANK_NUMBERS = pa.array(("", *MISSING_MARKERS), type=STRING)  # '-': see _text


@dataclass(frozen=True)
class Parsed:
    values: pd.Series  # parsed values, NA where the cell was blank or invalid (same index)
    invalid: pd.Series  # bool: True where the cell had non-blank text that could not be parsed


@dataclass(frozen=True)
class ParsedDates:
    values: pd.Series  # datetime64[us], NaT where blank or invalid (naive local shop time)
    invalid: pd.Series
    order: str  # 'dmy', 'mdy', 'ymd' or 'serial': the order used for the whole column
    ambiguous: bool  # no value proved the day/month order and the default was assumed


# ---------------------------------------------------------------------------------------------
# Arrow plumbing


def _text(s: pd.Series, dash_is_blank: bool = True) -> pa.LargeStringArray:
    """The column as Arrow text, trimmed of every kind of space, blank cells as nulls.

    The one place where every file's cells (CSV or workbook) become values, so the markers other
    software writes for "no value" (R's NA, Excel's #N/A, SQL's NULL, pandas' nan) are blanks
    here for every kind of column. A lone '-' is a blank too, except in amounts and quantities
    (`dash_is_blank=False`): there it is French Excel's accounting zero, or a refused cell."""
    if not isinstance(s.dtype, pd.StringDtype):
        s = s.astype("str")
    arr = pa.array(s, type=STRING, from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = pc.utf8_trim_whitespace(arr)
    blank = BLANK_TEXTS if dash_is_blank else BLANK_NUMBERS
    return pc.if_else(pc.is_in(arr, blank), NULL_STRING, arr)


def _np(arr: pa.Array, fill: object) -> np.ndarray:
    return pc.fill_null(arr, fill).to_numpy(zero_copy_only=False)


def _mask(values: np.ndarray) -> pa.Array:
    return pa.array(values, type=pa.bool_())


def _ints(arr: pa.Array) -> np.ndarray:
    """Digit strings as int64; null, or empty (an optional group that did not match) -> -1."""
    arr = arr.cast(STRING)
    return _np(pc.cast(pc.if_else(pc.equal(arr, ""), NULL_STRING, arr), pa.int64()), -1)


def _matches(arr: pa.Array, pattern: str) -> np.ndarray:
    return _np(pc.match_substring_regex(arr, pattern), False)


def _groups(arr: pa.Array, pattern: str) -> dict[str, pa.Array]:
    """The named groups of `pattern` (anchored by the caller), null where a value does not match."""
    found = pc.extract_regex(arr, pattern)
    return {found.type.field(i).name: pc.struct_field(found, [i])
            for i in range(found.type.num_fields)}


def _distinct(arr: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """(the distinct values, each cell's position among them or -1 for nulls)."""
    encoded = pc.dictionary_encode(arr)
    return encoded.dictionary, _np(encoded.indices, -1).astype(np.int64)


def _spread(per_distinct: np.ndarray, codes: np.ndarray, missing: object) -> np.ndarray:
    """What was computed once per distinct value, laid out cell by cell (`missing` for nulls)."""
    return np.append(per_distinct, np.array([missing], dtype=per_distinct.dtype))[codes]


def _present(arr: pa.Array, chars: str) -> str:
    """Those of `chars` that may occur in the column (looked up in its byte buffer), so that a
    parser skips the passes a column does not need: most use one thousands separator, or none."""
    data = arr.buffers()[2]
    raw = b"" if data is None else data.to_pybytes()
    return "".join(char for char in chars if char.encode() in raw)


def _remove(arr: pa.Array, chars: str) -> pa.Array:
    for char in chars:
        arr = pc.replace_substring(arr, char, "")
    return arr


def _split_once(arr: pa.Array, separator: str) -> tuple[pa.Array, pa.Array]:
    """(text before the first separator, text after it or null where there is none)."""
    parts = pc.split_pattern(pc.fill_null(arr, ""), separator, max_splits=1)
    head = pc.if_else(pc.is_null(arr), NULL_STRING, pc.list_element(parts, 0))
    return head, pc.list_flatten(pc.list_slice(parts, 1, 2, return_fixed_size_list=True))


def _fold(arr: pa.Array) -> pa.Array:
    """Lower case without accents or ligatures: 'Désinscrit' -> 'desinscrit', 'Œuf' -> 'oeuf'."""
    arr = pc.utf8_lower(pc.utf8_normalize(arr, "NFKD"))
    arr = pc.replace_substring_regex(arr, "[\u0300-\u036f]", "")  # the accents NFKD split off
    return pc.replace_substring(pc.replace_substring(arr, "œ", "oe"), "æ", "ae")


def _result(
    s: pd.Series, values: np.ndarray | pa.Array, ok: np.ndarray, blank: np.ndarray, dtype: str
) -> Parsed:
    return Parsed(pd.Series(values, index=s.index, dtype=dtype),
                  pd.Series(~ok & ~blank, index=s.index, dtype="bool"))


def normalise_header(name: str) -> str:
    """A header as matched against known names, whatever the platform's language and styling
    (FORMATS.md rule 1): 'N° de commande' -> 'n de commande', ' Adresse  E-mail' ->
    'adresse e mail'. Words run together in camelCase or PascalCase are split first, as data
    sets write them: 'InvoiceDate' -> 'invoice date', 'CustomerID' -> 'customer id'."""
    split = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    folded = _fold(pa.array([split], type=STRING))[0].as_py()
    return re.sub(r"[\W_]+", " ", folded).strip()


def parse_text(s: pd.Series) -> Parsed:
    """Text as written, trimmed; blank and missing-value markers as NA. Never invalid."""
    text = _text(s)
    return Parsed(pd.Series(text, index=s.index, dtype="str"),
                  pd.Series(False, index=s.index, dtype="bool"))


# ---------------------------------------------------------------------------------------------
# Money and quantities

MAX_DIGITS = 15  # every integer of up to 15 digits is exact in a float64


CURRENCY = r"(?:€|\$|£|eur(?:os?)?|usd|gbp|chf)"
# French Excel's accounting format shows a zero amount as a dash: '-   €', '€ -', '-'.
ACCOUNTING_ZERO = rf"(?i)^(?:{CURRENCY}[{SPACES}]*)?-(?:[{SPACES}]*{CURRENCY})?$"


def _money_pattern() -> str:
    space = f"[{SPACES}]?"

    def number(thousands: str, decimal: str) -> str:
        groups = f"[0-9]{{1,3}}(?:{thousands}[0-9]{{3}})+"
        spaced = f"[0-9]{{1,3}}(?:[{SPACES}{APOSTROPHES}][0-9]{{3}})+"
        return f"(?:[0-9]+|{groups}|{spaced})(?:{decimal}[0-9]+)?"

    amount = f"(?:{number(',', '[.]')}|{number('[.]', ',')})"
    wrapped = f"(?:{CURRENCY}{space})?{amount}(?:{space}{CURRENCY})?"
    signed = f"[-+]{space}{wrapped}|{CURRENCY}{space}[-+]{space}{amount}(?:{space}{CURRENCY})?"
    return rf"(?i)^(?:{signed}|{wrapped}|\({space}{wrapped}{space}\))$"


MONEY = _money_pattern()
MONEY_WRAPPING = "()+-€$£" + SPACES + "eurosdgbpchfEUROSDGBPCHF"  # around the number only


@dataclass(frozen=True)
class ParsedMoney(Parsed):
    decimal_mark: str | None = None  # the decimal mark the column's own cells show, if any
    unsure: str | None = None  # a text such as '1,234' whose mark nothing settled, if any


def _decimal_places(
    ok: np.ndarray, length: np.ndarray, commas: np.ndarray, dots: np.ndarray,
    comma_at: np.ndarray, dot_at: np.ndarray, weight: np.ndarray, zero_first: np.ndarray,
    mark: str | None,
) -> tuple[np.ndarray, str | None, np.ndarray]:
    """(digits after the decimal mark of each number, the mark the column shows or None, which
    numbers nothing settled), the mark being decided as parse_money describes (separators:
    `commas` and `dots` counts, first positions `comma_at`, `dot_at`; `weight`: how many cells
    hold each number; `zero_first`: the number starts with 0, so its lone separator is no
    thousands separator)."""
    comma_last = (commas == 1) & ((dots != 1) | (comma_at > dot_at))
    dot_last = (dots == 1) & ((commas != 1) | (dot_at > comma_at))
    after_comma, after_dot = length - 1 - comma_at, length - 1 - dot_at
    short = (length <= 7) & ~zero_first  # one to three digits, then the separator
    comma_unsure = comma_last & (dots == 0) & (after_comma == 3) & short
    dot_unsure = dot_last & (commas == 0) & (after_dot == 3) & short
    shows_dot = weight[ok & ((dot_last & ~dot_unsure) | ((commas >= 2) & (dots == 0)))].sum()
    shows_comma = weight[ok & ((comma_last & ~comma_unsure) | ((dots >= 2) & (commas == 0)))].sum()
    shown = "." if shows_dot > shows_comma else "," if shows_comma > shows_dot else None
    decided = mark or shown
    comma_decimal = comma_last & ~(comma_unsure & (decided == "."))
    dot_decimal = dot_last & ~(dot_unsure & (decided == ","))
    places = np.where(comma_decimal, after_comma, np.where(dot_decimal, after_dot, 0))
    return places, shown, ok & (comma_unsure | dot_unsure) & (decided is None)


def parse_money(s: pd.Series, decimal_mark: str | None = None) -> ParsedMoney:
    """Amounts as float64 rounded to cents, whichever way the file writes them.

    The decimal mark is the last separator of a value, except that a lone separator followed by
    exactly three digits ("1,234", "1.234") is read as thousands only when more values of the
    column show the other mark as the decimal one ("45.90", "1,886.82" make "1,234" one
    thousand), or when `decimal_mark` (the owner's, or the file's other amounts') is the other
    one; otherwise it is a decimal mark, the French default for a comma, and `unsure` says so.
    Each distinct text is parsed once (a column of a million prices holds a few thousand).
    """
    if decimal_mark not in (None, ",", "."):
        raise ValueError(f"decimal_mark must be ',' or '.', not {decimal_mark!r}")
    text = _text(s, dash_is_blank=False)
    blank = _np(pc.is_null(text), True)
    distinct, codes = _distinct(text)
    weight = np.bincount(codes[codes >= 0], minlength=len(distinct))
    ok, values, shown, unsure = _money_values(distinct, weight, decimal_mark)
    result = _result(s, _spread(values, codes, np.nan), _spread(ok, codes, False), blank,
                     "float64")
    example = distinct[int(np.argmax(unsure))].as_py() if unsure.any() else None
    return ParsedMoney(result.values, result.invalid, shown, example)


def _money_values(
    text: pa.Array, weight: np.ndarray, mark: str | None
) -> tuple[np.ndarray, np.ndarray, str | None, np.ndarray]:
    """(which texts are amounts, their value, the decimal mark they show, which ones nothing
    settled) for distinct texts held by `weight` cells each."""
    ok = _matches(text, MONEY)
    present = _present(text, "-(,." + SPACES + APOSTROPHES)
    negative = np.zeros(len(text), dtype=bool)
    if "-" in present:
        negative |= _np(pc.match_substring(text, "-"), False)
    if "(" in present:
        negative |= _np(pc.starts_with(text, "("), False)
    number = pc.utf8_trim(text, MONEY_WRAPPING)
    number = _remove(number, "".join(c for c in SPACES + APOSTROPHES if c in present))
    no_commas = _remove(number, "," if "," in present else "")
    digits = _remove(no_commas, "." if "." in present else "")
    length, shorter, count = (_np(pc.binary_length(a), 0) for a in (number, no_commas, digits))
    ok &= count <= MAX_DIGITS
    mantissa = _np(pc.cast(pc.if_else(_mask(ok), digits, NULL_STRING), pa.int64()), 0)
    places, shown, unsure = _decimal_places(
        ok, length, length - shorter, shorter - count,
        _np(pc.find_substring(number, ","), -1), _np(pc.find_substring(number, "."), -1), weight,
        _np(pc.starts_with(number, "0"), False), mark,
    )
    values = np.round(mantissa / 10.0**places, 2)  # both exact: a correctly rounded quotient
    values = np.where(ok, np.where(negative, -values, values), np.nan)
    zero = _matches(text, ACCOUNTING_ZERO) if "-" in present else np.zeros(len(text), dtype=bool)
    return ok | zero, np.where(zero, 0.0, values), shown, unsure


def parse_quantity(s: pd.Series) -> Parsed:
    """Quantities as float64: '2', '2,5', '1.0', '-1' (a returned item); a lone '-' is refused
    (an owner who counts by hand writes 0)."""
    text = _text(s, dash_is_blank=False)
    blank = _np(pc.is_null(text), True)
    distinct, codes = _distinct(text)
    ok = _matches(distinct, r"^[-+]?[0-9]{1,15}(?:[.,][0-9]{1,15})?$")
    number = pc.replace_substring(pc.if_else(_mask(ok), distinct, NULL_STRING), ",", ".")
    values = _np(pc.cast(number, pa.float64()), np.nan)
    return _result(s, _spread(values, codes, np.nan), _spread(ok, codes, False), blank, "float64")


# ---------------------------------------------------------------------------------------------
# Dates and times

DATE_ORDERS = ("dmy", "mdy", "ymd")
DAY_US = 86_400_000_000
EXCEL_EPOCH = -25_569  # day 0 of Excel's 1900 date system, 1899-12-30, in days since 1970
SERIAL_RANGE = (20_000, 80_000)  # 1954-10-03 .. 2119-01-10: plausible for orders and births
TIME = (
    r"^(?P<hour>[0-9]{1,2})[:h](?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?"
    r" ?(?:(?P<meridiem>[ap])\.?m\.?)?"
    r"(?: ?(?:z|utc|gmt|[+-][0-9]{2}(?::?[0-9]{2})?))?$"  # the offset is read and dropped
)
NUMERIC_DATE = (  # '15/03/2024', '2024-03-15', or '20240315' (CDNOW) with a 19xx or 20xx year
    r"^(?:(?P<a>[0-9]{1,4})[-/.](?P<b>[0-9]{1,2})[-/.](?P<c>[0-9]{1,4})"
    r"|(?P<year>(?:19|20)[0-9]{2})(?P<month>[0-9]{2})(?P<day>[0-9]{2}))$"
)
SERIAL = r"^[0-9]{1,6}(?:\.[0-9]+)?$"
TEXT_DATE = (
    r"^(?:(?P<day>[0-9]{1,2})(?:er)?[ -](?P<month>[a-z]+)\.?[ -](?P<year>[0-9]{4}|[0-9]{2})"
    r"|(?P<month_first>[a-z]+)\.? (?P<day_second>[0-9]{1,2})(?:st|nd|rd|th)?,? "
    r"(?P<year_last>[0-9]{4}))$"
)
MONTHS = {
    "jan": 1, "janv": 1, "janvier": 1, "january": 1,
    "feb": 2, "fev": 2, "fevr": 2, "fevrier": 2, "february": 2,
    "mar": 3, "mars": 3, "march": 3,
    "apr": 4, "avr": 4, "avril": 4, "april": 4,
    "mai": 5, "may": 5,
    "jun": 6, "juin": 6, "june": 6,
    "jul": 7, "juil": 7, "juillet": 7, "july": 7,
    "aug": 8, "aou": 8, "aout": 8, "august": 8,
    "sep": 9, "sept": 9, "septembre": 9, "september": 9,
    "oct": 10, "octobre": 10, "october": 10,
    "nov": 11, "novembre": 11, "november": 11,
    "dec": 12, "decembre": 12, "december": 12,
}


def _days(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(days since 1970-01-01, whether the date exists: 31/02 and 29/02/2023 do not)."""
    ok = (year >= 1) & (year <= 9999) & (month >= 1) & (month <= 12) & (day >= 1)
    months = np.where(ok, (year - 1970) * 12 + month - 1, 0).astype("datetime64[M]")
    first = months.astype("datetime64[D]")
    ok &= day <= ((months + 1).astype("datetime64[D]") - first).astype(np.int64)
    return np.where(ok, first.astype(np.int64) + day - 1, 0), ok


def _full_year(year: np.ndarray, digits: np.ndarray) -> np.ndarray:
    return np.where(digits == 2, 2000 + year, year)


def _clock(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(microseconds since midnight, valid) for '14:22', '14:22:10', '9:15:51 am', '14h22'."""
    g = _groups(text, TIME)
    hour, minute, second = _ints(g["hour"]), _ints(g["minute"]), _ints(g["second"])
    digits = _np(pc.utf8_length(g["fraction"]), 0)
    micros = np.maximum(_ints(g["fraction"]), 0) * 10 ** np.maximum(6 - digits, 0)
    micros //= 10 ** np.maximum(digits - 6, 0)
    meridiem = _np(g["meridiem"], "")
    twelve = meridiem != ""
    ok = _np(pc.is_valid(g["hour"]), False) & (minute <= 59) & (second <= 59)
    ok &= np.where(twelve, (hour >= 1) & (hour <= 12), hour <= 23)
    hour = np.where(twelve, hour % 12 + np.where(meridiem == "p", 12, 0), hour)
    us = ((hour * 60 + minute) * 60 + np.maximum(second, 0)) * 1_000_000 + micros
    return np.where(ok, us, 0), ok


def parse_times(s: pd.Series) -> Parsed:
    """Times of day as timedelta64[us] (Wix, Square and PayPal give the time its own column)."""
    text = _text(s)
    blank = _np(pc.is_null(text), True)
    distinct, codes = _distinct(pc.ascii_lower(text))
    us, ok = _clock(distinct)
    ok = _spread(ok, codes, False)
    values = np.where(ok, _spread(us, codes, 0), 0).astype("timedelta64[us]")
    values[~ok] = np.timedelta64("NaT")
    return _result(s, values, ok, blank, "timedelta64[us]")


def combine_date_time(dates: pd.Series, times: pd.Series) -> pd.Series:
    """The dates plus the time of day where one is given; a blank time leaves the date as is."""
    return dates + times.fillna(pd.Timedelta(0))


@dataclass(frozen=True)
class _DateFields:
    """The distinct date parts of a column as 'a/b/c' (/, - or . between; -1 where a value has
    no such shape), with the number of digits of a and c; 'yyyymmdd' is taken as 'yyyy-mm-dd'."""

    a: np.ndarray
    b: np.ndarray
    c: np.ndarray
    a_digits: np.ndarray
    c_digits: np.ndarray

    @classmethod
    def of(cls, distinct: pa.Array) -> _DateFields:
        g = _groups(distinct, NUMERIC_DATE)
        a_digits, c_digits = (_np(pc.utf8_length(g[k]), 0) for k in "ac")
        compact = _np(pc.utf8_length(g["year"]), 0) == 4
        return cls(np.where(compact, _ints(g["year"]), _ints(g["a"])),
                   np.where(compact, _ints(g["month"]), _ints(g["b"])),
                   np.where(compact, _ints(g["day"]), _ints(g["c"])),
                   np.where(compact, 4, a_digits), np.where(compact, 2, c_digits))

    @property
    def year_first(self) -> np.ndarray:  # '2024-03-15'
        return (self.a_digits == 4) & (self.c_digits >= 1) & (self.c_digits <= 2)

    @property
    def year_last(self) -> np.ndarray:  # '15/03/2024', '03/15/24'
        return (self.a_digits >= 1) & (self.a_digits <= 2) & np.isin(self.c_digits, (2, 4))

    def days(self, order: str) -> tuple[np.ndarray, np.ndarray]:
        """(days since 1970, valid), the fields read in `order`; values with a four-digit year
        first are year-month-day whatever the order."""
        if order == "ymd":
            shape = np.isin(self.a_digits, (2, 4)) & (self.c_digits >= 1) & (self.c_digits <= 2)
            year, month, day, year_digits = self.a, self.b, self.c, self.a_digits
        else:
            first = self.year_first
            day, month = (self.a, self.b) if order == "dmy" else (self.b, self.a)
            year, year_digits = np.where(first, self.a, self.c), np.where(first, 4, self.c_digits)
            month, day = np.where(first, self.b, month), np.where(first, self.c, day)
            shape = first | self.year_last
        days, ok = _days(_full_year(year, year_digits), month, day)
        return days, ok & shape


def _day_month_order(
    fields: _DateFields, weights: np.ndarray, default_order: str
) -> tuple[str | None, bool]:
    """(order, ambiguous) from the values with the year last: a first field above 12 proves
    day first, a second field above 12 month first; when both occur, the order that reads more
    cells (`weights`: cells per distinct value) wins. None when there are no such values."""
    candidates = fields.year_last
    if not candidates.any():
        return None, False
    day_first = (candidates & (fields.a > 12)).any()
    month_first = (candidates & (fields.b > 12)).any()
    if day_first != month_first:
        return ("dmy" if day_first else "mdy"), False
    if not day_first:
        return default_order, True
    read = {order: weights[fields.days(order)[1] & candidates].sum() for order in ("dmy", "mdy")}
    if read["dmy"] == read["mdy"]:
        return (default_order if default_order in read else "dmy"), False
    return max(read, key=read.__getitem__), False


def _text_dates(distinct: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(days, valid, month first) for 'Dec 8, 2024', '8 déc. 2024', '1er janvier 2024'."""
    g = _groups(_fold(distinct), TEXT_DATE)
    month_first = _np(pc.not_equal(g["month_first"], ""), False)
    pick = _mask(month_first)
    found = _np(pc.index_in(pc.if_else(pick, g["month_first"], g["month"]),
                            pa.array(list(MONTHS), type=STRING)), -1)
    month = np.where(found >= 0, np.array(list(MONTHS.values()))[found], -1)
    day = np.where(month_first, _ints(g["day_second"]), _ints(g["day"]))
    year = pc.if_else(pick, g["year_last"], g["year"])
    days, ok = _days(_full_year(_ints(year), _np(pc.utf8_length(year), 0)), month, day)
    return days, ok & _np(pc.is_valid(g["day"]), False), month_first


def _serial_dates(distinct: pa.Array, numeric: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(microseconds since 1970, valid) of Excel serial numbers, to the nearest second."""
    number = pc.cast(pc.if_else(_mask(numeric), distinct, NULL_STRING), pa.float64())
    number = _np(number, np.nan)
    ok = (number >= SERIAL_RANGE[0]) & (number <= SERIAL_RANGE[1])
    seconds = np.round(np.where(ok, number, 0) * 86_400).astype(np.int64)
    return (seconds + EXCEL_EPOCH * 86_400) * 1_000_000, ok


def _date_and_time(text: pa.Array) -> tuple[pa.Array, pa.Array]:
    """'2024-03-15 14:22' or '2024-03-15t14:22' (lower-cased) -> the date part and the time
    part, null where there is none. Dates in words get split too, harmlessly: they are read
    whole."""
    present = _present(text, " t")
    if " " not in present:
        return _split_once(text, "t") if present else (text, pa.nulls(len(text), STRING))
    if "t" in present:  # spaces and ISO's 'T' in one column: the 'T' becomes a space
        iso_t = pc.equal(pc.utf8_slice_codeunits(text, 10, 11), "t")
        text = pc.if_else(iso_t, pc.replace_substring(text, "t", " ", max_replacements=1), text)
    return _split_once(text, " ")


def _dates_result(
    s: pd.Series, us: np.ndarray, ok: np.ndarray, blank: np.ndarray, order: str, ambiguous: bool
) -> ParsedDates:
    values = np.where(ok, us, 0).astype("datetime64[us]")
    values[~ok] = np.datetime64("NaT")
    return ParsedDates(pd.Series(values, index=s.index),
                       pd.Series(~ok & ~blank, index=s.index, dtype="bool"), order, ambiguous)


def parse_dates(s: pd.Series, order: str | None = None, default_order: str = "dmy") -> ParsedDates:
    """Dates and date-times as naive local time (datetime64[us]).

    The day/month order is one decision for the whole column, never per cell (FORMATS.md
    rule 5): `order` from the caller wins; else a first field above 12 means dmy and a second
    field above 12 mdy; when both occur the order that reads more cells is used and the other
    cells are invalid; when nothing proves it `default_order` is assumed and `ambiguous` set.
    Two-digit years are 20yy. Time-zone offsets are dropped: the wall-clock time as written is
    the shop's local time. A column of numbers only holds Excel serial dates (1900 system).
    """
    if order is not None and order not in (*DATE_ORDERS, "serial"):
        raise ValueError(f"order must be one of {(*DATE_ORDERS, 'serial')}, not {order!r}")
    if default_order not in DATE_ORDERS:
        raise ValueError(f"default_order must be one of {DATE_ORDERS}, not {default_order!r}")
    raw = _text(s)
    blank = _np(pc.is_null(raw), True)
    date_part, time_part = _date_and_time(pc.ascii_lower(raw))
    has_time = _np(pc.is_valid(time_part), False)
    dates, date_codes = _distinct(date_part)

    numeric = _matches(dates, SERIAL)
    if order == "serial" or (len(dates) and numeric.all() and not has_time.any()):
        us, ok = _serial_dates(dates, numeric)
        ok_cells = _spread(ok, date_codes, False) & ~has_time
        return _dates_result(s, _spread(us, date_codes, 0), ok_cells, blank, "serial", False)

    fields = _DateFields.of(dates)
    decided, ambiguous = order, False
    if order is None:
        weights = np.bincount(date_codes[date_codes >= 0], minlength=len(dates))
        decided, ambiguous = _day_month_order(fields, weights, default_order)
    days, ok = fields.days(decided or default_order)
    times, time_codes = _distinct(pc.utf8_trim_whitespace(time_part))
    clock, clock_ok = _clock(times)
    ok_cells = _spread(ok, date_codes, False) & (~has_time | _spread(clock_ok, time_codes, False))
    us = _spread(days, date_codes, 0) * DAY_US + _spread(clock, time_codes, 0)

    in_words = ~blank & ~_spread(fields.year_first | fields.year_last, date_codes, False)
    if in_words.any():
        words, word_codes = _distinct(pc.if_else(_mask(in_words), raw, NULL_STRING))
        word_days, word_ok, month_first = _text_dates(words)
        in_words &= _spread(word_ok, word_codes, False)
        us = np.where(in_words, _spread(word_days, word_codes, 0) * DAY_US, us)
        ok_cells |= in_words
    if decided is None:  # no date with the year last: the forms present tell the order
        if (_spread(fields.year_first, date_codes, False) & ok_cells).any():
            decided = "ymd"
        elif in_words.any():
            month_first_cells = _spread(month_first, word_codes, False) & in_words
            decided = "mdy" if 2 * month_first_cells.sum() > in_words.sum() else "dmy"
        else:
            decided, ambiguous = default_order, True
    return _dates_result(s, us, ok_cells, blank, decided, ambiguous)


# ---------------------------------------------------------------------------------------------
# People: e-mails, phones, postcodes, consent flags

_NOT_IN_ADDRESS = f"[^@\\x00-\\x20\\x7f{SPACES}]"
EMAIL = f"^{_NOT_IN_ADDRESS}+@{_NOT_IN_ADDRESS}+\\.{_NOT_IN_ADDRESS}+$"
EMAIL_WRAPPING = " \t\r\n" + SPACES + "\"'`«»“”‘’<>()[]"  # what a copy-paste leaves around
EMAIL_TRAILING = ".,;:!?"  # the end of the sentence the address was taken from
DISPLAY_NAME = r"^[^<>]*<(?P<address>[^<>]*)>$"  # 'Jean Dupont <jean@x.fr>'
COUNTRY_LANGUAGES = ("fr", "en", "de", "nl", "it", "es")  # a French shop's customers' languages
BLANK_REGION, UNKNOWN_REGION = "", "ZZ"  # ZZ: CLDR's and phonenumbers' unknown region
PHONE_SEPARATORS = SPACES + "./()-"
PHONE = r"^\+?[0-9]{1,20}$"  # once the separators are gone


def _clean_emails(text: pa.Array) -> pa.Array:
    """Addresses without what hides one address under several spellings: invisible characters
    (zero-width space, BOM, joiners: Unicode category Cf), a display name, 'mailto:', the
    spaces, quotes and brackets around, and the punctuation after it; lower-cased."""
    text = pc.utf8_trim_whitespace(pc.replace_substring_regex(text, r"\p{Cf}", ""))
    named = _groups(text, DISPLAY_NAME)["address"]
    text = pc.utf8_lower(pc.if_else(pc.is_valid(named), named, text))
    text = pc.replace_substring_regex(pc.utf8_ltrim(text, EMAIL_WRAPPING), r"^mailto:", "")
    return pc.utf8_rtrim(pc.utf8_ltrim(text, EMAIL_WRAPPING), EMAIL_WRAPPING + EMAIL_TRAILING)


def normalise_email(s: pd.Series) -> Parsed:
    """Lower-cased addresses, one per person however it was pasted ('Jean <Jean@x.fr>',
    'mailto:jean@x.fr', 'jean@x.fr.' give 'jean@x.fr'); invalid unless one '@' with a dot in
    the domain part. Each distinct text is cleaned once."""
    encoded = pc.dictionary_encode(_text(s))
    blank = _np(pc.is_null(encoded.indices), True)
    clean = _clean_emails(encoded.dictionary)
    ok = _mask(_matches(clean, EMAIL))
    addresses = pc.take(pc.if_else(ok, clean, NULL_STRING), encoded.indices)
    return _result(s, addresses, _np(pc.take(ok, encoded.indices), False), blank, "str")


def _country_key(names: pa.Array) -> pa.Array:
    """A country as looked up: folded, punctuation as spaces ('États-Unis' -> 'etats unis')."""
    spaced = pc.replace_substring_regex(_fold(names), r"[^\p{L}\p{N}]+", " ")
    return pc.utf8_trim(spaced, " ")


@functools.cache
def _country_table() -> tuple[pa.Array, np.ndarray]:
    """(looked-up keys, region codes): every region phonenumbers knows, by its ISO codes (two
    letters, three letters, 'UK') and its names in COUNTRY_LANGUAGES, from Babel (CLDR)."""
    regions = phonenumbers.SUPPORTED_REGIONS
    pairs = {code: code for code in regions}
    pairs |= {alias: codes[0] for alias, codes in get_global("territory_aliases").items()
              if alias.isalpha() and len(codes) == 1 and codes[0] in regions}
    for language in COUNTRY_LANGUAGES:
        pairs |= {name: code for code, name in Locale(language).territories.items()
                  if code in regions}
    return _country_key(pa.array(list(pairs), type=STRING)), np.array(list(pairs.values()))


def _regions(country: pd.Series | None, n: int) -> np.ndarray:
    """Per row: the ISO region code of its country (a code or a name, see _country_table),
    BLANK_REGION where none is given, UNKNOWN_REGION where it is not recognised."""
    if country is None:
        return np.full(n, BLANK_REGION)
    distinct, codes = _distinct(_text(country))
    keys, regions = _country_table()
    found = _np(pc.index_in(_country_key(distinct), keys), -1)
    per_distinct = np.where(found >= 0, regions[found], UNKNOWN_REGION)
    return _spread(per_distinct, codes, BLANK_REGION)


def _without_excel_float(text: pa.Array) -> pa.Array:
    """Digits that Excel turned into a number and wrote back as one: '612345678.0'."""
    excel_float = _mask(_matches(text, r"^[0-9]+\.0$"))
    return pc.if_else(excel_float, pc.utf8_slice_codeunits(text, 0, -2), text)


def _e164(number: str, region: str) -> str:
    """`number` in E.164 as phonenumbers reads it in `region`, '' when it cannot, when the
    number has a length its country's full numbers never have (a local number without its area
    code is no key), or when it is all zeros (a placeholder many people would share)."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return ""
    possible = phonenumbers.is_possible_number_with_reason(parsed)
    if possible != phonenumbers.ValidationResult.IS_POSSIBLE or parsed.national_number == 0:
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_phone(
    s: pd.Series, country: pd.Series | None = None, default_region: str = "FR"
) -> Parsed:
    """Phone numbers in E.164 ('+33612345678'), read by phonenumbers (Google's libphonenumber)
    in the row's country (ISO code or name) or else `default_region`.

    Undone first: Shopify's "'" prefix, separators, and Excel's number form ('612345678.0');
    phonenumbers then handles the lost leading 0, the calling code with or without '+' or '00'
    and the '(0)' after it. A number is kept when its length is possible in its country: the
    validity ranges would refuse test numbers (555, Ofcom's 07700 900xxx) and numbers of
    ranges opened after the library's data, while the digits kept are the ones written, so no
    key is made up. Each distinct (number, region) pair is parsed once.
    """
    if default_region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"default_region must be a region code phonenumbers knows, "
                         f"not {default_region!r}")
    text = pc.utf8_ltrim(_text(s), "'" + SPACES)
    blank = _np(pc.is_null(text), True)
    text = _without_excel_float(text)
    text = _remove(text, _present(text, PHONE_SEPARATORS))
    ok = _matches(text, PHONE)
    region = _regions(country, len(text))
    plus = _np(pc.starts_with(text, "+"), False)  # the number names its country
    region = np.where(plus | np.isin(region, (BLANK_REGION, UNKNOWN_REGION)), default_region,
                      region)
    e164 = _e164_per_pair(pc.if_else(_mask(ok), text, NULL_STRING), region)
    ok = _np(pc.not_equal(e164, ""), False)
    return _result(s, pc.if_else(_mask(ok), e164, NULL_STRING), ok, blank, "str")


FRENCH_NATIONAL = r"^0[1-9][0-9]{8}$"  # 06 12 34 56 78 once separators are gone
FRENCH_E164 = r"^\+33[1-9][0-9]{8}$"


def _e164_per_pair(numbers: pa.Array, region: np.ndarray) -> pa.Array:
    """Per row, _e164 of its number in its region ('' where the number is null), the library
    called once per distinct (number, region) pair: it parses in Python, one number at a time.
    France's two usual forms, most of a French shop's distinct numbers, are written in E.164
    without the call, with the library's own result (tests/ingest/test_identity_keys.py)."""
    distinct, number_codes = _distinct(numbers)
    region_codes, region_names = pd.factorize(region)
    pair = np.where(number_codes >= 0, number_codes * len(region_names) + region_codes, -1)
    pair_codes, pairs = pd.factorize(pair)
    known = pairs >= 0
    text = pc.take(distinct, pa.array(pairs // max(len(region_names), 1), mask=~known))
    french = known & (np.asarray(region_names)[pairs % len(region_names)] == "FR")
    national = french & _matches(text, FRENCH_NATIONAL)
    written = french & _matches(text, FRENCH_E164)
    plus33 = pa.scalar("+33", STRING)
    empty = pa.scalar("", STRING)
    found = pc.if_else(_mask(national), pc.binary_join_element_wise(
        plus33, pc.utf8_slice_codeunits(text, 1), empty), pc.if_else(_mask(written), text, empty))
    slow = known & ~national & ~written
    if slow.any():
        texts = pc.filter(text, _mask(slow)).to_pylist()
        regions = np.asarray(region_names)[pairs[slow] % len(region_names)]
        read = pa.array([_e164(t, r) for t, r in zip(texts, regions)], type=STRING)
        found = pc.replace_with_mask(found, _mask(slow), read)
    return pc.take(found, pa.array(pair_codes))


def pad_postcode(s: pd.Series, country: pd.Series | None = None) -> pd.Series:
    """Postcodes as text, with Excel's damage undone: '75001.0' -> '75001' and, in France (the
    default, also for a blank country), the lost leading 0: '1000' -> '01000'. Other countries'
    codes stay as written, upper-cased."""
    text = _without_excel_float(pc.utf8_upper(_text(s)))
    region = _regions(country, len(text))
    french = np.isin(region, ("FR", BLANK_REGION)) & _matches(text, "^[0-9]{4}$")
    text = pc.if_else(_mask(french), pc.utf8_lpad(text, 5, "0"), text)
    return pd.Series(text, index=s.index, dtype="str")


TRUE_WORDS = ("yes", "y", "oui", "o", "1", "true", "vrai", "x", "✓", "✔", "subscribed",
              "accepte", "optin", "inscrit")
FALSE_WORDS = ("no", "n", "non", "0", "false", "faux", "notsubscribed", "unsubscribed", "refuse",
               "desinscrit", "optout")


def parse_bool(s: pd.Series) -> Parsed:
    """Yes/no flags (consent, newsletter) in "boolean" dtype; case, accents, spaces, '-' and '_'
    do not matter ('Opt-in', 'not_subscribed', 'Désinscrit')."""
    text = _text(s)
    blank = _np(pc.is_null(text), True)
    distinct, codes = _distinct(text)
    word = _remove(_fold(distinct), " _-")
    is_true = _np(pc.is_in(word, pa.array(TRUE_WORDS, type=STRING)), False)
    is_false = _np(pc.is_in(word, pa.array(FALSE_WORDS, type=STRING)), False)
    value, ok = _spread(is_true, codes, False), _spread(is_true | is_false, codes, False)
    return _result(s, pd.arrays.BooleanArray(value, ~ok), ok, blank, "boolean")
