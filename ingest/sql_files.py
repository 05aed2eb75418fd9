"""The importer's queries: ingest/sql/<job>.sql, one file of named statements per job."""

from __future__ import annotations

from pathlib import Path

import duckdb

from store import queries

SQL_DIR = Path(__file__).resolve().parent / "sql"


def sql_text(name: str) -> str:
    """``"match_known_keys"`` is the statement ``known_keys`` of ``ingest/sql/match.sql``."""
    return queries.statement(SQL_DIR, name)


def run(cur: duckdb.DuckDBPyConnection, name: str, **params: object) -> duckdb.DuckDBPyConnection:
    """Run an importer statement with the parameters it uses; the cursor, to fetch from."""
    return queries.execute(cur, sql_text(name), params)
