"""Identity's queries: identity/sql/<job>.sql, one file of named statements per job (matching,
the owner's decisions, suspected duplicates)."""

from __future__ import annotations

from pathlib import Path

from store import queries

SQL_DIR = Path(__file__).resolve().parent / "sql"
SQL = queries.bind(SQL_DIR)
sql_text = SQL.text
run = SQL.run
