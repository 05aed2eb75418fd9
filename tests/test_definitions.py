"""store.db.define: the views and macros of store/definitions/ are created again only when the
files differ from those the database holds (or after a migration), not at every opening."""

from __future__ import annotations

import shutil

import store
from store import db


def view_sql(path, name: str) -> str:
    con = store.connect(path)
    try:
        return con.execute("select sql from duckdb_views() where view_name = $name",
                           {"name": name}).fetchone()[0]
    finally:
        con.close()


def test_an_opening_with_the_same_files_writes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "shop.duckdb"
    store.connect(path).close()
    writes = []
    real = db.transaction

    def counted(con):
        writes.append(con)
        return real(con)

    monkeypatch.setattr(db, "transaction", counted)
    store.connect(path).close()
    assert writes == []


def test_definitions_another_version_created_are_created_again(tmp_path):
    """An older Comptoir opening the file creates its own views and macros without saying so:
    the catalog no longer matches what the files made, and the next opening creates them again."""
    path = tmp_path / "shop.duckdb"
    con = store.connect(path)
    con.execute("create or replace view valid_orders as select * from orders where false")
    con.execute("create or replace macro is_repeat_customer(orders) as false")
    con.close()
    assert "where false" not in view_sql(path, "valid_orders").lower()
    con = store.connect(path)
    try:
        assert con.execute("select is_repeat_customer(2)").fetchone() == (True,)
    finally:
        con.close()


def test_changed_files_are_created_on_the_next_opening(tmp_path, monkeypatch):
    path = tmp_path / "shop.duckdb"
    store.connect(path).close()
    folder = tmp_path / "definitions"
    shutil.copytree(db.DEFINITIONS_DIR, folder)
    (folder / "99_added.sql").write_text(
        "create or replace view added_for_test as select 42 as answer;\n", encoding="utf-8")
    monkeypatch.setattr(db, "DEFINITIONS_DIR", folder)
    con = store.connect(path)
    try:
        assert con.execute("select answer from added_for_test").fetchall() == [(42,)]
        assert con.execute("select count(*) from definitions_fingerprint").fetchone() == (1,)
    finally:
        con.close()


def test_a_migration_creates_the_definitions_again(tmp_path, monkeypatch):
    path = tmp_path / "shop.duckdb"
    con = store.connect(path)
    con.execute("create or replace view valid_orders as select * from orders where false")
    con.close()
    folder = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, folder)
    (folder / "999_added.sql").write_text("create table added_for_test (x integer);\n",
                                          encoding="utf-8")
    monkeypatch.setattr(db, "MIGRATIONS_DIR", folder)
    assert "where false" not in view_sql(path, "valid_orders").lower()
