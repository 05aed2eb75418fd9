"""Suspected duplicates: customers that may be one person, for the owner to merge or keep apart.

The matcher only joins people on keys it can trust (``identity.match``); what it must leave apart
(a till sale with a name and a phone, a web order with an email and the same name) is listed here
with its reasons, strongest first, and a score, 1 - prod(1 - weight) over the reasons
(see ``identity/sql/duplicates.sql``). "Same name" uses the matcher's own normalisation.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from identity.sql_files import SQL
from store.frames import fetch_frame

REASONS = (
    "same_email", "same_phone", "name_postcode_no_email", "email_local_name",
    "name_postcode_other_email", "name_no_email",
)


def suspected_pairs(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> pd.DataFrame:
    """One row per pair (kept_id, merged_id: the suggested direction of a merge), best first,
    the first ``limit`` of them (all when None).

    Columns: score, reasons (codes of ``REASONS``), for each side its name, email, phone,
    postcode, city, valid orders and net spend, and pairs_total: how many pairs there are in
    all, limit or not (the same on every row).
    """
    cur = con.cursor()
    try:
        cur.execute(SQL.text("match_name_key_macro"))
        return fetch_frame(cur, SQL.text("duplicates_pairs"), {"limit": limit})
    finally:
        cur.close()


def standing_merges(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Merges that stand, newest first, with ``can_split`` (the kept customer still exists)."""
    return SQL.frame(con, "duplicates_merges")
