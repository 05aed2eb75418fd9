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
from metrics.sql_files import run_sql, sql_text
from store.frames import relation_frame

MIN_REPURCHASES = 10
DUE_WINDOW_DAYS = 30
DUE_COLUMNS = ["customer_id", "product", "last_bought", "times_bought", "days_since",
               "median_days"]


def replenishment(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    min_repurchases: int = MIN_REPURCHASES,
) -> pd.DataFrame:
    """One row per product bought by a known customer up to the end of day ``as_of`` (default:
    the latest valid order): buyers, repurchases, repurchasers, median_days, quartile_1_days,
    quartile_3_days (missing, with ``usual``, below ``min_repurchases`` repurchases), usual
    (enough repurchases for a usual delay) and due (customers due for it now), the most
    repurchased first."""
    as_of = resolve_as_of(con, as_of)
    table = run_sql(con, "products_replenishment", as_of=as_of)
    table["usual"] = table["repurchases"] >= min_repurchases
    delays = ["median_days", "quartile_1_days", "quartile_3_days"]
    table[delays] = table[delays].astype("Float64").where(table["usual"])
    counts = due(con, as_of, table)["product"].value_counts()
    table["due"] = table["product"].map(counts).fillna(0).astype("int64")
    return table


def due(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    delays: pd.DataFrame | None = None,
    product: str | None = None,
) -> pd.DataFrame:
    """Customers due for a product now (DUE_COLUMNS), one row per customer and product, for
    ``product`` only when given. ``delays``: the table of ``replenishment`` when the caller has
    it; its products with a usual delay are those a customer can be due for."""
    as_of = resolve_as_of(con, as_of)
    if delays is None:
        delays = replenishment(con, as_of)
    usual = delays.loc[delays["usual"], ["product", "median_days"]].astype(
        {"median_days": "float64"})
    if product is not None:
        usual = usual[usual["product"] == product]
    cur = con.cursor()
    try:
        cur.register("usual_delays", usual)
        found = cur.sql(sql_text("products_due"),
                        params={"as_of": as_of, "window_days": DUE_WINDOW_DAYS})
        return relation_frame(found)[DUE_COLUMNS]
    finally:
        cur.close()
