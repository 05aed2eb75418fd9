"""The value parsers: one case per form of FORMATS.md with its exact value, the column-level
decisions (decimal mark, day/month order), and properties over arbitrary text."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.parse import (
    combine_date_time,
    normalise_email,
    normalise_header,
    normalise_phone,
    pad_postcode,
    parse_bool,
    parse_dates,
    parse_money,
    parse_quantity,
    parse_times,
)

NBSP, NNBSP = "\u00a0", "\u202f"
BLANKS = [None, "", "   ", NBSP, f"{NNBSP}\t"]


def col(*values: str | None) -> pd.Series:
    return pd.Series(list(values), dtype="str")


def one(parser, value: str, *args, **kwargs):
    """(value, invalid) of a single cell parsed alone."""
    result = parser(col(value), *args, **kwargs)
    return result.values.iloc[0], bool(result.invalid.iloc[0])


def is_na(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, float) and np.isnan(value)
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("  Adresse  E-mail ", "adresse e mail"),
        ("N° de commande", "n de commande"),
        ("Quantité (- Refund)", "quantite refund"),
        ("Prénom", "prenom"),
        ("Cœur de cible", "coeur de cible"),
        ("\ufeffName", "name"),
        ("Lineitem compare-at price", "lineitem compare at price"),
        ("État", "etat"),
    ],
)
def test_normalise_header(header, expected):
    assert normalise_header(header) == expected


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45.90", 45.90),
        ("1,886.82", 1886.82),
        ("45,90 €", 45.90),
        ("45,90€", 45.90),
        ("1 234,56 €", 1234.56),
        (f"1{NBSP}234,56{NBSP}€", 1234.56),
        (f"1{NNBSP}234,56{NNBSP}€", 1234.56),
        ("1.234,56", 1234.56),
        ("1.234.567,89", 1234567.89),
        ("1,234,567.89", 1234567.89),
        ("$22.50", 22.50),
        ("-$0.95", -0.95),
        ("$-0.95", -0.95),
        ("(50.00)", -50.00),
        ("€ 12", 12.00),
        ("12 EUR", 12.00),
        ("12 euros", 12.00),
        ("-12", -12.00),
        ("+3,5", 3.50),
        ("1234", 1234.00),
        ("1 234", 1234.00),
        ("0,5", 0.50),
        ("1'234.50", 1234.50),
        ("  7,00 € ", 7.00),
        ("2,999", 3.00),  # alone, a comma is a decimal mark (French default), rounded to cents
    ],
)
def test_money_forms(text, expected):
    assert one(parse_money, text) == (expected, False)


@pytest.mark.parametrize(
    "text",
    ["abc", "12,34,56x", "12,34,56", "1.2.3", "12 €€ 3", "--5", "1e5", "€", "(12", "12-3",
     "1,2345.6"],
)
def test_money_invalid(text):
    value, invalid = one(parse_money, text)
    assert is_na(value) and invalid


def test_comma_with_three_digits_is_thousands_when_the_column_uses_a_decimal_point():
    assert parse_money(col("1,234", "45.90", "3.5")).values.tolist() == [1234.0, 45.90, 3.50]
    assert parse_money(col("1,234", "1,886.82")).values.tolist() == [1234.0, 1886.82]


def test_the_decimal_mark_is_decided_by_cells_not_by_distinct_values():
    """Each distinct text is parsed once: the column's vote must still count every cell."""
    assert parse_money(col("1,234", "2,50", "4.50", "4.50")).values.tolist() == [
        1234.0, 2.50, 4.50, 4.50]
    assert parse_money(col("1,234", "2,50", "2,50", "4.50")).values.tolist() == [
        1.23, 2.50, 2.50, 4.50]


def test_comma_with_three_digits_is_decimal_otherwise():
    assert parse_money(col("1,234")).values.tolist() == [1.23]
    assert parse_money(col("1,234", "45,90 €")).values.tolist() == [1.23, 45.90]


def test_dot_with_three_digits_is_thousands_when_the_column_uses_a_decimal_comma():
    assert parse_money(col("1.234", "45,90", "12,5")).values.tolist() == [1234.0, 45.90, 12.50]
    assert parse_money(col("1.234", "45.90")).values.tolist() == [1.23, 45.90]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2", 2.0), ("2,5", 2.5), ("1.0", 1.0), ("3 ", 3.0), ("-1", -1.0), ("+4", 4.0),
     ("0,25", 0.25)],
)
def test_quantity_forms(text, expected):
    assert one(parse_quantity, text) == (expected, False)


