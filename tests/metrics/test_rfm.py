"""RFM scores and segments on the hand-computed shop of factories.py, and scoring invariants."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.rfm import (
    SEGMENT_MAP,
    SEGMENT_NAMES,
    RfmOptionError,
    enough_for_ranks,
    frequency_scores,
    rank_scores,
    recency_scores,
    rfm,
    segment_label,
    segment_movement,
    segment_summary,
)
from sample_data.demo import load_demo
from tests.metrics.factories import (
    clear_orders,
    insert_orders,
    insert_shop,
    order_rows,
    property_settings,
)

# Fewer than 20 customers: R is the calendar score (<= 30 days 5, <= 90 4, <= 180 3, <= 365 2,
# older 1); F counts orders (1, 2, 3, 4-5, 6+ -> 1..5); M = 1 + floor(5 * worse / n), n = 5.
# As of 2024-03-05:
#      last   R days  F  M       R      F           worse M (less)
#  A   03-05    0     5  145.00  5      4 (4-5)     4 -> 5
#  B   01-14   51     2   52.00  4      2           1 -> 2 (D)
#  C   02-15   19     2   70.00  5      2           2 -> 3 (D, B)
#  D   01-11   54     1   50.00  4      1           0 -> 1
#  E   02-20   14     1   70.00  5      1           2 -> 3 (tie with C)
# Segments (R, F): A (5,4) champions, B (4,2) and C (5,2) potential_loyalists, D (4,1) promising,
# E (5,1) new.
SHOP_RFM = pd.DataFrame(
    {
        "customer_id": np.array([1, 2, 3, 4, 5], dtype="int32"),
        "recency_days": [0, 51, 19, 54, 14],
        "frequency": [5, 2, 2, 1, 1],
        "monetary": [145.0, 52.0, 70.0, 50.0, 70.0],
        "r_score": [5, 4, 5, 4, 5],
        "f_score": [4, 2, 2, 1, 1],
        "m_score": [5, 2, 3, 1, 3],
        "segment": ["champions", "potential_loyalists", "potential_loyalists", "promising", "new"],
        "segment_fr": ["Champions", "Fidèles potentiels", "Fidèles potentiels", "Prometteurs",
                       "Nouveaux venus"],
        "segment_en": ["Champions", "Potential loyalists", "Potential loyalists", "Promising",
                       "Newcomers"],
    }
)


def test_rfm_hand_computed(con):
    insert_shop(con)
    pdt.assert_frame_equal(rfm(con), SHOP_RFM)
    pdt.assert_frame_equal(rfm(con, as_of=date(2024, 3, 5)), SHOP_RFM)


def test_rfm_as_of_earlier(con):
    insert_shop(con)
    # As of 2024-01-31, n = 4: every last order is within 30 days, so R = 5; M = 1 + floor(5 *
    # worse / 4) = 1, 2, 3, 4 for worse 0..3:
    #      R days  F        M    worse M
    #  A     22    4 -> 4   120  3 -> 4
    #  B     17    2 -> 2    52  2 -> 3
    #  C     29    1 -> 1    40  0 -> 1
    #  D     20    1 -> 1    50  1 -> 2
    # A (5,4) champions, B (5,2) potential_loyalists, C and D (5,1) new.
    table = rfm(con, as_of=date(2024, 1, 31))
    assert table["recency_days"].tolist() == [22, 17, 29, 20]
    assert table[["r_score", "f_score", "m_score"]].to_numpy().tolist() == [
        [5, 4, 4], [5, 2, 3], [5, 1, 1], [5, 1, 2]
    ]
    assert table["segment"].tolist() == ["champions", "potential_loyalists", "new", "new"]


def test_three_customer_shop_gets_no_absurd_segment(con):
    # Issue 13: with 3 customers, ranks made the one who bought 4 weeks ago "Perdus" and the one
    # who bought today "Prometteurs". Bought today, 28 days ago, two years ago; one order each.
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": "2024-06-30 10:00", "amount": 30.0},
        {"customer_id": 2, "ordered_at": "2024-06-02 10:00", "amount": 30.0},
        {"customer_id": 3, "ordered_at": "2022-06-30 10:00", "amount": 30.0},
    ])
    table = rfm(con)
    assert table["recency_days"].tolist() == [0, 28, 731]
    assert table["r_score"].tolist() == [5, 5, 1]
    assert table["segment_fr"].tolist() == ["Nouveaux venus", "Nouveaux venus", "Perdus"]
    assert not enough_for_ranks(len(table))


def test_calendar_and_count_scores():
    assert frequency_scores(np.array([1, 2, 3, 4, 5, 6, 40])).tolist() == [1, 2, 3, 4, 4, 5, 5]
    days = np.array([0, 30, 31, 90, 91, 180, 181, 365, 366, 800])
    assert recency_scores(days).tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]  # 10 customers


def test_ranked_recency_stays_within_one_step_of_the_calendar():
    # 20 customers: 10 bought 3 days ago, 4 25 days ago, 1 400 days ago, 5 700 days ago.
    # Ranks 1 + floor(5 * worse / 20): 700 -> 1, 400 (worse 5) -> 2, 25 (worse 6) -> 2,
    # 3 (worse 10) -> 3. Calendar: 3 and 25 days -> 5, so R is 4 (the 25-day ones would have
    # been "hibernating" by rank alone); 400 and 700 days -> 1, so R <= 2: unchanged.
    days = np.array([3] * 10 + [25] * 4 + [400] + [700] * 5)
    assert recency_scores(days).tolist() == [4] * 14 + [2] + [1] * 5
    # A shop whose customers are all long gone: the best rank (5) is still R 2 after a year.
    assert recency_scores(np.array([400] + [800] * 19)).tolist() == [2] + [1] * 19


def test_demo_shop_fills_every_frequency_score(con):
    # 59 % of the demo's customers ordered once: by quintile F2 was empty by construction
    # (F1 1768, F2 0, F3 603, F4 235, F5 368); by order counts every score holds customers.
    load_demo(con)
    table = rfm(con)
    assert table["f_score"].value_counts().sort_index().to_dict() == {
        1: 1768, 2: 603, 3: 235, 4: 201, 5: 167
    }
    assert table["r_score"].value_counts().sort_index().to_dict() == {
        1: 596, 2: 595, 3: 762, 4: 483, 5: 538
    }


@given(days=st.lists(st.integers(0, 2000), min_size=1, max_size=60),
       orders=st.lists(st.integers(1, 30), min_size=1, max_size=60))
def test_scores_are_monotone(days, orders):
    # Either side of MIN_RANKED_CUSTOMERS: a more recent last order never gets a worse R, more
    # orders never a lower F, and the calendar's guard rails always hold.
    days = np.sort(np.array(days))
    r = recency_scores(days)
    assert (np.diff(r) <= 0).all() and ((r >= 1) & (r <= 5)).all()
    assert (r[days <= 30] >= 4).all() and (r[days > 365] <= 2).all()
    f = frequency_scores(np.sort(np.array(orders)))
    assert (np.diff(f) >= 0).all() and ((f >= 1) & (f <= 5)).all()


@settings(deadline=None)
@given(values=st.lists(st.integers(-30, 30).map(lambda v: v / 4), max_size=80))
def test_rank_scores_follow_their_definition(values):
    """1 + floor(5 x the values strictly lower / n), ties and all, as a pairwise count says."""
    values = np.array(values, dtype=float)
    worse = (values[np.newaxis, :] < values[:, np.newaxis]).sum(axis=1)
    assert rank_scores(values).tolist() == (1 + 5 * worse // max(len(values), 1)).tolist()


def test_segment_map_covers_the_grid():
    assert set(SEGMENT_MAP) == {(r, f) for r in range(1, 6) for f in range(1, 6)}
    assert set(SEGMENT_MAP.values()) == set(SEGMENT_NAMES)
    assert len(SEGMENT_NAMES) == 11
    assert SEGMENT_MAP[(5, 5)] == SEGMENT_MAP[(4, 4)] == "champions"
    assert SEGMENT_MAP[(1, 1)] == "lost"
    # Both parts of "À risque" (metrics.at_risk) say so in their names.
    assert SEGMENT_NAMES["cant_lose"]["fr"] == "À risque — à ne pas perdre"


def test_custom_segment_map(con):
    insert_shop(con)
    custom = {pair: ("vip" if pair[1] >= 3 else "autres") for pair in SEGMENT_MAP}
    table = rfm(con, segment_map=custom)
    assert table["segment"].tolist() == ["vip", "autres", "autres", "autres", "autres"]
    assert table["segment_fr"].tolist() == table["segment"].tolist()  # no name: the key itself
    summary = segment_summary(table)
    assert summary["segment"].tolist()[-2:] == ["autres", "vip"]  # after the 11 known ones
    assert summary["customers"].tolist()[-2:] == [4, 1]
    with pytest.raises(RfmOptionError, match="ne couvre pas R1F1, R5F5"):
        rfm(con, segment_map={k: v for k, v in custom.items() if k not in [(1, 1), (5, 5)]})


def test_segment_summary(con):
    insert_shop(con)
    summary = segment_summary(rfm(con))
    assert summary["segment"].tolist() == list(SEGMENT_NAMES)  # fixed order, empty ones too
    found = summary.set_index("segment").loc[
        ["champions", "potential_loyalists", "new", "promising"]
    ]
    assert found["customers"].tolist() == [1, 2, 1, 1]
    assert found["share"].tolist() == [0.2, 0.4, 0.2, 0.2]
    assert found["revenue"].tolist() == [145.0, 122.0, 70.0, 50.0]  # A, B + C, E, D
    assert found["average_recency_days"].tolist() == [0.0, 35.0, 14.0, 54.0]
    empty = summary.set_index("segment").loc["loyal"]
    assert (empty["customers"], empty["revenue"]) == (0, 0.0)
    assert np.isnan(empty["average_recency_days"])
    assert summary.loc[summary["segment"] == "promising", "segment_fr"].item() == "Prometteurs"


def test_segment_movement(con):
    insert_shop(con)
    # 2024-01-31 -> 2024-03-05 (see the two tests above): A stays champions, B stays
    # potential_loyalists, C new -> potential_loyalists, D new -> promising, E not a customer
    # yet ("none") -> new.
    moves = segment_movement(con, date(2024, 1, 31), date(2024, 3, 5))
    assert moves.index.tolist() == ["none", *SEGMENT_NAMES]
    assert moves.columns.tolist() == list(SEGMENT_NAMES)
    assert int(moves.to_numpy().sum()) == 5
    pairs = moves.stack()
    assert sorted(pairs[pairs > 0].index.tolist()) == [
        ("champions", "champions"),
        ("new", "potential_loyalists"),
        ("new", "promising"),
        ("none", "new"),
        ("potential_loyalists", "potential_loyalists"),
    ]
    with pytest.raises(RfmOptionError, match="inversez-les"):
        segment_movement(con, date(2024, 3, 5), date(2024, 1, 31))


def test_empty_database(con):
    assert rfm(con).empty
    assert segment_summary(rfm(con))["customers"].sum() == 0


@property_settings
@given(rows=order_rows)
def test_score_invariants(con, rows):
    clear_orders(con)
    insert_orders(con, rows)
    table = rfm(con)
    for value, score, higher_is_better in [
        ("recency_days", "r_score", False),
        ("frequency", "f_score", True),
        ("monetary", "m_score", True),
    ]:
        assert table[score].between(1, 5).all()
        assert (table.groupby(value)[score].nunique() == 1).all()  # equal values, equal scores
        ordered = table.sort_values(value, ascending=higher_is_better)
        assert ordered[score].is_monotonic_increasing  # a better value never scores lower
    assert (table.loc[table["frequency"] == 1, "f_score"] == 1).all()
    assert (table.loc[table["monetary"] == table["monetary"].min(), "m_score"] == 1).all()
    assert table["segment"].isin(list(SEGMENT_NAMES)).all()
    assert (table["recency_days"] >= 0).all()


def test_segment_names_are_those_of_the_keys(con):
    # rfm spreads the 25 cells' names by cell; they must be segment_label of each customer's key,
    # with the default map (demo shop: every segment, two dates) and a custom one (the key itself).
    load_demo(con)
    custom = {pair: ("vip" if pair[1] >= 3 else "autres") for pair in SEGMENT_MAP}
    for as_of, segment_map in ((None, None), (date(2024, 6, 30), None), (None, custom)):
        table = rfm(con, as_of, segment_map)
        assert table["segment"].nunique() > 1
        for lang in ("fr", "en"):
            pdt.assert_series_equal(table[f"segment_{lang}"],
                                    segment_label(table["segment"], lang), check_names=False)
    clear_orders(con)
    empty = rfm(con)
    for lang in ("fr", "en"):
        pdt.assert_series_equal(empty[f"segment_{lang}"], segment_label(empty["segment"], lang),
                                check_names=False)
