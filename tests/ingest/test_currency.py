"""A file's currency: its column, else the signs of its amounts, else an amount header, else the
shop's (EUR for a first file), and the question when it differs from the shop's."""

from __future__ import annotations

import pandas as pd
import pytest

from ingest.currency import from_amounts
from ingest.doubts import UnsureImport
from ingest.pipeline import ImportOptions, import_file
from metrics.currencies import uncounted
from metrics.kpis import weekly_kpis
from store.currency import shop_currency

EUR_FILE = ("Date;N° commande;Email;Montant\n"
            "08/01/2024;A1;anne@exemple.fr;100,00 €\n"
            "09/01/2024;A2;bruno@exemple.fr;50,00 €\n").encode()
USD_FILE = ("Date,Order,Email,Amount\n"
            "2024-01-10,U1,carla@example.com,$30.00\n"
            "2024-01-11,U2,dan@example.com,$20.00\n").encode()
PLAIN_FILE = ("Date;N° commande;Email;Montant\n"
              "08/01/2024;P1;eve@exemple.fr;12,00\n").encode()


def codes(cells: dict[str, list[str | None]]) -> tuple[list, list[tuple[str, str]]]:
    frame = {header: pd.Series(values, dtype="str") for header, values in cells.items()}
    index = next(iter(frame.values())).index
    found, notes = from_amounts(frame, index)
    return found.tolist(), notes


def test_each_row_takes_the_sign_of_its_own_amounts():
    found, notes = codes({"Montant": ["12,50 €", "$3.00", "4.00 GBP", "7", "CHF 9.90", None],
                          "Remise": [None, None, None, "1 EUR", None, "2 usd"]})
    assert found == ["EUR", "USD", "GBP", "EUR", "CHF", "USD"]
    assert notes[0] == ("devise lue dans les montants : EUR, USD, GBP, CHF",
                        "currency read in the amounts: EUR, USD, GBP, CHF")
    assert notes[1][0].startswith("« $ » lu comme dollar américain (USD) : si ce sont des "
                                  "dollars canadiens")


def test_a_written_usd_code_is_not_ambiguous():
    found, notes = codes({"Amount": ["USD 3.00", "4.00 usd"]})
    assert found == ["USD", "USD"]
    assert len(notes) == 1


def test_a_header_names_the_currency_when_the_cells_do_not():
    assert codes({"Montant (€)": ["12,50", "3"]}) == (
        ["EUR", "EUR"],
        [("devise lue dans l'en-tête « Montant (€) » : EUR",
          "currency read in the header “Montant (€)”: EUR")],
    )
    found, notes = codes({"dollar_value": ["12.50"]})
    assert found == ["USD"]
    assert "dollar américain" in notes[1][0]


def test_nothing_said_leaves_the_currency_to_the_importer():
    found, notes = codes({"Montant": ["12,50", "3"]})
    assert pd.isna(found).all() and notes == []


def test_signs_in_the_cells_set_the_orders_currency(con):
    report = import_file(con, USD_FILE, "usd.csv")
    assert con.execute("select distinct currency from orders").fetchall() == [("USD",)]
    assert ("devise lue dans les montants : USD", "currency read in the amounts: USD") in \
        report.notes
    assert shop_currency(con) == "USD"


def test_a_first_file_without_currency_is_read_in_euros_and_said(con):
    report = import_file(con, PLAIN_FILE, "plain.csv")
    assert report.notes[-1][0] == ("1 commande sans devise dans le fichier : lue en EUR (par "
                                   "défaut pour un premier fichier) ; si c'est faux, ajoutez une "
                                   "colonne Devise au fichier")
    assert con.execute("select currency from orders").fetchall() == [("EUR",)]


def test_the_count_of_orders_without_currency_is_written_the_readers_way(con):
    rows = "".join(f"C{i};15/01/2024;c{i}@exemple.fr;9,90\n" for i in range(1234))
    report = import_file(con, ("N° de commande;Date;E-mail;Montant\n" + rows).encode(),
                         "plain.csv")
    fr, en = report.notes[-1]
    assert fr.startswith("1\u202f234 commandes sans devise dans le fichier : lues en EUR")
    assert en.startswith("1,234 orders with no currency in the file: read as EUR")


def test_a_later_file_without_currency_takes_the_shop_currency(con):
    import_file(con, USD_FILE, "usd.csv")
    report = import_file(con, PLAIN_FILE, "plain.csv", ImportOptions(accept_guesses=False))
    assert "lue en USD (celle de votre boutique)" in report.notes[-1][0]
    assert con.execute("select currency from orders where source_order_id = 'P1'").fetchone() \
        == ("USD",)


def test_a_file_in_another_currency_is_a_question_then_never_summed(con):
    import_file(con, EUR_FILE, "eur.csv")
    with pytest.raises(UnsureImport) as unsure:
        import_file(con, USD_FILE, "usd.csv")
    doubt = unsure.value.doubts[-1]
    assert doubt.topic == "currency"
    assert doubt.option == "--yes"
    assert doubt.fr.startswith("ce fichier est en USD, votre boutique en EUR : ses commandes "
                               "(2 en USD) ne compteront dans les chiffres qu'une fois leur taux "
                               "de conversion saisi sur la page Données")
    assert con.execute("select count(*) from orders").fetchone() == (2,)  # nothing imported
    report = import_file(con, USD_FILE, "usd.csv", ImportOptions(accept_guesses=True))
    assert any(fr.startswith("choix accepté : ce fichier est en USD") for fr, _ in report.notes)
    revenue = weekly_kpis(con, pd.Timestamp("2024-01-08").date())["this_week"]
    assert (revenue["revenue"], revenue["orders"]) == (150.0, 2)  # 100 + 50 €, no dollar in it
    assert uncounted(con).to_dict("records") == [
        {"currency": "USD", "orders": 2, "net_amount": 50.0}]
