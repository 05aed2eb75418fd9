"""Promise 3: fuzzing. Generated and byte-mutated files go through the whole importer: it never
crashes or hangs (only a plain `FileRejected` may come out), a refused file changes nothing, and
an imported one accounts for every row (imported + rejected = the data rows written).

Example counts are bounded so that the suite stays fast; a hang fails the run through a
faulthandler watchdog (a generous limit, not a timing assertion).
"""

from __future__ import annotations

import csv
import faulthandler
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

import store
from ingest.errors import FileRejected
from ingest.pipeline import import_file
from ingest.read import TOTAL_WORDS
from tests.fixtures.bad.make_corpus import (
    CASES, HEADER, HERE, Formula, Imported, Serial, biff8, numeric_orders, sheet_xml, xlsx,
)

HANG_LIMIT_SECONDS = 900
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                     HealthCheck.too_slow])
HEADERS = ("N° de commande", "Date", "E-mail", "Nom", "Prénom", "Montant", "Total", "Téléphone",
           "Code postal", "Newsletter", "Produit", "Quantité", "Statut", "Remarque", "Ville")
WORDS = ("", " ", "10,50", "1 234,56 €", "-3", "(2,00)", "7.5", "abc", "01/03/2024", "31/02/2024",
         "13/04/2024", "04/13/2024", "2024-03-05 10:00:00", "45352", "a@exemple.fr",
         "B@Exemple.FR ", "pas-un-email", "06 12 34 56 78", "612345678", "1000", "oui", "non",
         "Payée", "Annulée", "Remboursée", "=1+1", "<b>x</b>", "'; drop table orders; --", "1e400",
         "NaN", '"', '""', "a;b", "a,b", "a\tb", "ligne\nsuivante", "€", "Œuvre", "😀")
TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"),
               max_size=10)
CELL = st.one_of(st.sampled_from(WORDS), TEXT).filter(lambda c: not TOTAL_WORDS.match(c))
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")


