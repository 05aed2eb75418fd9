"""The segment builder, the RFM grid, the segment table and the Fiche client (metrics.customer) on
the hand-computed shop.

RFM as of 2024-03-05 (the latest valid order), worked out by hand from factories.SHOP:
(fewer than 20 customers: R from the calendar, <= 30 days 5, <= 90 days 4; F counts orders)
  id  orders  net    last order   recency  R  F  M  segment
   1    5    145.00  2024-03-05      0     5  4  5  champions
   2    2     52.00  2024-01-14     51     4  2  2  potential_loyalists
   3    2     70.00  2024-02-15     19     5  2  3  potential_loyalists
   4    1     50.00  2024-01-11     54     4  1  1  promising
   5    1     70.00  2024-02-20     14     5  1  3  new
   6    0      0     (pending only)          none
Valid product buyers: Savon 1, 2, 3 (4's Savon order was refunded); Bougie 1, 2, 3;
Coffret 3, 4, 5 (6's order is pending). Contact details and consent added by insert_people
(e-mail consent on the customer row and the suppression list, SMS and calls as consent_channels
statements about the phone +3361234567<id>):
  id  postcode  city             consent  suppressed   email_marketing  SMS      calls
   1  69001     Lyon             yes                   yes              yes
   2  69100     Villeurbanne     yes                   yes              no       refused
   3  42000     Saint-Étienne    no                    no
   4  01000     Bourg-en-Bresse  yes      yes          no               yes
   5  (none)    Lyon             (never)               no                        refused
   6  69002     Lyon             yes                   yes              yes
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest

import metrics.rfm
from metrics.at_risk import at_risk
from metrics.clv import customer_rows, customer_value, days_overdue, weeks_to_next_purchase
from metrics.customer import (
    disagreement,
    CustomerNotFoundError,
    customer_card,
    customer_orders,
    phone_digits,
    search,
)
from metrics.rfm import rfm
from metrics.segment import (
    Computed,
    SegmentFilter,
    SegmentFilterError,
    describe,
    list_summary,
    places_from_text,
    products,
    rfm_grid,
    segment_choices,
    segment_customers,
    segment_table,
    segment_totals,
)
from tests.metrics.factories import insert_shop

PEOPLE = [
    # customer_id, postal_code, city, email_consent
    (1, "69001", "Lyon", True),
    (2, "69100", "Villeurbanne", True),
    (3, "42000", "Saint-Étienne", False),
    (4, "01000", "Bourg-en-Bresse", True),
    (5, None, "Lyon", None),
    (6, "69002", "Lyon", True),
]


CHANNEL_CONSENT = [
    # customer_id, channel, consent
    (1, "sms", True), (2, "sms", False), (4, "sms", True), (6, "sms", True),
    (2, "phone", False), (5, "phone", False),
]


def insert_people(con: duckdb.DuckDBPyConnection) -> None:
    """The hand-computed shop with the addresses and consent of the table above."""
    insert_shop(con)
    for customer_id, postal_code, city, consent in PEOPLE:
        con.execute(
            "update customers set postal_code = $postal_code, city = $city,"
            " email_consent = $consent, first_name = 'Prénom' || $id, last_name = 'Nom' || $id,"
            " phone = '+3361234567' || $id where customer_id = $id",
            {"postal_code": postal_code, "city": city, "consent": consent, "id": customer_id},
        )
    con.execute(
        "insert into suppressions values ('client4@example.fr', '2024-01-20', 'clients.xlsx')"
    )
    con.execute("insert into customer_keys (kind, value, customer_id)"
                " select 'phone', phone, customer_id from customers where phone is not null"
                " on conflict do nothing")
    for customer_id, channel, consent in CHANNEL_CONSENT:
        con.execute(
            "insert into consent_channels (address, channel, consent, stated_at, source, import_id)"
            " values ('+3361234567' || $id, $channel, $consent, null, 'test', 0)",
            {"id": customer_id, "channel": channel, "consent": consent},
        )


@pytest.fixture
def shop(con):
    insert_people(con)
    return con


def ids(con, as_of: date | None = None, **questions) -> list[int]:
    return segment_customers(con, SegmentFilter(**questions), as_of)["customer_id"].tolist()


def test_everyone_biggest_spenders_first(shop):
    people = segment_customers(shop)
    assert people["customer_id"].tolist() == [1, 3, 5, 2, 4, 6]
    assert people["orders"].tolist() == [5, 2, 1, 2, 1, 0]
    assert people["net_spend"].tolist() == [145.0, 70.0, 70.0, 52.0, 50.0, 0.0]
    assert people["segment"].tolist() == [
        "champions", "potential_loyalists", "new", "potential_loyalists", "promising", "none"
    ]
    assert people["segment_fr"].tolist() == [
        "Champions", "Fidèles potentiels", "Nouveaux venus", "Fidèles potentiels",
        "Prometteurs", "Sans achat"
    ]
    assert people["email_marketing"].tolist() == [True, False, False, True, False, True]
    assert people["suppressed"].tolist() == [False, False, False, False, True, False]
    # ids 1, 3, 5, 2, 4, 6: each channel's own consent
    assert people["sms_marketing"].tolist() == [True, False, False, False, True, True]
    assert people["callable"].tolist() == [True, True, False, False, True, True]
    assert people.loc[0, "last_order_at"] == pd.Timestamp("2024-03-05 10:00")
    assert pd.isna(people.loc[5, "last_order_at"])


@pytest.mark.parametrize(("channel", "expected"), [
    ("email", [1, 2, 6]), ("sms", [1, 4, 6]), ("phone", [1, 3, 4, 6]),
])
def test_consent_only_keeps_whoever_the_channel_may_reach(shop, channel, expected):
    assert sorted(ids(shop, consent_only=True, channel=channel)) == expected


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        ({"segments": ("potential_loyalists",)}, [3, 2]),
        ({"segments": ("champions", "promising")}, [1, 4]),
        ({"segments": ("none",)}, [6]),
        ({"segments": ("cant_lose",)}, []),
        ({"last_order_from": date(2024, 2, 15)}, [1, 3, 5]),  # 02-15 10:00 counts: ends included
        ({"last_order_to": date(2024, 1, 14)}, [2, 4]),  # 01-14 17:00 counts
        ({"last_order_from": date(2024, 1, 12), "last_order_to": date(2024, 2, 16)}, [3, 2]),
        ({"spend_min": 52.0}, [1, 3, 5, 2]),
        ({"spend_max": 52.0}, [2, 4, 6]),
        ({"spend_min": 50.0, "spend_max": 70.0}, [3, 5, 2, 4]),
        ({"orders_min": 2}, [1, 3, 2]),
        ({"orders_max": 1}, [5, 4, 6]),
        ({"orders_max": 0}, [6]),
        ({"products": ("Coffret",)}, [3, 5, 4]),
        ({"products": ("Savon", "Coffret")}, [1, 3, 5, 2, 4]),
        ({"products": ("Bougie",)}, [1, 3, 2]),
        ({"products": ("Parfum",)}, []),
        ({"places": ("69",)}, [1, 2, 6]),
        ({"places": ("lyon",)}, [1, 5, 6]),
        ({"places": ("saint-etienne", "01")}, [3, 4]),
        ({"places": ("6900",)}, [1, 6]),
        ({"consent_only": True}, [1, 2, 6]),
    ],
)
def test_each_filter_alone(shop, questions, expected):
    assert ids(shop, **questions) == expected


def test_filters_combined(shop):
    asked = {
        "segments": ("champions", "potential_loyalists", "none"),
        "products": ("Savon",),
        "places": ("69",),
        "consent_only": True,
    }
    assert ids(shop, **asked) == [1, 2]
    assert ids(shop, **asked, orders_min=3) == [1]
    assert ids(shop, **asked, last_order_to=date(2024, 2, 1)) == [2]
    assert ids(shop, **asked, spend_max=100.0, orders_max=1) == []


def test_as_of_counts_only_orders_up_to_that_day(shop):
    # up to 2024-01-10: 1 has 4 orders (120.00), 3 one (40.00), 2 one (30.00); 4 and 5 none yet
    people = segment_customers(shop, SegmentFilter(orders_min=1), date(2024, 1, 10))
    assert people["customer_id"].tolist() == [1, 3, 2]
    assert people["net_spend"].tolist() == [120.0, 40.0, 30.0]
    assert ids(shop, date(2024, 1, 10), segments=("none",)) == [4, 5, 6]


def test_values_are_bound_not_formatted(shop):
    assert ids(shop, places=("'; drop table customers; --",)) == []
    assert ids(shop, products=("Savon' or '1'='1",)) == []
    assert shop.execute("select count(*) from customers").fetchone()[0] == 6


def test_bad_questions_are_refused(shop):
    with pytest.raises(SegmentFilterError, match="inversez la dépense"):
        segment_customers(shop, SegmentFilter(spend_min=80.0, spend_max=20.0))
    with pytest.raises(SegmentFilterError, match="inversez les dates"):
        segment_customers(
            shop, SegmentFilter(last_order_from=date(2024, 3, 1), last_order_to=date(2024, 1, 1))
        )
    with pytest.raises(SegmentFilterError, match="Segment inconnu : vip"):
        segment_customers(shop, SegmentFilter(segments=("vip",)))


def test_list_summary(shop):
    assert list_summary(segment_customers(shop)) == {
        "people": 6, "reachable": 3, "left_out": 3, "recently_contacted": 0,
        "recently_contacted_reachable": 0, "net_spend": 387.0
    }
    assert list_summary(segment_customers(shop, SegmentFilter(segments=("promising",)))) == {
        "people": 1, "reachable": 0, "left_out": 1, "recently_contacted": 0,
        "recently_contacted_reachable": 0, "net_spend": 50.0
    }


def test_a_page_of_the_list_and_the_totals_of_all_of_it(shop):
    everyone = segment_customers(shop)
    first = segment_customers(shop, limit=5)  # with 4, whose suppression names a source
    # (a page without a missing value holds plain bools where the whole list holds nullable ones)
    pd.testing.assert_frame_equal(first, everyone.head(5), check_dtype=False)
    assert segment_totals(shop) == list_summary(everyone) == {
        "people": 6, "reachable": 3, "left_out": 3, "recently_contacted": 0,
        "recently_contacted_reachable": 0, "net_spend": 387.0
    }
    assert segment_totals(shop, SegmentFilter(segments=("promising",))) == {
        "people": 1, "reachable": 0, "left_out": 1, "recently_contacted": 0,
        "recently_contacted_reachable": 0, "net_spend": 50.0
    }


def test_products_most_ordered_first(shop):
    # valid orders of identified customers: Savon 1, 4, 6, 12, 15; Bougie 2, 3, 4, 7;
    # Coffret 9, 13, 14 (the anonymous order 10 and the pending 11 do not count)
    assert products(shop) == ["Savon", "Bougie", "Coffret"]


def test_rfm_grid(shop):
    grid = rfm_grid(rfm(shop))
    assert len(grid) == 25
    assert grid[["r_score", "f_score"]].iloc[0].tolist() == [5, 1]
    filled = grid[grid["customers"] > 0]
    assert list(zip(filled["r_score"], filled["f_score"], filled["segment"])) == [
        (5, 1, "new"), (5, 2, "potential_loyalists"), (5, 4, "champions"), (4, 1, "promising"),
        (4, 2, "potential_loyalists"),
    ]
    assert filled["customers"].tolist() == [1, 1, 1, 1, 1]
    assert grid["share"].sum() == pytest.approx(1.0)
    assert grid.loc[grid["segment"] == "new", "segment_fr"].tolist() == ["Nouveaux venus"]


def test_a_given_rfm_table_gives_the_same_results(shop):
    """The app hands over its cached RFM table instead of having it computed again."""
    day = date(2024, 3, 5)
    scores = rfm(shop, day)
    pd.testing.assert_frame_equal(segment_table(shop, day, current=scores),
                                  segment_table(shop, day))
    pd.testing.assert_frame_equal(segment_customers(shop, SegmentFilter(), day,
                                                    computed=Computed(scores=scores)),
                                  segment_customers(shop, SegmentFilter(), day))


def test_the_rfm_tables_given_are_read_not_computed_again(shop, monkeypatch):
    """The app computes the RFM table of the week before once, for the segment table's movement
    and the at-risk lists alike."""
    day = date(2024, 2, 15)
    table, risky = segment_table(shop, day), at_risk(shop, day)
    now, week_before = rfm(shop, day), rfm(shop, day - timedelta(days=7))

    def no_query(*args, **kwargs):
        raise AssertionError("the RFM table was computed again")

    monkeypatch.setattr(metrics.rfm, "run_sql", no_query)
    pd.testing.assert_frame_equal(
        segment_table(shop, day, current=now, week_before=week_before), table)
    pd.testing.assert_frame_equal(at_risk(shop, day, now, week_before=week_before), risky)


def test_segment_table_and_week_movement(shop):
    # As of 2024-02-15 (C's second order): 1 champions (37 days: R4, 4 orders: F4), 2 and 3
    # potential_loyalists (R4 F2, R5 F2), 4 promising (35 days: R4 F1).
    # A week earlier, 2024-02-08: 1 champions (R5 F4), 2 potential_loyalists (R5 F2),
    # 3 promising (37 days: R4, one order), 4 new (28 days: R5 F1); 5 had not bought yet.
    table = segment_table(shop, date(2024, 2, 15)).set_index("segment")
    moved = table[["customers", "last_week", "change", "moved_in", "moved_out"]]
    assert moved.loc["champions"].tolist() == [1, 1, 0, 0, 0]
    assert moved.loc["potential_loyalists"].tolist() == [2, 1, 1, 1, 0]
    assert moved.loc["promising"].tolist() == [1, 1, 0, 1, 1]
    assert moved.loc["new"].tolist() == [0, 1, -1, 0, 1]
    assert moved.loc["loyal"].tolist() == [0, 0, 0, 0, 0]
    assert table.loc["champions", "revenue"] == 120.0
    assert table.loc["champions", "orders"] == 4
    assert table.loc["champions", "average_basket"] == 30.0
    assert table.loc["potential_loyalists", "average_basket"] == 30.5  # (52 + 70) / 4
    assert pd.isna(table.loc["loyal", "average_basket"])
    assert table["customers"].sum() == 4


def test_a_new_customer_counts_as_moved_in(shop):
    # customer 5's first order is on 2024-02-20: not a customer yet on 02-13
    table = segment_table(shop, date(2024, 2, 20)).set_index("segment")
    assert table.loc["new", ["customers", "last_week", "moved_in", "moved_out"]].tolist() == [
        1, 0, 1, 0
    ]
    assert table["last_week"].sum() == 4


def test_describe_in_both_languages():
    asked = SegmentFilter(
        segments=("at_risk", "none"),
        last_order_from=date(2024, 1, 1),
        spend_min=50.0,
        spend_max=99.5,
        orders_max=3,
        products=("Savon",),
        places=("69", "Lyon"),
        consent_only=True,
    )
    assert describe(asked) == (
        "Segments : À risque — réguliers, Sans achat ; dernière commande depuis le 01/01/2024 ; "
        "dépense de 50\u00a0€ à 99,50\u00a0€ ; au plus 3 commandes ; a acheté : Savon ; lieu : 69, "
        "Lyon ; accepte les e-mails"
    )
    assert describe(asked, "en") == (
        "Segments: At risk — regulars, No purchase; last order since 2024-01-01; spent €50 to "
        "€99.50; at most 3 orders; bought: Savon; place: 69, Lyon; accepts emails"
    )
    assert describe(SegmentFilter()) == (
        "Toutes les personnes de la base (clients et contacts sans achat)")


def test_places_from_text_and_choices():
    assert places_from_text(" 69, Paris; 01 ,, ") == ("69", "Paris", "01")
    assert places_from_text("") == ()
    choices = segment_choices("fr")
    assert list(choices)[0] == "champions"
    assert list(choices)[-1] == "none"
    assert choices["none"] == "Sans achat"


def test_empty_database(con):
    assert segment_customers(con).empty
    table = segment_table(con)
    assert len(table) == 11
    assert table[["customers", "last_week", "moved_in", "moved_out"]].to_numpy().sum() == 0
    assert products(con) == []


# Fiche client (metrics.customer) on the same shop


@pytest.fixture
def card_of(shop):
    values = customer_value(shop)  # 3 repeat customers: too few for the models

    def card(customer_id: int):
        return customer_card(shop, customer_id, rfm(shop), values)
    return card


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("gaelle", [3]),  # accents and case ignored
        ("LE GALL Gaëlle", [3]),  # last name first
        ("gaëlle le", [3]),
        ("client2@", [2]),
        ("06 12 34 56 72", [2]),  # stored +33612345672
        ("+33 6 12 34 56 7", [1, 2, 3, 4, 5, 6]),  # every phone starts so; most orders first
        ("0033612345675", [5]),
        ("nom1", [1]),
        ("45", []),  # two digits are not a phone search
        ("%", []),  # no wildcard: a literal percent sign
        ("x", []),  # fewer than 2 characters
        ("   ", []),
    ],
)
def test_search_by_name_email_or_phone(shop, typed, expected):
    shop.execute(
        "update customers set first_name = 'Gaëlle', last_name = 'Le Gall' where customer_id = 3"
    )
    assert search(shop, typed)["customer_id"].tolist() == expected


def test_phone_digits():
    assert phone_digits("06 12 34 56 78") == "612345678"
    assert phone_digits("+33 (0)6.12") == "330612"
    assert phone_digits("12") is None


def test_card_of_a_regular(card_of):
    card = card_of(1)
    profile = card.profile
    assert profile["name"] == "Prénom1 Nom1"
    assert (profile["orders"], profile["occasions"], profile["orders_all_statuses"]) == (5, 4, 5)
    assert profile["net_spend"] == 145.0
    assert profile["average_basket"] == 29.0
    assert profile["first_order_at"] == pd.Timestamp("2023-12-04 10:00")
    assert profile["email_consent"] is True
    assert profile["suppressed"] is False
    assert (card.segment, card.segment_fr) == ("champions", "Champions")
    assert card.scores == {"r_score": 5, "f_score": 4, "m_score": 5}
    # 4 purchase days from 2023-12-04 to 2024-03-05: 92 days / 3 gaps
    assert card.usual_gap_days == pytest.approx(92 / 3)
    assert card.next_purchase == date(2024, 4, 5)
    assert card.overdue_days is None
    assert card.as_of == date(2024, 3, 5)
    # too few repeat customers for the models: no P(alive), and the reason in both languages
    assert card.p_alive is None
    assert card.expected_purchases is None
    assert "Trop peu de clients sont revenus acheter (3)" in card.prediction_note["fr"]


def test_card_of_someone_late(card_of):
    card = card_of(2)  # 2023-12-20 and 2024-01-14: 25 days apart
    assert card.next_purchase == date(2024, 2, 8)
    assert card.overdue_days == 26  # on 2024-03-05
    assert card.segment == "potential_loyalists"  # 51 days: R4; the model says late
    assert card.profile["suppressed"] is False


@pytest.fixture
def fitted_values(shop):
    """The shop's value table as if BG/NBD had been fitted with r = 1, alpha = 3 weeks, and
    these P(alive): 0.2 for the champion (1), 0.9 for the promising customer (4)."""
    values = customer_value(shop)
    summary = {**values.summary, "model": "bg_nbd", "params": {
        "time_unit": "week", "bg_nbd": {"r": 1.0, "alpha": 3.0, "a": 1.0, "b": 1.0},
        "gamma_gamma": None}}
    table = values.table.assign(p_alive=pd.array([0.2, 0.6, 0.5, 0.9, 0.7], dtype="Float64"))
    return dataclasses.replace(values, table=table, summary=summary, status="ok",
                               explanation=None)


def test_next_purchase_from_the_model(shop, fitted_values):
    """Customer 2 bought on 2023-12-20 and 2024-01-14: x = 1, t_x = 25/7 weeks. Still buying,
    their rate is Gamma(r + x, alpha + t_x) = Gamma(2, 46/7), and the median wait s solves
    (46/7 / (46/7 + s))^2 = 1/2: s = 46/7 (sqrt(2) - 1) = 2.72197 weeks = 19.05 days, so
    2024-02-02, 32 days late on 2024-03-05. Customer 4 (one purchase, 2024-01-11): s = 3 (2 - 1)
    = 3 weeks, 2024-02-01, 33 days late."""
    weeks = weeks_to_next_purchase(fitted_values.summary, [1, 0], [25 / 7, 0.0])
    assert weeks == pytest.approx([46 / 7 * (2 ** 0.5 - 1), 3.0], rel=1e-12)
    card = customer_card(shop, 2, rfm(shop), fitted_values)
    assert card.next_from_model
    assert (card.next_purchase, card.overdue_days) == (date(2024, 2, 2), 32)
    card = customer_card(shop, 4, rfm(shop), fitted_values)
    assert (card.next_purchase, card.overdue_days) == (date(2024, 2, 1), 33)
    # 1: bought on the as-of day, x = 3: due in (21 + 92) (2^(1/4) - 1) = 21.4 days; 3: last
    # purchase 19 days ago, x = 1, t_x = 44 days: due (21 + 44) (sqrt(2) - 1) = 26.9 days after
    # it; 5: one purchase 14 days ago, due after 21 days.
    assert days_overdue(fitted_values).tolist() == [-21, 32, -8, 33, -7]


def test_segment_and_model_disagree_with_a_reason(shop, fitted_values):
    """The champion (1) at P(alive) 0.2 disagrees; the promising 4 at 0.9, the potential loyalist
    2 at 0.6 and the new 5 at 0.7 do not (no segment of the small shop says gone)."""
    cards = {i: customer_card(shop, i, rfm(shop), fitted_values) for i in (1, 2, 4, 5)}
    assert (cards[1].segment, cards[1].disagreement) == ("champions", "best_but_gone")
    assert (cards[4].segment, cards[4].disagreement) == ("promising", None)
    assert cards[2].disagreement is None and cards[5].disagreement is None
    assert disagreement("hibernating", 0.7) == "gone_but_alive"
    assert disagreement("loyal", 0.3) == "best_but_gone"
    assert disagreement("lost", 0.69) is None and disagreement(None, 0.9) is None


def test_card_orders_newest_first_with_their_lines(shop, card_of):
    shop.execute("update order_lines set quantity = 2 where order_id = 9")
    card = card_of(4)
    orders = card.orders
    assert orders["source_order_id"].tolist() == ["9", "8"]
    assert orders["status"].tolist() == ["partially_refunded", "refunded"]
    assert orders["net_amount"].tolist() == [50.0, 0.0]
    assert orders["is_valid"].tolist() == [True, False]
    assert orders["products"].tolist() == ["2 × Coffret", "Savon"]
    assert card.usual_gap_days is None  # one purchase day
    assert card.next_purchase is None
    assert card.profile["suppressed"] is True
    assert customer_orders(shop, 3)["products"].tolist() == ["Coffret", "Savon, Bougie, Savon"]


def test_card_of_a_contact_who_never_bought(card_of):
    card = card_of(6)
    assert card.profile["orders"] == 0
    assert card.profile["net_spend"] == 0.0
    assert card.profile["average_basket"] is None
    assert card.profile["last_order_at"] is None
    assert card.segment is None
    assert card.orders["status"].tolist() == ["pending"]


def test_unknown_customer(card_of):
    with pytest.raises(CustomerNotFoundError, match="n° 99"):
        card_of(99)


def test_win_back_filters_on_the_predictions(shop, fitted_values):
    """P(alive) 0.2, 0.6, 0.5, 0.9, 0.7 and days overdue -21, 32, -8, 33, -7
    (test_next_purchase_from_the_model); the contact who never bought has no prediction."""
    predictions = customer_rows(fitted_values)

    def people(**questions):
        found = segment_customers(shop, SegmentFilter(**questions),
                                  computed=Computed(predictions=predictions))
        return sorted(found["customer_id"].tolist())

    assert people(min_p_alive=0.6) == [2, 4, 5]
    assert people(min_p_alive=0.6, min_days_overdue=30) == [2, 4]
    assert people(min_days_overdue=33) == [4]
    assert people(min_predicted_value=1.0) == []  # no spend model: no predicted value
    assert describe(SegmentFilter(min_p_alive=0.5, min_predicted_value=100, min_days_overdue=30)) \
        == ("probabilité d'être actif d'au moins 0,5 ; valeur prévue d'au moins 100\u00a0€ ; "
            "en retard d'au moins 30 jours")
    with pytest.raises(SegmentFilterError):
        segment_customers(shop, SegmentFilter(min_p_alive=50))


def test_describe_agrees_with_the_counts():
    """'au moins 1 commandes' was written: the count takes its plural form."""
    assert describe(SegmentFilter(orders_min=1, min_days_overdue=1)) == (
        "au moins 1 commande ; en retard d'au moins 1 jour")
    assert describe(SegmentFilter(orders_min=1, orders_max=1), "en") == "1 to 1 order"
