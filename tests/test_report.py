"""Le rapport du lundi: its data on the hand-computed shop, the HTML and XLSX files, the command
line on the demo shop, and the Overview page's download buttons."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import warnings
from datetime import date, timedelta

import openpyxl
import pandas as pd
import pytest
import streamlit as st
from hypothesis import given
from hypothesis import strategies as hs
from streamlit.testing.v1 import AppTest

import reports
import store
from metrics import dates, kpis, rfm
from metrics.cli import main
from metrics.report import (
    TO_CALL,
    WeekFormatError,
    iso_week,
    latest_complete_week,
    parse_week,
    weekly_report,
)
from reports import format as report_format
from reports.html import render_html
from reports.xlsx import render_xlsx
from sample_data.demo import load_demo
from tests.conftest import ROOT
from tests.metrics.factories import insert_orders, insert_shop

NBSP, NNBSP = "\u00a0", "\u202f"
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","clic")'
AFTERSALES_SHEETS = ["Détracteurs", "Tickets anciens", "Remboursements"]
PRODUCTS_SHEETS = ["À racheter", "Listes"]
SHEETS = ["Indicateurs", "Tendance", "Segments", "À appeler", "Nouveaux fidèles",
          *AFTERSALES_SHEETS, "Canaux", *PRODUCTS_SHEETS]
# Below metrics.rfm.MIN_RANKED_CUSTOMERS customers (the hand-computed shop has 4): no segments.
SMALL_SHEETS = ["Indicateurs", "Tendance", "Clients", "À appeler", "Nouveaux fidèles",
                *AFTERSALES_SHEETS, "Canaux", *PRODUCTS_SHEETS]
TOO_FEW = ("Pas encore assez de clients pour des segments par rang (il en faut 20, vous en avez "
           "{have}). Voici vos clients par date du dernier achat.")


# Weeks


def test_parse_week_reads_iso_weeks_and_days():
    assert parse_week("2026-W46") == date(2026, 11, 9)
    assert parse_week("2020-W53") == date(2020, 12, 28)  # 2020 has 53 ISO weeks
    assert parse_week("2026-11-15") == date(2026, 11, 9)  # a Sunday belongs to its Monday
    assert parse_week("2027-W01") == date(2027, 1, 4)


@pytest.mark.parametrize("text", ["2026-46", "46", "2026-W4", "15/11/2026", "2026-02-30", ""])
def test_parse_week_refuses_other_writings(text):
    with pytest.raises(WeekFormatError) as error:
        parse_week(text)
    assert error.value.fr == (
        f"Semaine invalide « {text} » : écrivez-la AAAA-Wss comme 2026-W46 (semaine ISO), ou "
        "donnez un de ses jours AAAA-MM-JJ."
    )


def test_parse_week_refuses_a_week_that_does_not_exist():
    with pytest.raises(WeekFormatError, match="La semaine 2025-W53 n'existe pas"):
        parse_week("2025-W53")


@given(hs.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_iso_week_round_trip(day):
    monday = dates.week_start(day)
    assert parse_week(iso_week(day)) == monday
    assert parse_week(day.isoformat()) == monday
    assert re.fullmatch(r"\d{4}-W\d{2}", iso_week(day))


def test_latest_complete_week(con):
    assert latest_complete_week(con, date(2024, 3, 6)) is None  # no order yet
    insert_shop(con)  # latest valid order: Tuesday 2024-03-05
    assert latest_complete_week(con, date(2024, 3, 6)) == date(2024, 2, 26)  # last full week
    assert latest_complete_week(con, date(2024, 3, 11)) == date(2024, 3, 4)  # Monday after
    assert latest_complete_week(con, date(2026, 11, 22)) == date(2024, 3, 4)  # data stops


# The report's data on the hand-computed shop (tests/metrics/factories.py)


def test_report_of_the_second_week_of_january(con):
    insert_shop(con)
    report = weekly_report(con, date(2024, 1, 10))
    assert (report.week, report.week_end, report.iso_week) == (
        date(2024, 1, 8), date(2024, 1, 14), "2024-W02"
    )
    # Mon 8 - Sun 14 Jan: A 35 + 15, D 50 (80 - 30 refunded), anonymous 12, B 22.
    assert report.kpis.loc["revenue"].tolist()[:3] == [134.0, 40.0, 0.0]
    assert report.kpis.loc["orders", "this_week"] == 5
    assert report.kpis.loc["customers", "this_week"] == 3
    assert report.kpis.loc["average_basket", "this_week"] == 26.8
    assert report.kpis.loc["revenue", "change_last_week"] == pytest.approx(2.35)
    pd.testing.assert_frame_equal(report.kpis, kpis.weekly_kpis(con, date(2024, 1, 8)))
    assert len(report.trend) == 52 and report.trend["week_start"].iloc[-1] == pd.Timestamp(
        "2024-01-08"
    )
    # Every last order within 30 days, so R = 5; F counts orders.
    # End of Sun 7 Jan: A F2 potential_loyalists, B F1 new, C F1 new.
    # End of Sun 14 Jan: A F4 champions, B F2 potential_loyalists, C F1 new, D (first order on
    # the 11th) F1 new.
    assert report.moves.to_dict("list") == {
        "segment_from": ["none", "potential_loyalists", "new"],
        "segment_to": ["new", "champions", "potential_loyalists"],
        "customers": [1, 1, 1],
    }
    sizes = report.segments.set_index("segment")
    assert sizes.loc[["champions", "potential_loyalists", "new"]].to_dict("list") == {
        "last_week": [0, 1, 2], "this_week": [1, 1, 2], "change": [1, 0, 0]
    }
    assert sizes["last_week"].sum() == 3 and sizes["this_week"].sum() == 4
    # B's second valid order (the 3 Jan one was cancelled) came on Sunday 14 Jan.
    assert report.new_repeat.to_dict("records") == [{
        "customer_id": 2, "name": None, "email": "client2@example.fr", "phone": None,
        "email_consent": None, "orders": 2, "spend": 52.0,
        "first_ordered_at": pd.Timestamp("2023-12-20 15:00"),
        "second_ordered_at": pd.Timestamp("2024-01-14 17:00"),
    }]
    # Only A has M = 4, and A is a champion; A's next purchase is due on 27 Jan.
    assert report.to_call.empty and list(report.to_call.columns) == TO_CALL
    # Channels: web A 35 + 15 and D 50; shop the anonymous 12 and B 22. New this week: D (first
    # valid order on the 11th), 50; returning A and B, 72. Last week: C's first order, 40.
    channels = report.channels.channels.set_index("channel")
    assert channels[["orders", "revenue"]].to_dict("list") == {
        "orders": [3, 2], "revenue": [100.0, 34.0]}
    assert report.channels.revenue_split.to_dict("list")["this_week"] == [50.0, 72.0]
    assert report.channels.revenue_split.to_dict("list")["last_week"] == [40.0, 0.0]
    assert report.channels.both_channels == 0  # A bought on the web only, B in the shop only


def test_customer_due_this_week_is_not_called_unless_at_risk(con):
    insert_shop(con)
    # A bought on 4 Dec, 28 Dec and 9 Jan (twice): 36 days over 2 gaps, next purchase due on
    # 9 Jan + 18 days = Sat 27 Jan, in the week of Mon 22 Jan. But 19 days after the last order
    # A is R5 F4, a champion, not at risk: the call list is part of "À risque" (metrics/at_risk;
    # in tests/metrics/test_at_risk.py customer 3 is at risk and due, hence called).
    report = weekly_report(con, date(2024, 1, 22))
    assert report.to_call.empty and report.at_risk == {"all": 0, "valuable": 0, "to_call": 0}


# Formatting shared with the app


def test_report_format_helpers():
    assert report_format.phones(pd.Series(["+33612345678", "+4930123456", None])).tolist()[:2] == [
        "06 12 34 56 78", "+4930123456"
    ]
    assert report_format.yes_no(pd.Series([True, False, None], dtype="boolean")).tolist() == [
        "oui", "non", "–"
    ]
    assert report_format.kpi("revenue", 1234.5) == f"1{NNBSP}234,50{NBSP}€"
    assert report_format.kpi("repeat_rate", 0.25, "en") == "25.0%"
    assert report_format.kpi("orders", 1234) == f"1{NNBSP}234"
    # A rate's change is a difference in points: 34.2 % -> 34.6 % is +0.4 pt, not +1.2 %.
    assert report_format.signed_points(0.346 - 0.342) == f"+0,4{NBSP}pt"
    assert report_format.signed_points(0.346 - 0.342, "en") == f"+0.4{NBSP}pt"
    assert report_format.signed_points(-0.125) == f"-12,5{NBSP}pt"
    assert report_format.signed_points(None) is None
    from ui import format as ui_format

    assert ui_format.money is report_format.money  # one implementation, not two


# HTML


def _shop_with_tricky_customer(con, first_name: str) -> None:
    """The shop, with B (customer 2, a new repeat customer of week 2024-W02) given a name that
    is an attack, a French mobile and email consent."""
    insert_shop(con)
    con.execute(
        "update customers set first_name = $name, phone = '+33612345678', email_consent = true"
        " where customer_id = 2",
        {"name": first_name},
    )


def test_html_shows_french_figures_and_escapes_customers(con):
    _shop_with_tricky_customer(con, SCRIPT)
    html = render_html(weekly_report(con, date(2024, 1, 8)))
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in html
    assert "Semaine 2024-W02 : du 08/01/2024 au 14/01/2024" in html
    assert f'<div class="value" id="kpi-revenue">134,00{NBSP}€</div>' in html
    assert f'<div class="value" id="kpi-average_basket">26,80{NBSP}€</div>' in html
    assert '<div class="value" id="kpi-orders">5</div>' in html
    assert f"+235,0{NBSP}% sur une semaine" in html
    assert f"+16,7{NBSP}pt sur une semaine" in html  # repeat rate 1/3 -> 1/2, in points
    assert f"l&#x27;an dernier : 0,00{NBSP}€" in html
    # B in the new repeat customers: escaped, never a live tag.
    assert "alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<td>06 12 34 56 78</td>" in html
    assert "<td>20/12/2023</td><td>14/01/2024</td>" in html
    assert f'<td class="number">52,00{NBSP}€</td>' in html
    # Self-contained: plotly.js inlined once, nothing loaded from elsewhere.
    assert html.count("* plotly.js v") == 1
    assert html.count('class="plotly-graph-div"') == 1  # the trend: 4 customers, no segments
    assert TOO_FEW.format(have=4) in html
    assert not re.search(r"""src\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert "<link" not in html
    # Nobody to call this week, and the definitions are there.
    assert "Personne cette semaine." in html
    assert ("<dt>Panier moyen</dt><dd>Chiffre d&#x27;affaires net ÷ commandes valides de la "
            "période ; sur la Fiche client, dépense nette du client ÷ ses commandes "
            "valides.</dd>") in html


