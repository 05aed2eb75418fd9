"""One customer's sheet (Fiche client): find them by name, email or phone, then everything the shop
knows about them: identity and consent, figures, RFM segment, the model's P(alive) and expected
purchases, when they would usually come back, and every order with its lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics.clv import ClvResult, weeks_to_next_purchase
from metrics.dates import resolve_as_of
from metrics.rfm import enough_for_ranks
from metrics.segment import segment_names
from metrics.sql_files import run_sql
from store.errors import ComptoirError

MIN_SEARCH_CHARACTERS = 2
MIN_PHONE_DIGITS = 4  # fewer digits match too many numbers to help
# A usual gap between purchases says little about someone the model thinks has probably left.
NEXT_PURCHASE_MIN_P_ALIVE = 0.5
# RFM and the model disagree when a segment of people gone has P(alive) at least ALIVE, or a
# segment of the best customers at most GONE (the line says why, see ``disagreement``).
ALIVE, GONE = 0.7, 0.3
GONE_SEGMENTS = {"lost", "hibernating"}
BEST_SEGMENTS = {"champions", "loyal"}


class CustomerNotFoundError(ComptoirError):
    """A customer id that is not (or no longer) in the database."""


@dataclass(frozen=True)
class CustomerCard:
    """What the Fiche client shows about one person.

    ``profile`` (missing values as None): customer_id, name, email, phone, postal_code, city,
    country, first_seen, email_consent, consent_source, consent_at (the e-mail consent, its
    source and the day the person said it, None when undated), sms_consent, sms_source,
    sms_stated_at, call_consent, call_source, call_stated_at, suppressed, orders,
    occasions, net_spend, first_order_at, last_order_at, average_basket, orders_all_statuses.
    ``orders``: see customer_orders. ``segment`` is None for someone without a valid order.
    ``customers``: the customers ranked in ``rfm_df``; below metrics.rfm.MIN_RANKED_CUSTOMERS
    (``ranked`` False) the page names no segment, as the Segments page.
    ``p_alive`` and ``expected_purchases`` (over the horizon of the value table) are None when
    the model could not be fitted, and ``prediction_note`` ({"fr", "en"}) then says why.
    ``next_purchase``: with a fitted model, the last purchase day plus the median wait to the
    next purchase of a customer still buying (metrics.clv.weeks_to_next_purchase), and
    ``next_from_model`` is True; without one, the last purchase day plus the customer's usual
    gap, given only for someone with two purchase days or more whom the model does not think
    gone. ``overdue_days`` counts the days it is late at ``as_of`` (None when not late).
    ``disagreement``: "gone_but_alive" when RFM puts them among people gone (GONE_SEGMENTS)
    while P(alive) >= ALIVE, "best_but_gone" when RFM puts them among the best
    (BEST_SEGMENTS) while P(alive) <= GONE, else None.
    """

    profile: dict
    orders: pd.DataFrame
    segment: str | None
    segment_fr: str | None
    segment_en: str | None
    scores: dict[str, int] | None
    p_alive: float | None
    expected_purchases: float | None
    prediction_note: dict[str, str] | None
    usual_gap_days: float | None
    next_purchase: date | None
    overdue_days: int | None
    as_of: date | None
    customers: int
    next_from_model: bool = False
    disagreement: str | None = None

    @property
    def ranked(self) -> bool:
        return enough_for_ranks(self.customers)


def phone_digits(text: str) -> str | None:
    """The digits typed, without the leading zeros of '06…' or '0033…' (stored numbers are
    +33…), or None when there are too few to search a phone by."""
    digits = re.sub(r"\D", "", text).lstrip("0")
    return digits if len(digits) >= MIN_PHONE_DIGITS else None


def search(con: duckdb.DuckDBPyConnection, text: str, limit: int = 20) -> pd.DataFrame:
    """Customers matching ``text`` by name, email or phone, the most loyal first: customer_id,
    name, email, phone, postal_code, city, orders, last_order_at. Empty under 2 characters."""
    typed = text.strip()
    if len(typed) < MIN_SEARCH_CHARACTERS:
        typed = None
    return run_sql(
        con,
        "customer_search",
        text=typed,
        digits=phone_digits(text) if typed else None,
        limit=limit,
    )


def customer_orders(con: duckdb.DuckDBPyConnection, customer_id: int) -> pd.DataFrame:
    """Every order of the customer, newest first: order_id, source_order_id, ordered_at, status,
    channel, currency, amount, refunded_amount, net_amount (in that currency), is_valid,
    products (lines in one text)."""
    return run_sql(con, "customer_orders", customer_id=customer_id)


def _row(table: pd.DataFrame, customer_id: int) -> pd.Series | None:
    rows = table[table["customer_id"] == customer_id]
    return None if rows.empty else rows.iloc[0]


def _number(row: pd.Series | None, column: str) -> float | None:
    if row is None or pd.isna(row[column]):
        return None
    return float(row[column])


def customer_card(
    con: duckdb.DuckDBPyConnection,
    customer_id: int,
    rfm_df: pd.DataFrame,
    values: ClvResult,
    as_of: date | None = None,
) -> CustomerCard:
    """Everything about ``customer_id``; ``rfm_df`` is metrics.rfm.rfm and ``values`` the result
    of metrics.clv.customer_value, both as of ``as_of`` (default: the latest valid order's day),
    passed in so that a page computes them once for every customer it shows."""
    profile = run_sql(con, "customer_profile", customer_id=customer_id)
    if profile.empty:
        raise CustomerNotFoundError(
            f"Le client n° {customer_id} n'est pas dans la base : cherchez-le à nouveau.",
            f"Customer no. {customer_id} is not in the database: search again.",
        )
    details = {
        key: None if pd.isna(value) else value
        for key, value in profile.to_dict("records")[0].items()
    }
    as_of = resolve_as_of(con, as_of)
    scores = _row(rfm_df, customer_id)
    value = _row(values.table, customer_id)
    p_alive = _number(value, "p_alive")
    occasions = int(details["occasions"])
    usual_gap = None
    next_purchase = None
    if occasions >= 2:
        first, last = details["first_order_at"].date(), details["last_order_at"].date()
        usual_gap = (last - first).days / (occasions - 1)
        if p_alive is None or p_alive >= NEXT_PURCHASE_MIN_P_ALIVE:
            next_purchase = last + timedelta(days=round(usual_gap))
    wait = None if value is None else weeks_to_next_purchase(
        values.summary, value["frequency"], value["recency_weeks"])
    if wait is not None:
        last_purchase = as_of - timedelta(days=round(7 * (value["T_weeks"] - value["recency_weeks"])))
        next_purchase = last_purchase + timedelta(days=round(7 * float(wait)))
    overdue = None
    if next_purchase is not None and as_of is not None and next_purchase < as_of:
        overdue = (as_of - next_purchase).days
    segment = None if scores is None else str(scores["segment"])
    names = None if segment is None else pd.Series([segment], dtype="str")
    return CustomerCard(
        profile=details,
        orders=customer_orders(con, customer_id),
        segment=segment,
        segment_fr=None if names is None else segment_names(names, "fr").iloc[0],
        segment_en=None if names is None else segment_names(names, "en").iloc[0],
        scores=None if scores is None else {
            key: int(scores[key]) for key in ("r_score", "f_score", "m_score")
        },
        p_alive=p_alive,
        expected_purchases=_number(value, "expected_purchases"),
        prediction_note=values.explanation,
        usual_gap_days=usual_gap,
        next_purchase=next_purchase,
        overdue_days=overdue,
        as_of=as_of,
        customers=len(rfm_df),
        next_from_model=wait is not None,
        disagreement=disagreement(segment, p_alive),
    )


def disagreement(segment: str | None, p_alive: float | None) -> str | None:
    """Where RFM and the model part ways (see CustomerCard). RFM ranks recency and frequency
    against the other customers; the model weighs the silence against the customer's own pace:
    a rare buyer's long silence is normal for them, a frequent buyer's short one is not."""
    if segment is None or p_alive is None:
        return None
    if segment in GONE_SEGMENTS and p_alive >= ALIVE:
        return "gone_but_alive"
    if segment in BEST_SEGMENTS and p_alive <= GONE:
        return "best_but_gone"
    return None
