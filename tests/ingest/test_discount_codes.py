"""The discount code of each order, from every source that writes one (FORMATS.md): Shopify
`Discount Code`, WooCommerce `Coupon(s)` and the plugin's `Coupon Code`, Etsy and Wix `Coupon
code`, a PrestaShop export with its vouchers, a hand-made file's `Code promo`. Expected codes are
read by eye from the fixtures."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ingest.pipeline import import_file
from tests.ingest.test_sources_shopify import FIXTURES, imported


def codes(con) -> dict[str, tuple[Decimal | None, str | None]]:
    """Each order's discount amount and code."""
    return {order: (discount, code) for order, discount, code in con.execute(
        "select source_order_id, discount, discount_code from orders").fetchall()}


def coded(con) -> dict[str, str]:
    return {order: code for order, (_, code) in codes(con).items() if code is not None}


def test_shopify_discount_code_is_on_the_orders_first_row(con):
    imported(con, "shopify_orders_export_2022.csv")
    assert coded(con) == {"#1408": "ENAVANT10", "#1411": "ENVTSEEZONA40"}
    assert codes(con)["#1411"] == (Decimal("63.60"), "ENVTSEEZONA40")


def test_woocommerce_analytics_coupons_survive_the_refund_row(con):
    # Order 1234 is a sale with BIENVENUE10 and a refund row without a coupon.
    imported(con, "woocommerce_analytics_orders.csv")
    assert coded(con) == {"1234": "BIENVENUE10"}


def with_cell(name: str, order_column: str, order: str, column: str, value: str) -> bytes:
    """A fixture with ``value`` in ``column`` on every row of one order."""
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row[order_column] == order:
            row[column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_woocommerce_plugin_coupon_code_repeated_on_each_product_row(con):
    # The plugin repeats order fields on every row: a lower-case code on 5005's three rows.
    data = with_cell("woocommerce_order_export.csv", "Order Number", "5005", "Coupon Code", "ete5")
    import_file(con, data, "commandes_woo.csv")
    assert coded(con) == {"5005": "ETE5"}
    assert codes(con)["5005"] == (Decimal("5.00"), "ETE5")


def test_etsy_coupon_code_in_both_files(con):
    imported(con, "etsy_sold_orders.csv")
    assert coded(con) == {"3002": "MERCI10"}
    imported(con, "etsy_sold_order_items.csv")
    assert coded(con) == {"3002": "MERCI10"}


def test_wix_coupon_code(con):
    data = with_cell("wix_orders.csv", "Order number", "10005", "Coupon code", "SOLDES20")
    import_file(con, data, "wix.csv")
    assert coded(con) == {"10005": "SOLDES20"}


def test_prestashop_vouchers_column(con):
    data = ("ID;Référence;Nouveau client;Livraison;Client;Total;Paiement;État;Date;"
            "Bons de réduction\n"
            "101;XKBKNABJK;1;France;M. DUPONT;45,90 €;Carte bancaire;Paiement accepté;"
            "2024-03-15 14:22:10;NOEL2024\n"
            "102;OHSATSERP;1;France;J. MARTIN;30,00 €;Chèque;Livré;2024-03-18 10:00:00;\n")
    report = import_file(con, data.encode(), "commandes.csv")
    assert report.source.name == "prestashop_orders"
    assert codes(con) == {"101": (None, "NOEL2024"), "102": (None, None)}


def test_hand_made_file_code_promo_trimmed_and_upper_case(con):
    data = ("N° de commande;Date;E-mail;Montant TTC;Remise;Code promo\n"
            "F1;02/03/2024;a@example.fr;45,00;5,00; bienvenue \n"
            "F2;03/03/2024;b@example.fr;30,00;;\n"
            "F3;04/03/2024;c@example.fr;27,00;3,00;Bienvenue\n")
    report = import_file(con, data.encode("cp1252"), "ventes.csv")
    assert report.mapping["discount_code"] == "Code promo"
    assert codes(con) == {"F1": (Decimal("5.00"), "BIENVENUE"), "F2": (None, None),
                          "F3": (Decimal("3.00"), "BIENVENUE")}


def test_a_code_added_later_updates_the_stored_order(con):
    before = ("N° de commande;Date;E-mail;Montant TTC\n"
              "F1;02/03/2024;a@example.fr;45,00\n")
    after = ("N° de commande;Date;E-mail;Montant TTC;Code promo\n"
             "F1;02/03/2024;a@example.fr;45,00;MERCI\n")
    import_file(con, before.encode(), "ventes.csv")
    report = import_file(con, after.encode(), "ventes_avec_codes.csv")
    assert (report.orders_new, report.orders_updated) == (0, 1)
    assert coded(con) == {"F1": "MERCI"}
