"""The measures' queries: metrics/sql/<name>.sql, one query per file (each a measure's own, most
of them long), run by store.queries with values bound as $name parameters."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from store import queries

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_sql(con: duckdb.DuckDBPyConnection, name: str, /, **params: object) -> pd.DataFrame:
    """Execute ``metrics/sql/<name>.sql`` on a fresh cursor and return the result as a DataFrame."""
    return queries.frame(con, sql_text(name), params)


def run(cur: duckdb.DuckDBPyConnection, name: str, /,
        **params: object) -> duckdb.DuckDBPyConnection:
    """Run ``metrics/sql/<name>.sql`` on the caller's cursor (a write in its transaction); the
    cursor, to fetch from."""
    return queries.execute(cur, sql_text(name), params)
