"""The import's progress (ingest/progress.py) and its cancel: the fraction moves one way and ends
at 1, the time left reads as a person would say it, and an import stopped at any of its progress
reports leaves the database, its backups and the temporary folder as they were."""

from __future__ import annotations

import shutil
import tempfile
import threading

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

import store
from ingest.pipeline import import_file
from ingest.progress import STARTS, STEPS, at, time_left
from ingest.read import HEADER_FOUND, SPLIT, WRITTEN, read_file
from store import WRITE_LOCK
from tests.conftest import ROOT
from tests.trust import database_state
from words.time_left import time_left_words

FIXTURES = ROOT / "tests" / "fixtures"
EARLIER = FIXTURES / "sources" / "prestashop_orders_fr.csv"
SALES = FIXTURES / "sources" / "shopify_orders_export_2025_fr.csv"
REVIEWS = FIXTURES / "after_sale" / "judgeme_reviews.csv"
CONSENT = FIXTURES / "consent" / "desinscrits.csv"


class Stopped(BaseException):
    """What the test's progress callback raises, as Streamlit's StopException would."""


def reports_of(path, con) -> list[tuple[float, str]]:
    said: list[tuple[float, str]] = []
    import_file(con, path.read_bytes(), path.name,
                progress=lambda fraction, fr, en: said.append((fraction, fr)))
    return said


def test_a_sales_import_reports_every_step_in_order_and_ends_at_one(con):
    said = reports_of(SALES, con)
    starts = [(fraction, fr) for i, (fraction, fr) in enumerate(said)
              if i == 0 or said[i - 1][1] != fr]
    assert starts == [(at(step), fr) for step, _, fr, _ in STEPS] + [(1.0, "Import terminé")]
    fractions = [fraction for fraction, _ in said]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0


def test_reading_moves_with_the_rows_read(con, tmp_path):
    """A delimited file's reading reports its encoding and header found, its body written for
    DuckDB (one slice here), then each batch of rows DuckDB split (ARROW_BATCH_ROWS): 250,000
    rows, three batches."""
    rows = 250_000
    body = "".join(f"{i};15/01/2024;c{i}@exemple.fr;9,90\n" for i in range(rows))
    data = ("N° de commande;Date;E-mail;Montant\n" + body).encode()
    parts = []
    read_file(data, "ventes.csv", done=parts.append)
    assert parts == [HEADER_FOUND, WRITTEN, *(WRITTEN + (SPLIT - WRITTEN) * n / rows
                                         for n in (100_000, 200_000, 250_000))]


@pytest.mark.parametrize("path", [REVIEWS, CONSENT], ids=["after-sale", "consent"])
def test_other_imports_move_one_way_to_one_too(con, path):
    fractions = [fraction for fraction, _ in reports_of(path, con)]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_the_shares_add_up_to_the_whole_import():
    assert at("read") == 0.0
    assert at("summary", 1.0) == 1.0
    assert at("match", 0.5) == pytest.approx((STARTS["match"][0] + STARTS["match"][1]) / 2)
    assert at("parse", 2.0) == at("parse", 1.0) == at("lineage")  # a step ends where the next
    assert at("match") == pytest.approx(0.30 + 0.34 + 0.01 + 0.01)  # starts: monotone


@pytest.mark.parametrize(("fraction", "elapsed", "left"), [
    (0.25, 10.0, 30.0),  # a quarter in 10 s: three quarters in 30 s
    (0.5, 3.0, 3.0),
    (0.09, 60.0, None),  # under a tenth done: the pace says little yet
    (0.9, 2.9, None),  # the first 3 seconds: start-up, not pace
    (1.0, 20.0, None),
])
def test_time_left_at_the_pace_so_far(fraction, elapsed, left):
    assert time_left(fraction, elapsed) == left


@pytest.mark.parametrize(("seconds", "fr", "en"), [
    (4, "quelques secondes restantes", "a few seconds left"),
    (12, "environ 10\u00a0secondes restantes", "about 10 seconds left"),  # CLDR's spaces
    (13, "environ 15\u00a0secondes restantes", "about 15 seconds left"),
    (50, "moins d'une minute restante", "less than a minute left"),
    (75, "environ 1 minute restante", "about 1 minute left"),
    (150, "environ 2 minutes restantes", "about 2 minutes left"),
    (1500, "environ 25 minutes restantes", "about 25 minutes left"),
    (3590, "environ 1\u00a0heure restante", "about 1 hour left"),
    (9000, "environ 2\u00a0heures restantes", "about 2 hours left"),
])
def test_time_left_in_words(seconds, fr, en):
    assert time_left_words(seconds, "fr") == fr
    assert time_left_words(seconds, "en") == en


