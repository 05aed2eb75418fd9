"""One meaning per word (issue 13): on the demo shop, for two weeks, each glossary term is
computed once from its definition in the store (store/definitions/), then read from every
surface that shows it: the pages through AppTest, the rapport du lundi in HTML and XLSX, and the
command line's JSON. Every surface must show the same figure, formatted the same way. Where two
surfaces measure over different windows (Vue d'ensemble's repeat rate over 12 months, Réachat's
since the start), their labels must say which, and each window's figure must agree."""

from __future__ import annotations

import io
import json
import re
from datetime import date, timedelta
from html import unescape

import openpyxl
import pandas as pd
import pytest

from metrics import cohort_curves, cohorts, dates, rfm
from metrics.at_risk import AT_RISK_SEGMENTS, SUBLIST_NAMES, at_risk, counts
from metrics.cli import main
from metrics.kpis import METRICS
from metrics.report import weekly_report
from reports import format as report_format
from reports.html import render_html
from reports.xlsx import render_xlsx
from tests.ui.conftest import app, connected, shown_metrics
from ui import format
from words.catalogue.glossary import COMPUTED_BY, GLOSSARY

RETENTION_MEASURES = ["retention", "revenue_retention", "cumulative_revenue_per_customer"]

WEEKS_BACK = (0, 10)  # the latest week and the one ten weeks earlier (sidebar options 0 and 10)
WEEK_LABELS = {  # Vue d'ensemble and the report: the week, except the 12-month repeat rate
    "revenue": "Chiffre d'affaires", "orders": "Commandes", "customers": "Clients (semaine)",
    "new_customers": "Nouveaux clients (semaine)",
    "returning_customers": "Clients revenus (semaine)",
    "average_basket": "Panier moyen", "repeat_rate": "Taux de réachat (12 mois)",
}
HISTORY_LABELS = {  # Réachat: since the start of the history
    "customers": "Clients (depuis le début)",
    "repeat_customers": "Clients fidèles (depuis le début)",
    "repeat_rate": "Taux de réachat (depuis le début)",
    "days_to_second_order": "2e commande : délai médian",
}


def week_terms(con, monday: date) -> dict[str, float]:
    """The Overview's terms for the week, each straight from its definition."""
    params = {"start": monday, "end": monday + timedelta(days=7)}

    def one(query: str) -> float:
        return con.execute(query, params).fetchone()[0]

    revenue = float(one("select sum(net_amount) from net_revenue"
                        " where ordered_at >= $start and ordered_at < $end"))
    orders = one("select count(*) from valid_orders where ordered_at >= $start"
                 " and ordered_at < $end")
    customers, new = con.execute(
        "select count(*), count(*) filter (where is_new_customer(facts.first_ordered_at, $start))"
        " from (select distinct customer_id from valid_orders where customer_id is not null"
        "       and ordered_at >= $start and ordered_at < $end) as week"
        " join customer_facts_until($end::date - 1) as facts using (customer_id)", params,
    ).fetchone()
    year_customers, year_repeat = con.execute(
        "select count(*), count(*) filter (where is_repeat_customer(n)) from ("
        " select customer_id, count(*) as n from valid_orders where customer_id is not null"
        " and ordered_at >= $end::date - 364 and ordered_at < $end group by customer_id)",
        {"end": params["end"]},
    ).fetchone()
    return {
        "revenue": revenue, "orders": orders, "customers": customers, "new_customers": new,
        "returning_customers": customers - new, "average_basket": round(revenue / orders, 2),
        "repeat_rate": year_repeat / year_customers,
    }


def history_terms(con, as_of: date) -> dict[str, float]:
    """The terms measured since the start of the history up to the end of day ``as_of``."""
    customers, repeat, spend = con.execute(
        "select count(*) filter (where valid_orders > 0),"
        " count(*) filter (where is_repeat_customer(valid_orders)), sum(net_spend)"
        " from customer_facts_until($as_of)", {"as_of": as_of},
    ).fetchone()
    people = con.execute("select count(*) from customers").fetchone()[0]
    median = con.execute(
        "select median(second_day - first_day) from customer_first_days($as_of)",
        {"as_of": as_of},
    ).fetchone()[0]
    segments = rfm.rfm(con, as_of)["segment"].value_counts()
    return {
        "customers": customers, "repeat_customers": repeat, "repeat_rate": repeat / customers,
        "days_to_second_order": float(median), "people": people, "net_spend": float(spend),
        "at_risk": counts(at_risk(con, as_of))["all"], "lost": int(segments.get("lost", 0)),
    }


