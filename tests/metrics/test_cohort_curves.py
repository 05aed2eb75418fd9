"""Average cohort curves on the hand-computed shop of factories.py, and invariants."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.cohort_curves import (
    CURVE_COLUMNS,
    average_curves,
    latest_first_return,
    period_complete,
    period_is_over,
)
from metrics.cohorts import cohorts
from tests.metrics.factories import (
    clear_orders,
    insert_orders,
    insert_shop,
    order_rows,
    property_settings,
)


def curve_frame(rows: list[tuple]) -> pd.DataFrame:
    """Curve rows without the last column: the hand-computed shop never has enough customers
    for a significant period."""
    frame = pd.DataFrame([(*row, False) for row in rows], columns=CURVE_COLUMNS)
    return frame.astype({"retention": "float64", "revenue_retention": "float64",
                         "cumulative_revenue_per_customer": "float64"})


def check(actual: pd.DataFrame, expected: pd.DataFrame) -> None:
    pdt.assert_frame_equal(actual, expected, check_dtype=False)


@pytest.mark.parametrize(
    ("period", "day", "over"),
    [
        ("month", date(2024, 3, 31), True),
        ("month", date(2024, 3, 30), False),
        ("month", date(2024, 2, 29), True),  # leap year
        ("quarter", date(2024, 3, 31), True),
        ("quarter", date(2024, 2, 29), False),
        ("quarter", date(2023, 12, 31), True),
        ("week", date(2024, 3, 10), True),  # a Sunday
        ("week", date(2024, 3, 9), False),
    ],
)
def test_period_is_over_on_its_last_day_only(period, day, over):
    assert period_is_over(period, day) is over


def test_only_the_period_containing_as_of_can_be_in_progress(con):
    insert_shop(con)
    table = cohorts(con, "month", as_of=date(2024, 3, 5))
    # Rows (see test_cohorts.MONTHLY): Dec k0..k3, Jan k0..k2, Feb k0..k1; March is the last
    # period of each cohort and is not over on 5 March.
    assert period_complete(table, "month", date(2024, 3, 5)).tolist() == [
        True, True, True, False, True, True, False, True, False
    ]
    assert period_complete(table, "month", date(2024, 3, 31)).all()


def test_a_cohort_without_segment_has_its_month_in_progress_too():
    # Split by first product: February's customers whose first product is unknown (segment
    # missing) and those who bought a soap, both followed into March, in progress on 5 March.
    # The group-by dropped the missing key and counted the unknown cohort's March as over, and
    # its revenue in k1 over a period-0 revenue of nothing.
    table = pd.DataFrame({
        "segment": [None, None, "Savon", "Savon"],
        "cohort": [pd.Timestamp(2024, 2, 1)] * 4,
        "period_index": [0, 1, 0, 1],
        "cohort_size": [2, 2, 1, 1],
        "active_customers": [2, 1, 1, 0],
        "revenue": [50.0, 20.0, 10.0, 0.0],
    })
    assert period_complete(table, "month", date(2024, 3, 5)).tolist() == [True, False, True, False]
    # On 31 March both Marches are over: k1 pools 1 of 3 back, 20 / (50 + 10) of the revenue.
    curves = average_curves(table, "month", date(2024, 3, 31))
    assert curves["active_customers"].tolist() == [3, 1]
    assert curves["revenue_retention"].tolist() == [1.0, 20 / 60]


def test_average_curves_skip_the_month_in_progress(con):
    insert_shop(con)
    # As of 5 March, March is not over. Complete rows: Dec (A, B) k0 100 | k1 72 (2 active) |
    # k2 0; Jan (C, D) k0 90 | k1 30 (1 active); Feb (E) k0 70.
    # k0: 5 customers of 3 cohorts, all active; revenue 260 / 260; 260 / 5 = 52 per customer.
    # k1: Dec + Jan, 4 customers, 3 active; revenue 102 / 190; + 102 / 4 = 25.5 -> 77.5.
    # k2: Dec, 2 customers, 0 active; 0 / 100; + 0 -> 77.5.
    table = cohorts(con, "month", as_of=date(2024, 3, 5))
    expected = curve_frame(
        [
            (0, 3, 5, 5, 1.0, 1.0, 52.0),
            (1, 2, 4, 3, 0.75, 102 / 190, 77.5),
            (2, 1, 2, 0, 0.0, 0.0, 77.5),
        ]
    )
    check(average_curves(table, "month", date(2024, 3, 5)), expected)


def test_average_curves_once_the_month_is_over(con):
    insert_shop(con)
    # As of 31 March every row counts; A's 25 in March is Dec k3.
    # k1: Dec 72 + Jan 30 + Feb 0 = 102 over 260; 3 of 5 active; 52 + 102 / 5 = 72.4.
    # k2: Dec + Jan, 0 of 4 active, 0 / 190; + 0 -> 72.4.
    # k3: Dec, 1 of 2 active, 25 / 100; + 25 / 2 -> 84.9.
    table = cohorts(con, "month", as_of=date(2024, 3, 31))
    expected = curve_frame(
        [
            (0, 3, 5, 5, 1.0, 1.0, 52.0),
            (1, 3, 5, 3, 0.6, 102 / 260, 72.4),
            (2, 2, 4, 0, 0.0, 0.0, 72.4),
            (3, 1, 2, 1, 0.5, 0.25, 84.9),
        ]
    )
    check(average_curves(table, "month", date(2024, 3, 31)), expected)


def test_quarterly_curves_leave_out_a_cohort_still_in_its_first_quarter(con):
    insert_shop(con)
    # As of 5 March: Q4 2023 k0 only (Q1 2024 is in progress); the Q1 2024 cohort not at all.
    table = cohorts(con, "quarter", as_of=date(2024, 3, 5))
    check(average_curves(table, "quarter", date(2024, 3, 5)),
          curve_frame([(0, 1, 2, 2, 1.0, 1.0, 50.0)]))
    # As of 31 March: k0 pools Q4 2023 (100, 2 customers) and Q1 2024 (190, 3) -> 290 / 5 = 58;
    # k1 is Q4 2023's Q1 2024: A 35 + 15 + 25 and B 22 = 97 over 2 customers -> 58 + 48.5.
    table = cohorts(con, "quarter", as_of=date(2024, 3, 31))
    check(average_curves(table, "quarter", date(2024, 3, 31)),
          curve_frame([(0, 2, 5, 5, 1.0, 1.0, 58.0), (1, 1, 2, 2, 1.0, 0.97, 106.5)]))


def cohort_rows(sizes: list[int], periods: list[list[tuple[int, float]]]) -> pd.DataFrame:
    """A cohorts() table from each cohort's size and its (active customers, revenue) per k."""
    return pd.DataFrame(
        [
            {"cohort": pd.Timestamp(2024, 1 + i, 1), "period_index": k, "cohort_size": size,
             "active_customers": active, "revenue": revenue}
            for i, (size, rows) in enumerate(zip(sizes, periods, strict=True))
            for k, (active, revenue) in enumerate(rows)
        ]
    )


