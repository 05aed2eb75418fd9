"""The export log: every list that leaves the app is written down (when, which segment, format,
how many people, how many left out for lack of consent), so the owner can answer "who did we
send what, and with which consent" later. The log holds counts and words, never a person."""

from __future__ import annotations

import duckdb
import pandas as pd

from exports.lists import ExportFile
from metrics.sql_files import run_sql
from store import WRITE_LOCK


def log_export(
    con: duckdb.DuckDBPyConnection,
    export: ExportFile,
    description: str,
    filter_json: str | None = None,
) -> int:
    """Record ``export`` (of the list described by ``description``); returns its id."""
    with WRITE_LOCK:
        row = run_sql(
            con,
            "segment_log_export",
            exported_at=export.created_at,
            description=description,
            filter=filter_json,
            format=export.fmt,
            consent_only=export.consent_only,
            rows_exported=export.rows,
            rows_left_out=export.left_out,
            file_name=export.file_name,
        )
    return int(row["export_id"].iloc[0])


def export_log(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every export, newest first: export_id, exported_at, description, format, consent_only,
    rows_exported, rows_left_out, file_name."""
    return run_sql(con, "segment_export_log")