def test_html_in_english(con):
    insert_shop(con)
    html = render_html(weekly_report(con, date(2024, 1, 8)), "en")
    assert '<html lang="en">' in html
    assert "Week 2024-W02: 2024-01-08 to 2024-01-14" in html
    assert '<div class="value" id="kpi-revenue">€134.00</div>' in html
    assert "+235.0% on last week" in html


def test_a_week_before_any_order_still_gives_both_files(con):
    insert_shop(con)
    report = weekly_report(con, date(2023, 11, 1))
    assert report.kpis["this_week"].tolist()[:5] == [0.0, 0.0, 0.0, 0.0, 0.0]
    assert (len(report.moves), len(report.to_call), len(report.new_repeat)) == (0, 0, 0)
    html = render_html(report)
    # no customer yet, none to call, none new; no detractor, old ticket nor refund; no channel;
    # no product due
    assert html.count("Personne cette semaine.") == 8
    assert "Aucune liste enregistrée : sur la page Segments" in html
    assert TOO_FEW.format(have=0) in html
    assert '<div class="value" id="kpi-average_basket">–</div>' in html
    book = _workbook(render_xlsx(report))
    assert book["Clients"]["A3"].value == "Personne cette semaine."
    assert book["Indicateurs"]["B9"].value is None  # no average basket without orders


