"""Segments a shop owner acts on: the RFM grid, the named segments with their movement, and the
segment builder that turns a few plain questions (which segment, last order when, spent how much,
bought what, lives where, accepts emails) into a list of people.

The builder's questions are a small frozen dataclass, SegmentFilter, bound as parameters of
metrics/sql/segment_customers.sql (a question left empty is bound to NULL and does not filter);
no value is ever formatted into SQL. Segments come from metrics.rfm so that the grid, the table
and the builder count the same people.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

import duckdb
import numpy as np
import pandas as pd

from ingest.channels import SALES_CHANNELS
from metrics.at_risk import SUBLIST_NAMES, SUBLISTS, at_risk, sublist
from metrics.clv import DEFAULT_HORIZON_WEEKS, customer_rows, kept_customer_value
from metrics.currencies import symbol
from metrics.dates import facts_as_of, resolve_as_of
from metrics.replenishment import due
from metrics.rfm import (
    NO_SEGMENT,
    SEGMENT_MAP,
    SEGMENT_NAMES,
    rfm,
    segment_label,
    segment_movement,
    segment_summary,
)
from metrics.sql_files import run_sql, sql_text
from store.errors import ComptoirError
from store.frames import relation_frame
from words import text
from words.format import day, money, number, typed

NO_PURCHASE = {"fr": "Sans achat", "en": "No purchase"}
RFM_COLUMNS = ["customer_id", "segment", "r_score", "f_score", "m_score"]
PREDICTED = ["p_alive", "predicted_value", "days_overdue"]
PREDICTION_WEEKS = DEFAULT_HORIZON_WEEKS  # the horizon of Valeur client's predicted value


class SegmentFilterError(ComptoirError):
    """A builder question that cannot be answered: bounds in the wrong order, an unknown segment."""


@dataclass(frozen=True)
class Computed:
    """What a caller already has for ``as_of`` (the app caches each per data version), so that a
    list, its totals and its contact counts do not compute it again; what is None is computed
    only if the filter needs it.

    scores: metrics.rfm.rfm(con, as_of, segment_map); predictions: metrics.clv.customer_rows of
    the value models over PREDICTION_WEEKS; risky: metrics.at_risk.at_risk(con, as_of, scores).
    """

    scores: pd.DataFrame | None = None
    predictions: pd.DataFrame | None = None
    risky: pd.DataFrame | None = None


@dataclass(frozen=True)
class SegmentFilter:
    """The segment builder's questions; None or an empty tuple means "any".

    segments: segment keys (metrics.rfm.SEGMENT_NAMES, or "none" for people who never bought);
    last_order_from / last_order_to: day of the last valid order, both ends included;
    spend_min / spend_max: net spend in the shop's currency, both ends included; orders_min /
    orders_max: valid orders; products: bought at least one of them (exact names from order
    lines); places: city names (accents and case ignored) or postcode prefixes, any of them;
    consent_only: only people ``channel`` may reach: email (an e-mail, and a yes to marketing
    e-mails), sms (a phone, and a yes to SMS) or phone (a phone, and no refusal of calls), each
    channel's own consent (store/definitions/10_channel_consent.sql).
    not_contacted_days: an export leaves out whoever the contact log shows contacted in that many
    last days (``recently_contacted``; None or 0: nobody is left out for it).
    Win-back, from the value models (metrics.clv): min_p_alive (P(alive) from 0 to 1),
    min_predicted_value (expected revenue over the next 52 weeks, in the shop's currency),
    min_days_overdue (days since the expected next purchase); people without a prediction do not
    pass them. at_risk: only the people of that sub-list of the one at-risk notion (a key of
    metrics.at_risk.SUBLISTS).
    Products and seasons (metrics.replenishment, metrics.seasonal): sales_channels: bought at
    least once on one of them (web, shop, marketplace); due_for: due now for that product's
    replenishment; leave_out_seasonal: leave out the seasonal buyers waiting for their season;
    discount_codes: used one of these codes on a valid order (case and spaces ignored).
    """

    segments: tuple[str, ...] = ()
    last_order_from: date | None = None
    last_order_to: date | None = None
    spend_min: float | None = None
    spend_max: float | None = None
    orders_min: int | None = None
    orders_max: int | None = None
    products: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    consent_only: bool = False
    channel: str = "email"
    not_contacted_days: int | None = None
    min_p_alive: float | None = None
    min_predicted_value: float | None = None
    min_days_overdue: int | None = None
    at_risk: str | None = None
    sales_channels: tuple[str, ...] = ()
    due_for: str | None = None
    leave_out_seasonal: bool = False
    discount_codes: tuple[str, ...] = ()

    def predicts(self) -> bool:
        """Whether a question needs the value models' predictions."""
        return any(value is not None for value in (
            self.min_p_alive, self.min_predicted_value, self.min_days_overdue))

    def params(self) -> dict[str, object]:
        """The bound parameters of segment_customers.sql (empty tuples become NULL); at_risk
        keeps the people of the table at_risk_ids (metrics.at_risk's sub-list, see _people),
        due_for those of due_ids (metrics.replenishment.due)."""
        return {
            "at_risk_only": self.at_risk is not None,
            "segments": list(self.segments) or None,
            "last_order_from": self.last_order_from,
            "last_order_to": self.last_order_to,
            "spend_min": self.spend_min,
            "spend_max": self.spend_max,
            "orders_min": self.orders_min,
            "orders_max": self.orders_max,
            "products": list(self.products) or None,
            "places": list(self.places) or None,
            "consent_only": self.consent_only,
            "channel": self.channel,
            "contacted_since": (datetime.now() - timedelta(days=self.not_contacted_days)
                                if self.not_contacted_days else None),
            "min_p_alive": self.min_p_alive,
            "min_predicted_value": self.min_predicted_value,
            "min_days_overdue": self.min_days_overdue,
            "sales_channels": list(self.sales_channels) or None,
            "due_for": self.due_for,
            "leave_out_seasonal": self.leave_out_seasonal,
            "discount_codes": [code.strip().upper() for code in self.discount_codes] or None,
        }

    def to_json(self) -> str:
        """The filter as data, for the export log."""
        return json.dumps(asdict(self), default=str, ensure_ascii=False)


def places_from_text(text: str) -> tuple[str, ...]:
    """'69, Paris; 01' -> ('69', 'Paris', '01'): what the owner typed in the place box."""
    parts = (part.strip() for part in text.replace(";", ",").split(","))
    return tuple(part for part in parts if part)


def _amount(value: float, lang: str, currency: str) -> str:
    """A bound on spend as typed, in the shop's currency: 50 €, 99,50 €, 50 $US (fr)."""
    return money(value, lang, decimals=0 if float(value).is_integer() else 2, currency=currency)


def _shown(value: date | float | int, lang: str) -> str:
    """A bound of the filter in a message: a day or a number."""
    return day(value, lang) if isinstance(value, date) else typed(value, lang)


CHANNELS = ("email", "sms", "phone")
CONSENT_WORDS = {"email": "describe_consent", "sms": "consent_describe_sms",
                 "phone": "consent_describe_phone"}  # the filter's consent_only, per channel


def _check(segment_filter: SegmentFilter, known_segments: set[str]) -> None:
    if segment_filter.channel not in CHANNELS:
        raise SegmentFilterError(
            f"Canal inconnu : {segment_filter.channel}. Choisissez parmi : {', '.join(CHANNELS)}.",
            f"Unknown channel: {segment_filter.channel}. Choose from: {', '.join(CHANNELS)}.",
        )
    if segment_filter.not_contacted_days is not None and segment_filter.not_contacted_days < 0:
        raise SegmentFilterError(
            "Le nombre de jours sans contact ne peut pas être négatif : mettez 0 pour ne "
            "laisser personne de côté.",
            "The days without contact cannot be negative: use 0 to leave nobody out.",
        )
    bounds = [
        (segment_filter.last_order_from, segment_filter.last_order_to,
         "les dates de dernière commande", "the last order dates"),
        (segment_filter.spend_min, segment_filter.spend_max,
         "la dépense minimale et la maximale", "the minimum and maximum spend"),
        (segment_filter.orders_min, segment_filter.orders_max,
         "le nombre de commandes minimal et le maximal", "the minimum and maximum orders"),
    ]
    for low, high, what_fr, what_en in bounds:
        if low is not None and high is not None and low > high:
            raise SegmentFilterError(
                f"Le minimum ({_shown(low, 'fr')}) dépasse le maximum ({_shown(high, 'fr')}) : "
                f"inversez {what_fr}.",
                f"The minimum ({_shown(low, 'en')}) is above the maximum ({_shown(high, 'en')}): "
                f"swap {what_en}.",
            )
    if segment_filter.min_p_alive is not None and not 0 <= segment_filter.min_p_alive <= 1:
        shown = typed(segment_filter.min_p_alive, "fr")
        raise SegmentFilterError(
            f"La probabilité d'être actif minimale ({shown}) doit être entre 0 et 1.",
            f"The minimum probability of being active ({segment_filter.min_p_alive}) must be "
            "between 0 and 1.",
        )
    if segment_filter.at_risk is not None and segment_filter.at_risk not in SUBLISTS:
        choices = ", ".join(SUBLISTS)
        raise SegmentFilterError(
            f"Liste « À risque » inconnue : {segment_filter.at_risk}. Choisissez parmi : "
            f"{choices}.",
            f"Unknown 'At risk' list: {segment_filter.at_risk}. Choose from: {choices}.",
        )
    unknown_channels = sorted(set(segment_filter.sales_channels) - set(SALES_CHANNELS))
    if unknown_channels:
        names, choices = ", ".join(unknown_channels), ", ".join(SALES_CHANNELS)
        raise SegmentFilterError(
            f"Canal de vente inconnu : {names}. Choisissez parmi : {choices}.",
            f"Unknown sales channel: {names}. Choose from: {choices}.",
        )
    unknown = sorted(set(segment_filter.segments) - known_segments)
    if unknown:
        names = ", ".join(unknown)
        choices = ", ".join(sorted(known_segments))
        raise SegmentFilterError(
            f"Segment inconnu : {names}. Choisissez parmi : {choices}.",
            f"Unknown segment: {names}. Choose from: {choices}.",
        )


def segment_names(segments: pd.Series, lang: str) -> pd.Series:
    """Display names of segment keys, "none" included (people who never bought)."""
    return segment_label(segments, lang).where(segments != NO_SEGMENT, NO_PURCHASE[lang])


def segment_choices(lang: str) -> dict[str, str]:
    """The builder's segments, key -> display name: the named segments best first, then "none"."""
    choices = {key: names[lang] for key, names in SEGMENT_NAMES.items()}
    return {**choices, NO_SEGMENT: NO_PURCHASE[lang]}


@contextmanager
def _people(
    con: duckdb.DuckDBPyConnection,
    segment_filter: SegmentFilter,
    as_of: date | None,
    segment_map: dict[tuple[int, int], str] | None,
    computed: Computed,
) -> Iterator[duckdb.DuckDBPyRelation]:
    """segment_customers.sql as a relation on its own cursor, to fetch a page of or to total:
    a list of 768,000 people is never turned into a DataFrame only to be counted."""
    as_of = resolve_as_of(con, as_of)
    mapping = SEGMENT_MAP if segment_map is None else segment_map
    _check(segment_filter, {*mapping.values(), NO_SEGMENT})
    scores = rfm(con, as_of, segment_map) if computed.scores is None else computed.scores
    chosen = pd.DataFrame({"customer_id": pd.Series(dtype="int64")})
    if segment_filter.at_risk is not None:
        risky = computed.risky
        risky = at_risk(con, as_of, scores, segment_map) if risky is None else risky
        chosen = sublist(risky, segment_filter.at_risk)[["customer_id"]]
    due_ids = pd.DataFrame({"customer_id": pd.Series(dtype="int64")})
    if segment_filter.due_for is not None:
        due_ids = due(con, segment_filter.due_for, as_of)[["customer_id"]]
    predictions = computed.predictions
    if predictions is None and segment_filter.predicts():
        predictions = customer_rows(kept_customer_value(con, as_of, PREDICTION_WEEKS))
    if predictions is None:
        predictions = pd.DataFrame({"customer_id": pd.Series(dtype="int64"),
                                    **{c: pd.array([], dtype="Float64") for c in PREDICTED}})
    cur = con.cursor()
    try:
        cur.register("rfm_segments", scores[RFM_COLUMNS])
        cur.register("predictions", predictions[["customer_id", *PREDICTED]])
        cur.register("at_risk_ids", chosen)
        cur.register("due_ids", due_ids)
        yield cur.sql(sql_text("segment_customers"),
                      params={**facts_as_of(con, as_of), **segment_filter.params()})
    finally:
        cur.close()


def segment_customers(
    con: duckdb.DuckDBPyConnection,
    segment_filter: SegmentFilter = SegmentFilter(),
    as_of: date | None = None,
    segment_map: dict[tuple[int, int], str] | None = None,
    computed: Computed = Computed(),
    limit: int | None = None,
) -> pd.DataFrame:
    """The people who pass ``segment_filter``, biggest spenders first (the first ``limit`` of
    them when given: what a page shows; an export asks for everyone).

    ``computed``: the RFM scores, predictions and at-risk table the caller already has
    (Computed); the rest is computed here, predictions (fits kept in the database) and the
    at-risk table only if the filter asks.

    One row per person of the customer file (buyers and contacts who never bought): customer_id,
    name, first_name, last_name, email, phone, postal_code, city, country, email_consent,
    consent_source, consent_at (the e-mail consent's), sms_consent, call_consent, suppressed,
    email_marketing (has an email and consents), sms_marketing (has a phone and consents to
    SMS), callable (has a phone and did not refuse calls), reachable (the one of the filter's
    channel), last_contacted_at, recently_contacted (within the filter's not_contacted_days),
    orders (valid orders up to ``as_of``), net_spend (their net amounts less their
    credit notes up to ``as_of``), first_order_at, last_order_at, segment, r_score, f_score,
    m_score, p_alive, predicted_value, days_overdue (missing without predictions), segment_fr,
    segment_en.
    """
    with _people(con, segment_filter, as_of, segment_map, computed) as people:
        table = relation_frame(people if limit is None else people.limit(limit))
    table["segment_fr"] = segment_names(table["segment"], "fr")
    table["segment_en"] = segment_names(table["segment"], "en")
    return table


def _totals(people: duckdb.DuckDBPyRelation) -> dict[str, float | int]:
    [(count, reachable, recent, recent_reachable, net_spend)] = people.aggregate(
        "count(*), count(*) filter (where reachable), count(*) filter (where recently_contacted),"
        " count(*) filter (where reachable and recently_contacted), coalesce(sum(net_spend), 0)"
    ).fetchall()
    return {
        "people": int(count),
        "reachable": int(reachable),
        "left_out": int(count - reachable),
        "recently_contacted": int(recent),
        "recently_contacted_reachable": int(recent_reachable),
        "net_spend": round(float(net_spend), 2),
    }


def list_summary(people: pd.DataFrame) -> dict[str, float | int]:
    """What a list of segment_customers rows amounts to: people, reachable (by the filter's
    channel, with its consent), left_out (the others), recently_contacted (in the contact log
    within the filter's not_contacted_days; of them, recently_contacted_reachable), net_spend
    (their total)."""
    cur = duckdb.connect()
    try:
        return _totals(cur.from_df(people[["reachable", "recently_contacted", "net_spend"]]))
    finally:
        cur.close()


def segment_totals(
    con: duckdb.DuckDBPyConnection,
    segment_filter: SegmentFilter = SegmentFilter(),
    as_of: date | None = None,
    segment_map: dict[tuple[int, int], str] | None = None,
    computed: Computed = Computed(),
) -> dict[str, float | int]:
    """list_summary of everyone segment_customers would list, totalled in the database
    (arguments as segment_customers')."""
    with _people(con, segment_filter, as_of, segment_map, computed) as people:
        return _totals(people)


def segment_contacts(
    con: duckdb.DuckDBPyConnection,
    segment_filter: SegmentFilter = SegmentFilter(),
    as_of: date | None = None,
    segment_map: dict[tuple[int, int], str] | None = None,
    computed: Computed = Computed(),
    consent_only: bool = False,
) -> dict[str, int]:
    """Of the people an export of segment_customers would keep (not recently contacted, and
    reachable when ``consent_only``), how many have an email (with_email), and an email or a
    phone that consents to SMS (with_email_or_sms): whom a mailing service can take
    (exports.export_counts), counted in the database (other arguments as segment_customers')."""
    with _people(con, segment_filter, as_of, segment_map, computed) as people:
        kept = people.filter("not recently_contacted" + (" and reachable" if consent_only else ""))
        [(with_email, with_either)] = kept.aggregate(
            "count(email), count(*) filter (where email is not null or sms_marketing)"
        ).fetchall()
    return {"with_email": int(with_email), "with_email_or_sms": int(with_either)}


def discount_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Discount codes used on valid orders of identified customers, the most used first: the
    choices of the builder's "discount code" filter."""
    return run_sql(con, "segment_discount_codes")["code"].tolist()


def products(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Products bought by identified customers, the most often bought (order lines) first."""
    return run_sql(con, "segment_products")["product"].tolist()


def rfm_grid(
    rfm_df: pd.DataFrame, segment_map: dict[tuple[int, int], str] | None = None
) -> pd.DataFrame:
    """The 25 cells of the R x F grid, R = 5 first: r_score, f_score, customers, share, segment
    (key of the cell in the segment map), segment_fr, segment_en."""
    mapping = SEGMENT_MAP if segment_map is None else segment_map
    cells = pd.MultiIndex.from_product([range(5, 0, -1), range(1, 6)], names=["r_score", "f_score"])
    counts = rfm_df.groupby(["r_score", "f_score"]).size().reindex(cells, fill_value=0)
    grid = counts.rename("customers").reset_index()
    grid["customers"] = grid["customers"].astype("int64")
    total = int(grid["customers"].sum())
    grid["share"] = grid["customers"] / total if total else 0.0
    grid["segment"] = pd.Series(mapping, dtype="str").reindex(cells).to_numpy()
    grid["segment_fr"] = segment_label(grid["segment"], "fr")
    grid["segment_en"] = segment_label(grid["segment"], "en")
    return grid


def segment_table(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    segment_map: dict[tuple[int, int], str] | None = None,
    current: pd.DataFrame | None = None,
    week_before: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The named segments as of ``as_of`` and how they moved in the week before.

    metrics.rfm.segment_summary's columns (segment, segment_fr, segment_en, customers, share,
    revenue, average_recency_days) plus orders, average_basket (revenue / orders, NA when
    empty), last_week (customers in the segment 7 days earlier), change (customers -
    last_week), moved_in (customers now in it who were elsewhere or had not bought yet) and
    moved_out (customers of last week now in another segment), from segment_movement.
    ``current`` and ``week_before``: metrics.rfm.rfm(con, as_of, segment_map) and its
    customer_id and segment 7 days earlier (metrics.at_risk.segments_on gives them without the
    money) when the caller already has them.
    """
    as_of = resolve_as_of(con, as_of)
    if current is None:
        current = rfm(con, as_of, segment_map)
    table = segment_summary(current)
    orders = current.groupby("segment")["frequency"].sum()
    table["orders"] = table["segment"].map(orders).fillna(0).astype("int64")
    basket = table["revenue"] / table["orders"].where(table["orders"] > 0)
    table["average_basket"] = pd.array(basket.round(2), dtype="Float64")
    order = table["segment"].tolist()
    if as_of is None:
        moves = pd.DataFrame(0, index=[NO_SEGMENT, *order], columns=order)
    else:
        moves = segment_movement(con, as_of - timedelta(days=7), as_of, segment_map, current,
                                 week_before)
        moves = moves.reindex(index=[NO_SEGMENT, *order], columns=order, fill_value=0)
    stayed = pd.Series(np.diag(moves.loc[order, order]), index=order)
    last_week = moves.loc[order].sum(axis=1)
    table["last_week"] = last_week.reindex(order).to_numpy(dtype="int64")
    table["change"] = table["customers"] - table["last_week"]
    table["moved_in"] = (moves.sum(axis=0) - stayed).reindex(order).to_numpy(dtype="int64")
    table["moved_out"] = (last_week - stayed).reindex(order).to_numpy(dtype="int64")
    return table


def _between(low: object, high: object, show, key: str, lang: str) -> str | None:
    """'de 2 à 5' / 'au moins 2' / 'au plus 5' (catalogue entries ``key``_between, _from, _to),
    None when both ends are open; the bound given is the count of a plural entry."""
    if low is not None and high is not None:
        return text(f"{key}_between", lang, low=show(low), high=show(high), count=high)
    if low is not None:
        return text(f"{key}_from", lang, low=show(low), count=low)
    if high is not None:
        return text(f"{key}_to", lang, high=show(high), count=high)
    return None


def describe(segment_filter: SegmentFilter, lang: str = "fr", currency: str = "EUR") -> str:
    """The filter in one line of plain words, for the page, the file and the export log;
    amounts in ``currency``, the shop's."""
    names = segment_names(pd.Series(list(segment_filter.segments), dtype="str"), lang)
    parts = [
        text("describe_segments", lang, names=", ".join(names)) if len(names) else None,
        _between(segment_filter.last_order_from, segment_filter.last_order_to,
                 lambda d: day(d, lang), "describe_last_order", lang),
        _between(segment_filter.spend_min, segment_filter.spend_max,
                 lambda v: _amount(v, lang, currency), "describe_spend", lang),
        _between(segment_filter.orders_min, segment_filter.orders_max,
                 lambda n: number(n, 0, lang), "describe_orders", lang),
        text("describe_products", lang, names=", ".join(segment_filter.products))
        if segment_filter.products else None,
        text("describe_places", lang, names=", ".join(segment_filter.places))
        if segment_filter.places else None,
        text(CONSENT_WORDS[segment_filter.channel], lang)
        if segment_filter.consent_only else None,
        text("consent_describe_not_contacted", lang, count=segment_filter.not_contacted_days)
        if segment_filter.not_contacted_days else None,
        None if segment_filter.min_p_alive is None
        else text("describe_p_alive", lang, value=typed(segment_filter.min_p_alive, lang)),
        None if segment_filter.min_predicted_value is None
        else text("describe_predicted", lang,
                  value=_amount(segment_filter.min_predicted_value, lang, currency)),
        None if segment_filter.min_days_overdue is None
        else text("describe_overdue", lang, count=segment_filter.min_days_overdue),
        None if segment_filter.at_risk is None
        else text("describe_at_risk", lang, name=SUBLIST_NAMES[segment_filter.at_risk][lang]),
        text("products_describe_channels", lang, names=text("products_channel_or", lang).join(
            text(f"products_channel_{channel}", lang) for channel in segment_filter.sales_channels))
        if segment_filter.sales_channels else None,
        None if segment_filter.due_for is None
        else text("products_describe_due", lang, product=segment_filter.due_for),
        text("products_describe_not_seasonal", lang) if segment_filter.leave_out_seasonal
        else None,
        text("products_describe_codes", lang, codes=", ".join(segment_filter.discount_codes))
        if segment_filter.discount_codes else None,
    ]
    shown = [part for part in parts if part]
    return text("describe_separator", lang).join(shown) if shown else text("describe_everyone", lang)
