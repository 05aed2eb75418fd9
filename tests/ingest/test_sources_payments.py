"""Square, Stripe, PayPal and SumUp exports: hand-made fixtures with the platforms' headers,
totals checked exactly (expected figures computed by hand from the rows, written alongside)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store
from ingest.errors import FileRejected
from ingest.pipeline import import_file
from ingest.sources import SOURCE_BY_NAME, detect_source
from tests.conftest import ROOT
from tests.ingest.test_sources_marketplaces import (
    FIXTURES, assert_detected_alone, count, d, imported, net_revenue, orders,
)

MEMO_NOTE_FR = ("1 ligne ignorée : mémos PayPal (autorisations, réserves) qui ne déplacent "
                    "pas d'argent")
OTHER_NOTE_FR = ("lignes ignorées : mouvements PayPal qui ne sont ni des ventes ni des "
                 "remboursements (retraits, virements, conversions de devises, paiements "
                 "envoyés, frais)")
ORPHAN_FR = ("remboursement d'une commande absente du fichier : exportez une période qui couvre "
             "aussi la date de la commande")


@pytest.mark.parametrize("name, expected", [
    ("square_transactions.csv", "square"),
    ("stripe_unified_payments.csv", "stripe"),
    ("stripe_payments_few_columns.csv", "stripe"),
    ("paypal_activity_fr.csv", "paypal"),
    ("paypal_activity_en.csv", "paypal"),
    ("sumup_orders.csv", "sumup"),
])
def test_each_fixture_is_detected_as_its_own_platform(name, expected):
    assert_detected_alone(name, expected)


def test_stripe_still_recognised_when_amount_refunded_was_not_exported():
    source, confidence = detect_source(["Created date (UTC)", "Amount", "Currency", "Status"])
    assert (source.name, confidence) == ("stripe", 0.5)


def test_square_refund_rows_fold_into_their_sale_by_transaction_or_payment_id(con):
    (report,) = imported(con, "square_transactions.csv")
    assert (report.source.name, report.rows_read, report.rows_rejected) == ("square", 7, 1)
    assert report.rejects[["row_number", "reason_fr"]].values.tolist() == [[3, ORPHAN_FR]]
    assert orders(con) == [
        ("TX1", d("2024-05-04 10:02:11"), Decimal("31.20"), Decimal("0.00"), "paid", "shop"),
        # refund row with the same Transaction ID, listed before its sale
        ("TX2", d("2024-05-04 11:40:00"), Decimal("12.00"), Decimal("12.00"), "refunded", "shop"),
        # refund row RX3 repeating the sale's Payment ID PA3; Square Online is the web shop
        ("TX3", d("2024-05-05 09:00:00"), Decimal("45.00"), Decimal("15.00"),
         "partially_refunded", "web"),
        ("TX4", d("2024-05-10 16:20:00"), Decimal("20.00"), Decimal("0.00"), "paid", "shop"),
    ]
    assert net_revenue(con) == Decimal("81.20")  # 31.20 + 30.00 + 20.00
    assert con.execute("select distinct currency from orders").fetchall() == [("EUR",)]
    assert con.execute(
        "select c.full_name, count(*) from orders o join customers c using (customer_id) "
        "group by 1 order by 1"
    ).fetchall() == [("Claire Petit", 2), ("Hugo Bernard", 1)]
    assert count(con, "select count(*) from orders where customer_id is null") == 1  # TX2


def test_square_currency_follows_the_amounts_sign(con):
    data = (FIXTURES / "square_transactions.csv").read_bytes().replace("€".encode(), b"$")
    import_file(con, data, "square_transactions.csv")
    assert con.execute("select distinct currency from orders").fetchall() == [("USD",)]


def test_stripe_payments_statuses_refunds_and_local_time(con):
    (report,) = imported(con, "stripe_unified_payments.csv")
    assert (report.source.name, report.rows_read, report.rows_rejected) == ("stripe", 5, 0)
    assert orders(con) == [
        # 23:30 UTC on 10 March is 00:30 in Paris (UTC+1); June is UTC+2
        ("ch_1", d("2024-03-11 00:30:00"), Decimal("50.00"), Decimal("0.00"), "paid", "web"),
        ("ch_2", d("2024-06-01 12:00:00"), Decimal("80.00"), Decimal("80.00"), "refunded", "web"),
        ("ch_3", d("2024-06-02 11:00:00"), Decimal("120.00"), Decimal("20.00"),
         "partially_refunded", "web"),
        ("ch_4", d("2024-06-03 14:00:00"), Decimal("35.00"), Decimal("0.00"), "cancelled", "web"),
        ("ch_5", d("2024-06-04 10:00:00"), Decimal("15.50"), Decimal("0.00"), "paid", "web"),
    ]
    assert net_revenue(con) == Decimal("165.50")  # 50 + 100 + 15.50
    assert con.execute("select distinct currency from orders").fetchall() == [("EUR",)]
    assert con.execute(
        "select c.email, count(*) from orders o join customers c using (customer_id) "
        "group by 1 order by 1"
    ).fetchall() == [("alice@example.fr", 2), ("bob@example.fr", 1), ("carole@example.fr", 1)]
    assert count(con, "select count(*) from orders where customer_id is null") == 1  # guest


def test_stripe_export_with_only_date_and_amounts(con):
    (report,) = imported(con, "stripe_payments_few_columns.csv")
    assert (report.source.name, report.orders_new, report.rows_rejected) == ("stripe", 3, 0)
    assert con.execute(
        "select amount, refunded_amount, status from orders order by ordered_at"
    ).fetchall() == [
        (Decimal("10.00"), Decimal("0.00"), "paid"),
        (Decimal("30.00"), Decimal("5.00"), "partially_refunded"),
        (Decimal("25.00"), Decimal("25.00"), "refunded"),
    ]
    assert net_revenue(con) == Decimal("35.00")


def test_paypal_french_activity_sales_refunds_memos_and_transfers(con):
    (report,) = imported(con, "paypal_activity_fr.csv")
    assert (report.source.name, report.date_order) == ("paypal", "dmy")
    assert (report.rows_read, report.rows_rejected) == (10, 1)
    assert report.rows_loaded == 10 - 1 - 3  # skipped rows are not "imported" (was 9)
    stored = con.execute("select rows_loaded from imports").fetchone()[0]
    assert stored == report.rows_loaded
    assert report.rejects[["row_number", "reason_fr"]].values.tolist() == [[8, ORPHAN_FR]]
    notes = [fr for fr, _ in report.notes]
    # every row accounted for: 6 in orders (5 sales, 1 refund), 1 rejected, 1 + 2 skipped
    assert MEMO_NOTE_FR in notes and f"2 {OTHER_NOTE_FR}" in notes
    assert orders(con) == [
        ("1AA11111AA111111A", d("2024-03-02 10:15:00"), Decimal("45.00"), Decimal("0.00"),
         "paid", "web"),
        # 1 234,56 with the 234,56 refund listed before it
        ("2BB22222BB222222B", d("2024-03-05 09:30:00"), Decimal("1234.56"), Decimal("234.56"),
         "partially_refunded", "web"),
        ("4DD44444DD444444D", d("2024-03-28 19:05:00"), Decimal("30.00"), Decimal("0.00"),
         "paid", "web"),
        ("5EE55555EE555555E", d("2024-03-29 20:00:00"), Decimal("12.00"), Decimal("0.00"),
         "pending", "web"),
        ("8HH88888HH888888H", d("2024-03-22 14:10:00"), Decimal("20.00"), Decimal("0.00"),
         "paid", "web"),
    ]
    assert net_revenue(con) == Decimal("1095.00")  # 45 + 1000 + 30 + 20
    # the payers are the customers; the shop's own address (sender of refunds) is none of them
    assert con.execute("select email, phone from customers order by full_name").fetchall() == [
        ("jean@example.fr", None), ("luc@example.fr", None), ("marie@example.fr", None),
        (None, "+33698765432"),
    ]


def test_paypal_english_activity(con):
    (report,) = imported(con, "paypal_activity_en.csv")
    assert (report.source.name, report.rows_read, report.rows_rejected) == ("paypal", 5, 0)
    notes = [en for _, en in report.notes]
    assert "1 row skipped: PayPal memos (authorisations, holds) that move no money" in notes
    assert orders(con) == [
        ("1AB", d("2024-10-01 10:00:00"), Decimal("1250.00"), Decimal("250.00"),
         "partially_refunded", "web"),
        ("4GH", d("2024-10-15 09:00:00"), Decimal("5.00"), Decimal("0.00"), "pending", "web"),
    ]
    assert net_revenue(con) == Decimal("1000.00")
    assert con.execute("select email, postal_code, city from customers order by 1").fetchall() == [
        ("jana@example.com", "59000", "Lille"), ("peter@example.com", None, None)]


def test_paypal_file_without_a_sale_is_refused_with_the_platforms_reason(con):
    data = ("Date,Time,TimeZone,Name,Type,Status,Currency,Gross,Transaction ID,Balance Impact\n"
            "14/10/2024,09:00:00,CEST,,General Withdrawal,Completed,EUR,-100.00,3EF,Debit\n"
            "15/10/2024,09:00:00,CEST,,General Authorization,Pending,EUR,-10.00,2CD,Memo\n")
    with pytest.raises(FileRejected) as refused:
        import_file(con, data.encode(), "Download.CSV")
    assert "e.g. row 2: PayPal movements that are neither sales nor refunds" in (
        refused.value.message("en"))
    assert count(con, "select count(*) from imports") == 0


PAYPAL_HEADER = ["Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Fee",
                 "Net", "From Email Address", "Transaction ID", "Reference Txn ID",
                 "Balance Impact"]
sale_with_refunds = st.integers(100, 100_000).flatmap(lambda gross: st.tuples(
    st.just(gross),
    st.lists(st.integers(1, gross), max_size=2).filter(lambda r: sum(r) <= gross),
))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sale_with_refunds, min_size=1, max_size=5).flatmap(
    lambda sales: st.tuples(st.just(sales), st.permutations(
        [(i, None) for i in range(len(sales))]
        + [(i, cents) for i, (_, refunds) in enumerate(sales) for cents in refunds]))))
def test_paypal_net_revenue_is_sales_minus_refunds_in_any_row_order(case):
    """Whatever the row order, each refund lands on the sale it names: one order per sale and
    net revenue = Σ gross − Σ refunds (a sale refunded in full drops out with net zero)."""
    sales, rows = case
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PAYPAL_HEADER)
    for n, (sale, refund) in enumerate(rows):
        if refund is None:
            kind, gross, txn, reference = "Express Checkout Payment", sales[sale][0], f"T{sale}", ""
        else:
            kind, gross, txn, reference = "Payment Refund", -refund, f"R{n}", f"T{sale}"
        writer.writerow([f"{10 + sale:02d}/01/2024", f"10:{n:02d}:00", "CET", "Client", kind,
                         "Completed", "EUR", f"{gross / 100:.2f}", "0.00", f"{gross / 100:.2f}",
                         f"c{sale}@example.com", txn, reference, "Credit"])
    con = store.connect(":memory:")
    try:
        import_file(con, out.getvalue().encode(), "Download.CSV")
        refunded = {f"T{i}": sum(r) for i, (_, r) in enumerate(sales)}
        assert dict(con.execute(
            "select source_order_id, cast(refunded_amount * 100 as integer) from orders"
        ).fetchall()) == refunded
        expected = sum(gross - sum(refunds) for gross, refunds in sales)
        assert (net_revenue(con) or Decimal(0)) * 100 == expected
    finally:
        con.close()


def test_sumup_orders_items_cancellation_and_refund(con):
    (report,) = imported(con, "sumup_orders.csv")
    assert (report.source.name, report.rows_read, report.rows_rejected) == ("sumup", 6, 0)
    assert orders(con) == [
        ("S-101", d("2024-04-02 14:22:00"), Decimal("37.90"), Decimal("0.00"), "paid", "web"),
        ("S-102", d("2024-04-05 10:00:00"), Decimal("22.00"), Decimal("22.00"), "refunded",
         "web"),
        ("S-103", d("2024-04-13 18:30:00"), Decimal("9.50"), Decimal("0.00"), "cancelled", "web"),
        ("S-104", d("2024-04-20 09:15:00"), Decimal("14.00"), Decimal("0.00"), "paid", "web"),
        ("S-105", d("2024-04-28 21:00:00"), Decimal("30.00"), Decimal("0.00"), "pending", "web"),
    ]
    assert net_revenue(con) == Decimal("51.90")  # 37.90 + 14.00
    assert con.execute("select count(*), sum(line_amount) from order_lines").fetchone() == (
        6, Decimal("108.50"))  # 3×6 + 15 + 22 + 9.50 + 14 + 30
    assert count(con, "select count(*) from customers") == 4
    # S-104 has no email: its phone (written differently) makes it Anne's second order
    assert count(con, "select count(distinct customer_id) from valid_orders") == 1


def test_cli_imports_one_file_per_platform_without_being_told_the_source(tmp_path):
    names = ["etsy_sold_orders.csv", "wix_orders.csv", "square_transactions.csv",
             "stripe_unified_payments.csv", "paypal_activity_fr.csv", "sumup_orders.csv"]
    result = subprocess.run(
        [sys.executable, "-m", "ingest", *[str(FIXTURES / n) for n in names],
         "--db", str(tmp_path / "shop.duckdb")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for source in ("etsy", "wix", "square", "stripe", "paypal", "sumup"):
        assert SOURCE_BY_NAME[source].label_fr in result.stdout
    con = store.connect(str(tmp_path / "shop.duckdb"))
    try:
        assert dict(con.execute(
            "select source, sum(net_amount) from valid_orders group by 1").fetchall()) == {
            "etsy": Decimal("112.50"), "wix": Decimal("127.40"), "square": Decimal("81.20"),
            "stripe": Decimal("165.50"), "paypal": Decimal("1095.00"), "sumup": Decimal("51.90")}
    finally:
        con.close()