def _three_customers(con) -> None:
    """A shop of 3 customers on Sunday 30 June 2024: one bought that day, one 4 weeks earlier,
    one 2 years earlier (with 3 customers a rank would call the second "Perdus")."""
    insert_orders(con, [
        {"customer_id": 3, "ordered_at": "2022-06-30 10:00", "amount": 30.0},
        {"customer_id": 2, "ordered_at": "2024-06-02 10:00", "amount": 20.0},
        {"customer_id": 1, "ordered_at": "2024-06-30 10:00", "amount": 45.0},
    ])


def test_a_three_customer_shop_gets_no_segment_but_its_customers_by_last_order(con):
    _three_customers(con)
    report = weekly_report(con, date(2024, 6, 24))
    assert (report.customers, report.ranked) == (3, False)
    html = render_html(report)
    section = re.search(r'<section id="customers">(.*?)</section>', html).group(1)
    assert f'<p class="muted">{TOO_FEW.format(have=3)}</p>' in section
    assert re.findall(r"<td>(client\d@example\.fr)</td>", section) == [
        "client1@example.fr", "client2@example.fr", "client3@example.fr"
    ]
    assert 'id="segments"' not in html and "segments-chart" not in html
    for name in ("Perdus", "Nouveaux venus", "Prometteurs", "En hibernation",
                 "Mouvements entre segments"):
        assert name not in html
    book = _workbook(render_xlsx(report))
    assert book.sheetnames == SMALL_SHEETS
    sheet = book["Clients"]
    assert sheet["A2"].value == TOO_FEW.format(have=3)
    assert [row[2] for row in sheet.iter_rows(min_row=4, values_only=True)] == [
        "client1@example.fr", "client2@example.fr", "client3@example.fr"
    ]
    names = {name["fr"] for name in rfm.SEGMENT_NAMES.values()}
    for worksheet in book.worksheets:
        for cells in worksheet.iter_rows(values_only=True):
            assert not names & set(cells), worksheet.title


