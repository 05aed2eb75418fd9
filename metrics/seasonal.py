"""Seasonal and gift buyers: customers who buy in one season only, so that they are not called
lost in March.

A seasonal buyer's every valid order falls in the months of one season (the definition
seasonal_customers and its seasons, store/definitions/15_seasonal_customers.sql): the December
gift buyer, the Mother's Day regular. Until their season has come round again since their last
order they are waiting for it, not lost: the segment builder can leave them out
(SegmentFilter.leave_out_seasonal) and the at-risk lists say how many of theirs are waiting.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import duckdb
import pandas as pd

from metrics.dates import facts_as_of
from metrics.sql_files import run_sql

SEASONAL_COLUMNS = ["customer_id", "season", "orders", "years", "last_ordered_at", "season_ends",
                    "waiting"]


def seasonal_summary(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """One row per season (the year-end holidays first) as of the end of day ``as_of`` (default:
    the latest valid order): season, buyers, repeat_buyers, several_years, waiting, customers
    (every customer), share (buyers / customers), first_month, last_month."""
    table = run_sql(con, "seasonal_summary", **facts_as_of(con, as_of))
    table["share"] = table["buyers"] / table["customers"].where(table["customers"] > 0)
    return table


def seasonal_buyers(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, waiting_only: bool = False,
    among: Iterable[int] | None = None,
) -> pd.DataFrame:
    """The seasonal buyers as of the end of day ``as_of`` (SEASONAL_COLUMNS), those waiting for
    their season only when ``waiting_only``, among the customers ``among`` only when given (the
    same rows as without it, less the others': only their orders are read)."""
    return run_sql(con, "seasonal_buyers", **facts_as_of(con, as_of),
                   waiting_only=waiting_only,
                   among=None if among is None else [int(i) for i in among])


def waiting_among(seasonal: pd.DataFrame, people: pd.DataFrame) -> pd.Series:
    """Per row of ``people`` (a customer_id column), the season they are waiting for, missing
    when they are not a seasonal buyer waiting for it (``seasonal``: seasonal_buyers)."""
    waiting = seasonal.loc[seasonal["waiting"]].set_index("customer_id")["season"]
    return people["customer_id"].map(waiting)


def waiting_counts(seasonal: pd.DataFrame, people: pd.DataFrame) -> dict[str, int]:
    """Per season, how many of ``people`` (a customer_id column) are seasonal buyers waiting for
    it, most first (seasons with none left out): the note on the at-risk lists."""
    counts = waiting_among(seasonal, people).value_counts().sort_index()
    return {str(key): int(count)
            for key, count in counts.sort_values(ascending=False, kind="stable").items()}
