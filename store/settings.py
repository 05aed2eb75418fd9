"""The owner's settings kept in the database (table ``settings``, migration 016), each with its
default: how long someone just contacted is left out of the next lists, and what counts as too
many contacts ("Pression commerciale")."""

from __future__ import annotations

from pathlib import Path

import duckdb

from store import queries
from store.db import transaction

SQL = queries.bind(Path(__file__).resolve().parent / "sql")
DEFAULTS: dict[str, int] = {
    "not_contacted_days": 14,  # exports leave out who was contacted in these last days
    "pressure_contacts": 2,  # more contacts than this in pressure_days is pressure
    "pressure_days": 30,
}


def settings(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Every setting: the owner's value, else its default."""
    cur = con.cursor()
    try:
        stored = dict(SQL.run(cur, "settings_read").fetchall())
    finally:
        cur.close()
    return {key: int(stored.get(key, default)) for key, default in DEFAULTS.items()}


def set_setting(con: duckdb.DuckDBPyConnection, key: str, value: int) -> None:
    """Keep the owner's ``value`` for ``key`` (a key of DEFAULTS, a whole number ≥ 0)."""
    if key not in DEFAULTS:
        raise ValueError(f"unknown setting {key!r}: one of {sorted(DEFAULTS)}")
    if int(value) < 0:
        raise ValueError(f"{key} must be 0 or more, not {value}")
    with transaction(con) as cur:
        SQL.run(cur, "settings_write", key=key, value=str(int(value)))
