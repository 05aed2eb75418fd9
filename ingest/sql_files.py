"""The importer's queries: ingest/sql/<job>.sql, one file of named statements per job."""

from __future__ import annotations

from pathlib import Path

from store import queries

SQL_DIR = Path(__file__).resolve().parent / "sql"
SQL = queries.bind(SQL_DIR)
sql_text = SQL.text
run = SQL.run
