"""The contact log: who was contacted when, through which channel, in which list. An export
writes it (exports.log.log_export), so does "mark as called" on the call list; the Fiche client
shows a person's last contacts, exports leave out whoever was contacted in the last days
(metrics.segment's not_contacted_days), and "Pression commerciale" counts the people contacted
more often than the owner allows (store.settings)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import duckdb
import pandas as pd

from metrics.sql_files import run, run_sql
from store import transaction
from store.settings import settings

CHANNELS = ("email", "sms", "phone")


def log_contacts(con: duckdb.DuckDBPyConnection, customer_ids: Iterable[int], when: datetime,
                 channel: str, list_name: str, export_id: int | None = None) -> int:
    """One contact per person of ``customer_ids`` at ``when``; how many were written. In the
    caller's transaction when ``con`` is a store.transaction cursor (an export and its contacts
    are logged together or not at all)."""
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}, not {channel!r}")
    ids = [int(i) for i in customer_ids]
    if not ids:
        return 0
    with transaction(con) as cur:
        written = run(cur, "contacts_write", customer_ids=ids, contacted_at=when,
                      channel=channel, list_name=list_name, export_id=export_id).fetchall()
    return len(written)


def mark_called(con: duckdb.DuckDBPyConnection, customer_ids: Iterable[int], list_name: str,
                when: datetime | None = None) -> int:
    """The owner called these people (the rapport du lundi's list to call): logged as calls."""
    return log_contacts(con, customer_ids, when or datetime.now(), "phone", list_name)


def last_contacts(con: duckdb.DuckDBPyConnection, customer_id: int,
                  limit: int = 5) -> pd.DataFrame:
    """A person's last ``limit`` contacts, newest first: contacted_at, channel, list_name,
    export_id (NULL: marked by hand)."""
    return run_sql(con, "contacts_last", customer_id=int(customer_id), limit=int(limit))


def pressure(con: duckdb.DuckDBPyConnection, until: datetime | None = None) -> dict[str, int]:
    """Pression commerciale: of the people contacted in the ``pressure_days`` days up to
    ``until`` (default now), how many more than ``pressure_contacts`` times (``pressed``), with
    the owner's settings (``threshold``, ``days``) and the people contacted (``contacted``)."""
    chosen = settings(con)
    threshold, days = chosen["pressure_contacts"], chosen["pressure_days"]
    row = run_sql(con, "contacts_pressure", until=until or datetime.now(), days=days,
                  threshold=threshold).iloc[0]
    return {"pressed": int(row["pressed"]), "contacted": int(row["contacted"]),
            "threshold": threshold, "days": days}

