"""Shopify orders and customers exports: real headers (the shared samples) and hand-made files,
imported without naming the source. Expected figures are computed by hand from the fixtures.

The small helpers here are shared with the WooCommerce and PrestaShop source tests.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from decimal import Decimal

import pytest

import store
from ingest.parse import normalise_header
from ingest.pipeline import ImportReport, import_file
from ingest.read import read_file
from ingest.sources import SOURCES, detect_source
from ingest.sources.base import FINGERPRINT_SCORE
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "sources"


def imported(con, *names: str) -> list[ImportReport]:
    return [import_file(con, (FIXTURES / name).read_bytes(), name) for name in names]


def figures(con) -> dict:
    """What every metric builds on: statuses, valid orders with net revenue, customers."""
    return {
        "statuses": dict(con.execute("select status, count(*) from orders group by 1").fetchall()),
        "valid": con.execute("select count(*), sum(net_amount) from valid_orders").fetchone(),
        "customers": con.execute("select count(*) from customers").fetchone()[0],
    }


def people(con, columns: str = "email, phone, first_name, last_name, full_name, postal_code, "
                                "city, country, email_consent") -> list[tuple]:
    """Customers without their ids (which depend on the import order)."""
    return sorted(con.execute(f"select {columns} from customers").fetchall(), key=repr)


def owners(con) -> dict[str, str | None]:
    """Each order's customer, named by email, else full name."""
    return dict(con.execute(
        "select o.source_order_id, coalesce(c.email, c.full_name, concat_ws(' ', c.first_name, "
        "c.last_name)) from orders as o left join customers as c using (customer_id)").fetchall())


def orders(con) -> list[tuple]:
    return con.execute(
        "select source_order_id, amount, refunded_amount, status, currency "
        "from orders order by ordered_at").fetchall()


def assert_detected(name: str, source: str) -> None:
    """The fixture is recognised as its own source, confidently, and no other source is sure."""
    headers = read_file((FIXTURES / name).read_bytes(), name).headers
    found, confidence = detect_source(headers)
    assert (found.name, confidence) == (source, FINGERPRINT_SCORE)
    normalised = {normalise_header(h) for h in headers}
    others = {s.name: s.detect(normalised) for s in SOURCES if s.name != source}
    assert max(others.values()) < 0.9, others


