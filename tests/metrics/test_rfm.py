"""RFM scores and segments on the hand-computed shop of factories.py, and scoring invariants."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import given

from metrics.rfm import (
    SEGMENT_MAP,
    SEGMENT_NAMES,
    RfmOptionError,
    rfm,
    segment_movement,
    segment_summary,
)
from tests.metrics.factories import (
    clear_orders,
    insert_orders,
    insert_shop,
    order_rows,
    property_settings,
)

# Score rule: 1 + floor(5 * worse / n), worse = customers with a strictly worse value.
# As of 2024-03-05, n = 5, so score = 1 + worse:
#      last   R days  F  M       worse R (more days)  worse F (fewer)  worse M (less)
#  A   03-05    0     5  145.00  4 -> 5               4 -> 5            4 -> 5
#  B   01-14   51     2   52.00  1 -> 2               2 -> 3 (D, E)     1 -> 2 (D)
#  C   02-15   19     2   70.00  2 -> 3               2 -> 3            2 -> 3 (D, B)
#  D   01-11   54     1   50.00  0 -> 1               0 -> 1            0 -> 1
#  E   02-20   14     1   70.00  3 -> 4               0 -> 1            2 -> 3 (tie with C)
# Segments (R, F): A (5,5) champions, B (2,3) at_risk, C (3,3) need_attention, D (1,1) lost,
# E (4,1) promising.
SHOP_RFM = pd.DataFrame(
    {
        "customer_id": np.array([1, 2, 3, 4, 5], dtype="int32"),
        "recency_days": [0, 51, 19, 54, 14],
        "frequency": [5, 2, 2, 1, 1],
        "monetary": [145.0, 52.0, 70.0, 50.0, 70.0],
        "r_score": [5, 2, 3, 1, 4],
        "f_score": [5, 3, 3, 1, 1],
        "m_score": [5, 2, 3, 1, 3],
        "segment": ["champions", "at_risk", "need_attention", "lost", "promising"],
        "segment_fr": ["Champions", "À risque — réguliers", "À surveiller", "Perdus",
                       "Prometteurs"],
        "segment_en": ["Champions", "At risk — regulars", "Need attention", "Lost", "Promising"],
    }
)


def test_rfm_hand_computed(con):
    insert_shop(con)
    pdt.assert_frame_equal(rfm(con), SHOP_RFM)
    pdt.assert_frame_equal(rfm(con, as_of=date(2024, 3, 5)), SHOP_RFM)


def test_rfm_as_of_earlier(con):
    insert_shop(con)
    # As of 2024-01-31, n = 4, score = 1 + floor(5 * worse / 4) = 1, 2, 3, 4 for worse 0..3:
    #      R days  F  M    worse R  worse F  worse M
    #  A     22    4  120  1 -> 2   3 -> 4   3 -> 4
    #  B     17    2   52  3 -> 4   2 -> 3   2 -> 3
    #  C     29    1   40  0 -> 1   0 -> 1   0 -> 1
    #  D     20    1   50  2 -> 3   0 -> 1   1 -> 2
    # A (2,4) at_risk, B (4,3) potential_loyalists, C (1,1) lost, D (3,1) about_to_sleep.
    table = rfm(con, as_of=date(2024, 1, 31))
    assert table["recency_days"].tolist() == [22, 17, 29, 20]
    assert table[["r_score", "f_score", "m_score"]].to_numpy().tolist() == [
        [2, 4, 4], [4, 3, 3], [1, 1, 1], [3, 1, 2]
    ]
    assert table["segment"].tolist() == ["at_risk", "potential_loyalists", "lost", "about_to_sleep"]


def test_heavy_ties_get_equal_scores(con):
    # Ten customers bought on the same day: 7 once, 2 twice, 1 three times (10 EUR each).
    rows = [
        {"customer_id": customer, "ordered_at": f"2024-05-0{k + 1} 10:00", "amount": 10.0}
        for customer, orders in zip(range(1, 11), [1] * 7 + [2, 2, 3], strict=True)
        for k in range(orders)
    ]
    insert_orders(con, rows)
    table = rfm(con, as_of=date(2024, 5, 10))
    # F: 1 order -> worse 0 -> 1; 2 orders -> worse 7 -> 1 + 35 // 10 = 4; 3 -> 1 + 45 // 10 = 5.
    assert table["f_score"].tolist() == [1] * 7 + [4, 4, 5]
    assert table["m_score"].tolist() == [1] * 7 + [4, 4, 5]
    # R: last orders 05-01 (x7) 05-02 (x2) 05-03: worse 0, 7, 9 -> 1, 4, 5.
    assert table["r_score"].tolist() == [1] * 7 + [4, 4, 5]


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
    assert table["segment"].tolist() == ["vip", "vip", "vip", "autres", "autres"]
    assert table["segment_fr"].tolist() == table["segment"].tolist()  # no name: the key itself
    summary = segment_summary(table)
    assert summary["segment"].tolist()[-2:] == ["autres", "vip"]  # after the 11 known ones
    assert summary["customers"].tolist()[-2:] == [2, 3]
    with pytest.raises(RfmOptionError, match="ne couvre pas R1F1, R5F5"):
        rfm(con, segment_map={k: v for k, v in custom.items() if k not in [(1, 1), (5, 5)]})


def test_segment_summary(con):
    insert_shop(con)
    summary = segment_summary(rfm(con))
    assert summary["segment"].tolist() == list(SEGMENT_NAMES)  # fixed order, empty ones too
    found = summary.set_index("segment").loc[
        ["champions", "promising", "need_attention", "at_risk", "lost"]
    ]
    assert found["customers"].tolist() == [1, 1, 1, 1, 1]
    assert found["share"].tolist() == [0.2] * 5
    assert found["revenue"].tolist() == [145.0, 70.0, 70.0, 52.0, 50.0]  # A, E, C, B, D
    assert found["average_recency_days"].tolist() == [0.0, 14.0, 19.0, 51.0, 54.0]
    empty = summary.set_index("segment").loc["loyal"]
    assert (empty["customers"], empty["revenue"]) == (0, 0.0)
    assert np.isnan(empty["average_recency_days"])
    at_risk = summary["segment"] == "at_risk"
    assert summary.loc[at_risk, "segment_fr"].item() == "À risque — réguliers"


def test_segment_movement(con):
    insert_shop(con)
    # 2024-01-31 -> 2024-03-05 (see the two tests above): A at_risk -> champions,
    # B potential_loyalists -> at_risk, C lost -> need_attention, D about_to_sleep -> lost,
    # E not a customer yet ("none") -> promising.
    moves = segment_movement(con, date(2024, 1, 31), date(2024, 3, 5))
    assert moves.index.tolist() == ["none", *SEGMENT_NAMES]
    assert moves.columns.tolist() == list(SEGMENT_NAMES)
    assert int(moves.to_numpy().sum()) == 5
    pairs = moves.stack()
    assert sorted(pairs[pairs > 0].index.tolist()) == [
        ("about_to_sleep", "lost"),
        ("at_risk", "champions"),
        ("lost", "need_attention"),
        ("none", "promising"),
        ("potential_loyalists", "at_risk"),
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
        worst = table[value].min() if higher_is_better else table[value].max()
        assert (table.loc[table[value] == worst, score] == 1).all()
    assert table["segment"].isin(list(SEGMENT_NAMES)).all()
    assert (table["recency_days"] >= 0).all()
