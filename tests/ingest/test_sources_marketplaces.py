"""Etsy and Wix exports: hand-made fixtures with the platforms' headers, totals checked exactly.

Expected figures are computed by hand from the fixture rows (written next to each assertion);
net revenue is `sum(net_amount) from valid_orders`, the figure every metric starts from.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from ingest.parse import normalise_header
from ingest.pipeline import ImportReport, import_file
from ingest.read import read_file
from ingest.sources import SOURCES, detect_source
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "sources"


def imported(con, *names: str) -> list[ImportReport]:
    return [import_file(con, (FIXTURES / name).read_bytes(), name) for name in names]


def orders(con) -> list[tuple]:
    """(order id, ordered at, amount, refunded, status, channel) by order id."""
    return con.execute(
        "select source_order_id, ordered_at, amount, refunded_amount, status, channel "
        "from orders order by source_order_id"
    ).fetchall()


def net_revenue(con) -> Decimal:
    return con.execute("select sum(net_amount) from valid_orders").fetchone()[0]


def count(con, sql: str) -> int:
    return con.execute(sql).fetchone()[0]


def assert_detected_alone(name: str, expected: str) -> None:
    """The fixture is recognised as its platform and no other platform claims it (≥ 0.9)."""
    headers = read_file((FIXTURES / name).read_bytes(), name).headers
    source, confidence = detect_source(headers)
    assert (source.name, confidence) == (expected, 0.95)
    normalised = {normalise_header(h) for h in headers}
    rivals = {s.name: s.detect(normalised) for s in SOURCES if s.name != expected}
    assert max(rivals.values()) < 0.9, rivals


def d(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize("name, expected", [
    ("etsy_sold_orders.csv", "etsy"),
    ("etsy_sold_order_items.csv", "etsy"),
    ("wix_orders.csv", "wix"),
    ("wix_orders_fr.csv", "wix"),
])
def test_each_fixture_is_detected_as_its_own_platform(name, expected):
    assert_detected_alone(name, expected)


def test_etsy_orders_refunds_from_adjusted_total_and_us_dates(con):
    (report,) = imported(con, "etsy_sold_orders.csv")
    assert (report.source.name, report.date_order) == ("etsy", "mdy")
    assert (report.rows_read, report.rows_rejected, report.orders_new) == (5, 0, 5)
    assert orders(con) == [
        ("3001", d("2024-03-04"), Decimal("45.00"), Decimal("0.00"), "paid", "marketplace"),
        # 69.00 adjusted to 49.00: 20.00 given back
        ("3002", d("2024-03-15"), Decimal("69.00"), Decimal("20.00"), "partially_refunded",
         "marketplace"),
        ("3003", d("2024-04-02"), Decimal("30.00"), Decimal("0.00"), "cancelled", "marketplace"),
        # adjusted to 0.00 with a negative adjusted net: refunded in full
        ("3004", d("2024-04-10"), Decimal("25.00"), Decimal("25.00"), "refunded", "marketplace"),
        # 12/05/24 is the 5th of December (MM/DD/YY), not the 12th of May
        ("3005", d("2024-12-05"), Decimal("18.50"), Decimal("0.00"), "paid", "marketplace"),
    ]
    assert net_revenue(con) == Decimal("112.50")  # 45.00 + 49.00 + 18.50
    assert count(con, "select count(*) from customers") == 3
    assert con.execute(
        "select k.value, c.full_name, c.last_name, c.postal_code from customer_keys k "
        "join customers c using (customer_id) where k.kind = 'platform_id' order by 1"
    ).fetchall() == [
        ("etsy:111", "Marie Dupont", "Dupont", "69001"),
        ("etsy:222", "Sean O'Brien", "O'Brien", "75011"),  # Etsy's &#39; undone
        ("etsy:333", "Jeanne Martin", "Martin", "33000"),
    ]


def test_etsy_unreadable_adjusted_total_rejects_its_order(con):
    data = (FIXTURES / "etsy_sold_orders.csv").read_bytes()
    assert data.count(b",49.00,") == 1
    report = import_file(con, data.replace(b",49.00,", b",49.0O,"), "EtsySoldOrders2024.csv")
    assert report.rejects[["row_number", "reason_fr"]].values.tolist() == [
        [3, "« Adjusted Order Total » illisible"]]
    assert count(con, "select count(*) from orders") == 4


def test_etsy_items_file_alone_groups_items_into_orders(con):
    (report,) = imported(con, "etsy_sold_order_items.csv")
    assert (report.source.name, report.rows_read, report.orders_new) == ("etsy", 6, 5)
    # Σ Item Total − coupon + order shipping + order tax, order-level values counted once
    assert con.execute(
        "select source_order_id, amount, discount, shipping, status from orders order by 1"
    ).fetchall() == [
        ("3001", Decimal("45.00"), Decimal("0.00"), Decimal("5.00"), "paid"),  # 40 + 5
        ("3002", Decimal("69.00"), Decimal("7.00"), Decimal("6.00"), "paid"),  # 35 + 35 − 7 + 6
        ("3003", Decimal("30.00"), Decimal("0.00"), Decimal("5.00"), "paid"),
        ("3004", Decimal("25.00"), Decimal("0.00"), Decimal("5.00"), "paid"),
        ("3005", Decimal("18.50"), Decimal("0.00"), Decimal("0.00"), "paid"),
    ]
    assert net_revenue(con) == Decimal("187.50")  # the items file knows no refund
    assert con.execute(
        "select count(*), sum(line_amount), sum(quantity) from order_lines"
    ).fetchone() == (6, Decimal("173.50"), Decimal("7.000"))
    assert count(con, "select count(*) from order_lines where product = 'Bougie \"Ambre\"'") == 1
    assert sorted(r[0] for r in con.execute(
        "select value from customer_keys where kind = 'platform_id'").fetchall()
    ) == ["etsy:jeannem", "etsy:mariedupont", "etsy:seanob"]


def test_etsy_both_files_of_one_shop_never_count_an_order_twice(con):
    """Items first, orders last (the documented rule): five orders, the orders file's refunds
    and statuses, the items file's lines, and each buyer one customer across the two files."""
    imported(con, "etsy_sold_order_items.csv", "etsy_sold_orders.csv")
    assert count(con, "select count(*) from orders") == 5
    assert net_revenue(con) == Decimal("112.50")
    assert count(con, "select count(*) from order_lines") == 6
    assert count(con, "select count(*) from customers") == 3
    assert count(con, "select count(distinct customer_id) from orders") == 3


