"""Repeat purchase: how many customers come back, how soon, and after buying what.

Counted in valid orders of identified customers up to the end of day ``as_of`` (default: the
latest valid order). Days are calendar days between order dates, so two orders on the same day
are 0 days apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from metrics.dates import check_period, facts_as_of, resolve_as_of
from metrics.sql_files import run_sql


def repeat_summary(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict:
    """customers, repeat_customers, repeat_rate, median_days_first_to_second,
    median_days_between_orders (medians interpolate between the two middle values; None when
    there is nothing to measure)."""
    row = run_sql(con, "repeat_summary", **facts_as_of(con, as_of)).iloc[0]
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
    return run_sql(con, "repeat_orders_per_customer", cap=cap, **facts_as_of(con, as_of))


def days_between_orders(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """Every gap between consecutive valid orders: customer_id, gap_number (1 = first to
    second order), days."""
    return run_sql(con, "repeat_gaps", as_of=resolve_as_of(con, as_of))


def order_gaps(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, max_gap: int = 6
) -> pd.DataFrame:
    """The delay between each order and the next, step by step (gap_number 1 = first to second
    order, up to ``max_gap``): customers (who reached order n), next_customers (who placed order
    n + 1), share_next, days_q1, median_days, days_q3 (NaN when nobody took the step). Steps
    nobody reached are left out."""
    return run_sql(con, "repeat_order_gaps", max_gap=max_gap, **facts_as_of(con, as_of))


def first_days(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """customer_id, first_day, second_day (NaT after a single order) of every customer with a
    valid order up to ``as_of``: what the three "how soon do they come back" figures below
    start from. Pass it to them as ``firsts`` when showing several, so it is computed once."""
    return run_sql(con, "repeat_first_days", as_of=resolve_as_of(con, as_of))


def _second_order_days(firsts: pd.DataFrame) -> pd.DataFrame:
    """customer_id and days from first to second order of the customers with a second order."""
    repeat = firsts[firsts["second_day"].notna()]
    days = (repeat["second_day"] - repeat["first_day"]).dt.days
    return pd.DataFrame({"customer_id": repeat["customer_id"].to_numpy(),
                         "days": days.to_numpy(dtype="int64")})


def days_to_second_order(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, firsts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per repeat customer: customer_id, days from first to second valid order.
    ``firsts``: first_days(con, as_of) when the caller has it."""
    return _second_order_days(first_days(con, as_of) if firsts is None else firsts)


def second_order_within(
    con: duckdb.DuckDBPyConnection,
    days: Sequence[int] = (30, 60, 90, 180, 365),
    as_of: date | None = None,
    firsts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """For each N in ``days`` (ascending, each once): customers whose second valid order came
    within N days of the first (days <= N), their share among the customers with a second
    order (share, NaN without any) and among all customers (share_of_customers, NaN without
    any): two different figures a page must not show under one name. ``firsts``:
    first_days(con, as_of) when the caller has it."""
    firsts = first_days(con, as_of) if firsts is None else firsts
    gaps = _second_order_days(firsts)["days"]
    horizons = np.unique(np.asarray(days, dtype=np.int32))
    customers = np.searchsorted(np.sort(gaps.to_numpy()), horizons, side="right")
    return pd.DataFrame({
        "days": horizons,
        "customers": customers.astype("int64"),
        "share": customers / len(gaps) if len(gaps) else np.nan,
        "share_of_customers": customers / len(firsts) if len(firsts) else np.nan,
    })


def repeat_rate_by_cohort(
    con: duckdb.DuckDBPyConnection, period: str = "month", as_of: date | None = None
) -> pd.DataFrame:
    """Repeat rate per acquisition cohort: cohort, customers, repeat_customers, repeat_rate.

    Older cohorts had more time to come back: compare like with like, or use repeat_rate_trend.
    """
    return run_sql(
        con, "repeat_rate_by_cohort", period=check_period(period), **facts_as_of(con, as_of)
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
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    within_days: int = 90,
    firsts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Monthly trend of early repeat: month, customers, repeat_customers, repeat_rate.

    For the customers acquired in each calendar month (first valid order), the share whose
    second valid order came within ``within_days`` days of the first. Every cohort gets the
    same chance, unlike an all-time repeat rate that favours old cohorts, so only months whose
    last day is at least ``within_days`` days before ``as_of`` are shown. ``firsts``:
    first_days(con, as_of) when the caller has it.
    """
    as_of = resolve_as_of(con, as_of)
    firsts = first_days(con, as_of) if firsts is None else firsts
    month = firsts["first_day"].to_numpy().astype("datetime64[M]").astype("datetime64[us]")
    soon = ((firsts["second_day"] - firsts["first_day"]).dt.days <= within_days).to_numpy()
    table = (
        pd.DataFrame({"month": month, "soon": soon})
        .groupby("month", sort=True)
        .agg(customers=("soon", "size"), repeat_customers=("soon", "sum"))
        .reset_index()
    )
    if as_of is not None:  # (None: no valid order at all, hence no month)
        watched_until = table["month"] + pd.offsets.MonthEnd(0) + pd.Timedelta(days=within_days)
        table = table[watched_until <= pd.Timestamp(as_of)].reset_index(drop=True)
    return pd.DataFrame({
        "month": table["month"].astype("datetime64[us]"),
        "customers": table["customers"].astype("int64"),
        "repeat_customers": table["repeat_customers"].astype("int64"),
        "repeat_rate": table["repeat_customers"] / table["customers"],
    })
