"""Named lists from the customer-value table: who is most worth keeping, who is slipping away.

Both start from ``metrics.clv.customer_value(...).table`` and add who the people are
(``contacts``), so the owner can write to them or call them. Who is slipping away is not decided
here: it is the sub-list "valuable" of metrics.at_risk, the same people on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from metrics.dates import facts_as_of
from metrics.sql_files import run_sql

# Who customers are, given their ids: contacts() bound to a connection and a date.
ContactsOf = Callable[[pd.Series], pd.DataFrame]
LIST_COLUMNS = [
    "customer_id",
    "name",
    "email",
    "phone",
    "last_order_on",
    "historic_value",
    "expected_revenue",
    "expected_purchases",
    "p_alive",
]


def contacts(
    con: duckdb.DuckDBPyConnection, as_of: date | None, customer_ids: pd.Series | None = None
) -> pd.DataFrame:
    """customer_id, name, email, phone, last_order_on of the customers ``customer_ids`` (None:
    all) with a valid order up to ``as_of`` (None: a database without orders, hence no one)."""
    wanted = None if customer_ids is None else customer_ids.astype("int64").unique().tolist()
    return run_sql(con, "value_contacts", **facts_as_of(con, as_of or date.min),
                   customer_ids=wanted)


def totals(values: pd.DataFrame) -> dict:
    """Headline figures: customers, historic_total and historic_mean (spend to date),
    predicted_total and predicted_mean (expected revenue over the horizon) and
    expected_purchases; each prediction is None unless every customer has one."""

    def predicted(column: str) -> pd.Series | None:
        series = values[column]
        return series.astype(float) if len(series) and series.notna().all() else None

    revenue, purchases = predicted("expected_revenue"), predicted("expected_purchases")
    n = len(values)
    return {
        "customers": n,
        "historic_total": float(values["historic_value"].sum()),
        "historic_mean": float(values["historic_value"].mean()) if n else None,
        "predicted_total": None if revenue is None else float(revenue.sum()),
        "predicted_mean": None if revenue is None else float(revenue.mean()),
        "expected_purchases": None if purchases is None else float(purchases.sum()),
    }


def _named(values: pd.DataFrame, contacts_of: ContactsOf) -> pd.DataFrame:
    people = contacts_of(values["customer_id"])
    return values.merge(people, on="customer_id", how="left", validate="one_to_one")[LIST_COLUMNS]


def _top(values: pd.DataFrame, key: str, n: int) -> pd.DataFrame:
    """The ``n`` rows with the highest ``key`` (missing values last, ties by customer_id), as a
    sort of every row would give them, but sorting only the rows at or above the n-th highest
    value (np.partition picks it in linear time; a sort of 768,000 customers took most of the
    list's time)."""
    score = values[key].to_numpy(dtype=float, na_value=-np.inf)
    chosen = values
    if len(score) > n > 0:
        nth = np.partition(score, len(score) - n)[len(score) - n]
        chosen = values[score >= nth]
    return chosen.sort_values([key, "customer_id"], ascending=[False, True],
                              na_position="last").head(n)


def most_valuable(values: pd.DataFrame, contacts_of: ContactsOf, n: int = 20) -> pd.DataFrame:
    """The ``n`` customers with the highest predicted revenue over the horizon, or, when the
    models could not predict it, with the highest spend to date (ties: older customer first).
    ``contacts_of``: the contacts (``contacts``) of the customers chosen."""
    key = "expected_revenue" if values["expected_revenue"].notna().any() else "historic_value"
    return _named(_top(values, key, n), contacts_of).reset_index(drop=True)


def at_risk(
    values: pd.DataFrame, customer_ids: pd.Series, contacts_of: ContactsOf
) -> pd.DataFrame:
    """The customers ``customer_ids`` (a sub-list of metrics.at_risk) with what the models say
    of them, biggest spenders first: the list is chosen by the one at-risk notion, P(alive) and
    the predicted value only describe it."""
    risky = values[values["customer_id"].isin(customer_ids)]
    ordered = risky.sort_values(["historic_value", "customer_id"], ascending=[False, True])
    return _named(ordered, contacts_of).reset_index(drop=True)
