"""The per-customer summary table (customer_summary, migration 010): the definition
customer_facts_until over every order, kept as a table so that "as of today" figures read 1 row
per person instead of every order. Every write that changes a person's orders or identity
(import, merge, split, forget) calls ``refresh`` inside its own transaction."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache
def _sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def refresh(cur: duckdb.DuckDBPyConnection, customer_ids: Iterable[int] | None = None) -> None:
    """Compute again the rows of ``customer_ids`` (everyone when None) on the caller's cursor,
    in the caller's transaction. A person who no longer exists (merged away, forgotten) keeps no
    row."""
    params = {"customer_ids": None if customer_ids is None else [int(i) for i in customer_ids]}
    cur.execute(_sql("summary_delete"), params)
    cur.execute(_sql("summary_insert"), params)