@pytest.mark.parametrize("text", ["deux", "2 €", "1,000.5", "2x", "1/2"])
def test_quantity_invalid(text):
    value, invalid = one(parse_quantity, text)
    assert is_na(value) and invalid


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "order"),
    [
        ("2024-03-15", datetime(2024, 3, 15), "ymd"),
        ("2024-03-15 14:22:10", datetime(2024, 3, 15, 14, 22, 10), "ymd"),
        ("2024-03-15T14:22:10", datetime(2024, 3, 15, 14, 22, 10), "ymd"),
        ("2025-12-07 19:08:25 +0000", datetime(2025, 12, 7, 19, 8, 25), "ymd"),
        ("2025-12-07 19:08:25 -0500", datetime(2025, 12, 7, 19, 8, 25), "ymd"),
        ("2024-03-15T14:22:10+01:00", datetime(2024, 3, 15, 14, 22, 10), "ymd"),
        ("2024-03-15 14:22:10.250000", datetime(2024, 3, 15, 14, 22, 10, 250000), "ymd"),
        ("2024-03-15T14:22:10.123Z", datetime(2024, 3, 15, 14, 22, 10, 123000), "ymd"),
        ("2024-03-15 00:00:00", datetime(2024, 3, 15), "ymd"),
        ("15/03/2024", datetime(2024, 3, 15), "dmy"),
        ("15/03/24", datetime(2024, 3, 15), "dmy"),
        ("15-03-2024", datetime(2024, 3, 15), "dmy"),
        ("15.03.2024", datetime(2024, 3, 15), "dmy"),
        ("5/3/2024", datetime(2024, 3, 5), "dmy"),
        ("15/03/2024 14:22", datetime(2024, 3, 15, 14, 22), "dmy"),
        ("15/03/2024 14:22:10", datetime(2024, 3, 15, 14, 22, 10), "dmy"),
        ("15/03/2024 14h22", datetime(2024, 3, 15, 14, 22), "dmy"),
        ("03/15/24", datetime(2024, 3, 15), "mdy"),
        ("12/31/2024 9:15:51 PM", datetime(2024, 12, 31, 21, 15, 51), "mdy"),
        ("Dec 8, 2024", datetime(2024, 12, 8), "mdy"),
        ("December 8, 2024", datetime(2024, 12, 8), "mdy"),
        ("8 déc. 2024", datetime(2024, 12, 8), "dmy"),
        ("8 dec 2024", datetime(2024, 12, 8), "dmy"),
        ("8 décembre 2024", datetime(2024, 12, 8), "dmy"),
        ("8 DÉCEMBRE 2024", datetime(2024, 12, 8), "dmy"),
        ("1er janvier 2024", datetime(2024, 1, 1), "dmy"),
        ("14 juillet 2024", datetime(2024, 7, 14), "dmy"),
        ("3 juin 2024", datetime(2024, 6, 3), "dmy"),
        ("15 août 2024", datetime(2024, 8, 15), "dmy"),
        ("2 févr. 2024", datetime(2024, 2, 2), "dmy"),
        ("45123", datetime(2023, 7, 16), "serial"),
        ("45123.5", datetime(2023, 7, 16, 12), "serial"),
    ],
)
def test_date_forms(text, expected, order):
    result = parse_dates(col(text))
    assert result.values.iloc[0] == pd.Timestamp(expected)
    assert not result.invalid.iloc[0]
    assert result.order == order
    assert result.values.dtype == "datetime64[us]"


def test_day_month_order_is_decided_for_the_whole_column():
    result = parse_dates(col("13/01/2024", "03/04/2024"))
    assert (result.order, result.ambiguous) == ("dmy", False)
    assert result.values.tolist() == [pd.Timestamp(2024, 1, 13), pd.Timestamp(2024, 4, 3)]


def test_month_first_is_proved_by_a_second_field_above_12():
    result = parse_dates(col("03/04/2024", "04/13/2024"))
    assert (result.order, result.ambiguous) == ("mdy", False)
    assert result.values.tolist() == [pd.Timestamp(2024, 3, 4), pd.Timestamp(2024, 4, 13)]


def test_nothing_proves_the_order_so_the_default_is_assumed():
    result = parse_dates(col("03/04/2024"))
    assert (result.order, result.ambiguous) == ("dmy", True)
    assert result.values.tolist() == [pd.Timestamp(2024, 4, 3)]
    result = parse_dates(col("03/04/2024"), default_order="mdy")
    assert (result.order, result.ambiguous) == ("mdy", True)
    assert result.values.tolist() == [pd.Timestamp(2024, 3, 4)]


