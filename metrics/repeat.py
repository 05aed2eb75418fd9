"""Repeat purchase: how many customers come back, how soon, and after buying what.

Counted in valid orders of identified customers up to the end of day ``as_of`` (default: the
latest valid order). Days are calendar days between order dates, so two orders on the same day
are 0 days apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb
import pandas as pd

from metrics.dates import check_period, resolve_as_of
from metrics.sql_files import run_sql


def repeat_summary(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict:
    """customers, repeat_customers, repeat_rate, median_days_first_to_second,
    median_days_between_orders (medians interpolate between the two middle values; None when
    there is nothing to measure)."""
    row = run_sql(con, "repeat_summary", as_of=resolve_as_of(con, as_of)).iloc[0]
    return {
        "customers": int(row["customers"]),
        "repeat_customers": int(row["repeat_customers"]),
        **{
            key: None if pd.isna(row[key]) else float(row[key])
            for key in ("repeat_rate", "median_days_first_to_second", "median_days_between_orders")
        },
    }


def orders_per_customer(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, cap: int = 10
) -> pd.DataFrame:
    """Customers by number of valid orders: n_orders, label, customers, share.

    ``cap`` or more orders share one bucket labelled e.g. "10+"; every bucket from 1 up to the
    highest one present is listed, with 0 customers where nobody has that count.
    """
    return run_sql(con, "repeat_orders_per_customer", as_of=resolve_as_of(con, as_of), cap=cap)


def days_between_orders(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """Every gap between consecutive valid orders: customer_id, gap_number (1 = first to
    second order), days."""
    return run_sql(con, "repeat_gaps", as_of=resolve_as_of(con, as_of))


def days_to_second_order(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """One row per repeat customer: customer_id, days from first to second valid order."""
    return run_sql(con, "repeat_days_to_second", as_of=resolve_as_of(con, as_of))


def second_order_within(
    con: duckdb.DuckDBPyConnection,
    days: Sequence[int] = (30, 60, 90, 180, 365),
    as_of: date | None = None,
) -> pd.DataFrame:
    """For each N in ``days``: customers whose second valid order came within N days of the
    first, and their share among all customers with a second order (days, customers, share)."""
    return run_sql(
        con, "repeat_second_order_within", days=list(days), as_of=resolve_as_of(con, as_of)
    )


def repeat_rate_by_cohort(
    con: duckdb.DuckDBPyConnection, period: str = "month", as_of: date | None = None
) -> pd.DataFrame:
    """Repeat rate per acquisition cohort: cohort, customers, repeat_customers, repeat_rate.

    Older cohorts had more time to come back: compare like with like, or use repeat_rate_trend.
    """
    return run_sql(
        con, "repeat_rate_by_cohort", period=check_period(period), as_of=resolve_as_of(con, as_of)
    )


def repeat_rate_by_first_product(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, min_customers: int = 5
) -> pd.DataFrame:
    """Repeat rate per product of the first valid order: product, customers, repeat_customers,
    repeat_rate, most customers first. A customer counts once for each distinct product of
    that first order; products with fewer than ``min_customers`` customers are left out."""
    return run_sql(
        con,
        "repeat_rate_by_first_product",
        as_of=resolve_as_of(con, as_of),
        min_customers=min_customers,
    )


def repeat_rate_trend(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, within_days: int = 90
) -> pd.DataFrame:
    """Monthly trend of early repeat: month, customers, repeat_customers, repeat_rate.

    For the customers acquired in each calendar month (first valid order), the share whose
    second valid order came within ``within_days`` days of the first. Every cohort gets the
    same chance, unlike an all-time repeat rate that favours old cohorts, so only months whose
    last day is at least ``within_days`` days before ``as_of`` are shown.
    """
    return run_sql(
        con, "repeat_rate_trend", as_of=resolve_as_of(con, as_of), within_days=within_days
    )
