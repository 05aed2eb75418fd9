"""Weekly KPIs: this week against last week and the same ISO week a year earlier.

A year earlier is 364 days back (52 weeks), not the same calendar date, so the compared weeks
have the same weekdays: a shop's Saturday is never compared with a Sunday.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics.dates import week_start
from metrics.sql_files import run_sql

METRICS = (
    "revenue",
    "orders",
    "customers",
    "new_customers",
    "returning_customers",
    "average_basket",
    "repeat_rate",
)
COMPARED_WEEKS = ("this_week", "last_week", "last_year")
# Shares: their change is a difference in percentage points, not a relative change (a repeat
# rate going from 34.2 % to 34.6 % moved 0.4 point, not 1.2 %).
RATES = ("repeat_rate",)


def relative_change(value: pd.Series, base: pd.Series) -> pd.Series:
    """(value - base) / base, NA where the base is 0 or NA (no meaningful percentage)."""
    base = base.where(base != 0)
    return (value - base) / base


def weekly_kpis(con: duckdb.DuckDBPyConnection, week: date) -> pd.DataFrame:
    """KPIs of the ISO week [week, week + 7 days), one row per metric of METRICS.

    ``week`` is moved back to its Monday if needed. Columns: this_week, last_week (7 days
    earlier), last_year (364 days earlier), change_last_week, change_last_year: the relative
    change for amounts and counts, the difference (0.004 = 0.4 point) for the RATES.
    repeat_rate is measured over the 52 weeks ending with each week.
    """
    monday = week_start(week)
    by_period = run_sql(con, "kpi_weekly_kpis", week=monday).set_index("period")
    table = by_period.loc[list(COMPARED_WEEKS), list(METRICS)].astype("float64").T
    rate = table.index.isin(RATES)
    for base in ("last_week", "last_year"):
        relative = relative_change(table["this_week"], table[base])
        table[f"change_{base}"] = relative.where(~rate, table["this_week"] - table[base])
    table.index.name = "metric"
    table.columns.name = None
    return table


def weekly_trend(con: duckdb.DuckDBPyConnection, last_week: date, weeks: int = 52) -> pd.DataFrame:
    """One row per ISO week over the ``weeks`` weeks ending with the week of ``last_week``.

    Columns: week_start, revenue, orders, customers, new_customers; weeks without orders are
    present with zeros so a chart shows the gap.
    """
    last_monday = week_start(last_week)
    first_monday = last_monday - timedelta(days=7 * (weeks - 1))
    return run_sql(con, "kpi_weekly_trend", first_week=first_monday, last_week=last_monday)
