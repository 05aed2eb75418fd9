"""Promise 4: several users at once.

The app holds one DuckDB connection per process (`ui.data.connection()`) and every query runs on
its own cursor. Eight dashboard sessions (threads, as Streamlit runs them) read the figures while
an import runs in another thread: no lock or transaction error, every figure is the one before or
the one after the import, and the first read after it shows the new figures (the data version is
in the cache key). A second import waits for the first. A second process on the same file (the
command line, or a second app) gets one plain sentence saying what to do.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import timedelta

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import store
from ingest.pipeline import import_file
from metrics import kpis
from sample_data.demo import load_demo
from tests.conftest import ROOT
from ui import data

SESSIONS = 8
NEW_ORDERS = 20_000
BUSY = "est déjà ouverte par un autre programme"


def new_sales(week) -> bytes:
    """20,000 orders of new and known customers over the week shown and the 7 weeks before."""
    days = [week - timedelta(days=d) for d in range(-6, 50)]
    lines = ["N° de commande;Date;E-mail;Montant"] + [
        f"NV{i};{days[i % len(days)]:%d/%m/%Y};nouveau{i % 3000}@exemple.fr;{10 + i % 40},50"
        for i in range(NEW_ORDERS)
    ]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def app_db(tmp_path, monkeypatch):
    """The demo shop in a file, opened the way the app opens it."""
    path = tmp_path / "shop.duckdb"
    monkeypatch.setenv(store.db.DB_ENV_VAR, str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    load_demo(data.connection())
    yield path
    st.cache_data.clear()
    st.cache_resource.clear()


def figures(week) -> tuple:
    """What a dashboard session reads: through the caches, and straight from the metrics."""
    version = data.version()
    return (
        data.weekly_kpis(week, version),
        data.weekly_trend(week, version),
        kpis.weekly_kpis(data.connection(), week),
    )


def same(a: tuple, b: tuple) -> bool:
    return all(x.equals(y) for x, y in zip(a, b))


def test_eight_sessions_during_an_import_see_before_or_after_never_an_error(app_db):
    week = data.default_week(data.version())
    before = figures(week)
    sales = new_sales(week)
    finished = threading.Event()
    errors: list[BaseException] = []
    seen: list[tuple[int, bool, str]] = []  # session, read started after the import, before/after

    def session(number: int) -> None:
        try:
            reads_after = 0
            while reads_after < 3:
                late = finished.is_set()
                got = figures(week)
                seen.append((number, late, "before" if same(got, before) else "after"))
                reads_after += late
        except BaseException as exc:  # reported below with the session's own traceback
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(n,)) for n in range(SESSIONS)]
    for thread in threads:
        thread.start()
    report = import_file(data.connection(), sales, "nouvelles.csv")
    finished.set()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert report.orders_new == NEW_ORDERS
    after = figures(week)
    assert not same(after, before)  # the import does change what the dashboard shows
    for number, late, which in seen:
        got_after = which == "after"
        assert which in ("before", "after")
        assert got_after or not late, f"session {number} read old figures after the import"
    assert {n for n, late, _ in seen if late} == set(range(SESSIONS))
    early = [which for _, late, which in seen if not late]
    print(f"{SESSIONS} sessions, {len(seen)} reads during and after the import: "
          f"{early.count('before')} before, {len(seen) - early.count('before')} after")


def test_a_second_import_waits_for_the_first(app_db):
    week = data.default_week(data.version())
    sales = new_sales(week)
    reports, errors = [], []

    def run() -> None:
        try:
            reports.append(import_file(data.connection(), sales, "nouvelles.csv"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    counts = sorted((r.orders_new, r.orders_unchanged) for r in reports)
    assert counts == [(0, NEW_ORDERS), (NEW_ORDERS, 0)]


def test_a_second_process_on_the_same_file_gets_a_plain_sentence(app_db, tmp_path):
    sales = tmp_path / "ventes.csv"
    sales.write_text("N° de commande;Date;Montant\n1;01/03/2024;10\n", encoding="utf-8")
    commands = [
        [sys.executable, "-m", "ingest", str(sales), "--db", str(app_db)],
        [sys.executable, "-m", "metrics", "kpis", "--db", str(app_db)],
    ]
    for command in commands:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2, done
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and BUSY in lines[0] and "réessayez" in lines[0], done.stderr
        assert str(app_db) in lines[0]


def test_a_second_app_on_a_file_held_by_another_process_says_what_to_do(tmp_path, monkeypatch):
    path = tmp_path / "shop.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, store; con = store.connect(sys.argv[1]); print('ready', "
         "flush=True); sys.stdin.read()", str(path)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        monkeypatch.setenv(store.db.DB_ENV_VAR, str(path))
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        assert not at.exception
        assert any(BUSY in error.value and "réessayez" in error.value for error in at.error)
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
        st.cache_resource.clear()
    assert holder.returncode == 0