def test_the_callers_order_wins():
    result = parse_dates(col("03/04/2024"), order="mdy")
    assert (result.order, result.ambiguous) == ("mdy", False)
    assert result.values.tolist() == [pd.Timestamp(2024, 3, 4)]
    result = parse_dates(col("13/01/2024", "03/04/2024"), order="mdy")
    assert result.invalid.tolist() == [True, False]
    assert result.values.iloc[1] == pd.Timestamp(2024, 3, 4)


def test_an_inconsistent_column_keeps_the_order_that_reads_more_cells():
    result = parse_dates(col("13/01/2024", "01/13/2024", "02/14/2024", "05/06/2024"))
    assert (result.order, result.ambiguous) == ("mdy", False)
    assert result.invalid.tolist() == [True, False, False, False]
    assert result.values.iloc[1:].tolist() == [
        pd.Timestamp(2024, 1, 13), pd.Timestamp(2024, 2, 14), pd.Timestamp(2024, 5, 6),
    ]


def test_iso_dates_do_not_decide_the_day_month_order():
    result = parse_dates(col("2024-03-15", "03/04/2024"))
    assert (result.order, result.ambiguous) == ("dmy", True)
    assert result.values.tolist() == [pd.Timestamp(2024, 3, 15), pd.Timestamp(2024, 4, 3)]


@pytest.mark.parametrize(
    "text",
    ["31/02/2024", "29/02/2023", "2024-02-30", "31/04/2024", "00/01/2024", "15/13/2024",
     "2024-13-01", "15/03/2024 25:00", "15/03/2024 14:60", "31 févr. 2024", "8 foo 2024",
     "15/03/202", "hier", "15/03", "2024-03-15 midi"],
)
def test_impossible_dates_are_invalid(text):
    result = parse_dates(col(text, "15/03/2024"))
    assert result.invalid.tolist() == [True, False]
    assert result.values.isna().tolist() == [True, False]


def test_leap_day_exists_in_leap_years():
    assert parse_dates(col("29/02/2024")).values.iloc[0] == pd.Timestamp(2024, 2, 29)


def test_numbers_are_excel_serials_only_when_the_whole_column_is_numeric():
    result = parse_dates(col("45123", "45123.25", None, "5"))
    assert result.order == "serial"
    assert result.values.iloc[:2].tolist() == [
        pd.Timestamp(2023, 7, 16), pd.Timestamp(2023, 7, 16, 6),
    ]
    assert result.invalid.tolist() == [False, False, False, True]  # 5 is not a plausible date
    mixed = parse_dates(col("45123", "15/03/2024"))
    assert mixed.order == "dmy"
    assert mixed.invalid.tolist() == [True, False]


def test_blank_dates_are_missing_not_invalid():
    result = parse_dates(col(*BLANKS, "15/03/2024"))
    assert result.invalid.tolist() == [False] * (len(BLANKS) + 1)
    assert result.values.isna().tolist() == [True] * len(BLANKS) + [False]


def test_unknown_orders_are_refused():
    with pytest.raises(ValueError):
        parse_dates(col("15/03/2024"), order="dym")
    with pytest.raises(ValueError):
        parse_dates(col("15/03/2024"), default_order="serial")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:22", timedelta(hours=14, minutes=22)),
        ("14:22:10", timedelta(hours=14, minutes=22, seconds=10)),
        ("9:15:51 AM", timedelta(hours=9, minutes=15, seconds=51)),
        ("9:15:51 PM", timedelta(hours=21, minutes=15, seconds=51)),
        ("12:05 am", timedelta(minutes=5)),
        ("12:05 pm", timedelta(hours=12, minutes=5)),
        ("14h22", timedelta(hours=14, minutes=22)),
        ("08:00:00.5", timedelta(hours=8, milliseconds=500)),
    ],
)
def test_time_forms(text, expected):
    assert one(parse_times, text) == (pd.Timedelta(expected), False)


@pytest.mark.parametrize("text", ["24:00", "13:00 PM", "0:30 am", "14:61", "midi", "14"])
def test_time_invalid(text):
    value, invalid = one(parse_times, text)
    assert is_na(value) and invalid


