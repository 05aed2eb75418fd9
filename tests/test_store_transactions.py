"""store.transaction: the one way to write, all of it or none (as sqlite-utils' ``atomic``)."""

from __future__ import annotations

import threading

import duckdb
import pytest

import store
from store import db


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table t (x integer)")
    return con


def rows(con: duckdb.DuckDBPyConnection) -> list[int]:
    return [x for (x,) in con.execute("select x from t order by x").fetchall()]


def test_a_block_that_ends_is_committed(con):
    with store.transaction(con) as cur:
        cur.execute("insert into t values (1), (2)")

    assert rows(con) == [1, 2]


def test_an_error_undoes_every_write_of_the_block(con):
    with pytest.raises(ZeroDivisionError):
        with store.transaction(con) as cur:
            cur.execute("insert into t values (1)")
            cur.execute("insert into t values (2)")
            1 / 0

    assert rows(con) == []
    with store.transaction(con) as cur:  # the connection is usable again
        cur.execute("insert into t values (3)")
    assert rows(con) == [3]


def test_a_failing_statement_undoes_the_earlier_ones(con):
    with pytest.raises(duckdb.ConversionException):
        with store.transaction(con) as cur:
            cur.execute("insert into t values (1)")
            cur.execute("insert into t values ('not a number')")

    assert rows(con) == []


def test_a_nested_block_joins_the_outer_one(con):
    with store.transaction(con) as outer:
        outer.execute("insert into t values (1)")
        with store.transaction(outer) as inner:
            assert inner is outer
            assert rows(inner) == [1]  # the inner block sees the outer's writes
            inner.execute("insert into t values (2)")
        assert rows(con) == []  # nothing is committed before the outer block ends

    assert rows(con) == [1, 2]


def test_a_failure_inside_a_nested_block_undoes_the_outer_block_too(con):
    with pytest.raises(ValueError):
        with store.transaction(con) as outer:
            outer.execute("insert into t values (1)")
            with store.transaction(outer) as inner:
                inner.execute("insert into t values (2)")
                raise ValueError("inner write failed")

    assert rows(con) == []


def test_a_second_writer_waits_for_the_first(con):
    """The write lock: another thread's block starts only once the first one has committed."""
    inside = threading.Event()
    seen: list[list[int]] = []

    def second_writer() -> None:
        inside.wait()
        with store.transaction(con) as cur:
            seen.append(rows(cur))
            cur.execute("insert into t values (2)")

    thread = threading.Thread(target=second_writer)
    thread.start()
    with store.transaction(con) as cur:
        inside.set()
        thread.join(timeout=0.5)
        assert thread.is_alive()  # still waiting for the lock
        cur.execute("insert into t values (1)")
    thread.join()

    assert seen == [[1]]
    assert rows(con) == [1, 2]


def test_a_failing_migration_leaves_no_half_of_it(tmp_path, monkeypatch):
    """migrate() applies each migration in one transaction: a broken one leaves neither its
    tables nor its version, and the versions before it stay applied."""
    path = tmp_path / "shop.duckdb"
    store.connect(path).close()
    broken = tmp_path / "999_broken.sql"
    broken.write_text("create table half_made (x integer);\nselect * from no_such_table;\n",
                      encoding="utf-8")
    known = db.migrations()
    monkeypatch.setattr(db, "migrations", lambda: [*known, (999, broken)])

    con = duckdb.connect(str(path))
    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        db.migrate(con)

    tables = {name for (name,) in con.execute("select table_name from duckdb_tables()").fetchall()}
    versions = [v for (v,) in con.execute("select version from schema_version order by 1").fetchall()]
    assert "half_made" not in tables
    assert versions == [v for v, _ in known]
