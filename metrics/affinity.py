"""Product affinity: what is bought together (the same order) and what customers buy next after a
product (their next purchase day), each with its count, its share and its lift.

Share answers the owner's question ("of the baskets with the lavender soap, 30 % also hold the
fig candle"); lift says whether that is more than chance (the share divided by how often the
other product is bought at all): a best-seller is in many baskets with everything, a lift above 1
is a real pairing. Pairs seen fewer than MIN_PAIR_COUNT times are left out of the shown lists:
one basket is an anecdote.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.dates import resolve_as_of
from metrics.sql_files import run_sql

MIN_PAIR_COUNT = 3
TOGETHER_COLUMNS = ["product", "other_product", "orders", "product_orders", "share", "lift"]
NEXT_COLUMNS = ["product", "next_product", "times", "customers", "followed", "share", "lift"]


def bought_together(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    product: str | None = None,
    min_count: int = MIN_PAIR_COUNT,
) -> pd.DataFrame:
    """Pairs of products in the same valid order up to the end of day ``as_of`` (default: the
    latest valid order), anonymous sales included (TOGETHER_COLUMNS), seen in at least
    ``min_count`` orders; ``product``'s pairs only when given. Each product's pairs, most
    frequent first."""
    table = run_sql(con, "products_bought_together", as_of=resolve_as_of(con, as_of),
                    product=product)
    return table.loc[table["orders"] >= min_count, TOGETHER_COLUMNS].reset_index(drop=True)


def bought_next(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    product: str | None = None,
    min_count: int = MIN_PAIR_COUNT,
) -> pd.DataFrame:
    """After a known customer's purchase of a product, the products of their next purchase day
    (NEXT_COLUMNS), seen at least ``min_count`` times; ``product``'s rows only when given. Each
    product's next products, most frequent first."""
    table = run_sql(con, "products_bought_next", as_of=resolve_as_of(con, as_of),
                    product=product)
    return table.loc[table["times"] >= min_count, NEXT_COLUMNS].reset_index(drop=True)