def test_combine_date_time_adds_the_time_where_there_is_one():
    dates = parse_dates(col("Dec 8, 2024", "Dec 9, 2024", None)).values
    times = parse_times(col("9:15:51 AM", "", "10:00")).values
    assert combine_date_time(dates, times).tolist() == [
        pd.Timestamp(2024, 12, 8, 9, 15, 51), pd.Timestamp(2024, 12, 9), pd.NaT,
    ]


# --- people ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marie.Dupont@Example.FR", "marie.dupont@example.fr"),
        (f"  jean@exemple.fr{NBSP}", "jean@exemple.fr"),
        ("a+tag@sub.domaine.fr", "a+tag@sub.domaine.fr"),
    ],
)
def test_email_forms(text, expected):
    assert one(normalise_email, text) == (expected, False)


@pytest.mark.parametrize("text", ["jean", "jean@exemple", "a@@b.fr", "a@b@c.fr", "jean dupont@x.fr",
                                  "@exemple.fr", "jean@.", "jean@exemple."])
def test_email_invalid(text):
    value, invalid = one(normalise_email, text)
    assert is_na(value) and invalid


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("06 12 34 56 78", None, "+33612345678"),
        ("0612345678", None, "+33612345678"),
        ("06.12.34.56.78", None, "+33612345678"),
        ("06-12-34-56-78", None, "+33612345678"),
        ("612345678", None, "+33612345678"),
        ("+33 6 12 34 56 78", None, "+33612345678"),
        ("+33 (0)6 12 34 56 78", None, "+33612345678"),
        ("0033612345678", None, "+33612345678"),
        ("0033 6 12 34 56 78", None, "+33612345678"),
        ("33612345678", None, "+33612345678"),
        ("'+33612345678", None, "+33612345678"),
        ("'0612345678", None, "+33612345678"),
        ("01 42 68 53 00", "France", "+33142685300"),
        ("+32 470 12 34 56", None, "+32470123456"),
        ("0470 12 34 56", "Belgique", "+32470123456"),
        ("0470 12 34 56", "Belgium", "+32470123456"),
        ("02 123 45 67", "BE", "+3221234567"),
        ("470123456", "BE", "+32470123456"),
        ("079 123 45 67", "Suisse", "+41791234567"),
        ("079 123 45 67", "CH", "+41791234567"),
        ("+41 79 123 45 67", "FR", "+41791234567"),
        ("+1 (555) 123-4567", "US", "+15551234567"),
        ("+44 20 7946 0958", None, "+442079460958"),
        ("0612345678", "Deutschland", "+49612345678"),  # a German row: a German number
        ("0612345678", "Atlantide", "+33612345678"),  # unknown country: the default region
    ],
)
def test_phone_forms(text, country, expected):
    countries = None if country is None else col(country)
    assert one(normalise_phone, text, countries) == (expected, False)


@pytest.mark.parametrize("text", ["12345", "06 12 34 56 7a", "+33 6 12 34", "06 12 34 56 78 9",
                                  "+33 06 06 12 34 56 78", "+0612345678", "0000612345678", "()",
                                  "+1234567", "+1234567890123456", "tel: 0612345678"])
def test_phone_invalid(text):
    value, invalid = one(normalise_phone, text)
    assert is_na(value) and invalid


def test_phone_default_region():
    assert one(normalise_phone, "0470 12 34 56", default_region="BE") == ("+32470123456", False)
    with pytest.raises(ValueError):
        normalise_phone(col("0612345678"), default_region="XX")


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("1000", None, "01000"),
        ("1000", "", "01000"),
        ("1000", "France", "01000"),
        ("1000", "FR", "01000"),
        ("75001", None, "75001"),
        ("1000.0", None, "01000"),
        (" 75001.0 ", "France", "75001"),
        ("1000", "Belgique", "1000"),
        ("1000.0", "BE", "1000"),
        ("sw1a 1aa", "UK", "SW1A 1AA"),
        ("1000", "Deutschland", "1000"),
    ],
)
def test_postcodes(text, country, expected):
    countries = None if country is None else col(country)
    assert pad_postcode(col(text), countries).iloc[0] == expected


def test_blank_postcodes_are_missing():
    assert pad_postcode(col(*BLANKS)).isna().all()


@pytest.mark.parametrize(
    ("text", "expected"),
    [(word, True) for word in ["yes", "Y", "oui", "O", "1", "true", "TRUE", "vrai", "x", "✓",
                               "subscribed", "accepte", "Accepté", "opt-in", "Opt in", "inscrit"]]
    + [(word, False) for word in ["no", "N", "non", "0", "false", "FAUX", "not_subscribed",
                                  "Not subscribed", "unsubscribed", "refuse", "Refusé",
                                  "désinscrit", "DESINSCRIT"]],
)
def test_bool_forms(text, expected):
    assert one(parse_bool, text) == (expected, False)


