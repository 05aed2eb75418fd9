"""What real exports and public data sets taught (issue 12, classes 6 and 7): status words read by
their meaning, English data-set headers, credit notes kept in net revenue, Etsy partial refunds
shown only in the adjusted net.

Small hand-made files per rule, figures computed by hand next to each assertion; then one check
per real file of ../shared/real-data (read in place, skipped when absent), whose expected figures
were computed independently from the raw file with pandas (written next to each).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ingest import cli
from ingest.doubts import UnsureImport
from ingest.errors import FileRejected
from ingest.mapping import guess_mapping
from ingest.parse import normalise_header
from ingest.pipeline import ImportOptions, import_file, preview
from metrics import kpis

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "real-data"


def statuses(con) -> list[tuple]:
    """(order id, status, amount, refunded) by order id."""
    return con.execute(
        "select source_order_id, status, amount, refunded_amount from orders "
        "order by source_order_id"
    ).fetchall()


def one(con, sql: str):
    return con.execute(sql).fetchone()[0]


# --- Status words -------------------------------------------------------------------------------

STATUS_FILE = """N° de commande;Date;Montant;Statut;E-mail
01;02/03/2026;10,00;Annulée par le client;a@x.fr
02;02/03/2026;11,00;Commande annulée;b@x.fr
03;02/03/2026;12,00;Remboursée (avoir);c@x.fr
04;02/03/2026;13,00;Partiellement remboursée;d@x.fr
05;02/03/2026;14,00;En attente de paiement;e@x.fr
06;02/03/2026;15,00;Échec;f@x.fr
07;02/03/2026;16,00;Failed;g@x.fr
08;02/03/2026;17,00;Voided;h@x.fr
09;02/03/2026;18,00;Expired;i@x.fr
10;02/03/2026;19,00;Payée;j@x.fr
11;02/03/2026;20,00;Declined;k@x.fr
"""


def test_status_words_are_read_by_their_meaning(con):
    import_file(con, STATUS_FILE.encode(), "statuts.csv")
    assert [(o, s) for o, s, _a, _r in statuses(con)] == [
        ("01", "cancelled"), ("02", "cancelled"), ("03", "refunded"),
        ("04", "partially_refunded"), ("05", "pending"), ("06", "cancelled"),
        ("07", "cancelled"), ("08", "cancelled"), ("09", "cancelled"), ("10", "paid"),
        ("11", "cancelled"),
    ]
    # valid: 04 (partially refunded, nothing refunded known: 13,00) and 10 (19,00) = 32,00
    assert one(con, "select count(*) from valid_orders") == 2
    assert one(con, "select sum(net_amount) from valid_orders") == Decimal("32.00")


UNKNOWN_STATUS_FILE = """N° de commande;Date;Montant;Statut;E-mail
1;02/03/2026;10,00;Payée;a@x.fr
2;02/03/2026;20,00;Expédiée partiellement;b@x.fr
3;03/03/2026;30,00;Expédiée partiellement;c@x.fr
4;03/03/2026;40,00;En préparation;d@x.fr
"""


def test_an_unknown_status_word_is_a_question_not_revenue(con):
    with pytest.raises(UnsureImport) as refused:
        import_file(con, UNKNOWN_STATUS_FILE.encode(), "inconnus.csv")
    assert "2 commandes « Expédiée partiellement », 1 commande « En préparation » : statut " \
        "inconnu" in refused.value.message("fr")
    assert refused.value.options() == '--status "Expédiée partiellement=paid|cancelled|refunded' \
        '|pending"'
    assert one(con, "select count(*) from orders") == 0  # database unchanged
    import_file(con, UNKNOWN_STATUS_FILE.encode(), "inconnus.csv",
                ImportOptions(accept_guesses=True))
    # accepted as shown: the unknown words are pending, only order 1 is revenue
    assert [s for _o, s, _a, _r in statuses(con)] == ["paid", "pending", "pending", "pending"]
    assert one(con, "select sum(net_amount) from valid_orders") == Decimal("10.00")


def test_the_owner_says_what_a_status_word_means(con):
    options = ImportOptions(statuses=(("expédiée partiellement", "paid"),
                                      ("En préparation", "pending")))
    import_file(con, UNKNOWN_STATUS_FILE.encode(), "inconnus.csv", options)
    assert [s for _o, s, _a, _r in statuses(con)] == ["paid", "paid", "paid", "pending"]
    assert one(con, "select sum(net_amount) from valid_orders") == Decimal("60.00")  # 10+20+30


def test_the_command_line_names_and_takes_the_status_option(tmp_path, capsys):
    path = tmp_path / "inconnus.csv"
    path.write_text(UNKNOWN_STATUS_FILE, encoding="utf-8")
    db = str(tmp_path / "base.duckdb")
    assert cli.main([str(path), "--db", db]) == 1
    assert '--status "Expédiée partiellement=paid|cancelled|refunded|pending"' in \
        capsys.readouterr().err
    assert cli.main([str(path), "--db", db, "--status", "Expédiée partiellement=paid",
                     "--status", "En préparation=paid"]) == 0
    with pytest.raises(SystemExit):
        cli.main([str(path), "--db", db, "--status", "En préparation=livrée"])


def test_files_without_a_status_column_stay_paid(con):
    import_file(con, b"Date;Montant;E-mail\n02/03/2026;10,00;a@x.fr\n", "ventes.csv")
    assert [s for _o, s, _a, _r in statuses(con)] == ["paid"]


# --- Headers of public data sets ----------------------------------------------------------------

def test_camel_case_headers_are_split_before_matching():
    assert normalise_header("InvoiceDate") == "invoice date"
    assert normalise_header("CustomerID") == "customer id"
    assert normalise_header("N° de commande") == "n de commande"
    assert guess_mapping(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                          "UnitPrice", "CustomerID", "Country"]) == {
        "order_id": "InvoiceNo", "sku": "StockCode", "product": "Description",
        "quantity": "Quantity", "order_date": "InvoiceDate", "unit_price": "UnitPrice",
        "customer_id": "CustomerID", "country": "Country",
    }
    assert guess_mapping(["customer_id", "date", "number_of_cds", "dollar_value"]) == {
        "customer_id": "customer_id", "order_date": "date", "quantity": "number_of_cds",
        "line_amount": "dollar_value",
    }


def test_a_sales_file_whose_date_is_not_recognised_is_refused_not_taken_as_customers(con):
    data = b"Invoice,Description,Quantity,Price,Customer ID,Quand\n1,Mug,2,3.50,12,2011-03-01\n"
    with pytest.raises(FileRejected) as refused:
        import_file(con, data, "ventes.csv")
    assert "--map \"COLONNE=order_date\"" in refused.value.message("fr")
    assert "les colonnes Quantity, Price, Description ressemblent" in refused.value.message("fr")
    assert one(con, "select count(*) from customers") == 0
    import_file(con, data, "ventes.csv", ImportOptions(remap=(("Quand", "order_date"),)))
    assert statuses(con) == [("1", "paid", Decimal("7.00"), Decimal("0.00"))]


# --- Credit notes --------------------------------------------------------------------------------

CREDIT_NOTES = """InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID
536001,MUG,4,2026-03-02 10:00:00,2.50,100
536001,BOWL,1,2026-03-02 10:00:00,5.00,100
C536002,MUG,-2,2026-03-03 11:00:00,2.50,100
536003,BOWL,2,2026-03-04 12:00:00,5.00,200
C536004,BOWL,-1,2026-03-04 12:30:00,5.00,300
"""


def test_credit_notes_reduce_net_revenue_and_are_not_orders(con):
    import_file(con, CREDIT_NOTES.encode(), "retail.csv")
    assert statuses(con) == [
        ("536001", "paid", Decimal("15.00"), Decimal("0.00")),  # 4 × 2.50 + 5.00
        ("536003", "paid", Decimal("10.00"), Decimal("0.00")),
        ("C536002", "credit_note", Decimal("-5.00"), Decimal("0.00")),
        ("C536004", "credit_note", Decimal("-5.00"), Decimal("0.00")),
    ]
    # orders and customers: the two sales only (customer 300 only has a credit note)
    assert one(con, "select count(*) from valid_orders") == 2
    assert one(con, "select count(distinct customer_id) from valid_orders") == 2
    # net revenue 15 + 10 − 5 − 5 = 15, in the week of 2 March 2026 (one ISO week)
    assert one(con, "select sum(net_amount) from net_revenue") == Decimal("15.00")
    week = kpis.weekly_kpis(con, date(2026, 3, 2))["this_week"]
    assert (week["revenue"], week["orders"], week["customers"]) == (15.0, 2.0, 2.0)
    assert week["average_basket"] == 7.5
    trend = kpis.weekly_trend(con, date(2026, 3, 2), weeks=1)
    assert trend[["revenue", "orders"]].values.tolist() == [[15.0, 2]]


# --- Etsy ----------------------------------------------------------------------------------------

ETSY_HEADER = ("Sale Date,Order ID,Buyer User ID,Full Name,Order Total,Status,"
               "Card Processing Fees,Order Net,Adjusted Order Total,"
               "Adjusted Card Processing Fees,Adjusted Net Order Amount\n")


def test_etsy_partial_refund_shown_only_in_the_adjusted_net_and_fees(con):
    data = ETSY_HEADER + (
        "03/02/26,1,b1,Ann Lee,50.00,,1.75,44.00,0.00,0.00,0.00\n"  # nothing adjusted
        "03/02/26,2,b2,Bo Kay,67.91,,2.29,60.23,0.00,1.76,48.57\n"  # partial, net and fees only
        "03/03/26,3,b3,Cy Ray,40.00,,1.45,35.00,30.00,1.15,26.00\n"  # adjusted total shown
        "03/03/26,4,b4,Di Fox,20.00,,0.85,17.00,0.00,0.00,-1.20\n"  # full refund
        # net above Order Net: an adjustment in the seller's favour, nothing paid back
        "03/04/26,5,b5,Ed Ng,44.31,,1.58,36.95,0.00,1.46,38.88\n"
    )
    import_file(con, data.encode(), "EtsySoldOrders2026.csv")
    assert statuses(con) == [
        ("1", "paid", Decimal("50.00"), Decimal("0.00")),
        # (60.23 − 48.57) + (2.29 − 1.76) = 11.66 + 0.53
        ("2", "partially_refunded", Decimal("67.91"), Decimal("12.19")),
        ("3", "partially_refunded", Decimal("40.00"), Decimal("10.00")),  # 40.00 − 30.00
        ("4", "refunded", Decimal("20.00"), Decimal("20.00")),
        ("5", "paid", Decimal("44.31"), Decimal("0.00")),
    ]
    # 50.00 + 55.72 + 30.00 + 44.31
    assert one(con, "select sum(net_amount) from valid_orders") == Decimal("180.03")


# --- Real files ----------------------------------------------------------------------------------

def real(name: str) -> bytes:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    return path.read_bytes()


def figures(con) -> tuple:
    """(orders, valid orders, credit notes, net revenue)."""
    return con.execute(
        "select (select count(*) from orders), (select count(*) from valid_orders), "
        "(select count(*) from orders where status = 'credit_note'), "
        "(select sum(net_amount) from net_revenue)"
    ).fetchone()


def test_uci_online_retail_keeps_its_credit_notes(con):
    """pandas on the raw file: 9,362 invoices, 313 'C' ones all with a negative total, 8,966
    with a positive total; Σ Quantity × UnitPrice over all rows 367,644.91 (380,271.22 without
    the credit notes: 3.4 % more, the figure the importer gave before)."""
    import_file(con, real("online_retail_sample20k.csv"), "online_retail_sample20k.csv")
    assert figures(con) == (9362, 8966, 313, Decimal("367644.91"))
    assert one(con, "select count(*) from orders where status = 'credit_note' "
                    "and not starts_with(source_order_id, 'C')") == 0


def test_uci_online_retail_ii_imports_as_sales(con):
    """Imported before as a customer file with 0 orders. pandas on the raw file: 977 invoices,
    all with a positive total, Σ Quantity × Price 22,441.43, 743 customer ids among them."""
    report = import_file(con, real("online_retail_ii_sample1k.csv"), "online_retail_ii.csv")
    assert report.kind == "orders"
    assert figures(con) == (977, 977, 0, Decimal("22441.43"))
    assert one(con, "select count(distinct customer_id) from valid_orders") == 743


def test_cdnow_columns_map():
    """Refused before ('no amount column'); its 8-digit dates are read by the values rules."""
    seen = preview(real("cdnow_master.csv"), "cdnow_master.csv")
    assert seen.mapping == {"customer_id": "customer_id", "order_date": "date",
                            "quantity": "number_of_cds", "line_amount": "dollar_value"}


def test_etsy_2022_partial_refunds_reduce_net_revenue(con):
    """pandas on the raw file: Σ Order Total 81,318.49 over 2,121 orders; 82 with Adjusted Order
    Total 0.00 and an Adjusted Net Order Amount above 0, whose (Order Net − Adjusted Net) +
    (Card Processing Fees − Adjusted Card Processing Fees) sums to 1,667.95."""
    import_file(con, real("etsy_sold_orders_2022.csv"), "etsy_sold_orders_2022.csv")
    assert con.execute(
        "select count(*), sum(refunded_amount) from orders where status = 'partially_refunded'"
    ).fetchone() == (82, Decimal("1667.95"))
    assert figures(con) == (2121, 2121, 0, Decimal("79650.54"))  # 81,318.49 − 1,667.95


def test_etsy_2023_partial_refunds(con):
    """pandas on the raw file: Σ Order Total 36,595.16 over 1,605 orders; 3 with Adjusted Order
    Total 0 and a positive adjusted net: 4.26 (13.04 − 8.94 + 0.69 − 0.53) and 7.60 (56.39 −
    49.10 + 2.09 − 1.78) paid back; the third's adjusted net (38.88) is above its Order Net
    (36.95): nothing paid back."""
    import_file(con, real("etsy_sold_orders_2023_tab.csv"), "etsy_sold_orders_2023_tab.csv")
    assert con.execute(
        "select count(*), sum(refunded_amount) from orders where status = 'partially_refunded'"
    ).fetchone() == (2, Decimal("11.86"))
    assert figures(con) == (1605, 1605, 0, Decimal("36583.30"))  # 36,595.16 − 11.86
