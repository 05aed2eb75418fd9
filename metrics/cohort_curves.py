"""Average retention curves across cohorts, counting only periods that are over.

The last period of every row of ``metrics.cohorts.cohorts`` is the one containing ``as_of``;
unless ``as_of`` is its last day it is still in progress, and counting it would make every curve
dip at its end. The average curve pools the cohorts that have reached period k (customers of
those cohorts active in k / their customers), so big cohorts weigh more, as they should.
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
]


def _cohort_keys(table: pd.DataFrame) -> list[str]:
    return ["segment", "cohort"] if "segment" in table.columns else ["cohort"]


def period_is_over(period: str, as_of: date) -> bool:
    """True when ``as_of`` is the last day of its ``period`` (the next day starts a new one)."""
    next_day = pd.Timestamp(as_of + timedelta(days=1))
    return next_day.to_period(_FREQ[check_period(period)]).start_time == next_day


def period_complete(table: pd.DataFrame, period: str, as_of: date | None) -> pd.Series:
    """Boolean per row of a cohorts() table: is that period over as of ``as_of``?

    Only each cohort's last row (the period containing ``as_of``) can be in progress.
    """
    if table.empty or as_of is None:
        return pd.Series(True, index=table.index, dtype=bool)
    latest = table.groupby(_cohort_keys(table))["period_index"].transform("max")
    last = table["period_index"] == latest
    return ~last | period_is_over(period, as_of)


def average_curves(table: pd.DataFrame, period: str, as_of: date | None) -> pd.DataFrame:
    """One row per period index k over the cohorts whose period k is over.

    Columns: period_index, cohorts, customers (sum of their sizes), active_customers,
    retention (active / customers), revenue_retention (their revenue in k / their revenue in
    period 0), cumulative_revenue_per_customer (their revenue through k / customers).
    """
    keys = _cohort_keys(table)
    done = table.loc[period_complete(table, period, as_of)].sort_values([*keys, "period_index"])
    by_cohort = done.groupby(keys)["revenue"]
    pooled = (
        done.assign(
            first_revenue=by_cohort.transform("first"),
            cumulative_revenue=by_cohort.cumsum(),
        )
        .groupby("period_index")
        .agg(
            cohorts=("cohort_size", "size"),
            customers=("cohort_size", "sum"),
            active_customers=("active_customers", "sum"),
            revenue=("revenue", "sum"),
            first_revenue=("first_revenue", "sum"),
            cumulative_revenue=("cumulative_revenue", "sum"),
        )
        .reset_index()
    )
    pooled["retention"] = pooled["active_customers"] / pooled["customers"]
    pooled["revenue_retention"] = pooled["revenue"] / pooled["first_revenue"]
    pooled["cumulative_revenue_per_customer"] = pooled["cumulative_revenue"] / pooled["customers"]
    return pooled[CURVE_COLUMNS]


def latest_first_return(table: pd.DataFrame, period: str, as_of: date | None) -> pd.Series | None:
    """The row (k = 1) of the latest cohort whose following period is over, or None.

    It feeds the page's reading aid: "of 100 customers who arrived in September, 23 ordered
    again the following month".
    """
    rows = table.loc[period_complete(table, period, as_of) & (table["period_index"] == 1)]
    return None if rows.empty else rows.sort_values(_cohort_keys(table)).iloc[-1]
