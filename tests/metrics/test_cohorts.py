"""Cohorts on the hand-computed shop of factories.py, and invariants on random shops."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.cohorts import CohortOptionError, cohorts, retention_matrix
from metrics.dates import PERIODS, UnknownPeriodError
from store.errors import ComptoirError
from tests.metrics.factories import (
    clear_orders,
    insert_orders,
    insert_shop,
    order_rows,
    property_settings,
)

COLUMNS = [
    "cohort",
    "period_index",
    "cohort_size",
    "active_customers",
    "retention",
    "revenue",
    "revenue_retention",
    "cumulative_revenue_per_customer",
]


def cohort_frame(rows: list[tuple], segment: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=(["segment"] if segment else []) + COLUMNS)
    frame["cohort"] = pd.to_datetime(frame["cohort"]).astype("datetime64[us]")
    return frame.astype({column: "float64" for column in COLUMNS[4:]})


# Monthly cohorts of the shop, as of its latest valid order (2024-03-05, so k runs to March):
#  2023-12 (A, B): Dec A 50+20, B 30 = 100 | Jan A 35+15, B 22 = 72 | Feb none | Mar A 25
#  2024-01 (C, D): Jan C 40, D 50 (net of the partial refund) = 90 | Feb C 30 | Mar none
#  2024-02 (E):    Feb E 70 | Mar none
# cumulative per customer: Dec 100/2 = 50, 172/2 = 86, 86, 197/2 = 98.5; Jan 45, 60, 60.
MONTHLY = cohort_frame(
    [
        ("2023-12-01", 0, 2, 2, 1.0, 100.0, 1.0, 50.0),
        ("2023-12-01", 1, 2, 2, 1.0, 72.0, 0.72, 86.0),
        ("2023-12-01", 2, 2, 0, 0.0, 0.0, 0.0, 86.0),
        ("2023-12-01", 3, 2, 1, 0.5, 25.0, 0.25, 98.5),
        ("2024-01-01", 0, 2, 2, 1.0, 90.0, 1.0, 45.0),
        ("2024-01-01", 1, 2, 1, 0.5, 30.0, 30 / 90, 60.0),
        ("2024-01-01", 2, 2, 0, 0.0, 0.0, 0.0, 60.0),
        ("2024-02-01", 0, 1, 1, 1.0, 70.0, 1.0, 70.0),
        ("2024-02-01", 1, 1, 0, 0.0, 0.0, 0.0, 70.0),
    ]
)


def test_monthly_cohorts_hand_computed(con):
    insert_shop(con)
    pdt.assert_frame_equal(cohorts(con), MONTHLY)
    pdt.assert_frame_equal(cohorts(con, "month", as_of=date(2024, 3, 5)), MONTHLY)


def test_quarterly_cohorts_cross_the_year(con):
    insert_shop(con)
    # Q4 2023 (A, B): 100 | Q1 2024: A 35+15+25, B 22 = 97 -> cumulative 197 / 2 = 98.5.
    # Q1 2024 (C, D, E): C 40+30, D 50, E 70 = 190 -> 190 / 3 = 63.33.
    expected = cohort_frame(
        [
            ("2023-10-01", 0, 2, 2, 1.0, 100.0, 1.0, 50.0),
            ("2023-10-01", 1, 2, 2, 1.0, 97.0, 0.97, 98.5),
            ("2024-01-01", 0, 3, 3, 1.0, 190.0, 1.0, 63.33),
        ]
    )
    pdt.assert_frame_equal(cohorts(con, "quarter"), expected)


def test_weekly_cohorts_count_iso_weeks(con):
    insert_shop(con)
    table = cohorts(con, "week")
    a = table[table["cohort"] == pd.Timestamp("2023-12-04")]  # A alone (B starts week 12-18)
    # A buys in the weeks of 12-04 (k 0), 12-25 (k 3), 01-08 (k 5), 03-04 (k 13); the grid
    # runs to the week of the as-of date, 2024-03-04, so k = 0..13.
    assert a["period_index"].tolist() == list(range(14))
    assert a.loc[a["active_customers"] > 0, "period_index"].tolist() == [0, 3, 5, 13]
    assert a.loc[a["active_customers"] > 0, "revenue"].tolist() == [50.0, 20.0, 50.0, 25.0]


def test_as_of_keeps_orders_up_to_the_end_of_that_day(con):
    insert_shop(con)
    # Up to 2024-01-31: Dec cohort k 0 and k 1 (A's March order unseen), Jan cohort k 0.
    expected = MONTHLY.iloc[[0, 1, 4]].reset_index(drop=True)
    pdt.assert_frame_equal(cohorts(con, as_of=date(2024, 1, 31)), expected)
    # E's order at 11:00 on 2024-02-20 is included as of that day, not the day before.
    assert cohorts(con, as_of=date(2024, 2, 20))["cohort"].max() == pd.Timestamp("2024-02-01")
    assert cohorts(con, as_of=date(2024, 2, 19))["cohort"].max() == pd.Timestamp("2024-01-01")


def test_split_by_channel_of_first_order(con):
    insert_shop(con)
    # First valid order channels: A web, B shop, C web, D web, E marketplace. A segment follows
    # all later orders of its customers: A (web, Dec) 70 | 50 | 0 | 25.
    expected = cohort_frame(
        [
            ("marketplace", "2024-02-01", 0, 1, 1, 1.0, 70.0, 1.0, 70.0),
            ("marketplace", "2024-02-01", 1, 1, 0, 0.0, 0.0, 0.0, 70.0),
            ("shop", "2023-12-01", 0, 1, 1, 1.0, 30.0, 1.0, 30.0),
            ("shop", "2023-12-01", 1, 1, 1, 1.0, 22.0, 22 / 30, 52.0),
            ("shop", "2023-12-01", 2, 1, 0, 0.0, 0.0, 0.0, 52.0),
            ("shop", "2023-12-01", 3, 1, 0, 0.0, 0.0, 0.0, 52.0),
            ("web", "2023-12-01", 0, 1, 1, 1.0, 70.0, 1.0, 70.0),
            ("web", "2023-12-01", 1, 1, 1, 1.0, 50.0, 50 / 70, 120.0),
            ("web", "2023-12-01", 2, 1, 0, 0.0, 0.0, 0.0, 120.0),
            ("web", "2023-12-01", 3, 1, 1, 1.0, 25.0, 25 / 70, 145.0),
            ("web", "2024-01-01", 0, 2, 2, 1.0, 90.0, 1.0, 45.0),
            ("web", "2024-01-01", 1, 2, 1, 0.5, 30.0, 30 / 90, 60.0),
            ("web", "2024-01-01", 2, 2, 0, 0.0, 0.0, 0.0, 60.0),
        ],
        segment=True,
    )
    pdt.assert_frame_equal(cohorts(con, split="channel"), expected)


def test_split_by_first_product(con):
    insert_shop(con)
    # First line of the first valid order: A Savon (1), B Bougie (2), C Savon (4: Savon,
    # Bougie, Savon), D Coffret (9; the refunded order 8 does not count). As of 2024-01-31.
    expected = cohort_frame(
        [
            ("Bougie", "2023-12-01", 0, 1, 1, 1.0, 30.0, 1.0, 30.0),
            ("Bougie", "2023-12-01", 1, 1, 1, 1.0, 22.0, 22 / 30, 52.0),
            ("Coffret", "2024-01-01", 0, 1, 1, 1.0, 50.0, 1.0, 50.0),
            ("Savon", "2023-12-01", 0, 1, 1, 1.0, 70.0, 1.0, 70.0),
            ("Savon", "2023-12-01", 1, 1, 1, 1.0, 50.0, 50 / 70, 120.0),
            ("Savon", "2024-01-01", 0, 1, 1, 1.0, 40.0, 1.0, 40.0),
        ],
        segment=True,
    )
    pdt.assert_frame_equal(cohorts(con, split="first_product", as_of=date(2024, 1, 31)), expected)


def test_retention_matrix(con):
    insert_shop(con)
    matrix = retention_matrix(cohorts(con))
    assert matrix.index.tolist() == [pd.Timestamp("2023-12-01"), pd.Timestamp("2024-01-01"),
                                     pd.Timestamp("2024-02-01")]
    assert matrix.columns.tolist() == [0, 1, 2, 3]
    assert matrix.fillna(-1).to_numpy().tolist() == [
        [1.0, 1.0, 0.0, 0.5],
        [1.0, 0.5, 0.0, -1],
        [1.0, 0.0, -1, -1],
    ]
    revenue = retention_matrix(cohorts(con), value="revenue")
    assert revenue.loc[pd.Timestamp("2023-12-01")].tolist() == [100.0, 72.0, 0.0, 25.0]


def test_bad_options_are_user_errors(con):
    with pytest.raises(UnknownPeriodError, match="Période inconnue « year »"):
        cohorts(con, "year")
    with pytest.raises(CohortOptionError, match="Découpage inconnu"):
        cohorts(con, split="city")
    with pytest.raises(ComptoirError, match="Valeur inconnue"):
        retention_matrix(MONTHLY, value="cohort_size; drop table orders")


def test_empty_database(con):
    table = cohorts(con)
    assert table.empty
    assert table.columns.tolist() == COLUMNS


@property_settings
@given(rows=order_rows, period=st.sampled_from(PERIODS))
def test_cohort_invariants(con, rows, period):
    clear_orders(con)
    orders = insert_orders(con, rows)
    valid = orders[
        ~orders["status"].isin(["cancelled", "refunded", "pending"])
        & (orders["amount"] > orders["refunded_amount"])
    ]
    table = cohorts(con, period)
    first = table[table["period_index"] == 0]
    assert first["cohort_size"].sum() == valid["customer_id"].dropna().nunique()
    assert (first["retention"] == 1.0).all()
    assert (first["revenue_retention"] == 1.0).all()
    assert table["retention"].between(0, 1).all()
    assert (table["active_customers"] <= table["cohort_size"]).all()
    assert (table.groupby("cohort")["period_index"].diff().dropna() == 1).all()
    net = (valid["amount"] - valid["refunded_amount"])[valid["customer_id"].notna()]
    assert table["revenue"].sum() == pytest.approx(net.sum())