@pytest.fixture(scope="module")
def terms(demo_db) -> list[dict]:
    """Per week: its Monday, the as-of day of the analysis pages, and the terms of both windows."""
    found = []
    with connected(demo_db) as con:
        latest = dates.latest_order_date(con)
        for back in WEEKS_BACK:
            monday = dates.week_start(latest) - timedelta(weeks=back)
            as_of = min(monday + timedelta(days=6), latest)
            found.append({"back": back, "monday": monday, "as_of": as_of,
                          "week": week_terms(con, monday), "history": history_terms(con, as_of)})
    return found


def page_of_week(use_db, demo_db, page: str, monday: date, timeout: float = 120):
    """The app run on ``page`` with the sidebar's week starting on ``monday``."""
    use_db(demo_db)
    at = app(timeout=timeout)
    at.session_state["week"] = monday
    at.switch_page(page).run()
    assert not at.exception
    return at


def cli_json(capsys, demo_db, *args: str) -> dict:
    assert main([*args, "--db", str(demo_db), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def shown_week(metric: str, value: float) -> str:
    return report_format.kpi(metric, value, "fr")


def test_every_glossary_term_names_its_definition():
    assert set(COMPUTED_BY) == set(GLOSSARY)


def test_the_windows_really_differ_so_the_labels_must_say_which(terms):
    for week in terms:
        assert week["week"]["repeat_rate"] != week["history"]["repeat_rate"]
        assert week["week"]["customers"] != week["history"]["customers"]
        # People of the customer file include contacts who never bought.
        assert week["history"]["people"] > week["history"]["customers"]


@pytest.mark.parametrize("index", range(len(WEEKS_BACK)))
def test_overview_shows_each_term_of_its_week(demo_db, terms, use_db, index):
    week = terms[index]
    use_db(demo_db)
    at = app().run()
    at.sidebar.selectbox[0].select_index(week["back"]).run()
    assert not at.exception
    assert f"Semaine du {week['monday']:%d/%m/%Y}" in at.subheader[0].value
    shown = shown_metrics(at)
    assert {label: shown[label] for label in WEEK_LABELS.values()} == {
        label: shown_week(metric, week["week"][metric]) for metric, label in WEEK_LABELS.items()
    }
    # Each figure's help is its glossary entry.
    helps = {m.label: m.proto.help for m in at.metric}
    assert {label: helps[label] for label in WEEK_LABELS.values()} == {
        label: GLOSSARY[metric][1][0] for metric, label in WEEK_LABELS.items()
    }


def test_the_definitions_page_lists_every_term(demo_db, use_db):
    use_db(demo_db)
    at = app().run()
    at.switch_page("views/definitions.py").run()
    assert not at.exception
    text = "\n".join(block.value for block in at.markdown)
    for (term, _), (meaning, _) in GLOSSARY.values():
        assert f"- **{term}** : {meaning}" in text


@pytest.mark.parametrize("index", range(len(WEEKS_BACK)))
def test_repeat_and_segments_pages_show_the_history_terms(demo_db, terms, use_db, index):
    week = terms[index]
    history = week["history"]
    at = page_of_week(use_db, demo_db, "views/repeat.py", week["monday"])
    shown = shown_metrics(at)
    days = format.number(history["days_to_second_order"], 0)
    assert {label: shown[label] for label in HISTORY_LABELS.values()} == {
        HISTORY_LABELS["customers"]: format.number(history["customers"]),
        HISTORY_LABELS["repeat_customers"]: format.number(history["repeat_customers"]),
        HISTORY_LABELS["repeat_rate"]: format.percent(history["repeat_rate"]),
        HISTORY_LABELS["days_to_second_order"]: f"{days} jours",
    }
    helps = {m.label: m.proto.help for m in at.metric}
    assert {label: helps[label] for label in HISTORY_LABELS.values()} == {
        label: GLOSSARY[term][1][0] for term, label in HISTORY_LABELS.items()
    }
    at.switch_page("views/segments.py").run()
    assert not at.exception
    shown = shown_metrics(at)
    assert shown["Personnes dans la base"] == format.number(history["people"])
    assert shown["Dépense nette cumulée"] == format.money(history["net_spend"])
    assert shown["À risque"] == format.number(history["at_risk"])
    table = at.dataframe[0].value.set_index("Segment")
    customers = table["Clients (depuis le début)"]
    at_risk_rows = customers[["À risque — réguliers", "À risque — à ne pas perdre"]]
    assert sum(int(value.replace("\u202f", "")) for value in at_risk_rows) == history["at_risk"]
    assert customers["Perdus"] == format.number(history["lost"])
    total = sum(int(value.replace("\u202f", "")) for value in customers)
    assert total == history["customers"]


@pytest.mark.parametrize("index", range(len(WEEKS_BACK)))
def test_the_monday_report_shows_each_term_of_its_week(demo_db, terms, index):
    week = terms[index]
    with connected(demo_db) as con:
        report = weekly_report(con, week["monday"])
    html = render_html(report, "fr")
    for metric in METRICS:
        card = re.search(rf'<div class="label">([^<]*)</div><div class="value" id="kpi-{metric}">'
                         r"([^<]*)</div>", html)
        assert unescape(card.group(1)) == WEEK_LABELS[metric]
        assert unescape(card.group(2)) == shown_week(metric, week["week"][metric])
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(report, "fr")))["Indicateurs"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0] in
            set(WEEK_LABELS.values())}
    assert rows == {label: pytest.approx(week["week"][metric], abs=1e-9)
                    for metric, label in WEEK_LABELS.items()}
    segments = report.segments.set_index("segment")["this_week"]
    assert report.at_risk["all"] == week["history"]["at_risk"]
    assert sum(segments.get(key, 0) for key in AT_RISK_SEGMENTS) == week["history"]["at_risk"]
    assert segments["lost"] == week["history"]["lost"]


