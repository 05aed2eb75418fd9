"""The per-customer tables kept as of the latest data: customer_summary (migration 010), the
definition customer_facts_until over every order, and customer_repeat_spend (migration 015), the
definition customer_occasions_until, so that "as of today" figures and forecasts read 1 row per
person instead of every order. Every write that changes a person's orders or identity (import,
merge, split, forget) calls ``refresh`` inside its own transaction."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from store import queries

SQL = queries.bind(Path(__file__).resolve().parent / "sql")


def _params(customer_ids: Iterable[int] | None) -> dict[str, list[int] | None]:
    return {"customer_ids": None if customer_ids is None else [int(i) for i in customer_ids]}


def refresh(cur: duckdb.DuckDBPyConnection, customer_ids: Iterable[int] | None = None) -> None:
    """Compute again both tables' rows of ``customer_ids`` (everyone when None) on the caller's
    cursor, in the caller's transaction. A person who no longer exists (merged away, forgotten)
    keeps no row."""
    params = _params(customer_ids)
    SQL.run(cur, "summary_delete", **params)
    SQL.run(cur, "summary_insert", **params)
    refresh_repeat_spend(cur, params["customer_ids"])


def refresh_repeat_spend(
    cur: duckdb.DuckDBPyConnection, customer_ids: Iterable[int] | None = None
) -> None:
    """Compute again customer_repeat_spend's rows of ``customer_ids`` (everyone when None) only:
    a database that has just gained the table."""
    params = _params(customer_ids)
    SQL.run(cur, "summary_repeat_spend_delete", **params)
    SQL.run(cur, "summary_repeat_spend_insert", **params)
