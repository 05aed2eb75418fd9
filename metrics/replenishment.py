"""Replenishment: per product, the usual delay before a customer buys it again, and who is due for
it now ("à relancer pour le savon lavande").

A purchase of a product is a day on which a customer had a valid order with a line of it (the
definition product_purchases, store/definitions/14_product_purchases.sql); the usual delay is the
median of the delays between a customer's purchase of it and their next one. A product needs
MIN_REPURCHASES repurchases before its median is called usual: below that it is one or two
customers' habits. A customer is due when their last purchase of a product with a usual delay is
that delay ago, or up to DUE_WINDOW_DAYS more, and they have not bought it since: the moment a
reminder is worth sending, before they buy it elsewhere.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.dates import resolve_as_of
from metrics.sql_files import run_sql

MIN_REPURCHASES = 10
DUE_WINDOW_DAYS = 30


def replenishment(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    min_repurchases: int | None = None,
    product: str | None = None,
) -> pd.DataFrame:
    """One row per product bought by a known customer up to the end of day ``as_of`` (default:
    the latest valid order), the most repurchased first: buyers, repurchases, repurchasers,
    median_days, quartile_1_days, quartile_3_days (missing below ``min_repurchases``
    repurchases, MIN_REPURCHASES by default), usual (enough repurchases for a usual delay) and
    due (customers due for it now); ``product``'s row only when given."""
    needed = MIN_REPURCHASES if min_repurchases is None else min_repurchases
    table = run_sql(con, "products_replenishment", as_of=resolve_as_of(con, as_of),
                    product=product, min_repurchases=needed, window_days=DUE_WINDOW_DAYS)
    delays = ["median_days", "quartile_1_days", "quartile_3_days"]
    return table.astype({column: "Float64" for column in delays})


def due(
    con: duckdb.DuckDBPyConnection,
    product: str,
    as_of: date | None = None,
    delays: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The customers due for ``product`` now, the most recently due first: customer_id, product,
    last_bought, times_bought, days_since. Nobody without a usual delay for it. ``delays``: the
    table of ``replenishment`` as of ``as_of`` when the caller has it (otherwise the product's
    own row is computed, not every product's)."""
    as_of = resolve_as_of(con, as_of)
    if delays is None:
        delays = replenishment(con, as_of, product=product)
    usual = delays.loc[(delays["product"] == product) & delays["usual"], "median_days"]
    median_days = float(usual.iloc[0]) if len(usual) else None
    return run_sql(con, "products_due", as_of=as_of, product=product, median_days=median_days,
                   window_days=DUE_WINDOW_DAYS)