@pytest.mark.parametrize("index", range(len(WEEKS_BACK)))
def test_the_command_line_json_shows_each_term(demo_db, terms, capsys, index):
    week = terms[index]

    kpis = cli_json(capsys, demo_db, "kpis", "--week", week["monday"].isoformat())["metrics"]
    assert {metric: kpis[metric]["this_week"] for metric in METRICS} == {
        metric: pytest.approx(round(value, 4 if metric == "repeat_rate" else 2), abs=1e-9)
        for metric, value in week["week"].items()
    }
    repeat = cli_json(capsys, demo_db, "repeat", "--as-of", week["as_of"].isoformat())
    history = week["history"]
    assert {key: repeat[key] for key in ("customers", "repeat_customers", "repeat_rate",
                                         "median_days_first_to_second")} == {
        "customers": history["customers"], "repeat_customers": history["repeat_customers"],
        "repeat_rate": pytest.approx(history["repeat_rate"]),
        "median_days_first_to_second": history["days_to_second_order"],
    }
    rfm_json = cli_json(capsys, demo_db, "rfm", "--as-of", week["as_of"].isoformat())
    segments = {row["segment"]: row["customers"] for row in rfm_json["segments"]}
    assert sum(segments.get(key, 0) for key in AT_RISK_SEGMENTS) == history["at_risk"]
    assert segments.get("lost", 0) == history["lost"]
    assert sum(segments.values()) == history["customers"]


@pytest.mark.parametrize("index", range(len(WEEKS_BACK)))
def test_customer_value_page_agrees_with_the_clv_command_and_the_definitions(
        demo_db, terms, use_db, capsys, index):
    week = terms[index]
    history = week["history"]
    as_of = week["as_of"].isoformat()
    summary = cli_json(capsys, demo_db, "clv", "--as-of", as_of)
    rows = cli_json(capsys, demo_db, "clv", "--as-of", as_of, "--customers")["customers"]
    with connected(demo_db) as con:
        historic = float(con.execute(
            "select sum(net_spend) from customer_facts_until($as_of) where valid_orders > 0",
            {"as_of": week["as_of"]}).fetchone()[0])
        risky = counts(at_risk(con, week["as_of"]))
    assert summary["status"] == "ok" and summary["n_customers"] == history["customers"]
    assert sum(row["historic_value"] for row in rows) == pytest.approx(historic, abs=1e-6)
    at = page_of_week(use_db, demo_db, "views/value.py", week["monday"], timeout=180)
    shown = shown_metrics(at)
    at_risk_labels = {name: words["fr"] for name, words in SUBLIST_NAMES.items()}
    assert {label: shown[label] for label in (
        "Clients (depuis le début)", "Valeur historique", "Valeur prévue (12 mois)",
        "Achats attendus (12 mois)", *at_risk_labels.values())} == {
        "Clients (depuis le début)": format.number(history["customers"]),
        "Valeur historique": format.money(historic, "fr", 0),
        "Valeur prévue (12 mois)": format.money(summary["forecast"]["expected_revenue"], "fr", 0),
        "Achats attendus (12 mois)": format.number(summary["forecast"]["expected_purchases"]),
        **{label: format.number(risky[name]) for name, label in at_risk_labels.items()},
    }
    assert risky["all"] == history["at_risk"]
    helps = {m.label: m.proto.help for m in at.metric}
    assert {label: helps[label] for label in (
        "Clients (depuis le début)", "Valeur historique", "Valeur prévue (12 mois)",
        "Achats attendus (12 mois)")} == {
        "Clients (depuis le début)": GLOSSARY["customers"][1][0],
        "Valeur historique": GLOSSARY["historic_value"][1][0],
        "Valeur prévue (12 mois)": GLOSSARY["predicted_value"][1][0],
        "Achats attendus (12 mois)": GLOSSARY["expected_purchases"][1][0],
    }


