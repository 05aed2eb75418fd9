"""One at-risk notion: its rules, and the same people and counts on every surface that shows it
(Segments, Valeur client, the Monday report, the command line)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

import store
from metrics import clv, value_lists
from metrics.at_risk import at_risk, at_risk_table, counts, sublist
from metrics.cli import main
from metrics.report import weekly_report
from metrics.segment import SegmentFilter, SegmentFilterError, describe, segment_customers
from tests.metrics.factories import insert_orders

SUNDAY = date(2024, 6, 30)  # end of the week Mon 24 - Sun 30 June 2024

# Ten customers, fewer than 20: R is the calendar score (up to 30 / 90 / 180 / 365 days since the
# last order: 5 / 4 / 3 / 2, older 1), F counts orders (1, 2, 3, 4-5, 6+), M is the spend's
# quintile rank (1 + floor(5 x worse / 10)), metrics.rfm:
#   1: 6 x 100 from 2023-06-01 to 2023-11-01    242 days R2 F5 cant_lose, M5 (600)
#   2: 5 x 5 + 10 to 2023-12-15                 198 days R2 F5 cant_lose, M2 (35): not valuable
#   3: 3 x 100, 2022-10-11, 2023-05-07, 12-01   212 days R2 F3 at_risk, M4 (300); next purchase
#      expected 2023-12-01 + 416 / 2 = 208 days = Wed 26 June: this week, overdue
#   4: 200 + 100 + 100, 2023-10-01, 11-15, 12-30 183 days R2 F3 at_risk, M5 (400); a week
#      earlier 176 days, R3 F3 need_attention: became at risk this week
#   5: 50 on 2024-01-05, 25 on Fri 28 June       R5 F2, M4 (75)
#   6-10: one order each, 10 to 45, in June (10 on 27 June, this week): R5 F1
# At risk: 1, 4, 3, 2 (biggest spenders first); valuable: 1, 4, 3; to call: 4 (became at
# risk), 3 (overdue).
ORDERS = [
    *({"customer_id": 1, "ordered_at": f"{day} 10:00", "amount": 100.0}
      for day in ("2023-06-01", "2023-07-01", "2023-08-01", "2023-09-01", "2023-10-01",
                  "2023-11-01")),
    *({"customer_id": 2, "ordered_at": f"{day} 10:00", "amount": amount}
      for day, amount in (("2023-08-01", 5.0), ("2023-09-01", 5.0), ("2023-10-01", 5.0),
                          ("2023-11-01", 5.0), ("2023-12-01", 5.0), ("2023-12-15", 10.0))),
    *({"customer_id": 3, "ordered_at": f"{day} 10:00", "amount": 100.0}
      for day in ("2022-10-11", "2023-05-07", "2023-12-01")),
    *({"customer_id": 4, "ordered_at": f"{day} 10:00", "amount": amount}
      for day, amount in (("2023-10-01", 200.0), ("2023-11-15", 100.0), ("2023-12-30", 100.0))),
    {"customer_id": 5, "ordered_at": "2024-01-05 10:00", "amount": 50.0},
    {"customer_id": 5, "ordered_at": "2024-06-28 10:00", "amount": 25.0},
    *({"customer_id": customer, "ordered_at": f"{day} 10:00", "amount": amount}
      for customer, day, amount in ((6, "2024-06-01", 10.0), (7, "2024-06-05", 20.0),
                                    (8, "2024-06-10", 30.0), (9, "2024-06-15", 40.0),
                                    (10, "2024-06-27", 45.0))),
]
EXPECTED = {"all": [1, 4, 3, 2], "valuable": [1, 4, 3], "to_call": [4, 3]}


@pytest.fixture
def shop(tmp_path):
    """The ten customers above in a database file (the command line opens it itself)."""
    path = tmp_path / "at_risk.duckdb"
    con = store.connect(path)
    insert_orders(con, ORDERS)
    yield con, path
    con.close()


def test_the_rules_on_a_hand_made_table():
    # End of Sun 14 Jan 2024: the week is 8-14 Jan. A customer is at risk in at_risk or
    # cant_lose; valuable with M >= 4; to call if valuable and either new to the at-risk
    # segments this week or due this week, and they did not refuse calls (an e-mail
    # unsubscribe, as 1's, says nothing about calls).
    facts = pd.DataFrame({
        "customer_id": [1, 2, 3, 4, 5, 6, 7, 8],
        "name": list("abcdefgh"), "email": None, "phone": None, "email_consent": None,
        "call_consent": [None, None, True, None, None, None, None, False],
        "suppressed": [True, False, False, False, False, False, False, False],
        "orders": [5, 6, 3, 4, 3, 3, 4, 4],
        "spend": [300.0, 400.0, 90.0, 500.0, 80.0, 70.0, 95.0, 85.0],
        "last_ordered_at": pd.Timestamp("2023-11-01"),
        "expected_next_order": pd.to_datetime(
            [None, None, None, None, "2024-01-14", "2024-01-15", "2024-01-08", None]
        ),
    })
    before = pd.DataFrame({
        "customer_id": [1, 2, 4, 5, 6, 7, 8],
        "segment": ["loyal", "at_risk", "champions", "champions", "at_risk", "at_risk", "loyal"],
    })
    after = pd.DataFrame({
        "customer_id": [1, 2, 3, 4, 5, 6, 7, 8],
        "segment": ["at_risk", "cant_lose", "cant_lose", "at_risk", "champions", "at_risk",
                    "cant_lose", "at_risk"],
        "segment_fr": "x", "segment_en": "x",
        "m_score": [5, 5, 4, 3, 4, 5, 4, 5],
    })
    table = at_risk_table(facts, before, after, date(2024, 1, 14))
    # 5 is due this week but not at risk (champions): not in the notion at all. 2: at_risk ->
    # cant_lose is not new; 4: not valuable (M 3); 6: at risk, due next Monday; 7: due Monday
    # 8th; 8: new to at risk and valuable, but refused calls.
    assert table[["customer_id", "valuable", "became_at_risk", "overdue", "to_call"]].to_dict(
        "list") == {
        "customer_id": [4, 2, 1, 7, 3, 8, 6],
        "valuable": [False, True, True, True, True, True, True],
        "became_at_risk": [True, False, True, False, True, True, False],
        "overdue": [False, False, False, True, False, False, False],
        "to_call": [False, False, True, True, True, False, False],
    }
    assert counts(table) == {"all": 7, "valuable": 6, "to_call": 3}
    assert sublist(table, "to_call")["customer_id"].tolist() == [1, 7, 3]


def test_the_notion_on_a_hand_made_shop(shop):
    con, _ = shop
    table = at_risk(con, SUNDAY)
    assert {name: sublist(table, name)["customer_id"].tolist() for name in EXPECTED} == EXPECTED
    assert table[["segment", "m_score", "became_at_risk", "overdue"]].to_dict("list") == {
        "segment": ["cant_lose", "at_risk", "at_risk", "cant_lose"],
        "m_score": [5, 5, 4, 2],
        "became_at_risk": [False, True, False, False],
        "overdue": [False, False, True, False],
    }
    assert table.loc[2, "expected_next_order"] == pd.Timestamp("2024-06-26")


def test_every_surface_shows_the_same_people(shop, capsys):
    con, path = shop
    # Segments: the builder's "À risque" lists.
    for name, ids in EXPECTED.items():
        people = segment_customers(con, SegmentFilter(at_risk=name), SUNDAY)
        assert people["customer_id"].tolist() == ids
    assert describe(SegmentFilter(at_risk="valuable")) == "liste « À risque — précieux »"
    with pytest.raises(SegmentFilterError, match="Liste « À risque » inconnue : maybe"):
        segment_customers(con, SegmentFilter(at_risk="maybe"), SUNDAY)
    # Valeur client: the list "À risque — précieux", with the models' figures.
    valuable = sublist(at_risk(con, SUNDAY), "valuable")["customer_id"]
    listed = value_lists.at_risk(clv.customer_value(con, SUNDAY).table, valuable,
                                 lambda ids: value_lists.contacts(con, SUNDAY, ids))
    assert listed["customer_id"].tolist() == EXPECTED["valuable"]
    # The Monday report of the week ending on SUNDAY: its list to call and its counts.
    report = weekly_report(con, SUNDAY)
    assert report.to_call["customer_id"].tolist() == EXPECTED["to_call"]
    assert report.at_risk == {name: len(ids) for name, ids in EXPECTED.items()}
    # The command line, everyone (not only who accepts emails).
    con.close()
    for name, ids in EXPECTED.items():
        assert main(["segment", "--db", str(path), "--as-of", SUNDAY.isoformat(), "--at-risk",
                     name, "--no-consent-only", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["people"] == len(ids)


def test_whoever_refused_calls_is_not_called(shop):
    con, _ = shop
    con.execute("insert into suppressions (email, since, source)"
                " values ('client4@example.fr', '2024-05-01', 'test')")  # e-mails only
    con.execute("update customers set phone = '+33612345673' where customer_id = 3")
    con.execute("insert into customer_keys (kind, value, customer_id)"
                " values ('phone', '+33612345673', 3)")
    con.execute("insert into consent_channels (address, channel, consent, stated_at, source,"
                " import_id) values ('+33612345673', 'phone', false, null, 'ne_pas_appeler.csv', 1)")
    # 3 stays at risk and valuable (the lists say who is slipping away), but is not called; 4
    # unsubscribed from e-mails, which says nothing about calls: still called.
    table = at_risk(con, SUNDAY)
    assert counts(table) == {"all": 4, "valuable": 3, "to_call": 1}
    assert weekly_report(con, SUNDAY).to_call["customer_id"].tolist() == [4]


def test_the_week_before_from_recency_and_frequency_is_the_rfm_of_that_day(con):
    # at_risk reads who was at risk 7 days before from at_risk_week_before.sql (summary for the
    # customers who have not bought since, their orders for the others): the same segments as
    # rfm on that day, hence the same table, on the hand-made shop and the demo (ranked R).
    from datetime import timedelta

    from metrics.at_risk import WEEK, segments_on
    from metrics.dates import latest_order_date
    from metrics.rfm import SEGMENT_MAP, rfm
    from sample_data.demo import load_demo
    from tests.metrics.factories import clear_orders

    custom = {pair: ("at_risk" if pair[0] <= 3 and pair[1] >= 2 else "autres")
              for pair in SEGMENT_MAP}

    def same_on(days):
        for day in days:
            for segment_map in (None, custom):
                expected = rfm(con, day - WEEK, segment_map)[["customer_id", "segment"]]
                pd.testing.assert_frame_equal(segments_on(con, day - WEEK, segment_map),
                                              expected)
                pd.testing.assert_frame_equal(
                    at_risk(con, day, segment_map=segment_map),
                    at_risk(con, day, segment_map=segment_map,
                            week_before=rfm(con, day - WEEK, segment_map)))

    insert_orders(con, ORDERS)
    same_on([SUNDAY, date(2024, 6, 27), date(2024, 1, 10), date(2023, 12, 20)])
    clear_orders(con)
    load_demo(con)
    latest = latest_order_date(con)
    same_on([latest, latest - timedelta(days=3), latest - timedelta(days=40),
             latest - timedelta(days=400)])