@pytest.fixture(autouse=True)
def hang_watchdog():
    """A hung import dumps every thread's stack and ends the run instead of blocking CI."""
    faulthandler.dump_traceback_later(HANG_LIMIT_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def shop():
    """One database for every example: refused files must leave it as it was."""
    con = store.connect(":memory:")
    import_file(con, "E-mail;Newsletter\navant@exemple.fr;oui\n".encode(), "avant.csv")
    yield con
    con.close()


def counts(con) -> tuple:
    return con.execute(
        "select (select count(*) from imports), (select count(*) from customers), "
        "(select count(*) from customer_keys), (select count(*) from orders), "
        "(select count(*) from order_lines), (select count(*) from rejects), "
        "(select count(*) from suppressions), (select coalesce(sum(amount), 0) from orders)"
    ).fetchone()


def import_or_refuse(con, data: bytes, name: str):
    """The importer's only two outcomes: a report, or FileRejected with nothing changed."""
    before = counts(con)
    try:
        report = import_file(con, data, name)
    except FileRejected as refused:
        assert refused.message("fr").startswith(f"« {name} » : ")
        assert counts(con) == before
        event("refused")
        return None
    event("imported, with rejected rows" if report.rows_rejected else "imported")
    stored = con.execute("select count(*) from rejects where import_id = $id",
                         {"id": report.import_id}).fetchone()[0]
    assert stored == report.rows_rejected
    assert report.rows_loaded + report.rows_rejected == report.rows_read
    return report


def delimited(header: list[str], rows: list[list[str]], delimiter: str, eol: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=eol).writerows([header, *rows])
    return out.getvalue()


GOOD = {  # values each column should hold, so that most files import and rows get counted
    "N° de commande": st.integers(1, 10**6).map(str),
    "Date": st.dates(date(1990, 1, 1), date(2090, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    "E-mail": st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.fr", fullmatch=True),
    "Montant": st.decimals(0, 10**5, places=2).map(lambda d: str(d).replace(".", ",")),
    "Total": st.decimals(0, 10**5, places=2).map(lambda d: f"{d} €"),
    "Téléphone": st.from_regex(r"0[67]( [0-9]{2}){4}", fullmatch=True),
    "Code postal": st.from_regex(r"[0-9]{4,5}", fullmatch=True),
    "Newsletter": st.sampled_from(["oui", "non", "1", "0"]),
    "Quantité": st.integers(1, 12).map(str),
    "Statut": st.sampled_from(["Payée", "Annulée", "Remboursée", "En attente"]),
}


def column(header: str) -> st.SearchStrategy:
    """Mostly the column's own kind of value, one time in ten anything at all."""
    good = GOOD.get(header, TEXT)
    return st.integers(0, 9).flatmap(lambda n: CELL if n == 0 else good)


ORDERS_HEADER = st.lists(st.sampled_from(HEADERS[2:]), max_size=5, unique=True).map(
    lambda extra: ["Date", "Montant", *[h for h in extra if h != "Montant"]])
HEADER_ROW = st.one_of(
    ORDERS_HEADER, st.lists(st.sampled_from(HEADERS), min_size=2, max_size=7, unique=True),
).flatmap(st.permutations)


@st.composite
def table_rows(draw, header: list[str], cell=column, ragged: bool = True) -> list[list]:
    """Rows for `header`, a cell drawn from `cell(header)`; with `ragged`, one row in four ends a
    cell short or a cell long (as delimited files sometimes do)."""
    rows = []
    for _ in range(draw(st.integers(1, 25))):
        row = [draw(cell(h)) for h in header]
        shape = draw(st.integers(0, 7)) if ragged else 7
        row = row[:-1] if shape == 0 else row + [draw(CELL)] if shape == 1 else row
        rows.append(row)
    return rows


@st.composite
def generated_csv(draw) -> tuple[str, int]:
    """A delimited file of known shape: its text and how many data rows it holds."""
    header = draw(HEADER_ROW)
    rows = draw(table_rows(header))
    text = delimited(header, rows, draw(st.sampled_from(";,\t|")),
                     draw(st.sampled_from(["\n", "\r\n"])))
    return text, sum(any(c.strip() for c in row) for row in rows)


@settings(FUZZ, max_examples=80)
@given(made=generated_csv(), encoding=st.sampled_from(ENCODINGS))
def test_generated_delimited_files_account_for_every_row(shop, made, encoding):
    text, data_rows = made
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    report = import_or_refuse(shop, data, "genere.csv")
    if report is not None:
        assert report.rows_loaded + report.rows_rejected == data_rows


SHEET_CELL = st.one_of(
    st.none(), CELL, st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.builds(Serial, st.floats(0, 80_000)),
    st.builds(Formula, st.sampled_from(["1+1", "SUM(A1:A2)", 'HYPERLINK("x")']),
              st.one_of(st.none(), st.integers(0, 99), st.just("texte"))),
)
XML_SAFE = str.maketrans({c: None for c in "\r\ufffe\uffff"})


def workbook_cell(header: str) -> st.SearchStrategy:
    good = GOOD.get(header, TEXT)
    return st.integers(0, 4).flatmap(lambda n: SHEET_CELL if n == 0 else good)


@settings(FUZZ, max_examples=30)
@given(header=HEADER_ROW, data=st.data())
def test_generated_workbooks_account_for_every_row(shop, header, data):
    body = data.draw(table_rows(header, workbook_cell, ragged=False))
    clean = [[c.translate(XML_SAFE).replace("&", "&amp;").replace("<", "&lt;")
              if isinstance(c, str) else c for c in row] for row in body]
    data = xlsx({"Ventes": sheet_xml([header, *clean])})
    report = import_or_refuse(shop, data, "genere.xlsx")
    written = sum(any(c not in (None, "") and not (isinstance(c, str) and not c.strip())
                      and not (isinstance(c, Formula) and c.cached is None) for c in row)
                  for row in clean)
    if report is not None:
        assert report.rows_loaded + report.rows_rejected == written


SEEDS = [(case.name, case.build()) for case in CASES
         if case.committed and isinstance(case.expect, Imported)]
SEEDS += [("legacy.xls", biff8([HEADER, *numeric_orders(20)]))]
MUTATION = st.tuples(
    st.sampled_from(["flip", "delete", "insert", "duplicate"]),
    st.floats(0, 1),  # where, as a share of the file
    st.integers(1, 64),  # how many bytes
    st.binary(min_size=1, max_size=16),
)


def mutate(data: bytes, mutations: list[tuple[str, float, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, size, payload in mutations:
        at = int(where * len(out))
        if kind == "flip":
            out[at : at + len(payload)] = payload
        elif kind == "delete":
            del out[at : at + size]
        elif kind == "insert":
            out[at:at] = payload
        else:
            out[at:at] = out[at : at + size]
    return bytes(out)


@settings(FUZZ, max_examples=150)
@given(seed=st.sampled_from(SEEDS), mutations=st.lists(MUTATION, min_size=1, max_size=6))
@example(  # found by this test: a header narrower than the data, a blank line above it
    seed=("csv_blank_rows_everywhere.csv", (HERE / "csv_blank_rows_everywhere.csv").read_bytes()),
    mutations=[("delete", 0.109375, 12, b"\x00")],
)
def test_mutated_files_never_crash_and_refusals_change_nothing(shop, seed, mutations):
    name, data = seed
    import_or_refuse(shop, mutate(data, mutations), name)