def cli_import(name: str, db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ingest", str(FIXTURES / name), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True)


def test_2022_orders_export_groups_line_items_and_takes_order_fields_from_the_first_row(con):
    (report,) = imported(con, "shopify_orders_export_2022.csv")
    assert (report.source.name, report.kind) == ("shopify_orders", "both")
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (5, 5, 0)
    assert report.date_order == "ymd"
    assert orders(con) == [
        ("#1400", Decimal("93.00"), Decimal("0.00"), "paid", "USD"),
        ("#1408", Decimal("233.10"), Decimal("0.00"), "paid", "USD"),
        ("#1411", Decimal("125.40"), Decimal("0.00"), "paid", "USD"),
    ]
    # '-0500' dropped: the wall-clock time of the shop's time zone
    assert con.execute("select ordered_at from orders where source_order_id = '#1411'"
                       ).fetchone()[0] == datetime(2022, 1, 11, 4, 32, 30)
    # Discount Amount sits on the first row only: not multiplied by the order's three lines
    assert con.execute("select discount from orders where source_order_id = '#1408'"
                       ).fetchone()[0] == Decimal("25.90")
    assert con.execute("select count(*), list(sku order by sku) from order_lines").fetchone() == (
        5, ["ENBT018BLS", "ENLG014BLM", "ENLG016BLM", "ENPT001BRM", "ENPT007BRL"])
    assert figures(con) == {"statuses": {"paid": 3}, "valid": (3, Decimal("451.50")),
                            "customers": 3}
    assert people(con, "email, phone, full_name, postal_code, country, email_consent") == sorted([
        ("buyer1@example.com", "+46700000000", "Anna Example", "11457", "SE", True),
        ("buyer2@example.com", "+12670000000", "Melissa Example", "18960", "US", True),
        (None, "+16610000000", "Aditi Example", "91354", "US", False),  # US numbers, US rows
    ], key=repr)


def test_2025_orders_export_maps_every_financial_status_refund_and_cancellation(con):
    (report,) = imported(con, "shopify_orders_export_2025_fr.csv")
    assert report.source.name == "shopify_orders" and report.orders_new == 10
    assert figures(con) == {
        "statuses": {"paid": 3, "partially_refunded": 1, "refunded": 1, "pending": 3,
                     "cancelled": 2},
        # #1001 59.80 + #1002 45.00 − 15.00 + #1004 22.50 + #1010 120.00
        "valid": (4, Decimal("232.30")),
        "customers": 6,
    }
    status = dict(con.execute("select source_order_id, status from orders").fetchall())
    assert [status[f"#100{i}"] for i in range(5, 9)] == ["pending", "pending", "pending",
                                                          "cancelled"]
    assert status["#1009"] == "cancelled"  # paid, but 'Cancelled at' is set
    assert con.execute("select sum(refunded_amount) from orders").fetchone()[0] == Decimal("45.00")
    assert con.execute("select ordered_at from orders where source_order_id = '#1009'"
                       ).fetchone()[0] == datetime(2025, 4, 1, 19, 0)
    assert con.execute("select channel from orders where source_order_id = '#1004'"
                       ).fetchone()[0] == "shop"  # Source 'pos'
    assert con.execute("select count(*), sum(line_amount) from order_lines").fetchone() == (
        13, Decimal("485.30"))
    owner = owners(con)
    assert owner["#1001"] == owner["#1003"] == "marie.dupont@example.fr"  # Marie.Dupont@Example.fr
    assert owner["#1004"] == "Luc Bernard"  # empty email
    consent = dict(con.execute("select email, email_consent from customers where email is not null"
                               ).fetchall())
    assert consent == {"marie.dupont@example.fr": True, "claire.moreau@example.fr": True,
                       "jean.martin@example.fr": False, "paul.roux@example.fr": False,
                       "sophie.leroy@example.fr": False}
    assert con.execute("select phone from customers where email = 'marie.dupont@example.fr'"
                       ).fetchone()[0] == "+33612345678"  # "'+33 6 12 34 56 78"


def test_canceled_at_and_lineitem_sku_spellings(con):
    (report,) = imported(con, "shopify_orders_variants.csv")
    assert {"cancelled_at": "Canceled at", "sku": "Lineitem SKU"}.items() <= report.mapping.items()
    assert orders(con) == [("#2001", Decimal("50.00"), Decimal("0.00"), "paid", "EUR"),
                           ("#2002", Decimal("20.00"), Decimal("0.00"), "cancelled", "EUR")]
    assert figures(con)["valid"] == (1, Decimal("50.00"))
    assert con.execute("select list(sku order by line_number) from order_lines join orders "
                       "using (order_id) where source_order_id = '#2001'").fetchone()[0] == [
        "SAV-LAV", "SAV-MIE"]
    assert people(con, "email, phone") == [("anne.petit@example.fr", "+33622334455")]


def test_2024_customers_export_keys_on_the_customer_id_without_its_quote(con):
    (report,) = imported(con, "shopify_customers_export_2024.csv")
    assert (report.source.name, report.kind, report.customers_new) == (
        "shopify_customers", "customers", 3)
    keys = con.execute("select value from customer_keys where kind = 'platform_id' order by 1"
                       ).fetchall()
    assert keys == [("shopify_customers:8509270720648",), ("shopify_customers:8512057475208",),
                    ("shopify_customers:8513862959240",)]
    assert people(con, "email, phone, postal_code, city, country, email_consent") == sorted([
        (None, None, "121001", "Faridabad", "IN", False),  # '+910000000000': a placeholder
        ("harsh@example.com", None, "122101", "Gurgaon", "IN", False),
        ("someone@example.com", None, None, None, None, False),
    ], key=repr)
    assert con.execute("select count(*) from orders").fetchone()[0] == 0  # Total Spent is no order
    (again,) = imported(con, "shopify_customers_export_2024.csv")
    assert again.customers_new == 0


def test_older_customers_header_reads_accepts_marketing_zip_and_country_code(con):
    imported(con, "shopify_customers_legacy.csv")
    assert people(con, "email, phone, postal_code, country, email_consent") == [
        ("hugo.blanc@example.fr", None, "74000", "FR", False),
        ("marie.dupont@example.fr", "+33612345678", "69001", "FR", True),
    ]


@pytest.mark.parametrize("first, second", [
    ("shopify_orders_export_2025_fr.csv", "shopify_customers_fr.csv"),
    ("shopify_customers_fr.csv", "shopify_orders_export_2025_fr.csv"),
], ids=["orders-first", "customers-first"])
def test_orders_and_customers_give_the_same_customers_in_either_order(con, first, second):
    imported(con, first, second)
    assert figures(con) == {
        "statuses": {"paid": 3, "partially_refunded": 1, "refunded": 1, "pending": 3,
                     "cancelled": 2},
        "valid": (4, Decimal("232.30")),
        "customers": 7,  # six buyers and Léa, a contact who never bought
    }
    columns = "email, phone, first_name, last_name, postal_code, email_consent"
    assert people(con, columns) == sorted([
        ("marie.dupont@example.fr", "+33612345678", "Marie", "Dupont", "69001", True),
        ("jean.martin@example.fr", None, "Jean", "Martin", "75011", False),
        # no email in either file: the order's name + postcode, the customer file's phone
        (None, "+33698765432", "Luc", "Bernard", "01000", False),
        ("paul.roux@example.fr", None, None, None, None, False),
        ("sophie.leroy@example.fr", None, None, None, None, False),
        ("claire.moreau@example.fr", None, "Claire", "Moreau", "69001", True),
        ("lea.petit@example.fr", None, "Léa", "Petit", None, True),
    ], key=repr)
    assert owners(con)["#1004"] == "Luc Bernard"


@pytest.mark.parametrize("name, source", [
    ("shopify_orders_export_2022.csv", "shopify_orders"),
    ("shopify_orders_export_2025_fr.csv", "shopify_orders"),
    ("shopify_orders_variants.csv", "shopify_orders"),
    ("shopify_customers_export_2024.csv", "shopify_customers"),
    ("shopify_customers_fr.csv", "shopify_customers"),
    ("shopify_customers_legacy.csv", "shopify_customers"),
])
def test_each_fixture_is_detected_as_its_own_source(name, source):
    assert_detected(name, source)


def test_command_line_imports_without_being_told_the_source(tmp_path):
    done = cli_import("shopify_orders_export_2022.csv", tmp_path / "c.duckdb")
    assert done.returncode == 0, done.stderr
    assert "Shopify — export des commandes" in done.stdout and "3 nouvelles" in done.stdout
    con = store.connect(str(tmp_path / "c.duckdb"))
    assert figures(con)["valid"] == (3, Decimal("451.50"))
    con.close()
