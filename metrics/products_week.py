"""The rapport du lundi's products part (issue 18): at the end of the week, the products whose
customers are due for them (metrics.replenishment), the saved lists with today's counts
(metrics.saved_segments), and how many of the at-risk customers are seasonal buyers waiting for
their season (metrics.seasonal), who are not lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics.dates import week_start
from metrics.replenishment import replenishment
from metrics.saved_segments import filter_from_json, saved_segments
from metrics.seasonal import seasonal_buyers, waiting_counts
from metrics.segment import describe, segment_totals
from store.currency import shop_currency

DUE_COLUMNS = ["product", "median_days", "due"]
SAVED_COLUMNS = ["name", "description_fr", "description_en", "people", "reachable"]


@dataclass(frozen=True)
class ProductsWeek:
    """due: DUE_COLUMNS, the products with customers due at the end of the week, most first.
    saved: SAVED_COLUMNS, each saved list as of the end of the week. at_risk_waiting: season ->
    how many at-risk customers are seasonal buyers waiting for it, most first (seasons with none
    left out)."""

    week: date
    due: pd.DataFrame
    saved: pd.DataFrame
    at_risk_waiting: dict[str, int]


def saved_counts(con: duckdb.DuckDBPyConnection, as_of: date) -> pd.DataFrame:
    """Each saved list (metrics.saved_segments) described and counted as of ``as_of``."""
    currency = shop_currency(con)
    rows = []
    for name, text in zip(*saved_segments(con)[["name", "filter"]].T.to_numpy()):
        segment_filter = filter_from_json(text)
        totals = segment_totals(con, segment_filter, as_of)
        rows.append({"name": name, "description_fr": describe(segment_filter, "fr", currency),
                     "description_en": describe(segment_filter, "en", currency),
                     "people": totals["people"], "reachable": totals["reachable"]})
    return pd.DataFrame(rows, columns=SAVED_COLUMNS)


def week_section(
    con: duckdb.DuckDBPyConnection, week: date, at_risk_people: pd.DataFrame
) -> ProductsWeek:
    """The products part of the ISO week containing ``week``; ``at_risk_people``: the at-risk
    table at the end of the week (metrics.at_risk.at_risk, a customer_id column)."""
    monday = week_start(week)
    sunday = monday + timedelta(days=6)
    table = replenishment(con, sunday)
    due = table.loc[table["due"] > 0, DUE_COLUMNS].sort_values(
        ["due", "product"], ascending=[False, True], ignore_index=True)
    waiting = waiting_counts(seasonal_buyers(con, sunday, waiting_only=True), at_risk_people)
    return ProductsWeek(week=monday, due=due, saved=saved_counts(con, sunday),
                        at_risk_waiting=waiting)
