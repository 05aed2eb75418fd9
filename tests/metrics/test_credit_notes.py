"""A customer's credit note lowers their own net spend in every per-customer and per-period money
figure (issue 12), and nothing else: orders, F, occasions and customers stay on valid orders."""

from __future__ import annotations

from datetime import date

import pytest

from metrics import clv, cohorts, rfm, segment, value_lists
from metrics.customer import customer_card
from metrics.dates import facts_as_of
from metrics.sql_files import run_sql
from tests.metrics.factories import insert_orders

AS_OF = date(2024, 3, 31)
#  cust  ordered_at         amount  status
#   1    2024-01-10 10:00   100.00  paid
#   1    2024-02-10 10:00    50.00  paid
#   1    2024-03-10 10:00   -30.00  credit_note (names no order) -> net spend 120, F = 2
#   2    2024-01-15 10:00    80.00  paid                          -> net spend 80, F = 1
#   -    2024-03-12 10:00   -10.00  credit_note, anonymous: shop revenue only
#   3    2024-02-20 10:00   -20.00  credit_note of a contact who never bought: not a customer
CREDIT_SHOP = [
    {"customer_id": 1, "ordered_at": "2024-01-10 10:00", "amount": 100.0},
    {"customer_id": 1, "ordered_at": "2024-02-10 10:00", "amount": 50.0},
    {"customer_id": 1, "ordered_at": "2024-03-10 10:00", "amount": -30.0,
     "status": "credit_note"},
    {"customer_id": 2, "ordered_at": "2024-01-15 10:00", "amount": 80.0},
    {"customer_id": None, "ordered_at": "2024-03-12 10:00", "amount": -10.0,
     "status": "credit_note"},
    {"customer_id": 3, "ordered_at": "2024-02-20 10:00", "amount": -20.0,
     "status": "credit_note"},
]


@pytest.fixture
def shop(con):
    insert_orders(con, CREDIT_SHOP)
    return con


def test_rfm_monetary_is_net_of_the_credit_note_and_frequency_counts_orders(shop):
    table = rfm.rfm(shop, AS_OF).set_index("customer_id")
    assert table.index.tolist() == [1, 2]  # the contact with a credit note only is no customer
    assert table.loc[1, ["recency_days", "frequency", "monetary"]].tolist() == [50, 2, 120.0]
    assert table.loc[2, ["frequency", "monetary"]].tolist() == [1, 80.0]


def test_rfm_before_the_credit_note_does_not_see_it(shop):
    assert rfm.rfm(shop, date(2024, 3, 9)).set_index("customer_id").loc[1, "monetary"] == 150.0


def test_customer_card_net_spend_and_average_basket(shop):
    card = customer_card(shop, 1, rfm.rfm(shop, AS_OF), clv.customer_value(shop, AS_OF), AS_OF)
    profile = card.profile
    assert (profile["orders"], profile["occasions"], profile["orders_all_statuses"]) == (2, 2, 3)
    assert (profile["net_spend"], float(profile["average_basket"])) == (120.0, 60.0)


def test_segment_list_spend_is_net_and_orders_are_valid_orders(shop):
    people = segment.segment_customers(shop, as_of=AS_OF).set_index("customer_id")
    assert people.loc[1, ["orders", "net_spend"]].tolist() == [2, 120.0]
    assert people.loc[2, ["orders", "net_spend"]].tolist() == [1, 80.0]
    assert people.loc[3, ["orders", "net_spend", "segment"]].tolist() == [0, -20.0, "none"]
    spenders = segment.segment_customers(shop, segment.SegmentFilter(spend_min=100), as_of=AS_OF)
    assert spenders["customer_id"].tolist() == [1]


def test_historic_value_is_net_spend_while_occasions_stay_positive(shop):
    summary = run_sql(shop, "clv_summary", as_of=AS_OF).set_index("customer_id")
    # two occasions (100 then 50): frequency 1, the repeat occasion's spend 50; the credit note
    # is no occasion and does not lower the Gamma-Gamma input
    assert summary.loc[1, ["frequency", "monetary_value", "historic_value"]].tolist() == [
        1, 50.0, 120.0]
    table = clv.customer_value(shop, AS_OF).table.set_index("customer_id")
    assert table["historic_value"].to_dict() == {1: 120.0, 2: 80.0}


def test_value_lists_rank_and_total_by_net_spend(shop):
    values = clv.customer_value(shop, AS_OF).table
    assert value_lists.totals(values)["historic_total"] == 200.0  # anonymous -10 not a customer's
    ranked = value_lists.most_valuable(
        values, lambda ids: value_lists.contacts(shop, AS_OF, ids))
    assert ranked[["customer_id", "historic_value"]].values.tolist() == [[1, 120.0], [2, 80.0]]


def test_report_facts_spend_is_net_and_orders_are_valid_orders(shop):
    facts = run_sql(shop, "report_customer_facts", **facts_as_of(shop, AS_OF)).set_index("customer_id")
    assert facts.index.tolist() == [1, 2]
    assert facts.loc[1, ["orders", "spend"]].tolist() == [2, 120.0]


def test_cohort_revenue_takes_the_credit_note_in_its_month(shop):
    table = cohorts.cohorts(shop, "month", AS_OF)
    assert table["cohort"].astype(str).unique().tolist() == ["2024-01-01"]  # no cohort for 3
    rows = table[["period_index", "cohort_size", "active_customers", "revenue"]]
    assert rows.values.tolist() == [[0, 2, 2, 180.0], [1, 2, 1, 50.0], [2, 2, 0, -30.0]]
    assert table["cumulative_revenue_per_customer"].tolist() == [90.0, 115.0, 100.0]


def test_a_credit_note_before_the_first_order_lowers_the_arrival_period(con):
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": "2023-12-20 10:00", "amount": -5.0,
         "status": "credit_note"},
        {"customer_id": 1, "ordered_at": "2024-01-10 10:00", "amount": 40.0},
    ])
    table = cohorts.cohorts(con, "month", date(2024, 1, 31))
    assert table[["period_index", "active_customers", "revenue"]].values.tolist() == [
        [0, 1, 35.0]]