def test_etsy_items_file_imported_last_keeps_one_order_each_but_knows_no_refund(con):
    """Why EtsySoldOrders must be imported last: the items file has no refunds or statuses, and
    the file imported last sets an order."""
    imported(con, "etsy_sold_orders.csv", "etsy_sold_order_items.csv")
    assert count(con, "select count(*) from orders") == 5
    assert count(con, "select count(*) from orders where status <> 'paid'") == 0
    imported(con, "etsy_sold_orders.csv")
    assert net_revenue(con) == Decimal("112.50")


def test_wix_line_items_totals_once_refunds_and_cancellation(con):
    (report,) = imported(con, "wix_orders.csv")
    assert (report.source.name, report.rows_read, report.rows_rejected) == ("wix", 8, 0)
    assert orders(con) == [
        ("10001", d("2024-12-08 09:15:51"), Decimal("34.90"), Decimal("0.00"), "paid", "web"),
        ("10002", d("2024-12-09 14:10:40"), Decimal("45.00"), Decimal("15.00"),
         "partially_refunded", "web"),
        # unpaid, cancelled only in its fulfilment status
        ("10003", d("2024-12-11 13:58:54"), Decimal("20.00"), Decimal("0.00"), "cancelled", "web"),
        ("10004", d("2025-01-03 10:00:00"), Decimal("12.50"), Decimal("0.00"), "paid", "web"),
        ("10005", d("2025-01-12 20:30:00"), Decimal("28.00"), Decimal("28.00"), "refunded", "web"),
        ("10006", d("2025-01-20 12:05:00"), Decimal("50.00"), Decimal("0.00"), "paid", "web"),
    ]
    assert net_revenue(con) == Decimal("127.40")  # 34.90 + 30.00 + 12.50 + 50.00
    # 2×6.50 + 15 + 45 + 20 + 12.50 + 28 + 4×6.50 + 24
    assert con.execute("select count(*), sum(line_amount) from order_lines").fetchone() == (
        8, Decimal("183.50"))
    assert con.execute(
        "select full_name, email, phone, postal_code from customers order by full_name"
    ).fetchall() == [
        ("Jean Martin", "jean@example.fr", "+33622222222", "75011"),
        ("Luc Bernard", "luc@example.fr", "+33611111111", "44000"),
        ("Marie Dupont", "marie@example.fr", "+33612345678", "69001"),  # quotes dropped
        ("Paul Durand", None, "+33698765432", "33000"),  # no email: known by phone
    ]
    assert count(con, "select count(distinct customer_id) from valid_orders") == 3


def test_wix_french_headers_text_dates_and_statuses(con):
    (report,) = imported(con, "wix_orders_fr.csv")
    assert (report.source.name, report.rows_read, report.rows_rejected) == ("wix", 3, 0)
    assert orders(con) == [
        ("2001", d("2024-12-08 09:15:51"), Decimal("34.90"), Decimal("0.00"), "paid", "web"),
        ("2002", d("2025-01-15 18:40:00"), Decimal("20.00"), Decimal("20.00"), "cancelled",
         "web"),
    ]
    assert net_revenue(con) == Decimal("34.90")
    assert con.execute("select email, phone from customers order by 2").fetchall() == [
        ("sophie.roux@example.fr", "+33633333333"), (None, "+33644444444")]
