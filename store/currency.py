"""The shop's currency: the one every figure, page, report, export and import check uses.

Defined once, as the view ``shop_currency`` (store/migrations/011_currencies.sql): the currency
of the valid orders, the one with most net revenue when there are several, EUR for an empty base.
"""

from __future__ import annotations

import duckdb


def shop_currency(con: duckdb.DuckDBPyConnection) -> str:
    """ISO 4217 code of the shop's currency (read on its own cursor: called from any thread)."""
    cur = con.cursor()
    try:
        return cur.execute("select currency from shop_currency").fetchone()[0]
    finally:
        cur.close()


def stored_currency(con: duckdb.DuckDBPyConnection) -> str | None:
    """The shop's currency, or None while the base holds no valid order (a first import)."""
    cur = con.cursor()
    try:
        row = cur.execute(
            "select currency from shop_currency where exists (select 1 from valid_orders_as_paid)"
        ).fetchone()
        return row[0] if row else None
    finally:
        cur.close()
