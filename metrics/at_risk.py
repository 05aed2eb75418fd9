"""À risque: the one meaning of "a good customer slipping away", and its named sub-lists.

Segments, Valeur client, the Monday report and ``python -m metrics segment --at-risk`` all take
their people from ``at_risk`` here, so they show the same people and the same counts (issue 13:
three lists for one worry were three different counts).

- À risque ("all"): customers in the RFM segments AT_RISK_SEGMENTS, that is R 1-2 and F 3-5 on
  the default grid: they came back several times, and their last valid order is now among the
  oldest. Known without any model, at any date.
- À risque — précieux ("valuable"): and M score >= VALUABLE_M_SCORE (the two fifths who spend
  most).
- À appeler cette semaine ("to_call"): précieux, and entered À risque in the 7 days ending on
  ``as_of`` or their expected next purchase fell in those 7 days, and they have not refused
  calls (consent per channel: an e-mail unsubscribe says nothing about calls; whoever is on a
  « Ne pas appeler » list or said no to calls is never on it).
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics.dates import facts_as_of, resolve_as_of
from metrics.rfm import SCORE_PAIRS, _checked_map, frequency_scores, recency_scores, rfm
from metrics.sql_files import run_sql, sql_text
from store.frames import relation_frame

AT_RISK_SEGMENTS = ("at_risk", "cant_lose")
VALUABLE_M_SCORE = 4
# The sub-lists, each inside the one before: key -> the flag column that selects it.
SUBLISTS = {"all": None, "valuable": "valuable", "to_call": "to_call"}
SUBLIST_NAMES: dict[str, dict[str, str]] = {
    "all": {"fr": "À risque", "en": "At risk"},
    "valuable": {"fr": "À risque — précieux", "en": "At risk — valuable"},
    "to_call": {"fr": "À appeler cette semaine", "en": "To call this week"},
}
WEEK = timedelta(days=7)
COLUMNS = [
    "customer_id", "name", "email", "phone", "email_consent", "call_consent", "suppressed",
    "orders", "spend",
    "last_ordered_at", "expected_next_order", "segment", "segment_fr", "segment_en", "m_score",
    "valuable", "became_at_risk", "overdue", "to_call",
]


def at_risk_table(
    facts: pd.DataFrame, before: pd.DataFrame, after: pd.DataFrame, as_of: date
) -> pd.DataFrame:
    """The customers at risk at the end of day ``as_of`` with the flags of the sub-lists
    (COLUMNS), biggest spenders first.

    ``facts``: report_customer_facts.sql as of ``as_of``; ``before``/``after``: metrics.rfm.rfm
    7 days before ``as_of`` and on ``as_of``.
    """
    scores = after[["customer_id", "segment", "segment_fr", "segment_en", "m_score"]]
    table = facts.merge(scores[scores["segment"].isin(AT_RISK_SEGMENTS)], on="customer_id")
    was_at_risk = before.loc[before["segment"].isin(AT_RISK_SEGMENTS), "customer_id"]
    table["valuable"] = table["m_score"] >= VALUABLE_M_SCORE
    table["became_at_risk"] = ~table["customer_id"].isin(was_at_risk)
    end = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    expected = table["expected_next_order"]
    table["overdue"] = ((expected >= end - WEEK) & (expected < end)).fillna(False).astype(bool)
    table["to_call"] = (
        table["valuable"] & (table["became_at_risk"] | table["overdue"])
        & table["call_consent"].ne(False).fillna(True).astype(bool)
    )
    return (
        table[COLUMNS]
        .sort_values(["spend", "customer_id"], ascending=[False, True])
        .reset_index(drop=True)
    )


def at_risk(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    scores: pd.DataFrame | None = None,
    segment_map: dict[tuple[int, int], str] | None = None,
    week_before: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """at_risk_table as of ``as_of`` (default: the latest valid order). ``scores`` and
    ``week_before``: rfm(con, as_of, segment_map) and rfm(con, as_of - WEEK, segment_map) (or
    its customer_id and segment: segments_on) when the caller already has them."""
    as_of = resolve_as_of(con, as_of)
    after = rfm(con, as_of, segment_map) if scores is None else scores
    if as_of is None:  # no valid order: nobody
        before = after
    else:
        before = (segments_on(con, as_of - WEEK, segment_map) if week_before is None
                  else week_before)
    chosen = after.loc[after["segment"].isin(AT_RISK_SEGMENTS), ["customer_id"]]
    return at_risk_table(_facts_of(con, chosen, as_of), before, after, as_of)


def segments_on(
    con: duckdb.DuckDBPyConnection, day: date, segment_map: dict[tuple[int, int], str] | None
) -> pd.DataFrame:
    """customer_id and segment of rfm(con, day, segment_map), the same values, from recency and
    frequency only (at_risk_week_before.sql): who was at risk a week before needs no money, and
    the customers who bought since are recounted from their orders alone (bench/RESULTS.md)."""
    mapping = _checked_map(segment_map)
    table = run_sql(con, "at_risk_week_before", as_of=day)
    r_score = recency_scores(table["recency_days"].to_numpy())
    f_score = frequency_scores(table["frequency"].to_numpy())
    cells = pd.Series([mapping[pair] for pair in SCORE_PAIRS], dtype="str")
    table["segment"] = cells.take((r_score - 1) * 5 + f_score - 1).set_axis(table.index)
    return table[["customer_id", "segment"]]


def _facts_of(con: duckdb.DuckDBPyConnection, people: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """report_customer_facts.sql as of ``as_of`` for ``people`` (customer_id) only: the at-risk
    few, not every customer's contact details turned into a DataFrame."""
    cur = con.cursor()
    try:
        facts = cur.sql(sql_text("report_customer_facts"), params=facts_as_of(con, as_of))
        return relation_frame(facts.join(cur.from_df(people), "customer_id", how="semi"))
    finally:
        cur.close()


def sublist(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of at_risk_table in the sub-list ``name`` (a key of SUBLISTS)."""
    flag = SUBLISTS[name]
    return table if flag is None else table[table[flag]]


def counts(table: pd.DataFrame) -> dict[str, int]:
    """People in each sub-list of at_risk_table, by SUBLISTS key."""
    return {name: len(sublist(table, name)) for name in SUBLISTS}
