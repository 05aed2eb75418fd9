"""After-sales measures on hand-computed tables (rows inserted directly into orders, reviews,
survey_answers and tickets), and the refund comparison on the demo shop computed independently."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from metrics import aftersales
from tests.metrics.factories import insert_orders

AS_OF = date(2025, 6, 30)  # window: 2024-07-01 .. 2025-06-30


def set_refund_dates(con, dates: dict[int, str]) -> None:
    for order_id, day in dates.items():
        con.execute("update orders set refunded_at = $day where order_id = $id",
                    {"day": day, "id": order_id})


def insert_answers(con, rows: list[tuple]) -> None:
    """rows: (customer_id, answered_at, nps_score, csat_score)."""
    for number, (customer, at, nps, csat) in enumerate(rows):
        con.execute(
            "insert into survey_answers (source, source_answer_id, customer_id, answered_at,"
            " nps_score, csat_score, import_id) values ('test', $n, $c, $at, $nps, $csat, 1)",
            {"n": str(number), "c": customer, "at": at, "nps": nps, "csat": csat},
        )


def insert_reviews(con, rows: list[tuple]) -> None:
    """rows: (customer_id, reviewed_at, rating)."""
    for number, (customer, at, rating) in enumerate(rows):
        con.execute(
            "insert into reviews (source, source_review_id, customer_id, reviewed_at, rating,"
            " import_id) values ('test', $n, $c, $at, $rating, 1)",
            {"n": str(number), "c": customer, "at": at, "rating": rating},
        )


def insert_tickets(con, rows: list[tuple]) -> None:
    """rows: (customer_id, opened_at, first_response_at, resolved_at, status, one_touch)."""
    for number, (customer, opened, first, resolved, status, one_touch) in enumerate(rows):
        con.execute(
            "insert into tickets (source, source_ticket_id, customer_id, opened_at,"
            " first_response_at, resolved_at, status, one_touch, import_id)"
            " values ('test', $n, $c, $o, $f, $r, $s, $t, 1)",
            {"n": str(number), "c": customer, "o": opened, "f": first, "r": resolved,
             "s": status, "t": one_touch},
        )


def after_sales_shop(con) -> None:
    """Orders in and out of the window, two dated refunds and one undated, answers, reviews and
    tickets (see each test for the hand count)."""
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": "2025-01-10 10:00", "amount": 100.0},           # 1
        {"customer_id": 1, "ordered_at": "2025-02-10 10:00", "amount": 50.0,             # 2
         "refunded_amount": 50.0, "status": "refunded", "products": ("Savon",)},
        {"customer_id": 2, "ordered_at": "2025-03-01 10:00", "amount": 200.0,            # 3
         "refunded_amount": 40.0, "status": "partially_refunded",
         "products": ("Savon", "Bougie")},
        {"customer_id": 3, "ordered_at": "2025-04-01 10:00", "amount": 50.0,             # 4
         "products": ("Bougie",)},
        {"customer_id": 3, "ordered_at": "2025-05-01 10:00", "amount": 30.0,             # 5
         "status": "cancelled"},
        {"customer_id": 4, "ordered_at": "2024-05-01 10:00", "amount": 80.0},            # 6
        {"customer_id": 4, "ordered_at": "2025-06-01 10:00", "amount": 100.0,            # 7
         "products": ("Savon",)},
        {"customer_id": 5, "ordered_at": "2025-06-15 10:00", "amount": 30.0,             # 8
         "refunded_amount": 10.0, "status": "partially_refunded", "products": ("Bougie",)},
    ])
    set_refund_dates(con, {2: "2025-02-14 09:00", 3: "2025-03-11 12:00"})
    insert_answers(con, [
        (1, "2025-01-20", 10, None), (2, "2025-02-20", 9, None), (3, "2025-03-20", 9, None),
        (4, "2025-04-20", 8, None), (5, "2025-05-20", 6, None), (1, "2025-06-20", 0, None),
        (2, "2024-01-01", 7, None),  # before the window
        (3, "2025-02-01", None, 5), (4, "2025-02-02", None, 4), (5, "2025-02-03", None, 3),
        (1, "2025-02-04", None, 1),
    ])
    insert_reviews(con, [(1, "2025-01-15", 5), (2, "2025-03-15", 4), (None, "2025-04-15", 2),
                         (3, "2024-03-01", 1)])
    insert_tickets(con, [
        (1, "2025-03-02 09:00", "2025-03-02 11:00", "2025-03-04 09:00", "solved", False),
        (2, "2025-04-01 10:00", "2025-04-01 16:00", "2025-04-02 10:00", "closed", True),
        (3, "2025-06-20 08:00", None, None, "open", None),
    ])


@pytest.fixture
def shop(con):
    after_sales_shop(con)
    return con


def test_summary_counts_each_measure_by_hand(shop):
    figures = aftersales.summary(shop, AS_OF)
    assert figures["since"] == date(2024, 7, 1)
    # orders placed in the window: 1, 2, 3, 4, 7, 8 (5 cancelled, 6 before); refunded 2, 3, 8
    assert figures["orders_placed"] == 6
    assert figures["refunded_orders"] == 3
    assert figures["refund_rate_orders"] == 0.5
    # 50 + 40 + 10 refunded of 100 + 50 + 200 + 50 + 100 + 30
    assert figures["revenue_placed"] == 530.0
    assert figures["refunded_value"] == 100.0
    assert figures["refund_rate_revenue"] == pytest.approx(100 / 530)
    # refunds dated 4 and 10 days after their order; the third has no date
    assert figures["dated_refunds"] == 2
    assert figures["median_days_to_refund"] == 7.0
    # NPS: 10, 9, 9 promoters, 8 passive, 6 and 0 detractors; the 7 of 2024-01-01 is out
    assert (figures["nps_answers"], figures["promoters"], figures["passives"],
            figures["detractors"]) == (6, 3, 1, 2)
    assert figures["nps"] == pytest.approx(100 * (3 - 2) / 6)
    # CSAT: 5 and 4 satisfied of 5, 4, 3, 1
    assert (figures["csat_answers"], figures["csat"]) == (4, 0.5)
    # reviews 5, 4, 2 (one matched nobody: still a review of the shop); 1 of 2024 out
    assert figures["reviews"] == 3
    assert figures["average_rating"] == pytest.approx(11 / 3)
    # 3 tickets for 6 orders; replies after 2 h and 6 h; resolved after 2 days and 1 day;
    # 1 of the 2 tickets whose file says was resolved at first contact
    assert figures["tickets"] == 3
    assert figures["tickets_per_100_orders"] == 50.0
    assert figures["median_hours_to_first_response"] == 4.0
    assert figures["median_days_to_resolution"] == 1.5
    assert figures["tickets_saying_first_contact"] == 2
    assert figures["first_contact_resolution"] == 0.5


def test_summary_says_nothing_rather_than_zero_without_answers(con):
    insert_orders(con, [{"customer_id": 1, "ordered_at": "2025-06-01 10:00", "amount": 10.0}])
    figures = aftersales.summary(con, AS_OF)
    assert figures["refund_rate_orders"] == 0.0
    assert figures["nps"] is None and figures["csat"] is None
    assert figures["average_rating"] is None and figures["first_contact_resolution"] is None
    assert figures["tickets_per_100_orders"] == 0.0


def test_refunds_by_month_and_by_product(shop):
    months = aftersales.refunds_by_month(shop, AS_OF).set_index("month")
    feb = months.loc[pd.Timestamp("2025-02-01")]
    assert (feb["orders_placed"], feb["refunded_orders"], feb["refund_rate_orders"]) == (1, 1, 1.0)
    assert feb["median_days_to_refund"] == 4.0
    may = months.loc[pd.Timestamp("2025-05-01")] if pd.Timestamp("2025-05-01") in months.index \
        else None
    assert may is None  # the only May order was cancelled: not an order placed
    june = months.loc[pd.Timestamp("2025-06-01")]
    assert (june["orders_placed"], june["refunded_orders"]) == (2, 1)
    assert june["refund_rate_revenue"] == pytest.approx(10 / 130)
    assert june["dated_refunds"] == 0 and pd.isna(june["median_days_to_refund"])
    products = aftersales.refunds_by_product(shop, AS_OF, min_orders=1).set_index("product")
    # Savon in orders 2 (refunded), 3 (refunded), 7; Bougie in 3 (refunded), 4, 8 (refunded)
    assert products.loc["Savon", "orders_placed"] == 3
    assert products.loc["Savon", "refund_rate_orders"] == pytest.approx(2 / 3)
    assert products.loc["Bougie", "refunded_orders"] == 2
    assert aftersales.refunds_by_product(shop, AS_OF, min_orders=4).empty


@pytest.fixture
def cohorts(con):
    """Cohort January 2024: R1 refunded (dated 20/01), R2 refunded in full (undated), N1, N2, N3
    never refunded; N4 of February. N2 opens a ticket on 16/01."""
    r1, r2, n1, n2, n3, n4 = 1, 2, 3, 4, 5, 6
    insert_orders(con, [
        {"customer_id": r1, "ordered_at": "2024-01-05 10:00", "amount": 100.0,
         "refunded_amount": 30.0, "status": "partially_refunded"},                      # 1
        {"customer_id": r1, "ordered_at": "2024-03-01 10:00", "amount": 90.0},          # 2
        {"customer_id": r2, "ordered_at": "2024-01-10 10:00", "amount": 60.0,
         "refunded_amount": 60.0, "status": "refunded"},                                # 3
        {"customer_id": n1, "ordered_at": "2024-01-07 10:00", "amount": 20.0},
        {"customer_id": n1, "ordered_at": "2024-02-01 10:00", "amount": 40.0},
        {"customer_id": n1, "ordered_at": "2025-02-01 10:00", "amount": 25.0},
        {"customer_id": n2, "ordered_at": "2024-01-15 10:00", "amount": 35.0},
        {"customer_id": n3, "ordered_at": "2024-01-02 10:00", "amount": 10.0},
        {"customer_id": n3, "ordered_at": "2024-01-03 10:00", "amount": 10.0},
        {"customer_id": n3, "ordered_at": "2024-06-01 10:00", "amount": 10.0},
        {"customer_id": n4, "ordered_at": "2024-02-03 10:00", "amount": 10.0},
        {"customer_id": n4, "ordered_at": "2024-02-04 10:00", "amount": 10.0},
    ])
    set_refund_dates(con, {1: "2024-01-20 10:00"})
    insert_tickets(con, [(n2, "2024-01-16 10:00", None, None, "open", None)])
    return con


def test_loyalty_compares_same_cohort_and_order_count(cohorts):
    table = aftersales.loyalty(cohorts, AS_OF).set_index("event")
    refund = table.loc["refund"]
    # R1 bought again (01/03), R2 did not
    assert (refund["customers"], refund["repeat_customers"]) == (2, 1)
    assert refund["repeat_rate_after"] == 0.5
    # At 20/01 R1 had 1 order: N1 (bought again, 40 within a year) and N2 (no) compare, N3 had
    # 2 orders, N4 is of February. At 10/01 R2 had 1 order: N1 only (N2 had not bought yet).
    assert (refund["matched_customers"], refund["comparable_customers"]) == (2, 2)
    assert refund["repeat_rate_after_matched"] == 0.5
    assert refund["repeat_rate_without"] == pytest.approx((1 / 2 + 1) / 2)
    # a year of spend after the refund: R1 90, R2 0; comparables (40 + 0) / 2 and 40
    assert refund["value_customers"] == 2
    assert refund["value_12m_after"] == pytest.approx(45.0)
    assert refund["value_12m_without"] == pytest.approx((20.0 + 40.0) / 2)
    ticket = table.loc["ticket"]
    # N2 (1 order at 16/01, never again) against R1 (again, 90), R2 (never, 0), N1 (again, 40)
    assert (ticket["customers"], ticket["repeat_customers"], ticket["matched_customers"],
            ticket["comparable_customers"]) == (1, 0, 1, 3)
    assert ticket["repeat_rate_without"] == pytest.approx(2 / 3)
    assert ticket["value_12m_after"] == 0.0
    assert ticket["value_12m_without"] == pytest.approx(130 / 3)
    low = table.loc["low_score"]
    assert low["customers"] == 0 and pd.isna(low["repeat_rate_after"])


def test_headline_gives_the_refund_comparison(cohorts):
    figures, _ = aftersales.headline(cohorts, AS_OF)
    assert figures["repeat_rate_after_refund"] == 0.5
    assert figures["repeat_rate_without_refund"] == pytest.approx(0.75)
    assert (figures["refunded_customers"], figures["refunded_customers_compared"],
            figures["comparable_customers"]) == (2, 2, 2)


def test_retention_by_nps_class(con):
    # promoter 1 answers in January and buys in February and April; detractor 2 answers in
    # January and buys in March; promoter 3 answers in May: only months ended by 30/06 count
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": "2025-01-05 10:00", "amount": 10.0},
        {"customer_id": 1, "ordered_at": "2025-02-05 10:00", "amount": 10.0},
        {"customer_id": 1, "ordered_at": "2025-04-05 10:00", "amount": 10.0},
        {"customer_id": 2, "ordered_at": "2025-01-05 10:00", "amount": 10.0},
        {"customer_id": 2, "ordered_at": "2025-03-05 10:00", "amount": 10.0},
        {"customer_id": 3, "ordered_at": "2025-05-02 10:00", "amount": 10.0},
        {"customer_id": 3, "ordered_at": "2025-06-02 10:00", "amount": 10.0},
    ])
    insert_answers(con, [(1, "2025-01-10", 10, None), (2, "2025-01-11", 3, None),
                         (3, "2025-05-10", 9, None), (1, "2025-03-01", 2, None)])
    curves = aftersales.nps_retention(con, AS_OF, months=6).set_index(
        ["nps_class", "months_after"])
    # promoters: month 1 = 1 and 3 (both buy), months 2..5 = customer 1 only
    assert curves.loc[("promoter", 1), ["customers", "retained"]].tolist() == [2, 2]
    assert curves.loc[("promoter", 2), ["customers", "retained"]].tolist() == [1, 0]
    assert curves.loc[("promoter", 3), ["customers", "retained"]].tolist() == [1, 1]
    assert ("promoter", 6) not in curves.index  # January + 6 = July: not over yet
    assert curves.loc[("detractor", 2), "retention"] == 1.0
    assert curves.loc[("detractor", 1), "retention"] == 0.0
    assert "passive" not in curves.index.get_level_values(0)


def insert_same_moment_answers(con, rows: list[tuple]) -> None:
    """rows: (customer_id, source_answer_id, nps_score), all answered on 2025-06-20 at 10:00, in
    the order given."""
    for customer, answer_id, nps in rows:
        con.execute(
            "insert into survey_answers (source, source_answer_id, customer_id, answered_at,"
            " nps_score, import_id) values ('test', $n, $c, '2025-06-20 10:00', $nps, 1)",
            {"n": answer_id, "c": customer, "nps": nps},
        )


def test_two_answers_at_the_same_moment_are_told_apart_by_their_ids(con):
    """Not by the order DuckDB meets them in: the latest is the greater answer id, the first the
    smaller, on every run."""
    insert_orders(con, [{"customer_id": 1, "ordered_at": "2025-01-05 10:00", "amount": 10.0}])
    for rows in ([(1, "b", 1), (1, "a", 10)], [(1, "a", 10), (1, "b", 1)]):
        con.execute("delete from survey_answers")
        insert_same_moment_answers(con, rows)
        detractors = aftersales.contacts(con, "detractors", AS_OF, days=60)
        assert detractors["customer_id"].tolist() == [1]  # latest: b, an NPS of 1
        curves = aftersales.nps_retention(con, date(2026, 6, 30), months=1)
        assert curves["nps_class"].tolist() == ["promoter"]  # first: a, an NPS of 10


def test_contacts_to_call_back_and_to_ask_for_a_review(shop):
    # latest answers: 1 → NPS 0 (20/06), 2 → NPS 9 (20/02), 3 → NPS 9 (20/03), 4 → NPS 8,
    # 5 → NPS 6 (20/05); 3 and 2 reviewed: 2 on 15/03 after their answer, 3 in 2024 before
    detractors = aftersales.contacts(shop, "detractors", AS_OF, days=60)
    assert detractors["customer_id"].tolist() == [1, 5]
    assert detractors["open_ticket"].tolist() == [False, False]
    promoters = aftersales.contacts(shop, "promoters", AS_OF, days=365)
    assert promoters["customer_id"].tolist() == [3]
    assert promoters.loc[0, "email"] == "client3@example.fr"
    with pytest.raises(ValueError):
        aftersales.contacts(shop, "everyone", AS_OF)


def test_contacts_give_the_channel_consent_an_unsubscribe_wins(shop):
    """The e-mail consent of the lists is the channel's own (customer_channels), as in the
    segments and the report: the old yes flag lost to the suppression list (it read the flag)."""
    shop.execute("update customers set email_consent = true where customer_id in (1, 5)")
    shop.execute("insert into suppressions values ('client1@example.fr', '2025-01-01',"
                 " 'Désinscrits Brevo')")

    detractors = aftersales.contacts(shop, "detractors", AS_OF, days=60)

    assert detractors["email_consent"].tolist() == [False, True]


def test_open_complaints_and_the_week_section(shop):
    assert aftersales.open_complaints(shop, date(2025, 6, 30)).tolist() == [3]
    # on 03/03 the ticket of customer 1 was open (resolved on 04/03)
    assert aftersales.open_complaints(shop, date(2025, 3, 3)).tolist() == [1]
    week = aftersales.week_section(shop, date(2025, 3, 12), ticket_days=7)
    assert week.week == date(2025, 3, 10)
    assert week.refunds["order_number"].tolist() == ["3"]  # refunded on 11/03
    assert week.refunds.loc[0, "refunded"] == 40.0
    assert week.new_detractors.empty and week.old_tickets.empty
    late = aftersales.week_section(shop, date(2025, 6, 30), ticket_days=7)
    # the week of 30/06 ends 06/07: ticket 3 open since 20/06, 16 days
    assert late.old_tickets["days_open"].tolist() == [16]
    june = aftersales.week_section(shop, date(2025, 6, 16))
    assert june.new_detractors["customer_id"].tolist() == [1]
    assert june.refunds.empty
    # the undated refund of Sunday 15/06 counts on its order's day, in the week before
    assert aftersales.week_section(shop, date(2025, 6, 15)).refunds[
        "refund_dated"].tolist() == [False]
