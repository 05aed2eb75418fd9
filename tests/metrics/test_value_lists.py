"""Value lists: who the customers are, the most valuable, and the valuable ones at risk."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandas.testing as pdt
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.value_lists import (
    LIST_COLUMNS,
    at_risk,
    contacts,
    most_valuable,
    totals,
)
from tests.metrics.factories import insert_shop

PEOPLE = pd.DataFrame(
    {
        "customer_id": pd.array(range(1, 12), dtype="int32"),
        "name": [f"Client {i}" for i in range(1, 12)],
        "email": [f"c{i}@example.fr" for i in range(1, 12)],
        "phone": [None] * 11,
        "last_order_on": pd.to_datetime(["2024-03-01"] * 11),
    }
)


def people_of(customer_ids: pd.Series) -> pd.DataFrame:
    return PEOPLE[PEOPLE["customer_id"].isin(customer_ids)]


def values(historic, revenue, p_alive) -> pd.DataFrame:
    n = len(historic)
    return pd.DataFrame(
        {
            "customer_id": pd.array(range(1, n + 1), dtype="int32"),
            "historic_value": [float(v) for v in historic],
            "p_alive": pd.array(p_alive, dtype="Float64"),
            "expected_purchases": pd.array([None if r is None else 1.0 for r in revenue],
                                           dtype="Float64"),
            "expected_revenue": pd.array(revenue, dtype="Float64"),
        }
    )


def test_contacts_name_email_phone_and_last_valid_order(con):
    insert_shop(con)
    for sql in (
        "update customers set first_name = 'Anne', last_name = 'Martin' where customer_id = 1",
        "update customers set full_name = ' Bruno Petit ' where customer_id = 2",
        "update customers set last_name = 'DURAND', phone = '+33612345678' where customer_id = 3",
        "update customers set full_name = '', first_name = 'Eva' where customer_id = 5",
    ):
        con.execute(sql)
    # F (6) has only a pending order: not a customer. Latest valid orders from factories.SHOP.
    expected = pd.DataFrame(
        {
            "customer_id": pd.array([1, 2, 3, 4, 5], dtype="int32"),
            "name": ["Anne Martin", "Bruno Petit", "DURAND", None, "Eva"],
            "email": [f"client{i}@example.fr" for i in range(1, 6)],
            "phone": [None, None, "+33612345678", None, None],
            "last_order_on": pd.to_datetime(
                ["2024-03-05", "2024-01-14", "2024-02-15", "2024-01-11", "2024-02-20"]
            ),
        }
    )
    pdt.assert_frame_equal(contacts(con, date(2024, 3, 5)), expected, check_dtype=False)
    # As of 1 February, A's last order is the pair of 9 January and E is not a customer yet.
    early = contacts(con, date(2024, 2, 1))
    assert early["customer_id"].tolist() == [1, 2, 3, 4]
    assert early["last_order_on"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-09", "2024-01-14", "2024-01-02", "2024-01-11"
    ]


def test_contacts_of_some_customers_only(con):
    insert_shop(con)
    # 6 never made a valid order, 99 does not exist: neither is a contact.
    some = contacts(con, date(2024, 3, 5), pd.Series([3, 1, 3, 6, 99]))
    assert some["customer_id"].tolist() == [1, 3]
    assert some["last_order_on"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-05", "2024-02-15"]
    assert contacts(con, date(2024, 3, 5), pd.Series([], dtype="int32")).empty


def test_contacts_of_an_empty_database(con):
    assert contacts(con, None).empty


def test_most_valuable_by_predicted_revenue_ties_to_the_older_customer():
    table = values(
        [145, 52, 120, 50, 70], [30.0, 40.0, 40.0, 5.0, 12.0], [0.9, 0.3, 0.45, 0.2, 1.0]
    )
    top = most_valuable(table, people_of, n=3)
    assert list(top.columns) == LIST_COLUMNS
    assert top["customer_id"].tolist() == [2, 3, 1]
    assert top["name"].tolist() == ["Client 2", "Client 3", "Client 1"]
    assert top["expected_revenue"].tolist() == [40.0, 40.0, 30.0]


def test_most_valuable_falls_back_to_spend_to_date_without_predictions():
    table = values([145, 52, 70, 50, 70], [None] * 5, [None] * 5)
    assert most_valuable(table, people_of, n=3)["customer_id"].tolist() == [1, 3, 5]


@settings(deadline=None)
@given(revenue=st.lists(st.sampled_from([None, 0.0, 5.0, 12.5, 40.0]), min_size=1, max_size=30),
       n=st.integers(1, 8))
def test_most_valuable_is_the_head_of_the_full_sort(revenue, n):
    """Only the rows at or above the n-th value are sorted: the same rows as sorting everyone,
    ties by customer_id and missing predictions last."""
    table = values([10.0] * len(revenue), revenue, [0.5] * len(revenue))
    table = table.sample(frac=1.0, random_state=len(revenue))  # rows in no particular order
    key = "expected_revenue" if table["expected_revenue"].notna().any() else "historic_value"
    everyone = table.sort_values([key, "customer_id"], ascending=[False, True],
                                 na_position="last")
    assert most_valuable(table, people_of, n)["customer_id"].tolist() == everyone[
        "customer_id"].head(n).tolist()


def test_at_risk_is_the_chosen_people_with_the_models_figures():
    # metrics.at_risk chose 4, 1 and 3; P(alive) does not choose (3 is at 0.9, 2 at 0.05 is not
    # chosen): the list is theirs, biggest spenders first, with what the models say.
    historic = [300, 250, 200, 180, 150]
    p_alive = [0.40, 0.05, 0.90, None, 1.0]
    table = values(historic, [1.0, 2.0, 3.0, None, 5.0], p_alive)
    risky = at_risk(table, pd.Series([4, 1, 3]), people_of)
    assert risky["customer_id"].tolist() == [1, 3, 4]
    assert risky["email"].tolist() == ["c1@example.fr", "c3@example.fr", "c4@example.fr"]
    assert risky["p_alive"].tolist() == [0.40, 0.90, pd.NA]
    assert list(risky.columns) == LIST_COLUMNS


def test_at_risk_is_empty_without_anyone_chosen_or_customers():
    assert at_risk(values([300, 10], [None, None], [None, None]), pd.Series([], dtype="int64"),
                   people_of).empty
    assert at_risk(values([], [], []), pd.Series([1]), people_of).empty


def test_totals_with_and_without_predictions():
    table = values(
        [145, 52, 120, 50, 70], [30.0, 40.0, 40.0, 5.0, 12.0], [0.9, 0.3, 0.45, 0.2, 1.0]
    )
    # historic 437 over 5; predicted 127 over 5; expected purchases 1.0 each.
    assert totals(table) == {
        "customers": 5,
        "historic_total": 437.0,
        "historic_mean": 87.4,
        "predicted_total": 127.0,
        "predicted_mean": 25.4,
        "expected_purchases": 5.0,
    }
    historic_only = totals(values([145, 52], [None, None], [None, None]))
    assert historic_only["historic_total"] == 197.0
    assert historic_only["predicted_total"] is None
    assert historic_only["expected_purchases"] is None
    assert totals(values([], [], []))["historic_mean"] is None
