"""WooCommerce Analytics orders and customers, and the Advanced Order Export plugin's layout:
refund rows folded into their order, names matched to the customers file, hand-computed figures."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

import store
from ingest.errors import FileRejected
from ingest.pipeline import import_file
from tests.ingest.test_sources_shopify import (
    FIXTURES, assert_detected, cli_import, figures, imported, orders, owners, people,
)


def test_analytics_refund_row_becomes_the_orders_refunded_amount(con):
    (report,) = imported(con, "woocommerce_analytics_orders.csv")
    assert (report.source.name, report.kind, report.rows_loaded) == (
        "woocommerce_orders", "orders", 3)
    assert orders(con) == [
        ("1234", Decimal("41.50"), Decimal("12.00"), "partially_refunded", "EUR"),
        ("1235", Decimal("12.00"), Decimal("0.00"), "paid", "EUR"),
    ]
    assert con.execute("select ordered_at from orders where source_order_id = '1234'"
                       ).fetchone()[0] == datetime(2024, 3, 15, 14, 22, 10)  # the sale's date
    # no email in Analytics: each full name is a customer of its own
    assert figures(con) == {"statuses": {"partially_refunded": 1, "paid": 1},
                            "valid": (2, Decimal("41.50")), "customers": 2}
    assert owners(con) == {"1234": "Marie Dupont", "1235": "Jean Martin"}


def test_newest_first_export_with_full_refund_and_a_refund_whose_sale_is_missing(con):
    (report,) = imported(con, "woocommerce_analytics_orders_revenue.csv")
    assert report.mapping["order_total"] == "Net Sales"
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (10, 9, 1)
    assert report.rejects["row_number"].tolist() == [6]
    assert report.rejects["reason_fr"].iloc[0].startswith("remboursement d'une commande absente")
    assert orders(con) == [
        ("2001", Decimal("45.00"), Decimal("10.00"), "partially_refunded", "EUR"),
        ("2002", Decimal("12.50"), Decimal("0.00"), "paid", "EUR"),
        ("2003", Decimal("30.00"), Decimal("30.00"), "refunded", "EUR"),
        ("2004", Decimal("22.00"), Decimal("0.00"), "cancelled", "EUR"),  # failed
        ("2006", Decimal("9.90"), Decimal("0.00"), "pending", "EUR"),  # checkout-draft
        ("2007", Decimal("28.00"), Decimal("0.00"), "cancelled", "EUR"),
        ("2005", Decimal("15.00"), Decimal("0.00"), "pending", "EUR"),  # on-hold
    ]
    assert figures(con) == {
        "statuses": {"partially_refunded": 1, "paid": 1, "refunded": 1, "cancelled": 2,
                     "pending": 2},
        "valid": (2, Decimal("47.50")),  # 45.00 − 10.00 + 12.50
        "customers": 7,
    }


def test_a_refund_alone_never_overwrites_the_sale_imported_earlier(con):
    imported(con, "woocommerce_analytics_orders.csv")
    before = orders(con)
    refund_only = ('Date,"Order #",Status,Customer,"Customer type",Product(s),"Items sold",'
                   'Coupon(s),"Net sales",Attribution\n'
                   '2024-03-20T10:00:00,1235,refunded,"Jean Martin",returning,"1× Bougie",1,,-12,'
                   'Direct\n')
    with pytest.raises(FileRejected, match="remboursement d'une commande absente du fichier"):
        import_file(con, refund_only.encode(), "remboursement.csv")
    assert orders(con) == before


def test_formatted_revenue_is_the_amount_when_net_sales_is_not_exported(con):
    data = ("Date,Order #,N. Revenue (formatted),Status,Customer,Customer type,Product(s),"
            "Items sold,Coupon(s),Attribution\n"
            "2024-03-17T10:00:00,1234,-€12.00,refunded,Marie Dupont,new,1× Bougie,1,,Direct\n"
            "2024-03-15T14:22:10,1234,\"€1,041.50\",completed,Marie Dupont,new,3× Savon,3,,Direct\n")
    report = import_file(con, data.encode(), "revenus.csv")
    assert report.mapping["order_total"] == "N. Revenue (formatted)"
    assert orders(con) == [
        ("1234", Decimal("1041.50"), Decimal("12.00"), "partially_refunded", "EUR")]


def test_french_analytics_headers_and_status_labels(con):
    (report,) = imported(con, "woocommerce_analytics_orders_fr.csv")
    assert report.source.name == "woocommerce_orders"
    assert report.mapping == {"order_id": "Commande n°", "order_date": "Date", "status": "État",
                              "full_name": "Client", "order_total": "Ventes nettes",
                              "discount_code": "Code(s) promo"}
    assert orders(con) == [
        ("3001", Decimal("20.00"), Decimal("5.00"), "partially_refunded", "EUR"),
        ("3002", Decimal("10.00"), Decimal("0.00"), "paid", "EUR"),
    ]
    assert figures(con)["valid"] == (2, Decimal("25.00"))


def test_analytics_customers_file(con):
    (report,) = imported(con, "woocommerce_analytics_customers.csv")
    assert (report.source.name, report.kind, report.customers_new) == (
        "woocommerce_customers", "customers", 4)
    assert people(con, "email, phone, first_name, last_name, postal_code, city, country, "
                       "cast(first_seen as date)::varchar") == sorted([
        ("marie.dupont@example.fr", "+33612345678", "Marie", "Dupont", "69001", "Lyon", "FR",
         "2024-01-10"),
        ("jean.martin@example.fr", None, "Jean", "Martin", "75011", "Paris", "FR", "2024-03-16"),
        ("lea.petit@example.fr", None, "Léa", "Petit", "44000", "Nantes", "FR", "2024-02-01"),
        (None, "+33655443322", "Hugo", "Blanc", "74000", "Annecy", "FR", "2024-02-11"),
    ], key=repr)
    assert con.execute("select list(value order by value) from customer_keys "
                       "where kind = 'platform_id'").fetchone()[0] == [
        "woocommerce_customers:leapetit", "woocommerce_customers:mariedupont"]


@pytest.mark.parametrize("first, second", [
    ("woocommerce_analytics_orders.csv", "woocommerce_analytics_customers.csv"),
    ("woocommerce_analytics_customers.csv", "woocommerce_analytics_orders.csv"),
], ids=["orders-first", "customers-first"])
def test_full_names_attach_the_orders_to_the_customers_file_in_either_order(con, first, second):
    imported(con, first, second)
    assert figures(con) == {"statuses": {"partially_refunded": 1, "paid": 1},
                            "valid": (2, Decimal("41.50")), "customers": 4}
    assert owners(con) == {"1234": "marie.dupont@example.fr", "1235": "jean.martin@example.fr"}
    assert people(con, "email, phone, first_name, last_name, full_name, postal_code, "
                       "cast(first_seen as date)::varchar") == sorted([
        ("marie.dupont@example.fr", "+33612345678", "Marie", "Dupont", "Marie Dupont", "69001",
         "2024-01-10"),
        ("jean.martin@example.fr", None, "Jean", "Martin", "Jean Martin", "75011", "2024-03-16"),
        ("lea.petit@example.fr", None, "Léa", "Petit", "Léa Petit", "44000", "2024-02-01"),
        (None, "+33655443322", "Hugo", "Blanc", "Hugo Blanc", "74000", "2024-02-11"),
    ], key=repr)


@pytest.mark.parametrize("customers_first", [True, False], ids=["customers-first", "orders-first"])
def test_a_name_shared_by_two_customers_with_different_emails_joins_neither(con, customers_first):
    namesakes = ("Name,Username,Last Active,Sign Up,Email,Orders,Total Spend,AOV,Country / Region,"
                 "City,Region,Postal Code,Billing Phone,Shipping Phone,Role\n"
                 "Marie Dupont,,2024-01-01,2024-01-01,marie1@example.fr,0,0,0,FR,Lyon,,,,,guest\n"
                 "Marie Dupont,,2024-01-02,2024-01-02,marie2@example.fr,0,0,0,FR,Lyon,,,,,guest\n")
    files = [(namesakes.encode(), "clients.csv"),
             ((FIXTURES / "woocommerce_analytics_orders.csv").read_bytes(), "commandes.csv")]
    for data, name in (files if customers_first else files[::-1]):
        import_file(con, data, name)
    assert owners(con) == {"1234": "Marie Dupont", "1235": "Jean Martin"}
    assert figures(con)["customers"] == 4  # two Marie with emails, one without, Jean


def test_advanced_order_export_takes_order_fields_once_per_order(con):
    (report,) = imported(con, "woocommerce_order_export.csv")
    assert (report.source.name, report.rows_loaded, report.orders_new) == (
        "woocommerce_order_export", 9, 6)
    assert orders(con) == [
        ("5001", Decimal("35.90"), Decimal("0.00"), "paid", "EUR"),  # two rows, total once
        ("5002", Decimal("40.00"), Decimal("10.00"), "partially_refunded", "EUR"),
        ("5003", Decimal("25.00"), Decimal("25.00"), "refunded", "EUR"),
        ("5004", Decimal("15.00"), Decimal("0.00"), "cancelled", "EUR"),
        ("5005", Decimal("60.00"), Decimal("0.00"), "paid", "EUR"),  # Processing
        ("5006", Decimal("12.00"), Decimal("0.00"), "pending", "EUR"),  # On hold
    ]
    assert con.execute("select discount, shipping from orders where source_order_id = '5005'"
                       ).fetchone() == (Decimal("5.00"), Decimal("0.00"))  # not 3 × 5.00
    assert figures(con) == {
        "statuses": {"paid": 2, "partially_refunded": 1, "refunded": 1, "cancelled": 1,
                     "pending": 1},
        "valid": (3, Decimal("125.90")),  # 35.90 + 40.00 − 10.00 + 60.00
        "customers": 6,
    }
    assert con.execute("select count(*), sum(line_amount), count(distinct product) "
                       "from order_lines").fetchone() == (9, Decimal("188.00"), 8)
    assert owners(con)["5005"] == "Anne Petit"  # empty email: phone and name
    assert con.execute("select phone, postal_code from customers where email is null"
                       ).fetchall() == [("+33611223344", "13001")]


@pytest.mark.parametrize("name, source", [
    ("woocommerce_analytics_orders.csv", "woocommerce_orders"),
    ("woocommerce_analytics_orders_revenue.csv", "woocommerce_orders"),
    ("woocommerce_analytics_orders_fr.csv", "woocommerce_orders"),
    ("woocommerce_analytics_customers.csv", "woocommerce_customers"),
    ("woocommerce_order_export.csv", "woocommerce_order_export"),
])
def test_each_fixture_is_detected_as_its_own_source(name, source):
    assert_detected(name, source)


def test_command_line_imports_without_being_told_the_source(tmp_path):
    done = cli_import("woocommerce_analytics_orders.csv", tmp_path / "c.duckdb")
    assert done.returncode == 0, done.stderr
    assert "WooCommerce — Analytics, commandes" in done.stdout and "2 nouvelles" in done.stdout
    con = store.connect(str(tmp_path / "c.duckdb"))
    assert figures(con)["valid"] == (2, Decimal("41.50"))
    con.close()
