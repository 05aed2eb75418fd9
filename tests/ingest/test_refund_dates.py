"""The refund's own date (orders.refunded_at): from the refund rows of WooCommerce Analytics,
Square and PayPal, from a "Date de remboursement" column of a hand-made sheet, from Stripe's
"Refunded date (UTC)" in the shop's time; only on refunded orders; re-importing changes nothing
and a later file that dates a refund updates the order."""

from __future__ import annotations

from datetime import datetime

import pytest

from ingest.pipeline import import_file
from tests.ingest.test_sources_shopify import imported


def refund_dates(con) -> dict[str, datetime | None]:
    return dict(con.execute(
        "select source_order_id, refunded_at from orders order by source_order_id").fetchall())


@pytest.mark.parametrize(("name", "order", "refunded_at"), [
    ("woocommerce_analytics_orders.csv", "1234", datetime(2024, 3, 17, 10, 0)),
    ("woocommerce_analytics_orders_revenue.csv", "2003", datetime(2024, 4, 20, 10, 0)),
    ("square_transactions.csv", "TX2", datetime(2024, 5, 6, 15, 0)),
    ("paypal_activity_fr.csv", "2BB22222BB222222B", datetime(2024, 3, 15, 16, 45)),
    ("paypal_activity_en.csv", "1AB", datetime(2024, 10, 16, 11, 0)),
])
def test_refund_rows_date_their_refund(con, name, order, refunded_at):
    imported(con, name)
    dates = refund_dates(con)
    assert dates[order] == refunded_at
    # orders without a refund have no refund date
    assert con.execute("select count(*) from orders where refunded_at is not null"
                       " and refunded_amount = 0").fetchone()[0] == 0


SHEET = (
    "Date;N° de commande;E-mail;Montant;Statut;Montant remboursé;Date de remboursement\r\n"
    "03/02/2025;F-1;anne@example.fr;40,00;Payée;;\r\n"
    "05/02/2025;F-2;paul@example.fr;60,00;Remboursée;60,00;12/02/2025\r\n"
    "06/02/2025;F-3;anne@example.fr;80,00;Partiellement remboursée;20,00;{later}\r\n"
    "07/02/2025;F-4;lea@example.fr;25,00;Payée;;09/02/2025\r\n"
)


def sheet(later: str = "") -> bytes:
    return SHEET.format(later=later).encode("cp1252")


def test_hand_made_sheet_column_and_reimport(con):
    report = import_file(con, sheet(), "ventes.csv")
    assert report.mapping["refunded_at"] == "Date de remboursement"
    assert refund_dates(con) == {
        "F-1": None, "F-2": datetime(2025, 2, 12), "F-3": None,
        "F-4": None,  # a date on an order nothing was refunded on is no refund
    }
    again = import_file(con, sheet(), "ventes.csv")
    assert (again.orders_new, again.orders_updated) == (0, 0)
    dated = import_file(con, sheet("20/02/2025"), "ventes-mars.csv")
    assert (dated.orders_new, dated.orders_updated, dated.orders_unchanged) == (0, 1, 3)
    assert refund_dates(con)["F-3"] == datetime(2025, 2, 20)


def test_stripe_refund_date_in_the_shops_time(con):
    data = (
        "id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer Email,"
        "Refunded date (UTC)\n"
        "ch_1,2024-06-01 10:00:00,80.00,80.00,eur,Refunded,a@example.fr,2024-06-03 22:30:00\n"
        "ch_2,2024-06-02 10:00:00,30.00,0.00,eur,Paid,b@example.fr,\n"
    ).encode()
    report = import_file(con, data, "unified_payments.csv")
    assert report.source.name == "stripe"
    assert refund_dates(con) == {"ch_1": datetime(2024, 6, 4, 0, 30), "ch_2": None}
