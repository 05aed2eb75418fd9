"""Issue 12, cell values: accounting zeros, Swiss thousands, missing-value markers, compact and
re-saved dates, decimal marks nothing proves. Each figure is computed by hand from the cells."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import store
from ingest import cli
from ingest.doubts import Doubt, UnsureImport
from ingest.errors import FileRejected
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


def the_doubt(con, data: bytes) -> Doubt:
    """The one doubt that refuses the file, the database left empty."""
    with pytest.raises(UnsureImport) as refused:
        import_file(con, data, "ventes.csv")
    assert con.execute("select count(*) from imports").fetchone()[0] == 0
    (doubt,) = refused.value.doubts
    return doubt


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


@settings(deadline=None)  # the first call compiles the money pattern; shared machines are slow
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


def test_an_amount_column_of_markers_only_is_refused_as_empty(con):
    data = csv("N° de commande;Date;Montant", "1;15/03/2024;NA", "2;16/03/2024;#N/A")
    with pytest.raises(FileRejected, match="« Montant » est vide sur toutes les lignes"):
        import_file(con, data, "ventes.csv")
    assert con.execute("select count(*) from imports").fetchone()[0] == 0


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


# --- 3. A platform's date order against dates that prove another -------------------------------

PRESTASHOP = "ID;Référence;Nouveau client;Livraison;Client;Total;Paiement;État;Date"


def prestashop(*dates: str) -> bytes:
    return csv(PRESTASHOP, *(f"{i};REF{i};1;France;M. DUPONT;10,00 €;Chèque;Livré;{d}"
                             for i, d in enumerate(dates, start=1)))


def order_times(con) -> list[str]:
    return [t for (t,) in con.execute(
        "select strftime(ordered_at, '%Y-%m-%d %H:%M') from orders order by source_order_id"
    ).fetchall()]


def test_prestashop_resaved_by_french_excel_reads_day_first_and_says_so(con):
    report = import_file(con, prestashop("15/03/2024 14:22", "03/04/2024 09:05"), "cmd.csv")
    assert (report.source.name, report.rows_loaded, report.date_order) == (
        "prestashop_orders", 2, "dmy")
    assert order_times(con) == ["2024-03-15 14:22", "2024-04-03 09:05"]
    assert report.notes[0] == (
        "dates de « Date » lues en jour/mois/année et non en année-mois-jour comme la plateforme "
        "les exporte (fichier réenregistré par un tableur ?)",
        "dates in “Date” read as day/month/year, not year-month-day as the platform exports them "
        "(file saved again by a spreadsheet?)")


def test_platform_dates_as_the_platform_writes_them_ask_nothing(con):
    report = import_file(con, prestashop("2024-03-15 14:22:00", "2024-04-03 09:05:10"), "cmd.csv")
    assert (report.rows_loaded, report.date_order) == (2, "ymd")
    assert order_times(con) == ["2024-03-15 14:22", "2024-04-03 09:05"]
    assert report.notes[0] == ("dates de « Date » lues en année-mois-jour",
                               "dates in “Date” read as year-month-day")


def test_resaved_dates_that_prove_no_day_month_order_are_a_doubt(con):
    data = prestashop("03/04/2024 14:22", "05/06/2024 09:05")
    doubt = the_doubt(con, data)
    assert (doubt.topic, doubt.option) == ("date_order", "--date-order dmy|mdy")
    assert doubt.fr == ("les dates de « Date » ne sont pas en année-mois-jour comme la plateforme "
                        "les exporte et aucune ne dit si le jour précède le mois : lues en "
                        "jour/mois/année, précisez l'ordre des dates")
    report = import_file(con, data, "cmd.csv", ImportOptions(date_order="mdy"))
    assert order_times(con) == ["2024-03-04 14:22", "2024-05-06 09:05"]
    assert report.date_order == "mdy"


def test_an_accepted_date_order_guess_is_noted(con):
    report = import_file(con, prestashop("03/04/2024", "05/06/2024"), "cmd.csv",
                         ImportOptions(accept_guesses=True))
    assert order_times(con) == ["2024-04-03 00:00", "2024-06-05 00:00"]
    assert any(fr.startswith("choix accepté : les dates de « Date »") for fr, _ in report.notes)


def test_etsy_dates_resaved_day_first_are_read_day_first(con):
    header = "Sale Date,Order ID,Buyer User ID,Full Name,Order Total,Status"
    data = csv(header, "15/03/24,1001,b1,Ana Lima,10.00,Completed",
               "04/03/24,1002,b2,Ben Roy,20.00,Completed")
    report = import_file(con, data, "EtsySoldOrders.csv")
    assert (report.source.name, report.date_order) == ("etsy", "dmy")
    assert order_times(con) == ["2024-03-15 00:00", "2024-03-04 00:00"]
    assert "et non en mois/jour/année" in report.notes[0][0]


def test_the_owners_date_order_still_refuses_dates_it_cannot_read(con):
    with pytest.raises(FileRejected, match="pas des dates"):
        import_file(con, prestashop("15/03/2024 14:22", "16/03/2024 09:05"), "cmd.csv",
                    ImportOptions(date_order="ymd"))


# --- 6. Decimal marks nothing proves -------------------------------------------------------------

def test_parse_money_says_which_amount_nothing_settled():
    alone = parse_money(col("1,234", "12"))
    assert (alone.values.tolist(), alone.decimal_mark, alone.unsure) == ([1.23, 12.0], None,
                                                                         "1,234")
    shown = parse_money(col("1,234", "4.50"))
    assert (shown.values.tolist(), shown.decimal_mark, shown.unsure) == ([1234.0, 4.50], ".", None)
    assert parse_money(col("0,125", "0.500")).unsure is None  # no thousands group starts with 0


@settings(deadline=None)
@given(st.lists(amounts, min_size=1, max_size=10), st.sampled_from([
    (".", lambda a: f"{a:,.2f}"),
    (",", lambda a: f"{a:,.2f}".replace(",", NNBSP).replace(".", ",") + " €"),
    (".", lambda a: swiss(a, "\u2019")),
]))
def test_amounts_written_with_cents_always_show_their_decimal_mark(rows, style):
    mark, write = style
    parsed = parse_money(col(*(write(a) for a in rows)))
    assert (parsed.decimal_mark, parsed.unsure) == (mark, None)
    assert [Decimal(repr(v)) for v in parsed.values] == rows


@pytest.mark.parametrize(("mark", "expected"), [(",", [1.23, 1234.0, 12.0, 4.50]),
                                                (".", [1234.0, 1.23, 12.0, 4.50])])
def test_the_owners_decimal_mark_settles_what_the_digits_do_not(mark, expected):
    parsed = parse_money(col("1,234", "1.234", "12", "4,50"), decimal_mark=mark)
    assert parsed.values.tolist() == expected
    assert parsed.unsure is None and not parsed.invalid.any()


def test_amounts_nothing_settles_are_a_doubt_until_the_owner_says(con):
    data = csv("N° de commande;Date;Montant", "1;15/03/2024;1,250", "2;16/03/2024;2,500")
    doubt = the_doubt(con, data)
    assert (doubt.topic, doubt.option) == ("decimal_mark", "--decimal-mark ,|.")
    assert doubt.fr == ("rien dans le fichier ne dit si « , » sépare les décimales ou les "
                        "milliers dans les montants de « Montant » comme « 1,250 » : lus comme "
                        "décimales, précisez le séparateur décimal")
    import_file(con, data, "ventes.csv", ImportOptions(decimal_mark="."))
    assert amounts(con) == [Decimal("1250.00"), Decimal("2500.00")]


def test_an_accepted_decimal_guess_reads_decimals(con):
    data = csv("N° de commande;Date;Montant", "1;15/03/2024;1,250", "2;16/03/2024;2,500")
    import_file(con, data, "ventes.csv", ImportOptions(accept_guesses=True))
    assert amounts(con) == [Decimal("1.25"), Decimal("2.50")]


def test_another_amount_column_of_the_file_settles_the_mark(con):
    data = csv("N° de commande;Date;Montant;Frais de port", "1;15/03/2024;1,250;4.90",
               "2;16/03/2024;2,500;")
    report = import_file(con, data, "ventes.csv")
    assert report.rows_loaded == 2
    assert amounts(con) == [Decimal("1250.00"), Decimal("2500.00")]


def test_amounts_the_column_settles_ask_nothing(con):
    data = csv("N° de commande;Date;Montant", "1;15/03/2024;1,250", "2;16/03/2024;12,50")
    import_file(con, data, "ventes.csv")
    assert amounts(con) == [Decimal("1.25"), Decimal("12.50")]


def test_an_unknown_decimal_mark_is_refused(con):
    with pytest.raises(FileRejected, match="séparateur décimal « ; » inconnu"):
        import_file(con, csv("N° de commande;Date;Montant", "1;15/03/2024;1,250"), "v.csv",
                    ImportOptions(decimal_mark=";"))


def test_the_command_line_names_and_takes_the_decimal_mark(tmp_path, capsys):
    path = tmp_path / "ventes.csv"
    path.write_bytes(csv("N° de commande;Date;Montant", "1;15/03/2024;1,250"))
    db = str(tmp_path / "base.duckdb")
    assert cli.main([str(path), "--db", db]) == 1
    assert "--decimal-mark ,|." in capsys.readouterr().err
    assert cli.main([str(path), "--db", db, "--decimal-mark", ","]) == 0
    with store.connect(db) as con:
        assert amounts(con) == [Decimal("1.25")]


def amounts(con) -> list[Decimal]:
    return [a for (a,) in con.execute("select amount from orders order by 1").fetchall()]


def test_cdnow_compact_dates_import_as_its_iso_copy_does(con):
    """The same 69,659 purchases, dated 19970101 in one file and 1997-01-01 in the other."""
    compact, iso = REAL_DATA / "cdnow_master.csv", REAL_DATA / "cdnow_master_iso.csv"
    if not (compact.exists() and iso.exists()):
        pytest.skip("shared real data not available")
    summary = ("select count(*), min(ordered_at), max(ordered_at), count(distinct ordered_at), "
               "sum(amount) from orders")
    import_file(con, iso.read_bytes(), iso.name)
    expected = con.execute(summary).fetchone()
    with store.connect(":memory:") as other:
        report = import_file(other, compact.read_bytes(), compact.name,
                             ImportOptions(remap=(("dollar_value", "order_total"),)))
        assert (report.rows_loaded, report.date_order) == (69659, "ymd")
        assert other.execute(summary).fetchone() == expected
