"""Issue 12, cell values: accounting zeros, Swiss thousands, missing-value markers, compact and
re-saved dates, decimal marks nothing proves. Each figure is computed by hand from the cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.parse import parse_money, parse_quantity, parse_text, normalise_email, pad_postcode
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