def test_a_small_shop_calls_its_customers_at_risk_without_naming_a_segment(con):
    """Customer 1 ordered three times, the last 184 days before Sunday 30 June 2024 (177 a week
    earlier): over 6 months, at risk this week, the biggest spender of 3: to call."""
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": f"2023-12-{day} 10:00", "amount": 100.0}
        for day in (1, 15, 29)
    ] + [
        {"customer_id": 2, "ordered_at": "2024-06-02 10:00", "amount": 20.0},
        {"customer_id": 3, "ordered_at": "2024-06-30 10:00", "amount": 45.0},
    ])
    report = weekly_report(con, date(2024, 6, 24))
    assert report.to_call["customer_id"].tolist() == [1] and not report.ranked
    html = render_html(report)
    section = re.search(r'<section id="to_call">(.*?)</section>', html).group(1)
    assert "<th>Segment</th>" not in section
    assert "<td>passé·e en « À risque »</td>" in section
    sheet = _workbook(render_xlsx(report))["À appeler"]
    assert [cell.value for cell in sheet[3]][-2:] == ["Dépense totale", "Pourquoi"]
    assert sheet.cell(4, sheet.max_column).value == "passé·e en « À risque »"


# XLSX


def _workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_sheets_kpi_cells_and_no_formula(con):
    _shop_with_tricky_customer(con, FORMULA)
    report = weekly_report(con, date(2024, 1, 8))
    book = _workbook(render_xlsx(report))
    assert book.sheetnames == SMALL_SHEETS
    sheet = book["Indicateurs"]
    assert [cell.value for cell in sheet[3]] == [
        "Indicateur", "Cette semaine", "Semaine précédente", "Évolution sur une semaine",
        "Même semaine l'an dernier", "Évolution sur un an",
    ]
    revenue = [cell.value for cell in sheet[4]]
    assert revenue[:3] == ["Chiffre d'affaires", 134.0, 40.0]
    assert revenue[3] == pytest.approx(2.35)
    assert revenue[4:] == [0.0, None]  # no change against a week without sales
    assert sheet["B4"].number_format == '#,##0.00\\ "€"'
    assert sheet["D4"].number_format == "0.0%"
    assert [cell.value for cell in sheet[5]][:3] == ["Commandes", 5, 1]
    assert sheet["B5"].number_format == "#,##0"
    assert sheet["A10"].value == "Taux de réachat (12 mois)"
    assert sheet["B10"].value == pytest.approx(report.kpis.loc["repeat_rate", "this_week"])
    # The repeat rate went from 1/3 to 1/2: +16.7 points, written in points, not as +50 %.
    assert sheet["D10"].value == pytest.approx(100 / 6)
    assert sheet["D10"].number_format == '+0.0" pt";-0.0" pt";0.0" pt"'
    # B's name would be a live link in a spreadsheet: written as text, apostrophe first.
    new_repeat = book["Nouveaux fidèles"]
    assert [cell.value for cell in new_repeat[3]] == [
        "Nom", "Téléphone", "E-mail", "Accepte les e-mails", "Première commande",
        "Deuxième commande", "Commandes", "Dépense totale",
    ]
    row = [cell.value for cell in new_repeat[4]]
    assert row[:4] == ["'" + FORMULA, "06 12 34 56 78", "client2@example.fr", "oui"]
    assert row[5] == pd.Timestamp("2024-01-14 17:00").to_pydatetime()
    assert new_repeat["F4"].number_format == "dd/mm/yyyy"
    assert row[6:] == [2, 52.0]
    assert book["À appeler"]["A3"].value == "Personne cette semaine."
    customers = book["Clients"]
    assert customers["A2"].value == TOO_FEW.format(have=4)
    assert [cell.value for cell in customers[3]] == [
        "Nom", "Téléphone", "E-mail", "Accepte les e-mails", "Dernière commande", "Commandes",
        "Dépense totale",
    ]
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                assert not str(cell.value or "").startswith("="), (sheet.title, cell.coordinate)