def test_bool_invalid_and_blank():
    result = parse_bool(col("peut-être", "2", *BLANKS))
    assert result.values.dtype == "boolean"
    assert result.values.isna().all()
    assert result.invalid.tolist() == [True, True] + [False] * len(BLANKS)


# --- properties ------------------------------------------------------------------------------

TRICKY = ["", " ", NBSP, NNBSP, "\x00", "\n", "€", "(", "+", "'", "12,34,56", "1 234,56 €",
          "2024-13-45", "29/02/2023", "+33", "@", "a@b.c", "oui", "45123"]
CONTROLS = "\x00\x07\x1f\x7f\t\r\n" + NBSP + NNBSP
characters = st.one_of(st.characters(codec="utf-8"), st.sampled_from(CONTROLS))
cells = st.lists(st.one_of(st.none(), st.text(characters), st.sampled_from(TRICKY)), max_size=20)
PARSERS = {
    "money": parse_money,
    "quantity": parse_quantity,
    "dates": parse_dates,
    "dates_mdy": lambda s: parse_dates(s, order="mdy"),
    "times": parse_times,
    "email": normalise_email,
    "phone": normalise_phone,
    "phone_country": lambda s: normalise_phone(s, s.iloc[::-1].set_axis(s.index)),
    "bool": parse_bool,
}


@pytest.mark.parametrize("name", PARSERS)
@given(values=cells)
def test_parsers_never_raise_and_keep_the_shape(name, values):
    s = pd.Series(values, index=pd.RangeIndex(100, 100 + len(values)), dtype="str")
    result = PARSERS[name](s)
    assert len(result.values) == len(result.invalid) == len(values)
    assert result.values.index.equals(s.index) and result.invalid.index.equals(s.index)
    assert result.invalid.dtype == bool
    blank = np.array([v is None or v == "" for v in values], dtype=bool)
    assert not result.invalid[blank].any()
    assert result.values[blank | result.invalid.to_numpy()].isna().all()


@given(values=cells)
def test_postcodes_never_raise_and_keep_the_shape(values):
    s = pd.Series(values, index=pd.RangeIndex(7, 7 + len(values)), dtype="str")
    result = pad_postcode(s, s)
    assert result.index.equals(s.index)
    assert result[[v is None or v == "" for v in values]].isna().all()


amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False,
                      allow_infinity=False)


def french(amount: Decimal, thousands: str, before_euro: str) -> str:
    digits = f"{abs(amount):,.2f}".replace(",", "_").replace(".", ",").replace("_", thousands)
    return f"{'-' if amount < 0 else ''}{digits}{before_euro}€"


@given(st.lists(st.tuples(amounts, st.sampled_from([NBSP, NNBSP, " "]),
                          st.sampled_from([NBSP, NNBSP, " ", ""])), min_size=1, max_size=10))
def test_french_money_round_trips(rows):
    parsed = parse_money(col(*(french(a, t, e) for a, t, e in rows)))
    assert not parsed.invalid.any()
    assert [Decimal(repr(v)) for v in parsed.values] == [a for a, _, _ in rows]


@given(st.lists(amounts, min_size=1, max_size=10))
def test_english_money_round_trips(rows):
    parsed = parse_money(col(*(f"{a:,.2f}" for a in rows)))
    assert not parsed.invalid.any()
    assert [Decimal(repr(v)) for v in parsed.values] == rows


@given(st.lists(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)), min_size=1,
                max_size=10))
def test_day_month_year_dates_round_trip(days):
    parsed = parse_dates(col(*(f"{d.day:02d}/{d.month:02d}/{d.year:04d}" for d in days)))
    assert parsed.order == "dmy"
    assert [v.date() for v in parsed.values] == days


@given(st.integers(min_value=100_000_000, max_value=799_999_999),
       st.sampled_from(["0{} {} {} {} {}", "0{}.{}.{}.{}.{}", "+33 {} {} {} {} {}", "{}{}{}{}{}",
                        "0033{}{}{}{}{}", "+33 (0){} {} {} {} {}", "'0{}{}{}{}{}"]))
def test_french_phone_spellings_agree(number, template):
    digits = str(number)
    pairs = [digits[0], digits[1:3], digits[3:5], digits[5:7], digits[7:9]]
    assert one(normalise_phone, template.format(*pairs)) == (f"+33{digits}", False)