def test_average_is_weighted_by_cohort_size_and_thin_periods_are_flagged():
    # Cohorts of 20, 10 and 5 customers, each period over (as_of None).
    #  k0: 3 cohorts, 35 customers, 700 / 35 = 20 per customer -> significant (3 and >= 30).
    #  k1: 20 and 10: 4 + 1 = 5 of 30 back = 1/6 (the cohorts' mean, (0.2 + 0.1) / 2 = 0.15,
    #      would let the small cohort weigh as much); revenue 120 / 600 = 0.2; + 120 / 30 = 4
    #      -> 24; 2 cohorts: not significant.
    #  k2: 20 alone: 2 back = 0.1; 60 / 400 = 0.15; + 60 / 20 = 3 -> 27 (revenue through k2 over
    #      the cohorts still there, 460 / 20 = 23, went down from 24).
    table = cohort_rows(
        [20, 10, 5],
        [[(20, 400.0), (4, 100.0), (2, 60.0)], [(10, 200.0), (1, 20.0)], [(5, 100.0)]],
    )
    expected = pd.DataFrame(
        [
            (0, 3, 35, 35, 1.0, 1.0, 20.0, True),
            (1, 2, 30, 5, 1 / 6, 0.2, 24.0, False),
            (2, 1, 20, 2, 0.1, 0.15, 27.0, False),
        ],
        columns=CURVE_COLUMNS,
    )
    check(average_curves(table, "month", None), expected)


