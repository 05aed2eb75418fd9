"""The rapport du lundi's after-sales section on the hand-computed after-sales shop
(tests/metrics/test_aftersales.py): new detractors, tickets open too long and the week's
refunds, in the HTML (escaped) and in the workbook's sheets."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from metrics.report import weekly_report
from reports.html import render_html
from reports.xlsx import render_xlsx
from tests.metrics.test_aftersales import after_sales_shop

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def shop(con):
    after_sales_shop(con)
    con.execute("update survey_answers set comment = $c where nps_score = 0", {"c": SCRIPT})
    return con


def sheet_rows(data: bytes, name: str) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(data))[name]
    return [row for row in sheet.iter_rows(min_row=4, values_only=True)]


def test_week_of_a_new_detractor(shop):
    # week of 16/06/2025: customer 1 answered 0 on 20/06; the open ticket of 20/06 is 2 days old
    report = weekly_report(shop, date(2025, 6, 16))
    section = report.aftersales
    assert section.new_detractors["customer_id"].tolist() == [1]
    assert section.old_tickets.empty and section.refunds.empty
    page = render_html(report, "fr")
    assert "Après-vente de la semaine" in page
    assert "Nouveaux détracteurs" in page and "Tickets ouverts depuis plus de 7 jours" in page
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    rows = sheet_rows(render_xlsx(report, "fr"), "Détracteurs")
    assert rows[0][:2] == (None, None)  # customers of the factory have no name nor phone
    assert rows[0][2] == "client1@example.fr"
    assert rows[0][4] == 0  # the NPS score, a number


def test_week_of_an_old_ticket_and_of_a_refund(shop):
    late = weekly_report(shop, date(2025, 6, 30))
    # open since 20/06 at the end of Sunday 06/07: 16 days
    rows = sheet_rows(render_xlsx(late, "fr"), "Tickets anciens")
    # the status in the reader's words (the workbook showed the stored "open" in French)
    assert [(row[2], row[4], row[6]) for row in rows] == [("client3@example.fr", 16, "ouvert")]
    assert sheet_rows(render_xlsx(late, "en"), "Old tickets")[0][6] == "open"
    refunds = weekly_report(shop, date(2025, 6, 9))
    page = render_html(refunds, "en")
    assert "The week&#x27;s refunds" in page  # escaped
    section = page[page.index('id="aftersales_refunds"'):]
    assert "client5@example.fr" in section and "€10.00" in section
    rows = sheet_rows(render_xlsx(refunds, "fr"), "Remboursements")
    assert [(row[1], row[2], row[5], row[6]) for row in rows] == [
        ("client5@example.fr", "8", "non", 10.0)]
