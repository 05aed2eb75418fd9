"""Excel workbooks as shops really save them: formulas with their saved values, error cells,
several sheets, a header on two rows with merged cells, Excel's ="…" keep-as-text trick.

Each workbook is built here with XlsxWriter (which writes a formula's saved value, as Excel
does); every expected figure is computed by hand."""

from __future__ import annotations

import io
import warnings
from datetime import datetime
from decimal import Decimal

import pytest
import xlsxwriter

from ingest.doubts import UnsureImport
from ingest.errors import FileRejected
from ingest.pipeline import ImportOptions, import_file, preview
from tests.trust.test_fuzz import SEEDS, mutate


def workbook(*sheets: tuple[str, list[list]], merges: list[tuple[int, int, int, int, str]] = ()
             ) -> bytes:
    """An xlsx with the given sheets; a cell given as ("=formula", value) is a formula with its
    saved value; ``merges`` (first row, first column, last row, last column, text) go on the
    first sheet."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                     "default_date_format": "dd/mm/yyyy"})
    for index, (name, rows) in enumerate(sheets):
        sheet = book.add_worksheet(name)
        if index == 0:
            for first_row, first_col, last_row, last_col, text in merges:
                sheet.merge_range(first_row, first_col, last_row, last_col, text)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if isinstance(cell, tuple):
                    sheet.write_formula(r, c, cell[0], None, cell[1])
                elif cell is not None:
                    sheet.write(r, c, cell)
    book.close()
    return out.getvalue()


def orders(con):
    return con.execute(
        "select source_order_id, amount from orders order by source_order_id").fetchall()


def test_a_formulas_saved_number_is_not_read_again_with_the_columns_decimal_comma(con):
    data = workbook(("Ventes", [
        ["N° de commande", "Date", "Montant"],
        ["A1", "05/03/2024", "12,50"],
        ["A2", "06/03/2024", ("=B9*C9", 14.988)],  # a saved value of three decimals
        ["A3", "07/03/2024", "1 234,00"],
        ["A4", "08/03/2024", 7.5],
    ]))
    import_file(con, data, "ventes.xlsx")
    assert orders(con) == [("A1", Decimal("12.50")), ("A2", Decimal("14.99")),
                           ("A3", Decimal("1234.00")), ("A4", Decimal("7.50"))]


def test_an_error_cell_in_an_amount_or_a_date_rejects_its_row_and_is_blank_elsewhere(con):
    data = workbook(("Ventes", [
        ["N° de commande", "Date", "Montant", "E-mail", "Remise"],
        ["A1", "05/03/2024", "20,00", ("=NA()", "#N/A"), "1,00"],
        ["A2", "05/03/2024", ("=1/0", "#DIV/0!"), "b@x.fr", ""],
        ["A3", ("=DATE(X)", "#NAME?"), "30,00", "c@x.fr", ""],
        ["A4", "06/03/2024", "40,00", "d@x.fr", ("=A1+\"x\"", "#VALUE!")],
        ["A5", "06/03/2024", "50,00", "e@x.fr", ""],
    ]))
    report = import_file(con, data, "ventes.xlsx")
    assert orders(con) == [("A1", Decimal("20.00")), ("A5", Decimal("50.00"))]
    assert con.execute("select count(*) from customers where email is not null").fetchone() == (1,)
    assert report.rejects[["row_number", "reason_fr"]].values.tolist() == [
        [3, "#DIV/0! dans « Montant »"],
        [4, "#NAME? dans « Date »"],
        [5, "#VALUE! dans « Remise »"],
    ]
    assert report.rejects["reason_en"].tolist()[0] == "#DIV/0! in “Montant”"


def test_an_error_typed_in_a_csv_is_refused_the_same_way(con):
    text = "N° de commande;Date;Montant\nA1;05/03/2024;#REF!\nA2;05/03/2024;8,00\n"
    report = import_file(con, text.encode(), "ventes.csv")
    assert orders(con) == [("A2", Decimal("8.00"))]
    assert report.rejects["reason_fr"].tolist() == ["#REF! dans « Montant »"]


CATALOGUE = [["Référence", "Désignation", "Prix", "Stock"]] + [
    [f"R{i:02}", f"Article {i}", f"{i},00", i] for i in range(1, 41)]
SALES = [
    ["Date", "N° de commande", "Client", "E-mail", "Montant"],
    ["05/03/2024", "V1", "Marie Dupont", "marie@x.fr", "25,00"],
    ["06/03/2024", "V2", "Paul Martin", "paul@x.fr", "17,40"],
]


def test_the_sales_sheet_is_chosen_over_a_bigger_catalogue(con):
    report = import_file(con, workbook(("Catalogue", CATALOGUE), ("Ventes", SALES)), "b.xlsx")
    assert report.sheet == "Ventes"
    assert orders(con) == [("V1", Decimal("25.00")), ("V2", Decimal("17.40"))]
    assert sorted(r[0] for r in con.execute("select email from customers").fetchall()) == [
        "marie@x.fr", "paul@x.fr"]


def test_two_plausible_sheets_are_a_question_until_the_owner_picks_one(con):
    customers = [["Nom", "E-mail", "Téléphone"], ["Durand", "anne@x.fr", "0612345678"]]
    data = workbook(("Catalogue", CATALOGUE), ("Ventes", SALES), ("Clients", customers))
    with pytest.raises(UnsureImport) as refused:
        import_file(con, data, "b.xlsx")
    (doubt,) = refused.value.doubts
    assert doubt.topic == "sheet" and doubt.option == "--sheet"
    assert "« Ventes »" in doubt.fr and "« Clients »" in doubt.fr and "Catalogue" not in doubt.fr
    assert con.execute("select count(*) from orders").fetchone() == (0,)
    report = import_file(con, data, "b.xlsx", ImportOptions(sheet="Clients"))
    assert report.sheet == "Clients" and report.kind == "customers"
    assert con.execute("select email, phone from customers").fetchall() == [
        ("anne@x.fr", "+33612345678")]


def test_a_two_row_header_with_merged_cells_keeps_every_column(con):
    data = workbook(("Ventes", [
        ["Client", None, None, "Commande", None, None],
        ["Nom", "E-mail", "Téléphone", "N°", "Date", "Montant"],
        ["Dupont", "jean@x.fr", "0612345678", "C1", "05/03/2024", "19,90"],
        ["Leroy", "lea@x.fr", "0698765432", "C2", "06/03/2024", "5,10"],
    ]), merges=[(0, 0, 0, 2, "Client"), (0, 3, 0, 5, "Commande")])
    seen = preview(data, "ventes.xlsx")
    assert seen.table.headers == ["Nom", "E-mail", "Téléphone", "Commande N°", "Date", "Montant"]
    assert seen.table.header_row == 2
    assert seen.mapping["email"] == "E-mail" and seen.mapping["order_id"] == "Commande N°"
    import_file(con, data, "ventes.xlsx")
    assert orders(con) == [("C1", Decimal("19.90")), ("C2", Decimal("5.10"))]
    assert con.execute("select last_name, email, phone from customers order by 1").fetchall() == [
        ("Dupont", "jean@x.fr", "+33612345678"), ("Leroy", "lea@x.fr", "+33698765432")]


def test_the_upper_row_of_a_two_row_header_is_not_taken_for_the_header(con):
    data = workbook(("Ventes", [
        ["Date", "Client", None, "Montant"],
        [None, "Nom", "E-mail", None],
        ["05/03/2024", "Dupont", "jean@x.fr", "19,90"],
    ]), merges=[(0, 0, 1, 0, "Date"), (0, 1, 0, 2, "Client"), (0, 3, 1, 3, "Montant")])
    table = preview(data, "ventes.xlsx").table
    assert table.headers == ["Date", "Nom", "E-mail", "Montant"]
    assert table.row_numbers.tolist() == [3]
    import_file(con, data, "ventes.xlsx")
    assert con.execute("select email from customers").fetchall() == [("jean@x.fr",)]


def test_a_merged_title_above_the_header_is_not_a_second_header_row():
    data = workbook(("Ventes", [
        ["Ventes de mars", None, None],
        ["Date", "N° de commande", "Montant"],
        ["05/03/2024", "V1", "3,00"],
    ]), merges=[(0, 0, 0, 2, "Ventes de mars")])
    assert preview(data, "v.xlsx").table.headers == ["Date", "N° de commande", "Montant"]


def test_excels_keep_as_text_formula_is_stripped_in_csv_and_workbooks(con):
    text = ('N° de commande;Date;Montant;Téléphone;N° client\n'
            'A1;05/03/2024;10,00;="0612345679";\'000123\n')
    import_file(con, text.encode(), "ventes.csv")
    data = workbook(("Ventes", [
        ["N° de commande", "Date", "Montant", "Téléphone"],
        ["B1", "06/03/2024", "11,00", '="0698765432"'],  # text, as pasted from such a CSV
    ]))
    import_file(con, data, "ventes.xlsx")
    assert sorted(con.execute("select phone from customers").fetchall()) == [
        ("+33612345679",), ("+33698765432",)]
    assert con.execute("select value from customer_keys where kind = 'platform_id'").fetchall() \
        == [("generic:000123",)]


def test_a_text_starting_with_an_apostrophe_and_a_letter_is_left_alone():
    text = "Nom;E-mail\n't Hooft;a@x.fr\n"
    assert preview(text.encode(), "c.csv").table.frame.iloc[0, 0] == "'t Hooft"


def test_a_formula_s_saved_date_and_whole_numbers_stay_as_before():
    data = workbook(("Ventes", [
        ["N° de commande", "Date", "Montant", "Téléphone"],
        ["A1", datetime(2024, 3, 5), 12, 612345678],
    ]))
    table = preview(data, "v.xlsx").table
    assert table.frame.iloc[0].tolist() == ["A1", "2024-03-05", "12", "612345678"]


def test_a_date_column_holding_a_time_in_every_row_imports(con):
    """Found by bench/workbook_equivalence.py: a column of date-times with no blank cell (Excel's
    « jj/mm/aaaa hh:mm ») became a datetime column, and looking for Excel numbers in it raised a
    TypeError: a traceback instead of an import."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True,
                                     "default_date_format": "dd/mm/yyyy hh:mm"})
    sheet = book.add_worksheet("Ventes")
    sheet.write_row(0, 0, ["N° de commande", "Date", "Montant"])
    for row, (number, day, amount) in enumerate(
            [("A1", datetime(2024, 3, 5, 10, 30), 12.5), ("A2", datetime(2024, 3, 6, 18, 5), 8)], 1):
        sheet.write(row, 0, number)
        sheet.write_datetime(row, 1, day)
        sheet.write(row, 2, amount)
    book.close()
    table = preview(out.getvalue(), "v.xlsx").table
    assert table.frame["c1"].tolist() == ["2024-03-05 10:30:00", "2024-03-06 18:05:00"]
    import_file(con, out.getvalue(), "v.xlsx")
    assert con.execute("select source_order_id, ordered_at, amount from orders order by 1"
                       ).fetchall() == [("A1", datetime(2024, 3, 5, 10, 30), Decimal("12.50")),
                                        ("A2", datetime(2024, 3, 6, 18, 5), Decimal("8.00"))]



