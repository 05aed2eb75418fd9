"""The rapport du lundi's products part (issue 18) on the hand-computed shops of
tests/metrics/products_shop.py and tests/metrics/test_seasonal.py."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from metrics import products_week, replenishment
from metrics.report import weekly_report
from metrics.saved_segments import save_segment
from metrics.segment import SegmentFilter
from reports.html import render_html
from reports.products_format import seasonal_note
from reports.xlsx import render_xlsx
from tests.metrics.products_shop import insert_products_shop
from tests.metrics.test_seasonal import insert_seasons_shop


@pytest.fixture
def products_shop(con, monkeypatch):
    monkeypatch.setattr(replenishment, "MIN_REPURCHASES", 1)
    insert_products_shop(con)
    save_segment(con, "Savon à relancer", SegmentFilter(due_for="Savon"))
    return con


def test_due_products_and_saved_lists_at_the_end_of_the_week(products_shop):
    # Sunday 2024-03-10: customer 3 is 38 days after Savon (due from 30), customer 4 45 days
    # after Bougie and Coffret (due from 20, until 50); customer 2's Bougie is 60 days old.
    section = products_week.week_section(products_shop, date(2024, 3, 5),
                                         pd.DataFrame({"customer_id": [1, 2]}))
    assert section.week == date(2024, 3, 4)
    assert section.due.values.tolist() == [["Bougie", 20.0, 1], ["Coffret", 20.0, 1],
                                           ["Savon", 30.0, 1]]
    assert section.saved.values.tolist() == [
        ["Savon à relancer", "à relancer pour Savon", "due for Savon", 1, 0]]
    assert section.at_risk_waiting == {}


def test_the_report_shows_the_products_part_in_html_and_xlsx(products_shop):
    report = weekly_report(products_shop, date(2024, 3, 5))
    page = render_html(report)
    part = page[page.index('<section id="products">'):]
    assert "<h2>Produits et listes</h2>" in part
    assert '<h3 id="products_due">Produits à racheter</h3>' in part
    assert "<td>Savon à relancer</td>" in part
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report, "en")))
    assert book.sheetnames[-2:] == ["Due", "Lists"]
    rows = [[cell.value for cell in row] for row in book["Due"].iter_rows(min_row=4)]
    assert rows == [["Bougie", 20, 1], ["Coffret", 20, 1], ["Savon", 30, 1]]


def test_at_risk_seasonal_buyers_waiting_for_their_season_are_said(con):
    # test_seasonal.py: as of 2026-03-15 customers 1 (year-end) and 3 (Mother's Day) wait for
    # their season, 2's season came round without them.
    insert_seasons_shop(con)
    section = products_week.week_section(con, date(2026, 3, 15),
                                         pd.DataFrame({"customer_id": [1, 2, 3, 4]}))
    assert section.at_risk_waiting == {"year_end": 1, "mothers_day": 1}
    assert seasonal_note(section.at_risk_waiting) == (
        "2 clients à risque n'achètent qu'à une saison et l'attendent, ils ne sont pas perdus "
        "(Fêtes des mères et des pères (mai-juin) : 1, Fêtes de fin d'année "
        "(novembre-décembre) : 1).")
    alone = products_week.week_section(con, date(2026, 3, 15), pd.DataFrame({"customer_id": [3]}))
    assert seasonal_note(alone.at_risk_waiting, "en") == (
        "1 at-risk customer buys in one season only and is waiting for it, not lost (Mother's "
        "and Father's Day (May-June): 1).")
