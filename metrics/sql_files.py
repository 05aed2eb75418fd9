"""Run the queries kept in metrics/sql/, one per file, with values bound as $name parameters."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from store.frames import fetch_frame

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache
def sql_text(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_sql(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Execute ``metrics/sql/<name>.sql`` on a fresh cursor and return the result as a DataFrame."""
    cur = con.cursor()
    try:
        return fetch_frame(cur, sql_text(name), params)
    finally:
        cur.close()
