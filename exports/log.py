"""The export log: every list that leaves the app is written down (when, which segment, format,
channel, how many people, how many left out for lack of consent or a too recent contact), so the
owner can answer "who did we send what, and with which consent" later. The log holds counts and
words, never a person; each person in the file gets a row in the contact log
(metrics.contacts), which forget erases with them."""

from __future__ import annotations

import duckdb
import pandas as pd

from exports.lists import ExportFile
from metrics.contacts import log_contacts
from metrics.sql_files import run, run_sql
from store import transaction


def log_export(
    con: duckdb.DuckDBPyConnection,
    export: ExportFile,
    description: str,
    filter_json: str | None = None,
) -> int:
    """Record ``export`` (of the list described by ``description``) and its people's contact;
    returns its id. One transaction: the log never holds an export whose contacts are missing."""
    with transaction(con) as cur:
        [(export_id,)] = run(
            cur,
            "segment_log_export",
            exported_at=export.created_at,
            description=description,
            filter=filter_json,
            format=export.fmt,
            consent_only=export.consent_only,
            rows_exported=export.rows,
            rows_left_out=export.left_out,
            file_name=export.file_name,
            channel=export.channel,
            rows_recently_contacted=export.recently_contacted,
        ).fetchall()
        log_contacts(cur, export.customer_ids, export.created_at, export.channel, description,
                     export_id)
    return export_id


def export_log(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every export, newest first: export_id, exported_at, description, format, channel,
    consent_only, rows_exported, rows_left_out, rows_recently_contacted, file_name."""
    return run_sql(con, "segment_export_log")
