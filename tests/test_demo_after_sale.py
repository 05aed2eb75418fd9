"""The demo shop's reviews, NPS survey and tickets: imported without being told, every row linked
to its customer, and the link to loyalty the generator built in (sample_data/after_sale.py,
figures in sample_data/README.md) found again in the database by plain SQL."""

from __future__ import annotations

import pytest

import store
from sample_data.demo import load_after_sale, load_demo, remove_demo

# sample_data/README.md, as sample_data/generate.py computed them from its own tables.
NPS = {"promoter": (211, 111), "passive": (155, 55), "detractor": (181, 37)}
TICKETS, OPEN, OPEN_AGAIN, RESOLVED_AGAIN = 122, 12, 2, 47
REVIEWS, STARS = 372, 1527
AGAIN = """exists (select 1 from valid_orders as v
                  where v.customer_id = t.customer_id and v.ordered_at::date > t.{day}::date)"""


@pytest.fixture(scope="module")
def demo():
    con = store.connect(":memory:")
    load_demo(con)
    reports = load_after_sale(con)
    yield con, reports
    con.close()


def test_each_file_is_recognised_and_every_row_linked(demo):
    con, reports = demo
    assert [(r.source.name, r.rows_read, r.rows_loaded, r.rows_rejected, r.after_sale.linked)
            for r in reports] == [("avis_verifies", REVIEWS, REVIEWS, 0, REVIEWS),
                                  ("google_forms", 547, 547, 0, 547),
                                  ("fiche_sav", TICKETS, TICKETS, 0, TICKETS)]


def test_promoters_buy_again_more_than_detractors(demo):
    con, _ = demo
    rows = con.execute(f"""
        select
            case when nps_score >= 9 then 'promoter' when nps_score >= 7 then 'passive'
                else 'detractor' end,
            count(*),
            count(*) filter (where {AGAIN.format(day='answered_at')})
        from survey_answers as t group by 1""").fetchall()
    assert {klass: (n, again) for klass, n, again in rows} == NPS


def test_an_open_ticket_goes_with_fewer_repeat_purchases(demo):
    con, _ = demo
    rows = con.execute(f"""
        select status in ('open', 'pending'), count(*),
               count(*) filter (where {AGAIN.format(day='opened_at')})
        from tickets as t group by 1 order by 1""").fetchall()
    assert rows == [(False, TICKETS - OPEN, RESOLVED_AGAIN), (True, OPEN, OPEN_AGAIN)]


def test_reviews(demo):
    con, _ = demo
    assert con.execute("select count(*), sum(rating) from reviews").fetchone() == (
        REVIEWS, STARS)


def test_removing_the_demo_removes_its_after_sale_rows():
    con = store.connect(":memory:")
    load_demo(con)
    load_after_sale(con)
    remove_demo(con)
    assert [con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("imports", "reviews", "survey_answers", "tickets")] == [0, 0, 0, 0]
