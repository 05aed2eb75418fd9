"""Seasonal buyers on a hand-computed shop, as of 2026-03-15 (seasons: year-end holidays =
November-December, Mother's and Father's Day = May-June).

 cust  valid orders                 season       orders years  season ends   waiting
  1    2024-12-10, 2025-12-05       year_end        2     2    2026-12-31    yes
  2    2024-11-20                   year_end        1     1    2025-12-31    no (came round)
  3    2025-05-20, 2025-06-10       mothers_day     2     1    2026-06-30    yes
  4    2025-12-01, 2026-02-01       -                                     (February)
  5    2025-07-01 (its 2025-11-30 order is cancelled)                     (July)
  6    2025-12-24 (its 2026-01-10 order is refunded)  year_end  1  1  2026-12-31  yes
Customers 6: year_end 3 buyers (share 1/2), 1 repeat, 1 in several years, 2 waiting;
mothers_day 1 buyer, 1 repeat, 0 in several years, 1 waiting.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from metrics.seasonal import seasonal_buyers, seasonal_summary, waiting_among
from metrics.segment import SegmentFilter, segment_customers
from tests.metrics.factories import insert_orders

AS_OF = date(2026, 3, 15)
ORDERS = [
    (1, "2024-12-10", "paid"), (1, "2025-12-05", "paid"),
    (2, "2024-11-20", "paid"),
    (3, "2025-05-20", "paid"), (3, "2025-06-10", "paid"),
    (4, "2025-12-01", "paid"), (4, "2026-02-01", "paid"),
    (5, "2025-07-01", "paid"), (5, "2025-11-30", "cancelled"),
    (6, "2025-12-24", "paid"), (6, "2026-01-10", "refunded"),
]


def insert_seasons_shop(con) -> None:
    insert_orders(con, [
        {"customer_id": customer, "ordered_at": f"{day} 10:00", "amount": 20.0, "status": status,
         "refunded_amount": 20.0 if status == "refunded" else 0.0}
        for customer, day, status in ORDERS
    ])


def test_seasonal_buyers_and_when_their_season_ends(con):
    insert_seasons_shop(con)
    table = seasonal_buyers(con, AS_OF)
    assert table[["customer_id", "season", "orders", "years", "waiting"]].values.tolist() == [
        [1, "year_end", 2, 2, True], [2, "year_end", 1, 1, False],
        [3, "mothers_day", 2, 1, True], [6, "year_end", 1, 1, True]]
    assert table["season_ends"].tolist() == [
        pd.Timestamp(day) for day in ("2026-12-31", "2025-12-31", "2026-06-30", "2026-12-31")]
    assert seasonal_buyers(con, AS_OF, waiting_only=True)["customer_id"].tolist() == [1, 3, 6]


def test_waiting_lasts_until_the_end_of_the_next_season(con):
    insert_seasons_shop(con)
    # Customer 2 (November 2024) waits until the end of December 2025, not a day more.
    assert seasonal_buyers(con, date(2025, 12, 31)).set_index("customer_id").loc[2, "waiting"]
    assert not seasonal_buyers(con, date(2026, 1, 1)).set_index("customer_id").loc[2, "waiting"]
    # Before customer 4's February order, their one order was in December: seasonal then.
    assert 4 in seasonal_buyers(con, date(2026, 1, 31))["customer_id"].tolist()


def test_summary_per_season(con):
    insert_seasons_shop(con)
    table = seasonal_summary(con, AS_OF)
    assert table[["season", "buyers", "repeat_buyers", "several_years", "waiting",
                  "customers"]].values.tolist() == [
        ["year_end", 3, 1, 1, 2, 6], ["mothers_day", 1, 1, 0, 1, 6]]
    assert table["share"].tolist() == [0.5, 1 / 6]


def test_the_builder_can_leave_out_the_seasonal_buyers_waiting_for_their_season(con):
    insert_seasons_shop(con)
    kept = segment_customers(con, SegmentFilter(leave_out_seasonal=True), AS_OF)
    assert sorted(kept["customer_id"]) == [2, 4, 5]
    assert len(segment_customers(con, SegmentFilter(), AS_OF)) == 6


def test_waiting_among_marks_people_with_their_season(con):
    insert_seasons_shop(con)
    people = pd.DataFrame({"customer_id": [4, 3, 2, 1]})
    marks = waiting_among(seasonal_buyers(con, AS_OF), people)
    assert marks.iloc[1] == "mothers_day" and marks.iloc[3] == "year_end"
    assert marks.iloc[[0, 2]].isna().all()


def test_empty_base(con):
    assert seasonal_buyers(con).empty
    assert seasonal_summary(con)["buyers"].tolist() == [0, 0]


def test_among_some_customers_gives_their_rows_exactly(con):
    insert_seasons_shop(con)
    for day in (date(2025, 12, 31), AS_OF, date(2026, 7, 1)):
        for waiting_only in (False, True):
            every = seasonal_buyers(con, day, waiting_only)
            for among in ([1, 2, 3, 4, 5, 6], [1, 4, 6], [2], [5, 99], []):
                expected = every[every["customer_id"].isin(among)].reset_index(drop=True)
                got = seasonal_buyers(con, day, waiting_only, among=pd.Series(among))
                # An empty result's text column comes back as object, as every empty one does.
                pd.testing.assert_frame_equal(got, expected, check_dtype=not expected.empty)
