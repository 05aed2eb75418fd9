"""The per-customer tables kept as of the latest data: customer_summary (migration 010), the
definition customer_facts_until over every order, customer_repeat_spend (migration 015), the
definition customer_occasions_until, and customer_product_days (migration 024), the definition
product_purchases_from_orders, so that "as of today" figures and forecasts read 1 row per
person (a few per product bought) instead of every order and order line; beside them
product_basket_days (migration 024), the day's baskets per product, for bought together. Every
write that changes a person's orders or identity (import, merge, split, forget) calls
``refresh`` inside its own transaction."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from store import queries

SQL = queries.bind(Path(__file__).resolve().parent / "sql")


def _params(customer_ids: Iterable[int] | None) -> dict[str, list[int] | None]:
    return {"customer_ids": None if customer_ids is None else [int(i) for i in customer_ids]}


def refresh(cur: duckdb.DuckDBPyConnection, customer_ids: Iterable[int] | None = None) -> None:
    """Compute again the three per-customer tables' rows of ``customer_ids`` (everyone when None)
    on the caller's cursor, in the caller's transaction, and product_basket_days with everyone. A
    person who no longer exists (merged away, forgotten) keeps no row. A write that adds, removes
    or revalues orders refreshes everyone (the baskets count anonymous orders too)."""
    params = _params(customer_ids)
    SQL.run(cur, "summary_delete", **params)
    SQL.run(cur, "summary_insert", **params)
    refresh_repeat_spend(cur, params["customer_ids"])
    refresh_product_days(cur, params["customer_ids"])
    if customer_ids is None:
        refresh_baskets(cur)


def refresh_repeat_spend(
    cur: duckdb.DuckDBPyConnection, customer_ids: Iterable[int] | None = None
) -> None:
    """Compute again customer_repeat_spend's rows of ``customer_ids`` (everyone when None) only:
    a database that has just gained the table."""
    _recompute(cur, "repeat_spend", customer_ids)


def refresh_product_days(
    cur: duckdb.DuckDBPyConnection, customer_ids: Iterable[int] | None = None
) -> None:
    """Compute again customer_product_days' rows of ``customer_ids`` (everyone when None) only:
    a database that has just gained the table."""
    _recompute(cur, "product_days", customer_ids)


def _recompute(
    cur: duckdb.DuckDBPyConnection, table: str, customer_ids: Iterable[int] | None
) -> None:
    """summary.sql's ``<table>_delete`` then ``<table>_insert`` for ``customer_ids``."""
    params = _params(customer_ids)
    SQL.run(cur, f"summary_{table}_delete", **params)
    SQL.run(cur, f"summary_{table}_insert", **params)


def refresh_baskets(cur: duckdb.DuckDBPyConnection) -> None:
    """Compute again product_basket_days (migration 024): its counts depend on the orders, not on
    who placed them, so only a refresh of everyone (an import, its removal, a currency rate)
    needs it; a merge, split or forget leaves them as they are."""
    SQL.run(cur, "summary_baskets_delete")
    SQL.run(cur, "summary_baskets_insert")
