"""Promise 2: every malformed or hostile file of tests/fixtures/bad/ gives the right import, or one
plain message naming the file, the line or column and what to do, and leaves the database
unchanged. Nothing but that message ever comes out of the importer, so no traceback can reach the
Import page (which shows `ComptoirError` messages with st.error and lets nothing else through)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import store
from ingest.errors import FileRejected
from ingest.pipeline import import_file
from tests.fixtures.bad import make_corpus
from tests.fixtures.bad.make_corpus import CASES, HERE, Case, Imported, Refused
from tests.trust import database_state

EARLIER_FILE = "E-mail;Newsletter;Nom\navant@exemple.fr;oui;Avant\n".encode()
NOT_CORPUS = {"make_corpus.py", "README.md", "__pycache__"}


def test_the_committed_files_are_what_the_script_writes_and_the_readme_lists_them():
    on_disk = sorted(p.name for p in HERE.iterdir() if p.name not in NOT_CORPUS)
    committed = [case for case in CASES if case.committed]
    assert on_disk == sorted(case.name for case in committed)
    assert len(on_disk) >= 60
    for case in committed:
        assert (HERE / case.name).read_bytes() == case.build(), case.name
    assert (HERE / "README.md").read_text(encoding="utf-8") == make_corpus.readme()


@pytest.fixture(scope="module")
def shop():
    """A database that already holds one earlier import, so that "unchanged" means something.
    Shared by the refused files: none of them may change it."""
    con = store.connect(":memory:")
    import_file(con, EARLIER_FILE, "avant.csv")
    yield con
    con.close()


def corpus_bytes(case: Case) -> bytes:
    return (HERE / case.name).read_bytes() if case.committed else case.build()


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c.expect, Refused)],
                         ids=lambda case: case.name)
def test_refused_file_names_itself_says_what_to_do_and_changes_nothing(shop, case):
    before = database_state(shop)
    with pytest.raises(FileRejected) as refused:
        import_file(shop, corpus_bytes(case), case.name)
    french, english = refused.value.message("fr"), refused.value.message("en")
    assert french.startswith(f"« {case.name} » : ") and english.startswith(f"“{case.name}”: ")
    assert case.expect.says in french
    assert case.expect.where is None or case.expect.where in french
    assert database_state(shop) == before


@pytest.mark.parametrize("case", [c for c in CASES if isinstance(c.expect, Imported)],
                         ids=lambda case: case.name)
def test_imported_file_loads_or_rejects_every_row_with_its_line(con, case):
    expect = case.expect
    report = import_file(con, corpus_bytes(case), case.name)
    assert (report.rows_loaded, report.rows_rejected) == (expect.loaded, expect.rejected)
    assert report.rows_read == expect.loaded + expect.rejected
    stored = con.execute("select row_number, reason from rejects order by row_number").fetchall()
    assert len(stored) == expect.rejected
    assert all(number >= 2 and reason for number, reason in stored)
    if expect.reason:
        assert expect.reason in report.rejects["reason_fr"].iloc[0]
    if expect.net:
        assert con.execute("select sum(amount) from orders").fetchone()[0] == Decimal(expect.net)
    if expect.note:
        assert any(expect.note in fr for fr, _ in report.notes), report.notes
    if expect.stored:
        query, value = expect.stored
        assert con.execute(query).fetchone()[0] == value
