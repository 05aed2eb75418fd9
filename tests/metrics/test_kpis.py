"""Weekly KPIs and week helpers on the hand-computed shop of factories.py."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pandas.testing as pdt

from metrics.dates import default_week, latest_order_date, week_start
from metrics.kpis import METRICS, weekly_kpis, weekly_trend
from tests.metrics.factories import insert_orders, insert_shop

NA = np.nan


def kpi_frame(columns: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(columns, index=pd.Index(METRICS, name="metric"), dtype="float64")


def test_week_helpers(con):
    assert latest_order_date(con) is None
    assert default_week(con) is None
    insert_shop(con)
    assert latest_order_date(con) == date(2024, 3, 5)  # order 15, a Tuesday
    assert default_week(con) == date(2024, 3, 4)
    assert week_start(date(2024, 1, 8)) == date(2024, 1, 8)  # Monday stays
    assert week_start(date(2024, 1, 14)) == date(2024, 1, 8)  # Sunday -> its Monday
    assert week_start(date(2024, 1, 1)) == date(2024, 1, 1)  # Monday 1 January


def test_weekly_kpis_hand_computed(con):
    insert_shop(con)
    # this week [2024-01-08, 01-15): valid orders 6 (A 35), 7 (A 15, same day), 9 (D 80-30 = 50),
    #   10 (anonymous 12), 12 (B 22); 8 refunded and 11 pending are out.
    #   revenue 134, orders 5, customers A, B, D = 3, new = D (first valid order 01-11; its
    #   refunded order 01-10 does not count) = 1, returning = A, B = 2, basket 134 / 5 = 26.80.
    #   repeat rate over [2023-01-16, 2024-01-15): A 4 orders, B 2, C 1, D 1 -> 2 / 4 = 0.5.
    # last week [2024-01-01, 01-08): order 4 (C 40); order 5 cancelled.
    #   revenue 40, orders 1, customers 1, new 1 (C), returning 0, basket 40.
    #   repeat rate over [2023-01-09, 2024-01-08): A 2, B 1, C 1 -> 1 / 3.
    # last year [2023-01-09, 01-16): nothing -> zeros, basket and repeat rate NA.
    # changes vs last week: revenue 94 / 40 = 2.35, orders 4, customers 2, new 0, returning NA
    #   (base 0), basket (26.8 - 40) / 40 = -0.33; a rate changes in points: 0.5 - 1/3 = 1/6.
    expected = kpi_frame(
        {
            "this_week": [134.0, 5, 3, 1, 2, 26.8, 0.5],
            "last_week": [40.0, 1, 1, 1, 0, 40.0, 1 / 3],
            "last_year": [0.0, 0, 0, 0, 0, NA, NA],
            "change_last_week": [2.35, 4.0, 2.0, 0.0, NA, -0.33, 1 / 6],
            "change_last_year": [NA] * 7,
        }
    )
    pdt.assert_frame_equal(weekly_kpis(con, date(2024, 1, 8)), expected)
    # Any day of the week means that week.
    pdt.assert_frame_equal(weekly_kpis(con, date(2024, 1, 14)), expected)


def test_last_year_is_the_same_iso_week_364_days_earlier(con):
    insert_orders(
        con,
        [
            {"customer_id": 1, "ordered_at": "2023-01-09 00:00", "amount": 100.0},  # Monday
            {"customer_id": 1, "ordered_at": "2023-01-15 23:59", "amount": 20.0},  # Sunday
            {"customer_id": 1, "ordered_at": "2023-01-16 00:00", "amount": 999.0},  # next week
            {"customer_id": 2, "ordered_at": "2024-01-08 09:00", "amount": 50.0},
        ],
    )
    # last year [2023-01-09, 01-16): 120 in 2 orders from customer 1 (new), basket 60;
    #   repeat window [2022-01-17, 2023-01-16): customer 1 with 2 orders -> 1.0.
    # this week: 50 in 1 order from customer 2 (new), basket 50; repeat window
    #   [2023-01-16, 2024-01-15): customer 1 has 1 order there (999), customer 2 has 1 -> 0.
    # last week [2024-01-01, 01-08): nothing; repeat window [2023-01-09, 2024-01-08): customer 1
    #   with 3 orders -> 1.0.
    # changes vs last year: revenue -70/120, orders -0.5, customers 0, new 0, returning NA,
    #   basket -10/60, repeat rate 0 - 1 = -1 (100 points).
    expected = kpi_frame(
        {
            "this_week": [50.0, 1, 1, 1, 0, 50.0, 0.0],
            "last_week": [0.0, 0, 0, 0, 0, NA, 1.0],
            "last_year": [120.0, 2, 1, 1, 0, 60.0, 1.0],
            "change_last_week": [NA, NA, NA, NA, NA, NA, -1.0],
            "change_last_year": [-70 / 120, -0.5, 0.0, 0.0, NA, -10 / 60, -1.0],
        }
    )
    pdt.assert_frame_equal(weekly_kpis(con, date(2024, 1, 8)), expected)


def test_weekly_trend_fills_empty_weeks(con):
    insert_shop(con)
    # Six weeks ending with the week of 2024-01-08; new = first valid order in that week.
    expected = pd.DataFrame(
        {
            "week_start": pd.to_datetime(
                ["2023-12-04", "2023-12-11", "2023-12-18", "2023-12-25", "2024-01-01",
                 "2024-01-08"]
            ).as_unit("us"),
            "revenue": [50.0, 0.0, 30.0, 20.0, 40.0, 134.0],  # A; none; B; A; C; see above
            "orders": [1, 0, 1, 1, 1, 5],
            "customers": [1, 0, 1, 1, 1, 3],
            "new_customers": [1, 0, 1, 0, 1, 1],  # A; -; B; A again; C; D
        }
    )
    pdt.assert_frame_equal(weekly_trend(con, date(2024, 1, 10), weeks=6), expected)


def test_weekly_trend_length(con):
    insert_shop(con)
    trend = weekly_trend(con, date(2024, 3, 4))
    assert len(trend) == 52
    assert trend["week_start"].iloc[0] == pd.Timestamp("2023-03-13")
    assert trend["revenue"].sum() == 145 + 52 + 70 + 50 + 70 + 12  # every valid order
