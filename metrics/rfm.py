"""RFM: recency, frequency and monetary scores, and the named segments a shopkeeper acts on.

Rules (issue 13, "one meaning per word": a score means the same thing in a 3-customer shop and in
a 3,000-customer one, and no score column is empty by construction):

- R, from the calendar first. Days since the last valid order give a calendar score: up to 30
  days 5, 90 days 4, 180 days 3, 365 days 2, older 1 (the fixed "buy interval" bands of classic
  direct-marketing scoring, < 1 month = 5, 1-3 months = 4, 3-6 months = 3 ..., stretched to a
  year for a shop's slower rhythm). From MIN_RANKED_CUSTOMERS customers on, the score is the
  customer's quintile rank among the shop's customers (Hughes' RFM: 1 + floor(5 x worse / n),
  worse = customers who bought longer ago), kept within one step of the calendar score: a
  customer who bought in the last 30 days is R 4 or 5 (never lost, sleeping or at risk), one
  gone for over a year R 1 or 2 (never a champion, loyal or new). Below that many customers
  ranks are noise, so R is the calendar score.
- F, by order counts, never by rank: 1 order F1, 2 F2, 3 F3, 4-5 F4, 6 or more F5. Quintiles of
  a count with most customers at 1 order collapse (59 % one-order customers leave F2 empty by
  construction: the 2-order customers rank past the first two fifths); counts fill every score
  that has customers, and "F2" reads "two orders" in any shop.
- M, quintile rank of net spend (1 + floor(5 x worse / n), worse = customers who spent less):
  spend has few ties, and M names no segment.

Equal values get equal scores, and a more recent last order never gets a lower R, more orders
never a lower F. Segments come from the (R, F) pair through a plain dict: the usual 10-segment
RFM grid, with Champions widened to R4-5 F4-5 (so Loyal is R3 F4-5) and R1 F1 split off from
Hibernating as Lost. A shop can pass its own map.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from metrics.dates import facts_as_of
from metrics.sql_files import run_sql
from store.errors import ComptoirError

SEGMENT_NAMES: dict[str, dict[str, str]] = {
    "champions": {"fr": "Champions", "en": "Champions"},
    "loyal": {"fr": "Habitués", "en": "Regulars"},
    "potential_loyalists": {"fr": "Fidèles potentiels", "en": "Potential loyalists"},
    "new": {"fr": "Nouveaux venus", "en": "Newcomers"},
    "promising": {"fr": "Prometteurs", "en": "Promising"},
    "need_attention": {"fr": "À surveiller", "en": "Need attention"},
    "about_to_sleep": {"fr": "En train de s'endormir", "en": "About to sleep"},
    # Together they are "À risque" (metrics/at_risk.py), hence the shared first words.
    "at_risk": {"fr": "À risque — réguliers", "en": "At risk — regulars"},
    "cant_lose": {"fr": "À risque — à ne pas perdre", "en": "At risk — can't lose them"},
    "hibernating": {"fr": "En hibernation", "en": "Hibernating"},
    "lost": {"fr": "Perdus", "en": "Lost"},
}

_GRID = {  # R score -> segment for F = 1, 2, 3, 4, 5
    5: ("new", "potential_loyalists", "potential_loyalists", "champions", "champions"),
    4: ("promising", "potential_loyalists", "potential_loyalists", "champions", "champions"),
    3: ("about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"),
    2: ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    1: ("lost", "hibernating", "at_risk", "at_risk", "cant_lose"),
}
SEGMENT_MAP: dict[tuple[int, int], str] = {
    (r, f): segment for r, row in _GRID.items() for f, segment in enumerate(row, start=1)
}
NO_SEGMENT = "none"
SCORE_PAIRS = [(r, f) for r in range(1, 6) for f in range(1, 6)]
# Below this many customers a rank says nothing (with 3 customers, the one who bought 4 weeks ago
# ranked last: "Perdus"): R is the calendar score and the Segments page and the CLI list the
# customers by last order instead of naming segments.
MIN_RANKED_CUSTOMERS = 20
RECENCY_DAYS = (30, 90, 180, 365)  # upper bounds of the calendar scores 5, 4, 3, 2; older is 1
FREQUENCY_ORDERS = (2, 3, 4, 6)  # fewest orders of F2, F3, F4, F5; 1 order is F1


class RfmOptionError(ComptoirError):
    """A segment map leaving some (R, F) pairs without a segment, or dates in the wrong order."""


def segment_order(segments: pd.Series) -> list[str]:
    """The 11 known segments, best first, then any custom ones alphabetically."""
    extra = sorted(set(segments.dropna().unique()) - set(SEGMENT_NAMES))
    return [*SEGMENT_NAMES, *extra]


def segment_label(segments: pd.Series, lang: str) -> pd.Series:
    """Display names ("fr" or "en") of segment keys; a custom segment is shown as its key.

    Looked up once per distinct key (a dozen keys for up to a million customers), then spread.
    """
    names = {key: labels[lang] for key, labels in SEGMENT_NAMES.items()}
    codes, keys = pd.factorize(segments)
    shown = [names.get(key, key) for key in keys]
    return pd.Series([*shown, None], dtype="str").take(codes).set_axis(segments.index)  # -1: NA


def _checked_map(segment_map: dict[tuple[int, int], str] | None) -> dict[tuple[int, int], str]:
    mapping = SEGMENT_MAP if segment_map is None else segment_map
    missing = [pair for pair in SCORE_PAIRS if pair not in mapping]
    if missing:
        pairs = ", ".join(f"R{r}F{f}" for r, f in missing)
        raise RfmOptionError(
            f"La carte des segments ne couvre pas {pairs} : donnez un segment à chaque couple "
            "(R, F) de 1 à 5.",
            f"The segment map does not cover {pairs}: give every (R, F) pair from 1 to 5 a "
            "segment.",
        )
    return mapping


def enough_for_ranks(customers: int) -> bool:
    """Are there enough customers for rank scores and named segments (MIN_RANKED_CUSTOMERS)?"""
    return customers >= MIN_RANKED_CUSTOMERS


def rank_scores(values: np.ndarray) -> np.ndarray:
    """1 + floor(5 x share of values strictly lower), without sorting or ranking everyone.

    Score k or more needs worse >= ceil((k-1) n / 5) values strictly lower, that is a value above
    the ceil((k-1) n / 5)-th smallest: four cut values picked by selection (np.partition, linear
    time) and one binary search each. A sort with ranks was most of RFM's time on a big shop
    (bench/RESULTS.md)."""
    values = np.asarray(values)
    n = len(values)
    if n == 0:
        return np.ones(0, dtype=np.int64)
    positions = [-(-(k * n) // 5) - 1 for k in range(1, 5)]  # ceil(k n / 5) - 1, 0-based
    cuts = np.partition(values, positions)[positions]
    return 1 + np.searchsorted(cuts, values, side="left")


def recency_scores(days: np.ndarray) -> np.ndarray:
    """R of each customer from the days since their last valid order (module docstring): the
    calendar score, or from MIN_RANKED_CUSTOMERS customers on the quintile rank kept within one
    step of it."""
    calendar = 5 - np.searchsorted(RECENCY_DAYS, days, side="left")
    if not enough_for_ranks(len(days)):
        return calendar
    return np.clip(rank_scores(-np.asarray(days)), calendar - 1, calendar + 1)


def frequency_scores(orders: np.ndarray) -> np.ndarray:
    """F of each customer from their valid orders: 1, 2, 3, 4-5, 6+ give F1 to F5."""
    return 1 + np.searchsorted(FREQUENCY_ORDERS, orders, side="right")


def rfm(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    segment_map: dict[tuple[int, int], str] | None = None,
) -> pd.DataFrame:
    """One row per customer with a valid order up to ``as_of`` (default: the latest valid order).

    Columns: customer_id, recency_days (as_of minus the last valid order's date), frequency
    (valid orders), monetary (net spend), r_score, f_score, m_score (1-5, higher is better),
    segment (key), segment_fr, segment_en.
    """
    mapping = _checked_map(segment_map)
    table = run_sql(con, "rfm_totals", **facts_as_of(con, as_of))
    table["r_score"] = recency_scores(table["recency_days"].to_numpy())
    table["f_score"] = frequency_scores(table["frequency"].to_numpy())
    table["m_score"] = rank_scores(table["monetary"].to_numpy())
    cells = pd.Series([mapping[pair] for pair in SCORE_PAIRS], dtype="str")  # R1F1, R1F2, ...
    cell = (table["r_score"].to_numpy() - 1) * 5 + table["f_score"].to_numpy() - 1
    # The names of the 25 cells' segments, spread by cell like the keys: segment_label of the
    # keys, without looking the customers' keys up again (bench/RESULTS.md).
    for column, shown in (("segment", cells), ("segment_fr", segment_label(cells, "fr")),
                          ("segment_en", segment_label(cells, "en"))):
        table[column] = shown.take(cell).set_axis(table.index)
    return table


def segment_summary(rfm_df: pd.DataFrame) -> pd.DataFrame:
    """Per segment, in segment_order(): segment, segment_fr, segment_en, customers, share,
    revenue (net spend), average_recency_days (NA for an empty segment)."""
    summary = (
        rfm_df.groupby("segment")
        .agg(
            customers=("customer_id", "count"),
            revenue=("monetary", "sum"),
            average_recency_days=("recency_days", "mean"),
        )
        .reindex(pd.Index(segment_order(rfm_df["segment"]), dtype="str", name="segment"))
        .reset_index()
    )
    customers = summary["customers"].fillna(0).astype("int64")
    return pd.DataFrame(
        {
            "segment": summary["segment"],
            "segment_fr": segment_label(summary["segment"], "fr"),
            "segment_en": segment_label(summary["segment"], "en"),
            "customers": customers,
            "share": customers / customers.sum(),
            "revenue": summary["revenue"].fillna(0.0).astype("float64").round(2),
            "average_recency_days": summary["average_recency_days"].astype("float64"),
        }
    )


def segment_movement(
    con: duckdb.DuckDBPyConnection,
    date_from: date,
    date_to: date,
    segment_map: dict[tuple[int, int], str] | None = None,
    after: pd.DataFrame | None = None,
    before: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Customers by segment at ``date_from`` (rows) and at ``date_to`` (columns).

    Customers who had not bought yet at ``date_from`` are in the row "none". Every known
    segment appears, so the table keeps its shape from one period to the next. ``after`` and
    ``before``: rfm(con, date_to, segment_map) and rfm(con, date_from, segment_map) when the
    caller already has them.
    """
    if date_from > date_to:
        raise RfmOptionError(
            f"La date de départ ({date_from}) est après la date d'arrivée ({date_to}) : "
            "inversez-les.",
            f"The start date ({date_from}) is after the end date ({date_to}): swap them.",
        )
    before = (rfm(con, date_from, segment_map) if before is None else before)[
        ["customer_id", "segment"]]
    after = (rfm(con, date_to, segment_map) if after is None else after)[["customer_id", "segment"]]
    moves = after.merge(before, on="customer_id", how="left", suffixes=("_to", "_from"))
    moves["segment_from"] = moves["segment_from"].fillna(NO_SEGMENT)
    order = segment_order(pd.concat([before["segment"], after["segment"]]))
    table = pd.crosstab(moves["segment_from"], moves["segment_to"])
    return table.reindex(index=[NO_SEGMENT, *order], columns=order, fill_value=0)