def test_xlsx_in_english(con):
    insert_shop(con)
    book = _workbook(render_xlsx(weekly_report(con, date(2024, 1, 8)), "en"))
    assert book.sheetnames == ["Figures", "Trend", "Customers", "To call", "New repeat",
                               "Detractors", "Old tickets", "Refunds", "Channels", "Due",
                               "Lists"]
    assert book["Figures"]["B4"].value == 134.0
    assert book["Figures"]["B4"].number_format == '"€"#,##0.00'


# The command line and the Overview page on the demo shop


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "demo.duckdb"
    con = store.connect(path)
    load_demo(con)
    week = date(2026, 11, 9)  # 2026-W46, the demo shop's last week
    expected = kpis.weekly_kpis(con, week)
    html = reports.render(weekly_report(con, week), "html")
    con.close()
    return path, expected, html


def test_cli_writes_both_formats(demo_db, tmp_path, capsys):
    path, expected, html = demo_db
    for name in ("rapport.html", "rapport.xlsx"):
        out = tmp_path / name
        code = main(["report", "--db", str(path), "--week", "2026-W46", "--out", str(out)])
        assert (code, capsys.readouterr().out) == (
            0, f"Rapport de la semaine 2026-W46 écrit dans {out}\n"
        )
    assert (tmp_path / "rapport.html").read_bytes() == html
    revenue = expected.loc["revenue", "this_week"]
    assert f'id="kpi-revenue">{report_format.money(revenue)}</div>' in html.decode("utf-8")
    book = _workbook((tmp_path / "rapport.xlsx").read_bytes())
    assert book.sheetnames == SHEETS
    moves = book["Segments"]
    assert [moves.cell(3, column).value for column in range(6, 9)] == [
        "Avant", "Maintenant", "Clients"
    ]
    assert moves.cell(4, 6).value in {name["fr"] for name in rfm.SEGMENT_NAMES.values()} | {
        "Pas encore client"}
    assert book["Indicateurs"]["B4"].value == revenue
    assert book["Indicateurs"]["B5"].value == expected.loc["orders", "this_week"]