def test_a_workbook_number_too_big_for_an_amount_rejects_its_row(con):
    """Found by the fuzzer: a number past 15 digits of cents (or an overflow to infinity) went
    straight to the database's DECIMAL(18,2) and failed the whole import."""
    data = workbook(("Ventes", [
        ["N° de commande", "Date", "Montant"],
        ["A1", "05/03/2024", 12.5],
        ["A2", "06/03/2024", 1e20],
        ["A3", "07/03/2024", 99999999999.99],
    ]))
    report = import_file(con, data, "ventes.xlsx")
    assert orders(con) == [("A1", Decimal("12.50")), ("A3", Decimal("99999999999.99"))]
    assert report.rejects["row_number"].tolist() == [3]
    assert report.rejects["reason_fr"].tolist() == ["« Montant » illisible"]


def test_a_damaged_legacy_workbook_listing_no_sheet_is_refused(con):
    """Found by the fuzzer: 41 bytes cut from a .xls left a workbook with no sheet, and the sheet
    choice failed on an empty list instead of refusing the file."""
    name, data = next(seed for seed in SEEDS if seed[0] == "xls_legacy.xls")
    with pytest.raises(FileRejected, match="aucun tableau de données"):
        import_file(con, mutate(data, [("delete", 0.25, 41, b"\x00")]), name)


def test_typed_order_totals_without_line_amounts_import_without_a_pandas_warning(con):
    """A total's blank is filled from the order's line amounts, which a file without them does
    not have: with totals Excel typed as numbers, that fill warned (seen in CI) that pandas will
    soon refuse it."""
    data = workbook(("Ventes", [
        ["N° de commande", "Date", "Total TTC", "E-mail"],
        ["A1", "05/03/2024", 12.5, "a@exemple.fr"],
        ["A2", "06/03/2024", None, "b@exemple.fr"],
    ]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        import_file(con, data, "ventes.xlsx")
    assert orders(con) == [("A1", Decimal("12.50")), ("A2", Decimal("0.00"))]
