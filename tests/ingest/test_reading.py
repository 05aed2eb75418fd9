"""Issue 12, reading: encodings other than Windows-1252, the header under a title block, and a
totals row told from a customer named Somme. Small files written here, figures by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.doubts import UnsureImport
from ingest.pipeline import ImportOptions, import_file, preview
from ingest.read import read_file

CUSTOMERS = (
    "Prénom;Nom;E-mail;Ville\n"
    "Renée;Léger;renee@exemple.fr;Nîmes\n"
    "Noël;Lebœuf;noel@exemple.fr;Besançon\n"
)


def cells(table):
    return table.frame.fillna("").values.tolist()


def test_mac_roman_is_recognised_and_keeps_the_first_name_column():
    table = read_file(CUSTOMERS.encode("mac_roman"), "clients.csv")
    assert table.encoding == "mac_roman"
    assert table.headers == ["Prénom", "Nom", "E-mail", "Ville"]
    assert cells(table) == [["Renée", "Léger", "renee@exemple.fr", "Nîmes"],
                            ["Noël", "Lebœuf", "noel@exemple.fr", "Besançon"]]
    assert table.notes == [("fichier lu en Mac Roman (Excel pour Mac)",
                            "file read as Mac Roman (Excel for Mac)")]
    assert table.doubts == []
    assert preview(CUSTOMERS.encode("mac_roman"), "clients.csv").mapping["first_name"] == "Prénom"


def test_mac_roman_names_reach_the_database(con):
    import_file(con, CUSTOMERS.encode("mac_roman"), "clients.csv")
    assert con.execute("select first_name, last_name, city from customers order by email"
                       ).fetchall() == [("Noël", "Lebœuf", "Besançon"),
                                        ("Renée", "Léger", "Nîmes")]


def test_latin9_oe_and_euro_are_not_read_as_windows_1252():
    data = "Nom;Montant\nLebœuf;12,50 €\nŒuvray;3,00 €\n".encode("iso8859_15")
    table = read_file(data, "ventes.csv")
    assert table.encoding == "iso8859_15"
    assert cells(table) == [["Lebœuf", "12,50 €"], ["Œuvray", "3,00 €"]]
    assert table.notes == [("fichier lu en ISO-8859-15 (Latin-9)",
                            "file read as ISO-8859-15 (Latin-9)")]
    assert table.doubts == []


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_windows_1252_and_latin1_files_stay_windows_1252_without_a_note(encoding):
    data = "Nom;Ville\nFrançoise;Nîmes\nMüller;Saint-Étienne\n".encode(encoding)
    table = read_file(data, "clients.csv")
    assert table.encoding == "cp1252"
    assert cells(table) == [["Françoise", "Nîmes"], ["Müller", "Saint-Étienne"]]
    assert table.notes == [] and table.doubts == []


# Mac Roman's Œ is 0xCE, Windows-1252's Î: "HORS-ÎUVRE" reads as well as "HORS-ŒUVRE" byte by byte
AMBIGUOUS = "Date;Produit;Montant\n02/03/2024;HORS-ŒUVRE;12,00\n".encode("mac_roman")


def test_a_close_call_between_encodings_is_a_doubt_that_refuses_the_import(con):
    table = read_file(AMBIGUOUS, "carte.csv")
    assert table.encoding == "cp1252"
    assert [(d.topic, d.option) for d in table.doubts] == [("encoding", "--encoding mac_roman")]
    with pytest.raises(UnsureImport) as caught:
        import_file(con, AMBIGUOUS, "carte.csv")
    assert "encodage deviné : Windows-1252" in caught.value.message("fr")
    assert con.execute("select count(*) from imports").fetchone()[0] == 0
    report = import_file(con, AMBIGUOUS, "carte.csv", ImportOptions(accept_guesses=True))
    assert report.rows_loaded == 1
    assert any(fr.startswith("choix accepté : encodage deviné") for fr, _ in report.notes)


def test_the_owner_settles_the_encoding_doubt_by_naming_the_encoding():
    table = preview(AMBIGUOUS, "carte.csv", ImportOptions(encoding="mac_roman")).table
    assert table.doubts == []
    assert cells(table) == [["02/03/2024", "HORS-ŒUVRE", "12,00"]]


def test_bytes_no_candidate_reads_plausibly_are_still_refused_with_the_line():
    data = "Nom;Montant\nLefèvre;4,00\n".encode("cp1252") + b"Bad\x81;4,00\n"
    with pytest.raises(Exception, match="octets illisibles \\(ligne 3\\)"):
        read_file(data, "x.csv")


ADDRESS_ABOVE = (
    "Boutique du Port\n"
    "12 rue des Lilas;75011;Paris\n"
    "Commande;Date;Montant\n"
    "A1;02/03/2024;10,50\n"
    "A2;03/03/2024;20,00\n"
)


def test_an_address_row_above_the_header_is_not_taken_for_it():
    table = read_file(ADDRESS_ABOVE.encode(), "ventes.csv")
    assert table.header_row == 3
    assert table.headers == ["Commande", "Date", "Montant"]
    assert cells(table) == [["A1", "02/03/2024", "10,50"], ["A2", "03/03/2024", "20,00"]]
    assert table.row_numbers.tolist() == [4, 5]
    assert table.doubts == []


def test_a_shop_letterhead_above_the_header_is_skipped(con):
    data = (
        "Le Comptoir de Marie;;;\n"
        "Fleuriste;8 place du Marché;13002 Marseille;\n"
        "Tél.;04 91 00 00 00;contact@comptoir.fr;\n"
        ";;;\n"
        "N° de commande;Date;E-mail;Montant TTC\n"
        "101;02/03/2024;anne@exemple.fr;12,50\n"
        "102;04/03/2024;paul@exemple.fr;7,00\n"
    ).encode("cp1252")
    report = import_file(con, data, "ventes.csv")
    assert report.header_row == 5
    assert report.mapping == {"order_id": "N° de commande", "order_date": "Date",
                              "email": "E-mail", "line_amount": "Montant TTC"}
    assert con.execute("select list(amount order by source_order_id) from orders"
                       ).fetchone()[0] == [Decimal("12.50"), Decimal("7.00")]


TWO_HEADERS = (
    "Client;Date d'édition;05/03/2024\n"
    "Commande;Date;Montant\n"
    "A1;02/03/2024;10,50\n"
)


def test_two_plausible_header_rows_are_a_doubt_the_owner_settles(con):
    table = read_file(TWO_HEADERS.encode(), "ventes.csv")
    assert table.header_row == 2
    assert [(d.topic, d.option) for d in table.doubts] == [("header_row", "--header-row 1")]
    with pytest.raises(UnsureImport, match="en-tête deviné : ligne 2"):
        import_file(con, TWO_HEADERS.encode(), "ventes.csv")
    settled = preview(TWO_HEADERS.encode(), "ventes.csv", ImportOptions(header_row=2)).table
    assert settled.doubts == [] and settled.headers == ["Commande", "Date", "Montant"]


def test_a_customer_named_somme_on_the_last_line_is_kept(con):
    data = (
        "Nom;Prénom;E-mail;Date;Montant\n"
        "Martin;Anne;anne@exemple.fr;02/03/2024;12,50\n"
        "Somme;Paul;paul@exemple.fr;03/03/2024;7,00\n"
    ).encode()
    table = read_file(data, "ventes.csv")
    assert table.frame.iloc[:, 0].tolist() == ["Martin", "Somme"]
    assert table.notes == []
    import_file(con, data, "ventes.csv")
    assert con.execute("select first_name from customers where last_name = 'Somme'"
                       ).fetchall() == [("Paul",)]


def test_a_name_cell_saying_total_without_email_or_date_is_kept_unless_it_adds_up():
    kept = read_file("Nom;Montant\nMartin;12,50\nTotal;7,00\n".encode(), "clients.csv")
    assert kept.frame.iloc[:, 0].tolist() == ["Martin", "Total"]
    summed = read_file("Nom;Montant\nMartin;12,50\nDurand;7,00\nSomme;19,50\n".encode(), "c.csv")
    assert summed.frame.iloc[:, 0].tolist() == ["Martin", "Durand"]
    assert summed.notes == [("ligne de total ignorée (ligne 4)", "totals row dropped (row 4)")]


def test_a_totals_row_leaving_the_data_columns_blank_is_dropped():
    data = (
        "Nom;E-mail;Date;Montant;Devise\n"
        "Martin;anne@exemple.fr;02/03/2024;12,50;EUR\n"
        "Durand;paul@exemple.fr;03/03/2024;7,00;EUR\n"
        "TOTAL;;;19,00;\n"
    ).encode()
    table = read_file(data, "ventes.csv")
    assert table.frame.iloc[:, 0].tolist() == ["Martin", "Durand"]
    assert table.notes == [("ligne de total ignorée (ligne 4)", "totals row dropped (row 4)")]
