"""What the AppTest modules share: the app, the demo shop's database (loaded once a session, each
module working on its own copy), a connection of the test's own and pointing the app at a
database file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import store
from sample_data.demo import load_demo
from tests.conftest import ROOT

TIMEOUT = 60


def app(script: str = "app.py", timeout: float = TIMEOUT) -> AppTest:
    """The app's frame (or one page alone, run without the frame's sidebar) for AppTest."""
    return AppTest.from_file(str(ROOT / script), default_timeout=timeout)


def shown_metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@contextmanager
def connected(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection of the test's own, closed before the app (another connection) opens the file."""
    con = store.connect(path)
    try:
        yield con
    finally:
        con.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo shop imported once for the session. Tests never open it: they copy it."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with connected(path) as con:
        load_demo(con)
    return path


@pytest.fixture(scope="module")
def demo_db(demo_file, tmp_path_factory) -> Path:
    """The module's own copy of the demo database, so what one module's app writes never reaches
    another module (a test that merges or forgets customers copies ``demo_file`` again)."""
    path = tmp_path_factory.mktemp("demo_copy") / "demo.duckdb"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def use_db(monkeypatch):
    """Point the app at a database file, with Streamlit's caches emptied on the way in and the
    cached connection dropped on the way out (so the next test may open or copy the file)."""
    def use(path: Path) -> None:
        monkeypatch.setenv(store.db.DB_ENV_VAR, str(path))
        st.cache_data.clear()
        st.cache_resource.clear()
    yield use
    st.cache_resource.clear()
