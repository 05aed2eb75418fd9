"""The container layer: encodings, delimiters, header row, ragged rows, totals, workbooks."""

from __future__ import annotations

import io
import re
from datetime import datetime

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.errors import FileRejected
from ingest.read import grid_extent, read_file

FRENCH_SALES = (
    "Export des ventes\n"
    "\n"
    "N° de commande;Montant;Note\n"
    '1;10,50 €;"deux\nlignes"\n'
    "\n"
    "2;3\n"
    "4;5;6;7\n"
    "5;6,00 €;ok\n"
    "TOTAL;16,50 €;\n"
)


def cells(table):
    return table.frame.fillna("").values.tolist()


@pytest.mark.parametrize("encoding, expected", [
    ("cp1252", "cp1252"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
])
def test_encodings_give_the_same_cells(encoding, expected):
    table = read_file(FRENCH_SALES.encode(encoding), "ventes.csv")
    assert table.encoding == expected
    assert table.headers == ["N° de commande", "Montant", "Note"]
    assert cells(table) == [["1", "10,50 €", "deux\nlignes"], ["2", "3", ""], ["5", "6,00 €", "ok"]]


def test_row_numbers_are_the_spreadsheet_rows():
    table = read_file(FRENCH_SALES.encode("cp1252"), "ventes.csv")
    assert table.header_row == 3
    assert table.row_numbers.tolist() == [4, 6, 8]
    assert table.rejects["row_number"].tolist() == [7]
    assert table.rejects["raw"].tolist() == ["4;5;6;7"]
    assert table.notes == [("ligne de total ignorée (ligne 9)", "totals row dropped (row 9)")]


def test_cp1252_euro_is_not_read_as_latin1():
    table = read_file("Produit;Prix\nSavon;6,50 €\n".encode("cp1252"), "v.csv")
    assert table.frame.iloc[0, 1] == "6,50 €"


@pytest.mark.parametrize("delim", [",", ";", "\t", "|"])
def test_delimiters(delim):
    text = delim.join(["Email", "Nom", "Ville"]) + "\n" + delim.join(["a@b.fr", "Dupont", "Lyon"]) + "\n"
    table = read_file(text.encode(), "f.csv")
    assert table.delimiter == delim
    assert cells(table) == [["a@b.fr", "Dupont", "Lyon"]]


def test_duplicate_and_blank_headers_stay_addressable():
    table = read_file(b"Nom;Nom;;Ville\nA;B;C;D\n", "f.csv")
    assert table.headers == ["Nom", "Nom (2)", "Colonne 3", "Ville"]


def test_unterminated_quote_is_a_reject_not_a_silent_loss():
    table = read_file(b'A;B\n1;2\n"3;4\n5;6\n', "f.csv")
    assert cells(table) == [["1", "2"]]
    assert table.rejects["row_number"].tolist() == [3]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02\x03binary\x00\xff" * 50])
def test_empty_or_binary_files_are_rejected_with_the_file_name(data):
    with pytest.raises(FileRejected, match="« x.csv »"):
        read_file(data, "x.csv")


def test_header_only_file_is_rejected():
    with pytest.raises(FileRejected, match="aucune donnée"):
        read_file(b"Date;Montant\n", "x.csv")


def workbook(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_workbook_picks_the_data_sheet_and_keeps_excel_values_as_text():
    data = workbook({
        "Notes": [["Fichier clients"], ["mis à jour en mars"]],
        "Clients": [
            ["Fichier clients - Savonnerie"], [],
            ["Nom", "Téléphone", "Code postal", "Inscription"],
            ["Dupont", 612345678, 1000, datetime(2024, 3, 5)],
            ["Martin", "06 12 34 56 78", "69001", datetime(2024, 3, 6, 14, 30)],
        ],
    })
    table = read_file(data, "clients.xlsx")
    assert table.sheet == "Clients"
    assert table.sheets == ["Notes", "Clients"]
    assert table.header_row == 3
    assert table.row_numbers.tolist() == [4, 5]
    assert cells(table) == [
        ["Dupont", "612345678", "1000", "2024-03-05"],
        ["Martin", "06 12 34 56 78", "69001", "2024-03-06 14:30:00"],
    ]


def test_a_long_notes_sheet_does_not_hide_a_shorter_table():
    """The sheet with most table rows wins; a bug compared them with the notes sheet's length."""
    data = workbook({
        "Notes": [[f"remarque {i}"] for i in range(10)],
        "Clients": [["Nom", "E-mail"], ["Dupont", "d@x.fr"], ["Martin", "m@x.fr"]],
    })
    table = read_file(data, "clients.xlsx")
    assert table.sheet == "Clients" and cells(table) == [["Dupont", "d@x.fr"], ["Martin", "m@x.fr"]]


def test_zip_bomb_is_refused_before_parsing():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", "<a>" + " " * 50_000_000 + "</a>")
    with pytest.raises(FileRejected, match="piégé"):
        read_file(out.getvalue(), "bomb.xlsx")


REFERENCE = st.tuples(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=4),
                      st.text("0123456789", max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["<row", "<c", "x", "<c t=\"s\""]), REFERENCE),
                max_size=30))
@example([("<row", ("", "1")), ("<row", ("", "00"))])
def test_grid_extent_reads_every_reference_as_a_regular_expression_would(cells):
    """The zip-bomb guard's vectorised reading of ` r="…"` references (at most 3 letters, then
    at most 7 digits, as calamine's grid) against a plain regular expression."""
    xml = "".join(f'{tag} r="{letters}{digits}"/>' for tag, (letters, digits) in cells)
    found = [(m[1], m[2]) for m in re.finditer(r' r="([A-Z]{0,3})([0-9]{0,7})', xml)]
    rows = [int(d) if d else 0 for _, d in found]
    columns = [sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(letters)))
               for letters, _ in found]
    assert grid_extent(xml.encode()) == (max(rows, default=0), max(columns, default=0))
