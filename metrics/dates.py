"""As-of dates, ISO weeks and calendar periods shared by every metric.

``as_of`` is a date meaning "orders up to the end of that day"; when absent it is the date of the
latest valid order, so an old export still shows figures instead of an empty screen.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics.sql_files import run_sql
from store.errors import ComptoirError

PERIODS = ("week", "month", "quarter")


class UnknownPeriodError(ComptoirError):
    """A cohort period outside the allow-list (it also reaches SQL, so it is never free text)."""


def check_period(period: str) -> str:
    """Return ``period`` if it is one of PERIODS, else raise UnknownPeriodError."""
    if period not in PERIODS:
        raise UnknownPeriodError(
            f"Période inconnue « {period} » : choisissez week, month ou quarter.",
            f"Unknown period '{period}': choose week, month or quarter.",
        )
    return period


def latest_order_date(con: duckdb.DuckDBPyConnection) -> date | None:
    """Day of the latest valid order; None when the database has no valid order yet."""
    value = run_sql(con, "kpi_latest_order_date")["latest_order_date"].iloc[0]
    return None if pd.isna(value) else value.date()


def resolve_as_of(con: duckdb.DuckDBPyConnection, as_of: date | None) -> date | None:
    """``as_of`` itself, or the day of the latest valid order when not given."""
    return as_of if as_of is not None else latest_order_date(con)


def facts_as_of(con: duckdb.DuckDBPyConnection, as_of: date | None) -> dict[str, object]:
    """The parameters of a query reading customer_facts_as_of($as_of, $summary_current): the
    resolved as-of date, and whether no order is later than it, so that the per-customer summary
    (kept as of the latest data) answers instead of every order."""
    as_of = resolve_as_of(con, as_of)
    covers = bool(run_sql(con, "summary_covers", as_of=as_of)["covers"].iloc[0])
    return {"as_of": as_of, "summary_current": covers}


def week_start(d: date) -> date:
    """Monday of the ISO week containing ``d``."""
    return d - timedelta(days=d.weekday())


def default_week(con: duckdb.DuckDBPyConnection) -> date | None:
    """Monday of the week of the latest valid order (None on an empty database)."""
    latest = latest_order_date(con)
    return None if latest is None else week_start(latest)
