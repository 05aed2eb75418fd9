"""An orders file repeats its buyers: rows alike but for their date are matched once
(identity.match.distinct_people), every row still counted and given its person's customer."""

from __future__ import annotations

from ingest.pipeline import ImportOptions, import_file

# Two Marie Martin at 69001 with different e-mails: their name and postcode fit two customers.
CUSTOMERS = """E-mail;Prénom;Nom;Code postal
m1@exemple.fr;Marie;Martin;69001
m2@exemple.fr;Marie;Martin;69001
""".encode("utf-8")
# Three till sales to a Marie MARTIN at 69001 without e-mail or phone, and one web sale to m1.
ORDERS = """N° de commande;Date;Prénom;Nom;E-mail;Code postal;Montant TTC
B-1;05/02/2024;Marie;MARTIN;;69001;10,00
W-1;06/02/2024;Marie;Martin;m1@exemple.fr;69001;20,00
B-2;07/02/2024;Marie;MARTIN;;69001;15,00
B-3;09/02/2024;Marie;MARTIN;;69001;12,50
""".encode("utf-8")


def test_repeated_ambiguous_rows_are_one_customer_and_counted_row_by_row(con):
    import_file(con, CUSTOMERS, "clients.csv")
    report = import_file(con, ORDERS, "ventes.csv", ImportOptions(accept_guesses=True))
    owners = dict(con.execute("select source_order_id, customer_id from orders").fetchall())
    assert owners["W-1"] == 1
    assert owners["B-1"] == owners["B-2"] == owners["B-3"] == 3
    assert con.execute("select count(*) from customers").fetchone()[0] == 3
    assert report.customers_new == 1
    assert any(fr.startswith("3 lignes sans e-mail ni téléphone dont le nom et le code postal "
                             "désignent plusieurs clients") for fr, _ in report.notes)
