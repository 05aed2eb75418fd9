"""What was imported: the imports log and each import's rejected rows (the Données page)."""

from __future__ import annotations

import duckdb
import pandas as pd

from ingest.sql_files import SQL


def imports_log(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every imported file, newest first, with its counts."""
    return SQL.frame(con, "history_imports_log")


def import_rejects(con: duckdb.DuckDBPyConnection, import_id: int) -> pd.DataFrame:
    """The rejected rows of one import: row number, reason, the row as written."""
    return SQL.frame(con, "history_import_rejects", import_id=import_id)