@pytest.mark.parametrize("index", range(len(WEEKS_BACK)))
def test_retention_page_names_its_measures_by_the_glossary(demo_db, terms, use_db, index):
    week = terms[index]
    with connected(demo_db) as con:
        table = cohorts.cohorts(con, "month", week["as_of"])
        table = table.assign(complete=cohort_curves.period_complete(table, "month", week["as_of"]))
        row = cohort_curves.latest_first_return(table, "month", week["as_of"])  # which cohort
        start = pd.Timestamp(row["cohort"])
        size, active = con.execute(  # the cohort's customers, and those who ordered in k = 1
            "with firsts as (select customer_id, min(ordered_at) as first_at from valid_orders"
            " where customer_id is not null group by customer_id)"
            " select count(*), count(*) filter (where exists (select 1 from valid_orders as o"
            "  where o.customer_id = firsts.customer_id and o.ordered_at >= $next"
            "  and o.ordered_at < $after))"
            " from firsts where first_at >= $start and first_at < $next",
            {"start": start, "next": start + pd.DateOffset(months=1),
             "after": start + pd.DateOffset(months=2)},
        ).fetchone()
    at = page_of_week(use_db, demo_db, "views/retention.py", week["monday"])
    measures = at.button_group(key="ret_value")
    terms_fr = [GLOSSARY[key][0][0] for key in RETENTION_MEASURES]
    assert list(measures.options) == terms_fr
    assert measures.help == "\n".join(
        f"- **{GLOSSARY[key][0][0]}** : {GLOSSARY[key][1][0]}" for key in RETENTION_MEASURES)
    sentence = at.info[0].value
    assert f", {format.number(100 * active / size, 0)} ont recommandé le mois suivant" in sentence
    assert sentence.endswith(f"({format.number(active)} sur {format.number(size)}).")
    panel = "\n".join(block.value for block in at.expander[-1].markdown)
    for key in ["valid_order", "cohort", *RETENTION_MEASURES]:
        assert f"- **{GLOSSARY[key][0][0]}** : {GLOSSARY[key][1][0]}" in panel


def test_the_customer_page_agrees_with_customer_summary(demo_db, use_db):
    with connected(demo_db) as con:
        customer_id, email, orders, spend, first, last = con.execute(
            "select customer_id, email, valid_orders, net_spend, first_ordered_at,"
            " last_ordered_at from customer_summary join customers using (customer_id)"
            " where valid_orders >= 3 and email is not null order by customer_id limit 1"
        ).fetchone()
    use_db(demo_db)
    at = app(timeout=120)
    at.switch_page("views/customer.py").run()
    at.text_input(key="cust_search").input(email).run()
    assert not at.exception
    shown = shown_metrics(at)
    assert {label: shown[label] for label in ("Commandes", "Dépense nette", "Première commande",
                                               "Dernière commande")} == {
        "Commandes": format.number(orders), "Dépense nette": format.money(float(spend)),
        "Première commande": format.day(first), "Dernière commande": format.day(last),
    }
    helps = {m.label: m.proto.help for m in at.metric}
    assert (helps["Commandes"], helps["Dépense nette"]) == (
        GLOSSARY["orders"][1][0], GLOSSARY["net_spend"][1][0])
    assert helps["Probabilité d'être actif"] == GLOSSARY["p_alive"][1][0]


def test_the_glossary_line_follows_each_language(demo_db, use_db):
    use_db(demo_db)
    at = app()
    at.session_state["lang"] = "en"
    at.switch_page("views/definitions.py").run()
    assert not at.exception
    text = "\n".join(block.value for block in at.markdown)
    for (_, term), (_, meaning) in GLOSSARY.values():
        assert f"- **{term}**: {meaning}" in text
