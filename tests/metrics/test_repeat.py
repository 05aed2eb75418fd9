"""Repeat purchase on the hand-computed shop of factories.py, and invariants on random shops."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import given

from metrics.dates import UnknownPeriodError
from metrics.repeat import (
    days_between_orders,
    days_to_second_order,
    orders_per_customer,
    repeat_rate_by_cohort,
    repeat_rate_by_first_product,
    repeat_rate_trend,
    repeat_summary,
    second_order_within,
)
from tests.metrics.factories import (
    clear_orders,
    insert_orders,
    insert_shop,
    order_rows,
    property_settings,
)

# Valid order dates per customer (as of 2024-03-05, the latest valid order):
#  A 12-04, 12-28, 01-09, 01-09, 03-05  gaps 24, 12, 0 (same day), 56 (Jan 9 -> Mar 5, leap Feb)
#  B 12-20, 01-14                       gap 25 (11 days to Dec 31, then 14)
#  C 01-02, 02-15                       gap 44
#  D 01-11 (its 01-10 order was refunded), E 02-20: one order each. F only has a pending order.


def test_repeat_summary(con):
    insert_shop(con)
    # 5 customers, 3 with >= 2 orders; first -> second 24, 25, 44 -> median 25;
    # all gaps 0, 12, 24, 25, 44, 56 -> median (24 + 25) / 2 = 24.5.
    assert repeat_summary(con) == {
        "customers": 5,
        "repeat_customers": 3,
        "repeat_rate": 0.6,
        "median_days_first_to_second": 25.0,
        "median_days_between_orders": 24.5,
    }
    # As of 2024-01-10: A has 4 orders (gaps 24, 12, 0), B and C one each, D none yet
    # -> 1 repeat customer of 3; first -> second 24; median of 24, 12, 0 is 12.
    assert repeat_summary(con, as_of=date(2024, 1, 10)) == {
        "customers": 3,
        "repeat_customers": 1,
        "repeat_rate": 1 / 3,
        "median_days_first_to_second": 24.0,
        "median_days_between_orders": 12.0,
    }


def test_repeat_summary_empty(con):
    assert repeat_summary(con) == {
        "customers": 0,
        "repeat_customers": 0,
        "repeat_rate": None,
        "median_days_first_to_second": None,
        "median_days_between_orders": None,
    }


def test_orders_per_customer(con):
    insert_shop(con)
    # D, E 1 order; B, C 2; A 5; nobody has 3 or 4 (listed with 0 for the bar chart).
    expected = pd.DataFrame(
        {
            "n_orders": [1, 2, 3, 4, 5],
            "label": ["1", "2", "3", "4", "5"],
            "customers": [2, 2, 0, 0, 1],
            "share": [0.4, 0.4, 0.0, 0.0, 0.2],
        }
    )
    pdt.assert_frame_equal(orders_per_customer(con), expected, check_dtype=False)
    capped = pd.DataFrame(
        {"n_orders": [1, 2], "label": ["1", "2+"], "customers": [2, 3], "share": [0.4, 0.6]}
    )
    pdt.assert_frame_equal(orders_per_customer(con, cap=2), capped, check_dtype=False)


def test_days_between_and_to_second_order(con):
    insert_shop(con)
    expected = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 1, 2, 3],
            "gap_number": [1, 2, 3, 4, 1, 1],
            "days": [24, 12, 0, 56, 25, 44],
        }
    )
    pdt.assert_frame_equal(days_between_orders(con), expected, check_dtype=False)
    second = pd.DataFrame({"customer_id": [1, 2, 3], "days": [24, 25, 44]})
    pdt.assert_frame_equal(days_to_second_order(con), second, check_dtype=False)
    # As of 2024-01-13 B's second order (01-14) has not happened yet.
    assert days_to_second_order(con, as_of=date(2024, 1, 13))["customer_id"].tolist() == [1]


def test_second_order_within(con):
    insert_shop(con)
    # Second orders after 24 (A), 25 (B), 44 (C) days; "within N" means days <= N. share: of
    # the 3 repeat customers; share_of_customers: of all 5 customers (D and E never came back).
    expected = pd.DataFrame(
        {"days": [7, 24, 30, 60], "customers": [0, 1, 2, 3], "share": [0.0, 1 / 3, 2 / 3, 1.0],
         "share_of_customers": [0.0, 0.2, 0.4, 0.6]}
    )
    pdt.assert_frame_equal(
        second_order_within(con, days=[7, 24, 30, 60]), expected, check_dtype=False
    )
    assert second_order_within(con)["days"].tolist() == [30, 60, 90, 180, 365]
    # Horizons asked twice or out of order: each once, ascending (30 was counted twice).
    again = second_order_within(con, days=[30, 7, 30])
    assert again.to_dict("list") == {"days": [7, 30], "customers": [0, 2], "share": [0.0, 2 / 3],
                                     "share_of_customers": [0.0, 0.4]}


def test_repeat_rate_by_cohort(con):
    insert_shop(con)
    expected = pd.DataFrame(
        {
            "cohort": pd.to_datetime(["2023-12-01", "2024-01-01", "2024-02-01"]).as_unit("us"),
            "customers": [2, 2, 1],  # A, B | C, D | E
            "repeat_customers": [2, 1, 0],
            "repeat_rate": [1.0, 0.5, 0.0],
        }
    )
    pdt.assert_frame_equal(repeat_rate_by_cohort(con), expected, check_dtype=False)
    # Quarters: Q4 2023 A, B both repeat; Q1 2024 C repeats, D and E not.
    quarterly = repeat_rate_by_cohort(con, period="quarter")
    assert quarterly["repeat_rate"].tolist() == [1.0, 1 / 3]
    with pytest.raises(UnknownPeriodError):
        repeat_rate_by_cohort(con, period="day")


def test_repeat_rate_by_first_product(con):
    insert_shop(con)
    # First valid orders: A Savon; B Bougie; C Savon + Bougie (+ Savon again: counted once);
    # D Coffret; E Coffret. Repeat customers: A, B, C.
    expected = pd.DataFrame(
        {
            "product": ["Bougie", "Coffret", "Savon"],
            "customers": [2, 2, 2],  # B, C | D, E | A, C
            "repeat_customers": [2, 0, 2],
            "repeat_rate": [1.0, 0.0, 1.0],
        }
    )
    pdt.assert_frame_equal(
        repeat_rate_by_first_product(con, min_customers=2), expected, check_dtype=False
    )
    assert repeat_rate_by_first_product(con).empty  # default needs 5 customers per product


def test_first_order_tie_goes_to_the_lower_order_number(con):
    # Two orders at the same minute: the first inserted (lower order_id) is the first order.
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": "2024-01-05 10:00", "amount": 10, "products": ["Savon"]},
        {"customer_id": 1, "ordered_at": "2024-01-05 10:00", "amount": 20, "products": ["Bougie"]},
        {"customer_id": 2, "ordered_at": "2024-01-06 09:00", "amount": 10, "products": ["Savon"]},
        {"customer_id": 2, "ordered_at": "2024-01-06 09:00", "amount": 20, "products": ["Coffret"]},
    ])
    table = repeat_rate_by_first_product(con, min_customers=1)
    assert table[["product", "customers", "repeat_customers"]].to_dict("records") == [
        {"product": "Savon", "customers": 2, "repeat_customers": 2},
    ]


def test_repeat_rate_trend(con):
    insert_shop(con)
    # Within 30 days, as of 2024-03-05: Dec (last day + 30 = 01-30) and Jan (03-01) are complete,
    # Feb (03-30) is not. Dec: A 24, B 25 -> 2/2. Jan: C 44 > 30, D none -> 0/2.
    expected = pd.DataFrame(
        {
            "month": pd.to_datetime(["2023-12-01", "2024-01-01"]).as_unit("us"),
            "customers": [2, 2],
            "repeat_customers": [2, 0],
            "repeat_rate": [1.0, 0.0],
        }
    )
    pdt.assert_frame_equal(repeat_rate_trend(con, within_days=30), expected, check_dtype=False)
    # Within 90 days as of 2024-06-30: Dec 2/2, Jan C (44 days) 1/2, Feb E 0/1.
    later = repeat_rate_trend(con, as_of=date(2024, 6, 30))
    assert later["repeat_rate"].tolist() == [1.0, 0.5, 0.0]
    assert repeat_rate_trend(con).empty  # as of 03-05 no month has had 90 days yet


@property_settings
@given(rows=order_rows)
def test_repeat_invariants(con, rows):
    clear_orders(con)
    insert_orders(con, rows)
    summary = repeat_summary(con)
    distribution = orders_per_customer(con)
    gaps = days_between_orders(con)
    assert distribution["customers"].sum() == summary["customers"]
    assert distribution.loc[distribution["n_orders"] >= 2, "customers"].sum() == (
        summary["repeat_customers"]
    )
    assert len(days_to_second_order(con)) == summary["repeat_customers"]
    assert (gaps["days"] >= 0).all()
    if summary["customers"]:
        assert 0 <= summary["repeat_rate"] <= 1
        assert distribution["share"].sum() == pytest.approx(1.0)
    shares = second_order_within(con)["share"].dropna()
    assert shares.between(0, 1).all() and shares.is_monotonic_increasing
    for table in (repeat_rate_by_cohort(con), repeat_rate_by_first_product(con, min_customers=1)):
        assert table["repeat_rate"].between(0, 1).all()