def test_thirty_customers_in_three_cohorts_are_the_least_significant_period():
    def significant(sizes: list[int]) -> list[bool]:
        table = cohort_rows(sizes, [[(size, 1.0)] for size in sizes])
        return average_curves(table, "month", None)["significant"].tolist()

    assert significant([10, 10, 10]) == [True]
    assert significant([10, 10, 9]) == [False]  # 29 customers
    assert significant([100, 100]) == [False]  # 2 cohorts


cohort = st.integers(1, 60).flatmap(
    lambda size: st.tuples(
        st.just(size),
        st.lists(st.tuples(st.integers(0, size), st.integers(0, 5_000).map(float)),
                 min_size=1, max_size=8),
    )
)


@given(cohorts_drawn=st.lists(cohort, min_size=1, max_size=8))
def test_weighted_retention_is_a_share_and_cumulative_revenue_never_decreases(cohorts_drawn):
    sizes = [size for size, _ in cohorts_drawn]
    curves = average_curves(cohort_rows(sizes, [rows for _, rows in cohorts_drawn]), "month", None)
    assert curves["retention"].between(0, 1).all()
    assert curves["cumulative_revenue_per_customer"].is_monotonic_increasing
    assert curves["significant"].is_monotonic_decreasing  # once thin, thin to the end


def test_latest_first_return_is_the_newest_cohort_whose_next_period_is_over(con):
    insert_shop(con)
    # 5 March: Feb's k1 (March) is in progress, Jan's k1 (February) is over: C came back, D not.
    row = latest_first_return(cohorts(con, "month", as_of=date(2024, 3, 5)), "month",
                              date(2024, 3, 5))
    assert (row["cohort"], row["cohort_size"], row["active_customers"], row["retention"]) == (
        pd.Timestamp("2024-01-01"), 2, 1, 0.5
    )
    # 31 March: Feb (E alone) had its March, without an order.
    row = latest_first_return(cohorts(con, "month", as_of=date(2024, 3, 31)), "month",
                              date(2024, 3, 31))
    assert (row["cohort"], row["cohort_size"], row["active_customers"]) == (
        pd.Timestamp("2024-02-01"), 1, 0
    )
    # 15 January: December's following month is not over yet.
    assert latest_first_return(cohorts(con, "month", as_of=date(2024, 1, 15)), "month",
                               date(2024, 1, 15)) is None


def test_empty_database_gives_empty_curves(con):
    table = cohorts(con, "month")
    assert average_curves(table, "month", None).empty
    assert latest_first_return(table, "month", None) is None


@property_settings
@given(rows=order_rows)
def test_curves_are_shares_and_cohorts_thin_out(con, rows):
    clear_orders(con)
    insert_orders(con, rows)
    for period in ("week", "month", "quarter"):
        as_of = date(2025, 2, 12)
        curves = average_curves(cohorts(con, period, as_of=as_of), period, as_of)
        assert curves["retention"].between(0, 1).all()
        assert (curves["active_customers"] <= curves["customers"]).all()
        assert curves["customers"].is_monotonic_decreasing
        assert curves["cumulative_revenue_per_customer"].is_monotonic_increasing
        assert curves["period_index"].tolist() == list(range(len(curves)))
        if not curves.empty:
            assert curves["retention"].iloc[0] == 1.0