@pytest.fixture
def shop(tmp_path, monkeypatch):
    """A database file with an earlier import, its backups folder emptied, and a temporary
    folder of the test's own (the reader writes its temporary file there)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    path = tmp_path / "shop.duckdb"
    con = store.connect(path)
    import_file(con, EARLIER.read_bytes(), EARLIER.name)
    shutil.rmtree(tmp_path / "backups")
    (tmp_path / "backups").mkdir()
    yield con, tmp_path
    con.close()


def stop_at(count: int, exc: BaseException):
    """A progress callback that raises ``exc`` at its ``count``-th report (0-based)."""
    heard = []

    def progress(fraction: float, fr: str, en: str) -> None:
        heard.append(fr)
        if len(heard) > count:
            raise exc
    return progress


def lock_is_free() -> bool:
    """The write lock taken and given back by another thread at once."""
    got = []
    thread = threading.Thread(target=lambda: got.append(WRITE_LOCK.acquire(timeout=5)) or (
        got[0] and WRITE_LOCK.release()))
    thread.start()
    thread.join()
    return got == [True]


def figures(con) -> tuple:
    return con.execute("select (select count(*) from orders), (select count(*) from customers), "
                       "(select count(*) from imports), (select sum(net_amount) from "
                       "valid_orders)").fetchone()


INSIDE = {STARTS[step][2] for step in ("match", "orders", "summary")}  # in the transaction


@pytest.mark.parametrize("exc", [StopException(), KeyboardInterrupt(), Stopped()],
                         ids=["streamlit-stop", "ctrl-c", "other"])
@pytest.mark.parametrize("path", [SALES, REVIEWS, CONSENT], ids=["sales", "after-sale", "consent"])
def test_a_cancel_at_each_report_leaves_everything_as_before(shop, path, exc):
    con, folder = shop
    before = database_state(con)
    data = path.read_bytes()
    said = [fr for _, fr in reports_of(path, store.connect(":memory:"))]
    assert said[-1] == "Import terminé"  # after the commit: too late, see the next test
    for count in range(len(said) - 1):
        with pytest.raises(type(exc)):
            import_file(con, data, path.name, progress=stop_at(count, exc))
        assert database_state(con) == before, said[count]
        assert list((folder / "backups").iterdir()) == [], said[count]
        assert list((folder / "tmp").iterdir()) == [], said[count]
        assert lock_is_free(), said[count]
    done = import_file(con, data, path.name)  # a later import works, as if nothing happened
    # the one trace: a cancel inside the transaction used an import number (a DuckDB sequence
    # does not roll back), so the numbers shown in Données skip it
    assert done.import_id == 2 + sum(fr in INSIDE for fr in said)
    assert len(list((folder / "backups").iterdir())) == 1
    reference = store.connect(":memory:")
    import_file(reference, EARLIER.read_bytes(), EARLIER.name)
    import_file(reference, data, path.name)
    assert figures(con)[:2] == figures(reference)[:2]
    assert figures(con)[3] == figures(reference)[3]


def test_a_cancel_after_the_commit_is_too_late(shop):
    """The last report comes after the import is saved: stopped there, it stays saved."""
    con, _ = shop
    with pytest.raises(Stopped):
        import_file(con, SALES.read_bytes(), SALES.name, progress=stop_at(
            len(reports_of(SALES, store.connect(":memory:"))) - 1, Stopped()))
    assert con.execute("select file_name from imports order by import_id").fetchall() == [
        (EARLIER.name,), (SALES.name,)]


def test_a_cancel_keeps_the_five_backups_there_were(shop):
    """A copy is taken before the write, but the oldest one is removed only once the import is
    saved: a cancelled import does not cost the owner a backup."""
    con, folder = shop
    for _ in range(5):
        import_file(con, EARLIER.read_bytes(), EARLIER.name)
    kept = sorted((folder / "backups").iterdir())
    assert len(kept) == 5
    inside = [fr for _, fr in reports_of(SALES, store.connect(":memory:"))].index(
        STARTS["match"][2])
    with pytest.raises(Stopped):
        import_file(con, SALES.read_bytes(), SALES.name, progress=stop_at(inside, Stopped()))
    assert sorted((folder / "backups").iterdir()) == kept
