"""Cohorts by what the first order was: its first product, its channel, its discount code.

Acquisition cohorts (metrics.cohorts) group customers by when they arrived; these group them by
how, and follow each group's repeat rate, early return (a second order within 90 days, among the
customers followed 90 days), 12-month value (net spend in the 365 days from the first order, per
customer followed a whole year: younger customers would lower it only because their year is not
over) and average basket. By discount, a first order with a discount but no code (a boutique's
soldes, a file without a code column) is a group of its own, and so is a first order without any
discount. Definition: customer_first_orders (store/definitions/12).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.dates import facts_as_of, resolve_as_of
from metrics.sql_files import run_sql
from store.errors import ComptoirError

FIRST_ORDER_SPLITS = ("first_product", "channel", "discount")
EARLY_RETURN_DAYS = 90


class FirstCohortOptionError(ComptoirError):
    """A first-order split outside FIRST_ORDER_SPLITS (it reaches SQL: never free text)."""


def first_cohorts(
    con: duckdb.DuckDBPyConnection, by: str, as_of: date | None = None
) -> pd.DataFrame:
    """One row per cohort (most customers first): segment_kind ('value', 'unknown', or by
    discount 'discount_without_code' and 'no_discount'), segment (the product, channel or code),
    customers, repeat_customers, repeat_rate, customers_90d, back_within_90d,
    back_within_90d_rate, customers_12m, value_12m, average_basket."""
    if by not in FIRST_ORDER_SPLITS:
        raise FirstCohortOptionError(
            f"Découpage inconnu « {by} » : choisissez first_product, channel ou discount.",
            f"Unknown split '{by}': choose first_product, channel or discount.",
        )
    return run_sql(con, "first_cohorts", by=by, early_days=EARLY_RETURN_DAYS,
                   **facts_as_of(con, as_of))


def discount_codes_seen(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict[str, int]:
    """Orders (any status) by the end of ``as_of``: ``without_code``, those with a discount amount
    but no code, and ``with_code``. The cohorts by discount code can only split what was
    imported: the page and the report say how much was not."""
    row = run_sql(con, "discount_without_code", as_of=resolve_as_of(con, as_of)).iloc[0]
    return {"without_code": int(row["without_code"]), "with_code": int(row["with_code"])}
