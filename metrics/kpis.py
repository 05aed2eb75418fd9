"""KPIs of a week, month, quarter or year against the period before and the same period a year
earlier.

For a week, a year earlier is 364 days back (52 weeks), not the same calendar date, so the
compared weeks have the same weekdays: a shop's Saturday is never compared with a Sunday. A
month, quarter or year is compared with the same calendar period a year earlier (for a year, the
year before: both comparisons are the same period), and while it is in progress, to date: the
same number of days from the start of each compared period (the first 46 days of this quarter
against the first 46 of the last one), so that half a quarter is never set against a whole one.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics.dates import week_start
from metrics.sql_files import run_sql
from store.errors import ComptoirError

METRICS = (
    "revenue",
    "orders",
    "customers",
    "new_customers",
    "returning_customers",
    "average_basket",
    "repeat_rate",
)
# Revenue of the period from new and from returning customers (anonymous sales are the rest):
# beside the weekly METRICS in period_kpis.
REVENUE_SPLIT = ("new_customer_revenue", "returning_customer_revenue")
PERIOD_METRICS = (*METRICS, *REVENUE_SPLIT)
KPI_PERIODS = ("week", "month", "quarter", "year")
COMPARED = ("this_period", "previous_period", "last_year")
COMPARED_WEEKS = ("this_week", "last_week", "last_year")
# Shares: their change is a difference in percentage points, not a relative change (a repeat
# rate going from 34.2 % to 34.6 % moved 0.4 point, not 1.2 %).
RATES = ("repeat_rate",)


def relative_change(value: pd.Series, base: pd.Series) -> pd.Series:
    """(value - base) / base, NA where the base is 0 or NA (no meaningful percentage)."""
    base = base.where(base != 0)
    return (value - base) / base


class UnknownKpiPeriodError(ComptoirError):
    """A KPI period outside KPI_PERIODS."""


def period_start(period: str, day: date) -> date:
    """First day of the week (Monday), month, quarter or year containing ``day``."""
    if period == "week":
        return week_start(day)
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    raise UnknownKpiPeriodError(
        f"Période inconnue « {period} » : choisissez week, month, quarter ou year.",
        f"Unknown period '{period}': choose week, month, quarter or year.",
    )


def _shift(start: date, months: int) -> date:
    """The first day of the month ``months`` months from ``start`` (a first of month)."""
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def compared_periods(period: str, day: date) -> dict[str, tuple[date, date]]:
    """[start, end) of the period containing ``day``, of the one before it and of the same period
    a year earlier (a week: 364 days back, whole weeks). A month, quarter or year is cut at the
    end of ``day``, and the compared ones at as many days from their start."""
    start = period_start(period, day)
    if period == "week":
        step, year_back = timedelta(days=7), timedelta(days=364)
        return {"this_period": (start, start + step),
                "previous_period": (start - step, start),
                "last_year": (start - year_back, start - year_back + step)}
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    whole = {"this_period": (start, _shift(start, months)),
             "previous_period": (_shift(start, -months), start),
             "last_year": (_shift(start, -12), _shift(start, months - 12))}
    elapsed = day - start + timedelta(days=1)
    return {name: (first, min(end, first + elapsed)) for name, (first, end) in whole.items()}


def period_kpis(con: duckdb.DuckDBPyConnection, period: str, day: date) -> pd.DataFrame:
    """KPIs of the ``period`` (week, month, quarter, year) containing ``day`` (a month, quarter or
    year up to the end of ``day``), one row per metric of PERIOD_METRICS. Columns: this_period, previous_period, last_year (compared_periods),
    change_previous_period, change_last_year: the relative change for amounts and counts, the
    difference (0.004 = 0.4 point) for the RATES. repeat_rate is measured over the 52 weeks
    ending with each period.
    """
    bounds = compared_periods(period, day)
    params = {f"{name.removesuffix('_period')}_{edge}": bounds[name][i]
              for name in COMPARED for i, edge in enumerate(("start", "end"))}
    by_period = run_sql(con, "kpi_period_kpis", **params).set_index("period")
    table = by_period.loc[list(COMPARED), list(PERIOD_METRICS)].astype("float64").T
    rate = table.index.isin(RATES)
    for base in ("previous_period", "last_year"):
        relative = relative_change(table["this_period"], table[base])
        table[f"change_{base}"] = relative.where(~rate, table["this_period"] - table[base])
    table.index.name = "metric"
    table.columns.name = None
    return table


def weekly_kpis(con: duckdb.DuckDBPyConnection, week: date) -> pd.DataFrame:
    """KPIs of the ISO week [week, week + 7 days), one row per metric of METRICS.

    ``week`` is moved back to its Monday if needed. Columns: this_week, last_week (7 days
    earlier), last_year (364 days earlier), change_last_week, change_last_year (period_kpis).
    """
    table = period_kpis(con, "week", week).loc[list(METRICS)]
    return table.rename(columns={"this_period": "this_week", "previous_period": "last_week",
                                 "change_previous_period": "change_last_week"})


def weekly_trend(con: duckdb.DuckDBPyConnection, last_week: date, weeks: int = 52) -> pd.DataFrame:
    """One row per ISO week over the ``weeks`` weeks ending with the week of ``last_week``.

    Columns: week_start, revenue, orders, customers, new_customers; weeks without orders are
    present with zeros so a chart shows the gap.
    """
    last_monday = week_start(last_week)
    first_monday = last_monday - timedelta(days=7 * (weeks - 1))
    return run_sql(con, "kpi_weekly_trend", first_week=first_monday, last_week=last_monday)
