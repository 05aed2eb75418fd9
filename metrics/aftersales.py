"""After the sale: refunds, satisfaction, tickets, and what they go with in loyalty.

Every term is written once in store/definitions/11_after_sales.sql (orders placed, the refund's
day, NPS class, satisfied, low score, ticket still open) and described by one glossary entry
(aftersales_*). Headline figures cover the WINDOW_DAYS days up to the end of day ``as_of``
(default: the latest valid order); the loyalty comparison reads the whole history up to it.

The loyalty link is an association, not proof: customers after a refund, a ticket or a low score
against comparable customers without one (same first-order month, same number of orders at the
event's day, matched exactly as in a stratified comparison). The repeat rates count every
comparable customer, and their 12-month values, in one pass along the days, without forming the
pairs of an event customer and each comparable (so a big shop stays fast).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from metrics.dates import latest_order_date, resolve_as_of, week_start
from metrics.sql_files import SQL_DIR, run, run_sql
from store.db import data_version, transaction
from store.frames import fetch_frame
from store.queries import execute, statements, used

WINDOW_DAYS = 365
EVENTS = ("refund", "ticket", "low_score")
NPS_CLASSES = ("promoter", "passive", "detractor")
CONTACT_KINDS = ("detractors", "promoters")
CONTACT_DAYS = {"detractors": 30, "promoters": 90}
OLD_TICKET_DAYS = 7
RETENTION_MONTHS = 12
COUNTS = ("orders_placed", "refunded_orders", "dated_refunds", "nps_answers", "promoters",
          "passives", "detractors", "csat_answers", "reviews", "tickets",
          "tickets_saying_first_contact")


def window_start(as_of: date) -> date:
    """First day of the WINDOW_DAYS days ending with ``as_of``."""
    return as_of - timedelta(days=WINDOW_DAYS - 1)


def _plain(row: pd.Series) -> dict:
    """A one-row result as a dict of Python numbers: counts as int, missing figures as None."""
    return {
        key: (int(value) if key in COUNTS else None if pd.isna(value) else float(value))
        for key, value in row.items()
    }


def summary(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict:
    """The after-sales headline over the WINDOW_DAYS days to ``as_of``: since, as_of, then
    orders_placed, refunded_orders, refund_rate_orders, revenue_placed, refunded_value,
    refund_rate_revenue, dated_refunds, median_days_to_refund, nps_answers, promoters, passives,
    detractors, nps (−100 to 100), csat_answers, csat, reviews, average_rating (out of 5),
    tickets, tickets_per_100_orders, median_hours_to_first_response, median_days_to_resolution,
    tickets_saying_first_contact, first_contact_resolution. A rate without anything to count is
    None, never 0."""
    as_of = resolve_as_of(con, as_of)
    since = window_start(as_of)
    row = run_sql(con, "aftersales_summary", since=since, as_of=as_of).iloc[0]
    return {"since": since, "as_of": as_of, **_plain(row)}


def refunds_by_month(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """Per calendar month of the order: month, orders_placed, refunded_orders,
    refund_rate_orders, revenue_placed, refunded_value, refund_rate_revenue, dated_refunds,
    median_days_to_refund."""
    return run_sql(con, "aftersales_refunds_by_month", as_of=resolve_as_of(con, as_of))


def refunds_by_product(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, min_orders: int = 5
) -> pd.DataFrame:
    """Per product over the WINDOW_DAYS days to ``as_of``: product, orders_placed,
    refunded_orders, refund_rate_orders, the most refunded share first; products in fewer than
    ``min_orders`` orders left out (a rate on two orders says nothing)."""
    as_of = resolve_as_of(con, as_of)
    return run_sql(con, "aftersales_refunds_by_product", since=window_start(as_of), as_of=as_of,
                   min_orders=min_orders)


def loyalty(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """One row per event in EVENTS: customers (with the event, having bought before it),
    repeat_customers and repeat_rate_after (a valid order on a later day), matched_customers
    (those with at least one comparable) and their own repeat_rate_after_matched,
    comparable_customers, repeat_rate_without (the comparables' share, each event customer
    weighing the same), value_customers (events at least a year old with comparables),
    value_12m_after and value_12m_without (net spend in the 365 days after the event's day, the
    comparables' mean per event customer). metrics/sql/aftersales_loyalty.sql says how customers
    are compared; its statements run in order on one cursor (temp tables)."""
    params = {"as_of": resolve_as_of(con, as_of)}
    *steps, final = statements(SQL_DIR / "aftersales_loyalty.sql").values()
    cur = con.cursor()
    try:
        for step in steps:
            execute(cur, step, params)
        return fetch_frame(cur, final, used(final, params))
    finally:
        cur.close()


def kept_loyalty(con: duckdb.DuckDBPyConnection, as_of: date | None = None,
                 latest: date | None = None) -> pd.DataFrame:
    """``loyalty`` as of the shop's latest day, kept in the database per data version
    (aftersales_loyalty_kept, store/migrations/021), as the forecasts are in clv_fits: read when
    kept, else computed and kept (rows of older versions dropped), so that the command and the
    page do not rebuild every customer's purchase days each time. Any other ``as_of`` is computed
    and not kept: the page's other weeks are looked at once. ``latest``: the latest order day, when
    the caller has read it already."""
    latest = latest or latest_order_date(con)
    if latest is None or (as_of is not None and as_of != latest):
        return loyalty(con, as_of)
    key = dict(zip(("import_version", "merges", "customer_count"), data_version(con)),
               as_of=latest)
    kept = run_sql(con, "aftersales_loyalty_kept", **key)
    if len(kept) == len(EVENTS):
        return kept
    links = loyalty(con, latest)
    with transaction(con) as cur:
        run(cur, "aftersales_loyalty_forget_older", **key)
        for rank, row in enumerate(links.itertuples(index=False), start=1):  # one per event
            run(cur, "aftersales_loyalty_keep", **key, rank=rank,
                **{name: None if pd.isna(value) else value
                   for name, value in row._asdict().items()})
    return links


def nps_retention(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, months: int = RETENTION_MONTHS
) -> pd.DataFrame:
    """Retention curves by NPS class of the customer's first answer: nps_class, months_after
    (1..months), customers, retained, retention (share with a valid order that month)."""
    return run_sql(con, "aftersales_nps_retention", as_of=resolve_as_of(con, as_of),
                   months=months)


def contacts(
    con: duckdb.DuckDBPyConnection, kind: str, as_of: date | None = None,
    days: int | None = None,
) -> pd.DataFrame:
    """The people to get back to: ``kind`` "detractors" (recent detractors to call back) or
    "promoters" (promoters to ask for a review, who have not written one since), from their
    latest answer within ``days`` (CONTACT_DAYS) of ``as_of``: customer_id, name, email, phone,
    email_consent, answered_at, nps_score, csat_score, comment, open_ticket."""
    if kind not in CONTACT_KINDS:
        raise ValueError(f"kind must be one of {CONTACT_KINDS}, not {kind!r}")
    return run_sql(con, "aftersales_contacts", kind=kind, as_of=resolve_as_of(con, as_of),
                   days=CONTACT_DAYS[kind] if days is None else days)


def open_complaints(con: duckdb.DuckDBPyConnection, on: date | None = None) -> np.ndarray:
    """Ids of the customers with a ticket still open at the end of day ``on`` (default: today,
    since an export goes out now whatever the data's latest order)."""
    found = run_sql(con, "aftersales_open_complaints", as_of=on or date.today())
    return found["customer_id"].to_numpy(dtype="int64")


@dataclass(frozen=True)
class AfterSalesWeek:
    """The rapport du lundi's after-sales section for the week starting on Monday ``week``:
    new_detractors (answers of the week), old_tickets (open at the end of the week, opened more
    than ``ticket_days`` days before it), refunds (by refund day)."""

    week: date
    ticket_days: int
    new_detractors: pd.DataFrame
    old_tickets: pd.DataFrame
    refunds: pd.DataFrame


def week_section(
    con: duckdb.DuckDBPyConnection, week: date, ticket_days: int = OLD_TICKET_DAYS
) -> AfterSalesWeek:
    """What happened after the sale in the ISO week containing ``week``."""
    monday = week_start(week)
    sunday = monday + timedelta(days=6)
    return AfterSalesWeek(
        week=monday,
        ticket_days=ticket_days,
        new_detractors=run_sql(con, "aftersales_week_detractors", monday=monday, sunday=sunday),
        old_tickets=run_sql(con, "aftersales_week_old_tickets", sunday=sunday, days=ticket_days),
        refunds=run_sql(con, "aftersales_week_refunds", monday=monday, sunday=sunday),
    )


def headline(con: duckdb.DuckDBPyConnection,
             as_of: date | None = None) -> tuple[dict, pd.DataFrame]:
    """What ``python -m metrics aftersales`` prints: the summary with the refund comparison's
    repeat_rate_after_refund, repeat_rate_without_refund and their counts, and the loyalty table
    (kept as of the latest day: ``kept_loyalty``)."""
    latest = latest_order_date(con)
    figures = summary(con, as_of or latest)
    links = kept_loyalty(con, figures["as_of"], latest)
    refund = links.set_index("event").loc["refund"]
    return {
        **figures,
        "repeat_rate_after_refund": None if pd.isna(refund["repeat_rate_after"])
        else float(refund["repeat_rate_after"]),
        "repeat_rate_after_refund_compared": None
        if pd.isna(refund["repeat_rate_after_matched"])
        else float(refund["repeat_rate_after_matched"]),
        "repeat_rate_without_refund": None if pd.isna(refund["repeat_rate_without"])
        else float(refund["repeat_rate_without"]),
        "refunded_customers": int(refund["customers"]),
        "refunded_customers_compared": int(refund["matched_customers"]),
        "comparable_customers": int(refund["comparable_customers"]),
    }, links
