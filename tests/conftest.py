"""Shared fixtures: a fresh migrated in-memory database per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

import store  # noqa: E402
from store.db import migrations  # noqa: E402


@pytest.fixture(autouse=True)
def french_command_lines(monkeypatch):
    """The command lines speak $COMPTOIR_LANG: tests start from its absence (French)."""
    monkeypatch.delenv("COMPTOIR_LANG", raising=False)


@pytest.fixture
def con():
    connection = store.connect(":memory:")
    yield connection
    connection.close()


def database_before(version: int) -> duckdb.DuckDBPyConnection:
    """An in-memory database as an older Comptoir left it: migrations below ``version`` only."""
    con = duckdb.connect(":memory:")
    con.execute("create table schema_version (version integer primary key, applied_at timestamp)")
    for number, path in migrations():
        if number < version:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("insert into schema_version values ($v, now())", {"v": number})
    return con