def test_cli_refuses_a_bad_week_in_one_sentence(demo_db, tmp_path):
    path, _, _ = demo_db
    out = tmp_path / "rapport.html"
    result = subprocess.run(
        [sys.executable, "-m", "metrics", "report", "--db", str(path), "--week", "2026-46",
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "Semaine invalide « 2026-46 » : écrivez-la AAAA-Wss comme 2026-W46 (semaine ISO), ou "
        "donnez un de ses jours AAAA-MM-JJ.\n"
    )
    assert not out.exists()


def test_cli_needs_an_html_or_xlsx_file(demo_db, tmp_path, capsys):
    path, _, _ = demo_db
    assert main(["report", "--db", str(path)]) == 2
    assert capsys.readouterr().err.startswith("Indiquez le fichier du rapport avec --out")
    assert main(["report", "--db", str(path), "--out", str(tmp_path / "r.pdf"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "The file 'r.pdf' must end in .html or .xlsx: that is what chooses the report's format.\n"
    )


def test_cli_default_week_and_english(demo_db, tmp_path, capsys):
    path, _, _ = demo_db
    out = tmp_path / "report.html"
    assert main(["report", "--db", str(path), "--out", str(out), "--lang", "en"]) == 0
    # Today is after the demo's last order (Sunday 15 Nov 2026): its week is the latest complete.
    week = iso_week(min(date(2026, 11, 9), dates.week_start(date.today()) - timedelta(days=7)))
    assert capsys.readouterr().out == f"Report of week {week} written to {out}\n"
    assert "<h1>The Monday report</h1>" in out.read_text(encoding="utf-8")


def test_overview_offers_the_report_of_the_week(demo_db, monkeypatch):
    path, _, html = demo_db
    monkeypatch.setenv(store.db.DB_ENV_VAR, str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(str(ROOT / "views" / "overview.py"), default_timeout=60).run()
        assert not at.exception
        buttons = at.get("download_button")
        assert [button.proto.label for button in buttons] == [
            "Rapport du lundi (HTML)", "Rapport du lundi (Excel)"
        ]
        from ui import report_data  # what the HTML button runs when clicked

        assert report_data.builder(date(2026, 11, 9), "html", "fr")() == html
        name = report_data.file_name(date(2026, 11, 9), "xlsx")
        assert name == "rapport_semaine_2026-W46.xlsx"
    finally:
        st.cache_resource.clear()


def test_a_column_of_missing_amounts_reads_as_dashes_without_a_pandas_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shown = report_format.moneys(pd.Series([None, float("nan")], dtype="float64"), "fr")
    assert shown.tolist() == ["–", "–"]
    assert report_format.moneys(pd.Series([1234.5, None]), "fr").tolist() == [
        "1\u202f234,50\u00a0€", "–"]
