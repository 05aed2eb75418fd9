"""Average retention curves across cohorts, counting only periods that are over.

The last period of every row of ``metrics.cohorts.cohorts`` is the one containing ``as_of``;
unless ``as_of`` is its last day it is still in progress, and counting it would make every curve
dip at its end.

The average curve (issue 13) pools the cohorts that have reached period k: retention is their
customers active in k / their customers, so a cohort weighs its size (a mean of the cohorts'
rates would let a cohort of 3 swing it as much as one of 300). Late periods are reached by few
cohorts: a period with fewer than MIN_CURVE_COHORTS cohorts or MIN_CURVE_CUSTOMERS customers is
flagged not significant (one or two acquisition months tell their own story, not an average; and
under 30 customers a share moves by 3 points or more with each customer). Cumulative revenue per
customer adds, period after period, the revenue per customer of the cohorts that reached that
period: dividing each period's cumulated revenue by a shrinking set of cohorts made the curve go
down when the oldest cohorts happened to spend less; added increments only go down when a
period's net revenue is negative (credit notes larger than sales).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from metrics.dates import check_period

# pandas period aliases: ISO weeks run Monday to Sunday.
_FREQ = {"week": "W-SUN", "month": "M", "quarter": "Q"}
CURVE_COLUMNS = [
    "period_index",
    "cohorts",
    "customers",
    "active_customers",
    "retention",
    "revenue_retention",
    "cumulative_revenue_per_customer",
    "significant",
]
MIN_CURVE_COHORTS = 3
MIN_CURVE_CUSTOMERS = 30


def _cohort_keys(table: pd.DataFrame) -> list[str]:
    return ["segment", "cohort"] if "segment" in table.columns else ["cohort"]


def period_is_over(period: str, as_of: date) -> bool:
    """True when ``as_of`` is the last day of its ``period`` (the next day starts a new one)."""
    next_day = pd.Timestamp(as_of + timedelta(days=1))
    return next_day.to_period(_FREQ[check_period(period)]).start_time == next_day


def period_complete(table: pd.DataFrame, period: str, as_of: date | None) -> pd.Series:
    """Boolean per row of a cohorts() table: is that period over as of ``as_of``?

    Only each cohort's last row (the period containing ``as_of``) can be in progress. A split
    table's cohorts without a segment (first product or channel unknown) are cohorts too: grouped
    with their missing key, not dropped by the group-by (which counted their period in progress
    as over).
    """
    if table.empty or as_of is None:
        return pd.Series(True, index=table.index, dtype=bool)
    latest = table.groupby(_cohort_keys(table), dropna=False)["period_index"].transform("max")
    last = table["period_index"] == latest
    return ~last | period_is_over(period, as_of)


def average_curves(table: pd.DataFrame, period: str, as_of: date | None) -> pd.DataFrame:
    """One row per period index k over the cohorts whose period k is over.

    Columns: period_index, cohorts, customers (sum of their sizes), active_customers,
    retention (active / customers), revenue_retention (their revenue in k / their revenue in
    period 0), cumulative_revenue_per_customer (sum over j <= k of the revenue in j / the
    customers of the cohorts that reached j), significant (at least MIN_CURVE_COHORTS cohorts
    and MIN_CURVE_CUSTOMERS customers).
    """
    keys = _cohort_keys(table)
    done = table.loc[period_complete(table, period, as_of)].sort_values([*keys, "period_index"])
    pooled = (
        done.assign(first_revenue=done.groupby(keys, dropna=False)["revenue"].transform("first"))
        .groupby("period_index")
        .agg(
            cohorts=("cohort_size", "size"),
            customers=("cohort_size", "sum"),
            active_customers=("active_customers", "sum"),
            revenue=("revenue", "sum"),
            first_revenue=("first_revenue", "sum"),
        )
        .reset_index()
    )
    pooled["retention"] = pooled["active_customers"] / pooled["customers"]
    pooled["revenue_retention"] = pooled["revenue"] / pooled["first_revenue"]
    pooled["cumulative_revenue_per_customer"] = (pooled["revenue"] / pooled["customers"]).cumsum()
    pooled["significant"] = (pooled["cohorts"] >= MIN_CURVE_COHORTS) & (
        pooled["customers"] >= MIN_CURVE_CUSTOMERS
    )
    return pooled[CURVE_COLUMNS]


def latest_first_return(table: pd.DataFrame, period: str, as_of: date | None) -> pd.Series | None:
    """The row (k = 1) of the latest cohort whose following period is over, or None.

    It feeds the page's reading aid: "of 100 customers who arrived in September, 23 ordered
    again the following month".
    """
    rows = table.loc[period_complete(table, period, as_of) & (table["period_index"] == 1)]
    return None if rows.empty else rows.sort_values(_cohort_keys(table)).iloc[-1]
