"""PrestaShop orders and customers exports, French and English back office: formatted totals,
localised states, and 'J. DUPONT' orders attached to the customers file in either order."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

import store
from ingest.pipeline import import_file
from tests.ingest.test_sources_shopify import (
    FIXTURES, assert_detected, cli_import, figures, imported, orders, owners, people,
)

CUSTOMERS_HEADER = ("ID;Civilité;Prénom;Nom;Adresse e-mail;Groupe;Société;Ventes;Activé;Newsletter;"
                    "Offres partenaires;Inscription;Dernière visite\n")


def test_sample_orders_export_reads_formatted_totals_and_states(con):
    (report,) = imported(con, "prestashop_orders_export_fr.csv")
    assert (report.source.name, report.kind, report.delimiter) == (
        "prestashop_orders", "orders", ";")
    assert orders(con) == [
        ("12", Decimal("45.90"), Decimal("0.00"), "paid", "EUR"),  # Paiement accepté
        ("13", Decimal("120.00"), Decimal("0.00"), "paid", "EUR"),  # Livré
        ("14", Decimal("9.50"), Decimal("0.00"), "cancelled", "EUR"),  # Annulé
    ]
    assert figures(con) == {"statuses": {"paid": 2, "cancelled": 1},
                            "valid": (2, Decimal("165.90")), "customers": 2}
    assert owners(con) == {"12": "M. DUPONT", "13": "C. MARTIN", "14": "M. DUPONT"}


def test_reference_is_the_order_key_when_the_id_column_is_not_exported(con):
    data = ("Référence;Nouveau client;Livraison;Client;Total;Paiement;État;Date\n"
            "XKBKNABJK;1;France;M. DUPONT;45,90 €;Chèque;Livré;2024-03-15 14:22:10\n")
    report = import_file(con, data.encode(), "commandes.csv")
    assert (report.source.name, report.mapping["order_id"]) == ("prestashop_orders", "Référence")
    assert orders(con) == [("XKBKNABJK", Decimal("45.90"), Decimal("0.00"), "paid", "EUR")]


def test_every_french_state_and_narrow_no_break_space_thousands(con):
    imported(con, "prestashop_orders_fr.csv")
    assert orders(con) == [
        ("101", Decimal("45.90"), Decimal("0.00"), "paid", "EUR"),
        ("102", Decimal("1234.56"), Decimal("0.00"), "paid", "EUR"),  # 1 234,56 € with U+202F
        ("103", Decimal("30.00"), Decimal("30.00"), "refunded", "EUR"),  # Remboursé
        ("104", Decimal("19.90"), Decimal("0.00"), "pending", "EUR"),  # attente chèque
        ("105", Decimal("12.50"), Decimal("0.00"), "cancelled", "EUR"),  # Erreur de paiement
        ("106", Decimal("60.00"), Decimal("0.00"), "paid", "EUR"),  # Expédié
        ("107", Decimal("22.00"), Decimal("0.00"), "paid", "EUR"),  # En cours de préparation
        ("108", Decimal("15.00"), Decimal("0.00"), "cancelled", "EUR"),
    ]
    assert figures(con) == {"statuses": {"paid": 4, "refunded": 1, "pending": 1, "cancelled": 2},
                            "valid": (4, Decimal("1362.46")), "customers": 4}
    assert con.execute("select ordered_at from orders where source_order_id = '101'"
                       ).fetchone()[0] == datetime(2024, 3, 15, 14, 22, 10)


def test_customers_export_consent_is_the_newsletter_column(con):
    (report,) = imported(con, "prestashop_customers_fr.csv")
    assert (report.source.name, report.kind, report.customers_new) == (
        "prestashop_customers", "customers", 5)
    assert people(con, "email, first_name, last_name, email_consent, first_seen") == sorted([
        ("marie.dupont@example.fr", "Marie", "Dupont", True, datetime(2023, 11, 2, 10, 0)),
        # partner offers 1 but newsletter 0: no consent to the shop's emails
        ("jean.martin@example.fr", "Jean", "Martin", False, datetime(2024, 3, 18, 9, 55)),
        ("lea.petit@example.fr", "Léa", "Petit", True, datetime(2024, 3, 21, 17, 30)),
        (None, "Claire", "Moreau", False, datetime(2024, 3, 22, 8, 0)),  # empty email
        ("michel.durand@example.fr", "Michel", "Durand", True, datetime(2024, 1, 15, 15, 0)),
    ], key=repr)
    assert con.execute("select list(value order by value) from customer_keys "
                       "where kind = 'platform_id'").fetchone()[0] == [
        f"prestashop_customers:{i}" for i in range(1, 6)]


@pytest.mark.parametrize("first, second", [
    ("prestashop_orders_fr.csv", "prestashop_customers_fr.csv"),
    ("prestashop_customers_fr.csv", "prestashop_orders_fr.csv"),
], ids=["orders-first", "customers-first"])
def test_initial_and_last_name_attach_orders_to_the_customers_file_in_either_order(
        con, first, second):
    imported(con, first, second)
    assert figures(con) == {"statuses": {"paid": 4, "refunded": 1, "pending": 1, "cancelled": 2},
                            "valid": (4, Decimal("1362.46")), "customers": 5}
    assert owners(con) == {
        "101": "marie.dupont@example.fr", "103": "marie.dupont@example.fr",
        "107": "marie.dupont@example.fr", "102": "jean.martin@example.fr",
        "106": "jean.martin@example.fr", "104": "lea.petit@example.fr",
        "105": "C. MOREAU", "108": "C. MOREAU",  # no email: her customer-file record all the same
    }
    # the same rows whichever came first: the full first name replaces the order's initial
    assert people(con, "email, first_name, last_name, full_name, country, email_consent, "
                       "first_seen") == sorted([
        ("marie.dupont@example.fr", "Marie", "Dupont", "M. DUPONT", "France", True,
         datetime(2023, 11, 2, 10, 0)),
        ("jean.martin@example.fr", "Jean", "Martin", "J. MARTIN", "France", False,
         datetime(2024, 3, 18, 9, 55)),
        ("lea.petit@example.fr", "Léa", "Petit", "L. PETIT", "Belgique", True,
         datetime(2024, 3, 21, 17, 30)),
        (None, "Claire", "Moreau", "C. MOREAU", "France", False, datetime(2024, 3, 22, 8, 0)),
        ("michel.durand@example.fr", "Michel", "Durand", None, None, True,
         datetime(2024, 1, 15, 15, 0)),
    ], key=repr)


@pytest.mark.parametrize("customers_first", [True, False], ids=["customers-first", "orders-first"])
def test_an_initial_shared_by_two_known_customers_joins_neither(con, customers_first):
    namesakes = (CUSTOMERS_HEADER
                 + "1;Mme;Marie;Dupont;marie@example.fr;Client;;0;1;1;0;2024-01-01 10:00:00;\n"
                 + "2;M.;Mathieu;Dupont;mathieu@example.fr;Client;;0;1;1;0;2024-01-02 10:00:00;\n")
    files = [(namesakes.encode(), "clients.csv"),
             ((FIXTURES / "prestashop_orders_export_fr.csv").read_bytes(), "commandes.csv")]
    for data, name in (files if customers_first else files[::-1]):
        import_file(con, data, name)
    assert owners(con) == {"12": "M. DUPONT", "13": "C. MARTIN", "14": "M. DUPONT"}
    assert people(con, "email, first_name, last_name") == sorted([
        ("marie@example.fr", "Marie", "Dupont"), ("mathieu@example.fr", "Mathieu", "Dupont"),
        (None, "M.", "DUPONT"), (None, "C.", "MARTIN")], key=repr)


@pytest.mark.parametrize("first, second", [
    ("prestashop_orders_en.csv", "prestashop_customers_en.csv"),
    ("prestashop_customers_en.csv", "prestashop_orders_en.csv"),
], ids=["orders-first", "customers-first"])
def test_english_back_office(con, first, second):
    reports = imported(con, first, second)
    assert sorted(r.source.name for r in reports) == ["prestashop_customers", "prestashop_orders"]
    assert orders(con) == [
        ("201", Decimal("45.90"), Decimal("0.00"), "paid", "EUR"),  # €45.90, Payment accepted
        ("202", Decimal("20.00"), Decimal("0.00"), "paid", "EUR"),  # Delivered
        ("203", Decimal("12.00"), Decimal("0.00"), "pending", "EUR"),  # Awaiting check payment
        ("204", Decimal("18.00"), Decimal("18.00"), "refunded", "EUR"),
        ("205", Decimal("9.00"), Decimal("0.00"), "cancelled", "EUR"),  # Canceled
    ]
    assert figures(con) == {"statuses": {"paid": 2, "pending": 1, "refunded": 1, "cancelled": 1},
                            "valid": (2, Decimal("65.90")), "customers": 2}
    assert set(owners(con).values()) == {"alice.lambert@example.com", "thomas.girard@example.com"}
    assert people(con, "email, first_name, email_consent") == [
        ("alice.lambert@example.com", "Alice", True),
        ("thomas.girard@example.com", "Thomas", False),
    ]


@pytest.mark.parametrize("name, source", [
    ("prestashop_orders_export_fr.csv", "prestashop_orders"),
    ("prestashop_orders_fr.csv", "prestashop_orders"),
    ("prestashop_orders_en.csv", "prestashop_orders"),
    ("prestashop_customers_fr.csv", "prestashop_customers"),
    ("prestashop_customers_en.csv", "prestashop_customers"),
])
def test_each_fixture_is_detected_as_its_own_source(name, source):
    assert_detected(name, source)


def test_command_line_imports_without_being_told_the_source(tmp_path):
    done = cli_import("prestashop_orders_export_fr.csv", tmp_path / "c.duckdb")
    assert done.returncode == 0, done.stderr
    assert "PrestaShop — export des commandes" in done.stdout and "3 nouvelles" in done.stdout
    con = store.connect(str(tmp_path / "c.duckdb"))
    assert figures(con)["valid"] == (2, Decimal("165.90"))
    con.close()
