"""Acquisition cohorts: who comes back, period after period, and what they spend.

A cohort is the calendar period (ISO week, month, quarter) of a customer's first valid order;
period k is the k-th calendar period after it, so k = 1 for a December cohort is January even
for a customer acquired on 31 December (the usual calendar-cohort convention).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.dates import check_period, resolve_as_of
from metrics.sql_files import run_sql
from store.errors import ComptoirError

SPLITS = (None, "first_product", "channel")
MATRIX_VALUES = (
    "retention",
    "active_customers",
    "revenue",
    "revenue_retention",
    "cumulative_revenue_per_customer",
)


class CohortOptionError(ComptoirError):
    """A cohort split or heatmap value outside its allow-list."""


def cohorts(
    con: duckdb.DuckDBPyConnection,
    period: str = "month",
    as_of: date | None = None,
    split: str | None = None,
) -> pd.DataFrame:
    """Cohort table in long format, one row per cohort and period index k.

    Columns: [segment,] cohort, period_index, cohort_size, active_customers, retention
    (active / size), revenue (net, period k), revenue_retention (revenue_k / revenue_0),
    cumulative_revenue_per_customer (revenue through k / size). Only periods starting on or
    before ``as_of`` (default: the latest valid order). ``split`` adds ``segment``: the channel or
    the product on the first line of the customer's first valid order (missing when unknown).
    """
    check_period(period)
    if split not in SPLITS:
        raise CohortOptionError(
            f"Découpage inconnu « {split} » : choisissez first_product ou channel.",
            f"Unknown split '{split}': choose first_product or channel.",
        )
    table = run_sql(
        con, "cohort_retention", period=period, as_of=resolve_as_of(con, as_of), split=split
    )
    return table if split else table.drop(columns="segment")


def retention_matrix(df: pd.DataFrame, value: str = "retention") -> pd.DataFrame:
    """Pivot a cohorts() table to cohort x period_index (rows also keyed by segment if split)."""
    if value not in MATRIX_VALUES:
        raise CohortOptionError(
            f"Valeur inconnue « {value} » : choisissez parmi {', '.join(MATRIX_VALUES)}.",
            f"Unknown value '{value}': choose one of {', '.join(MATRIX_VALUES)}.",
        )
    rows = ["segment", "cohort"] if "segment" in df.columns else "cohort"
    return df.pivot(index=rows, columns="period_index", values=value)
