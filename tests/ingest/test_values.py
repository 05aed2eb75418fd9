"""Issue 12, cell values: accounting zeros, Swiss thousands, missing-value markers, compact and
re-saved dates, decimal marks nothing proves. Each figure is computed by hand from the cells."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.parse import (
    normalise_email, pad_postcode, parse_dates, parse_money, parse_quantity, parse_text,
)
from ingest.pipeline import ImportOptions, import_file

REAL_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "real-data"
NBSP, NNBSP = "\u00a0", "\u202f"
MARKERS = ["NA", "N/A", "n/a", "#N/A", "null", "NULL", "None", "nan", "NaN", "--"]


def col(*values: str | None) -> pd.Series:
    return pd.Series(list(values), dtype="str")


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


# --- 1. French Excel's accounting zero ---------------------------------------------------------

@pytest.mark.parametrize("text", ["-   €", "- €", f"-{NBSP}€", f"-{NNBSP}{NNBSP}€", "€ -", "-",
                                  " -   € ", "-EUR"])
def test_accounting_zero_is_a_zero_amount(text):
    parsed = parse_money(col(text, "12,50 €"))
    assert parsed.values.tolist() == [0.0, 12.50]
    assert not parsed.invalid.any()


@pytest.mark.parametrize("text", ["--5", "- -", "-€-", "€"])
def test_dashes_that_are_no_accounting_zero_stay_invalid(text):
    assert parse_money(col(text)).invalid.tolist() == [True]


def test_a_lone_dash_is_a_refused_quantity_and_a_blank_text():
    assert parse_quantity(col("-", "2")).invalid.tolist() == [True, False]
    assert parse_text(col("-", "Savon")).values.isna().tolist() == [True, False]


def test_an_accounting_zero_discount_imports_as_zero(con):
    data = csv("N° de commande;Date;Montant TTC;Remise",
               "A1;15/03/2024;45,90 €;-   €",
               "A2;16/03/2024;1 234,50 €;5,00 €")
    report = import_file(con, data, "ventes.csv")
    assert (report.rows_loaded, report.rows_rejected) == (2, 0)
    rows = con.execute("select source_order_id, amount, discount from orders order by 1").fetchall()
    assert rows == [("A1", Decimal("45.90"), Decimal("0.00")),
                    ("A2", Decimal("1234.50"), Decimal("5.00"))]


# --- 2. Swiss thousands separators -------------------------------------------------------------

@pytest.mark.parametrize("separator", ["\u2019", "\u02bc", "'", NBSP, NNBSP, " "])
def test_swiss_and_french_thousands_separators(separator):
    parsed = parse_money(col(f"1{separator}234.50", f"12{separator}345{separator}678,90 CHF",
                             f"1{separator}000"))
    assert parsed.values.tolist() == [1234.50, 12345678.90, 1000.0]
    assert not parsed.invalid.any()


amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False,
                      allow_infinity=False)


def swiss(amount: Decimal, thousands: str) -> str:
    digits = f"{abs(amount):,.2f}".replace(",", thousands)
    return f"{'-' if amount < 0 else ''}CHF {digits}"


@given(st.lists(st.tuples(amounts, st.sampled_from(["\u2019", "\u02bc", "'"])), min_size=1,
                max_size=10))
def test_swiss_money_round_trips(rows):
    parsed = parse_money(col(*(swiss(a, t) for a, t in rows)))
    assert not parsed.invalid.any()
    assert [Decimal(repr(v)) for v in parsed.values] == [a for a, _ in rows]


# --- 5. Missing-value markers ------------------------------------------------------------------

@pytest.mark.parametrize("marker", MARKERS)
def test_missing_value_markers_are_blank_in_every_kind_of_column(marker):
    texts = parse_text(col(marker, f" {marker} ", "12621"))
    assert texts.values.isna().tolist() == [True, True, False]
    assert not texts.invalid.any()
    for parser in (parse_money, parse_quantity, normalise_email):
        parsed = parser(col(marker))
        assert parsed.values.isna().all() and not parsed.invalid.any(), parser.__name__
    assert pad_postcode(col(marker)).isna().all()


def test_words_that_merely_contain_a_marker_are_kept():
    assert parse_text(col("Nantes", "Na", "none of these", "NA-12")).values.tolist() == [
        "Nantes", "Na", "none of these", "NA-12"]


def test_na_customer_numbers_are_anonymous_orders_not_one_customer(con):
    data = csv("N° de commande,Date,Montant,N° client",
               "1,15/03/2024,10.00,NA",
               "2,16/03/2024,20.00,NA",
               "3,17/03/2024,30.00,C42",
               "4,18/03/2024,40.00,#N/A")
    import_file(con, data, "ventes.csv")
    rows = con.execute(
        "select source_order_id, customer_id is null from orders order by 1").fetchall()
    assert rows == [("1", True), ("2", True), ("3", False), ("4", True)]
    assert con.execute("select count(*) from customers").fetchone()[0] == 1


def test_online_retail_na_customers_stay_anonymous(con):
    """R wrote NA for the 5,078 rows (913 invoices) of the UCI sample without a CustomerID."""
    path = REAL_DATA / "online_retail_sample20k_fr.csv"
    if not path.exists():
        pytest.skip("shared real data not available")
    import_file(con, path.read_bytes(), path.name)
    anonymous = con.execute("select count(*) from orders where customer_id is null").fetchone()[0]
    assert anonymous == 913
    biggest = con.execute(
        "select count(*) from orders group by customer_id order by 1 desc limit 2").fetchall()
    assert biggest == [(913,), (106,)]  # the NULL group, then the busiest real customer


# --- 4. Compact dates: YYYYMMDD -----------------------------------------------------------------

@pytest.mark.parametrize("order", [None, "ymd", "dmy", "mdy"])
def test_compact_dates_are_year_month_day_whatever_the_order(order):
    parsed = parse_dates(col("19970101", "19971231 14:22", "20240229"), order=order)
    assert parsed.values.tolist() == [pd.Timestamp("1997-01-01"),
                                      pd.Timestamp("1997-12-31 14:22"),
                                      pd.Timestamp("2024-02-29")]
    assert not parsed.invalid.any()


@pytest.mark.parametrize("text", ["19971301", "20230229", "19970100", "18991231", "21000101",
                                  "1997010", "199701011"])
def test_eight_digits_that_are_no_plausible_date_stay_invalid(text):
    assert parse_dates(col("19970101", text)).invalid.tolist() == [False, True]


@pytest.mark.parametrize("date_order", [None, "ymd"])
def test_a_file_of_compact_dates_imports(con, date_order):
    data = csv("N° client;Date;Montant", "00001;19970101;11,77", "00002;19970112;12,00")
    report = import_file(con, data, "cdnow.csv", ImportOptions(date_order=date_order))
    assert (report.rows_loaded, report.date_order) == (2, "ymd")
    days = con.execute("select ordered_at::date::varchar from orders order by 1").fetchall()
    assert days == [("1997-01-01",), ("1997-01-12",)]


def test_cdnow_dates_read_as_the_file_means_them():
    """69,659 purchases dated 19970101 .. 19980630, checked against Python's own calendar."""
    path = REAL_DATA / "cdnow_master.csv"
    if not path.exists():
        pytest.skip("shared real data not available")
    text = pd.read_csv(path, dtype="str")["date"]
    parsed = parse_dates(text)
    assert not parsed.invalid.any() and parsed.order == "ymd"
    expected = [datetime.strptime(d, "%Y%m%d") for d in text.unique()]
    assert parsed.values.unique().tolist() == expected
    assert (parsed.values.min(), parsed.values.max()) == (
        pd.Timestamp("1997-01-01"), pd.Timestamp("1998-06-30"))
