"""Reviews, survey answers and tickets follow the owner's identity decisions: a merge moves them, a
split puts them back, forgetting a person erases them (no byte left in the file), removing the
imports that brought them takes them out."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from identity import decisions as identity
from ingest.pipeline import import_file
from ingest.remove import remove_imports
from tests.ingest.test_after_sale_import import FIXTURES, SHOP

LEA, PAUL, MARC = 1, 2, 3
AFTER_SALE = {"reviews": "review_id", "survey_answers": "answer_id", "tickets": "ticket_id"}
FILES = ("fiche_sav.csv", "judgeme_reviews.csv", "google_forms_nps_fr.csv")


def owners(con) -> dict[str, list]:
    return {table: [row[0] for row in con.execute(
        f"select customer_id from {table} order by {key}").fetchall()]
        for table, key in AFTER_SALE.items()}


@pytest.fixture
def shop(con):
    import_file(con, SHOP, "ventes.csv")
    for name in FILES:
        import_file(con, (FIXTURES / name).read_bytes(), name)
    return con


def test_the_files_give_the_rows_the_tests_assume(shop):
    assert owners(shop) == {"reviews": [LEA, PAUL], "survey_answers": [LEA, PAUL, None],
                            "tickets": [LEA, PAUL, PAUL, None]}


def test_merge_moves_them_and_split_puts_them_back(shop):
    before = owners(shop)
    identity.merge(shop, LEA, PAUL)
    assert owners(shop) == {"reviews": [LEA, LEA], "survey_answers": [LEA, LEA, None],
                            "tickets": [LEA, LEA, LEA, None]}
    identity.split(shop, PAUL)
    assert owners(shop) == before
    assert shop.execute("select count(*) from customer_merge_moves").fetchone() == (0,)


def test_a_row_imported_after_the_merge_stays_with_the_kept_customer(shop):
    identity.merge(shop, LEA, PAUL)
    import_file(shop, ("Ticket ID,Subject,Status,Created time,Email\n"
                       "77,Retour,Open,2026-03-20 10:00:00,paul.durand@example.fr\n").encode(),
                "tickets.csv")
    identity.split(shop, PAUL)
    assert owners(shop)["tickets"] == [LEA, PAUL, PAUL, None, LEA]


def test_forget_erases_them_and_an_old_file_does_not_bring_them_back(shop):
    removed = identity.forget(shop, PAUL)
    assert removed.after_sale_removed == 4  # a review, an answer, two tickets
    assert owners(shop) == {"reviews": [LEA], "survey_answers": [LEA, None],
                            "tickets": [LEA, None]}
    again = import_file(shop, (FIXTURES / "judgeme_reviews.csv").read_bytes(), "judgeme.csv")
    assert (again.after_sale.erased, again.after_sale.new, again.rows_loaded) == (1, 0, 1)
    assert any("oubliées à leur demande" in fr or "oubliée à sa demande" in fr
               for fr, _ in again.notes)
    assert owners(shop)["reviews"] == [LEA]


def test_forget_leaves_no_byte_of_their_words_in_the_file(tmp_path: Path):
    path = tmp_path / "boutique.duckdb"
    con = store.connect(path)
    import_file(con, SHOP, "ventes.csv")
    words = "Mèche qui fume toujours, zut alors".encode()
    import_file(con, ("id,date_created,rating,review,reviewer_email,product_name\n"
                      "9,2026-03-07T09:30:00,2,\"Mèche qui fume toujours, zut alors\","
                      "marc.petit@example.fr,Bougie\n").encode(), "avis.csv")
    con.execute("checkpoint")
    assert words in path.read_bytes()  # the check below can fail
    identity.forget(con, MARC)
    identity.rewrite_file(con)
    assert words not in path.read_bytes()


def test_removing_the_imports_that_brought_them_takes_them_out(shop):
    ids = [row[0] for row in shop.execute(
        "select import_id from imports where file_name = 'fiche_sav.csv'").fetchall()]
    remove_imports(shop, ids)
    assert owners(shop)["tickets"] == []
    remove_imports(shop, [1])  # the sales: their customers go, the other files' rows stay
    assert owners(shop) == {"reviews": [None, None], "survey_answers": [None, None, None],
                            "tickets": []}


def test_a_merge_record_of_a_removed_row_goes_with_it(shop):
    identity.merge(shop, LEA, PAUL)
    ids = [row[0] for row in shop.execute(
        "select import_id from imports where file_name <> 'ventes.csv'").fetchall()]
    remove_imports(shop, ids)
    assert shop.execute("select kind from customer_merge_moves where row_id is not null"
                        ).fetchall() == []
