"""Rétention, Réachat and Valeur client run by AppTest: on the demo shop the figures shown equal
the metrics' results; on the hand-computed shop of tests/metrics/factories.py they equal hand
counts (and Valeur client falls back to historic figures); on an empty database they offer the
demo shop."""

from __future__ import annotations

import base64
import json
import shutil
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from metrics import at_risk as risk
from metrics import clv, cohort_curves, cohorts, dates, repeat, report, value_lists
from tests.metrics.factories import insert_orders, insert_shop
from tests.ui.conftest import app, connected, shown_metrics
from ui import analysis_charts, analysis_data, format

TIMEOUT = 120
RETENTION, REPEAT, VALUE = "views/retention.py", "views/repeat.py", "views/value.py"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "shop.duckdb"
    with connected(path) as con:
        insert_shop(con)
    return path


def open_page(page: str, **state: object) -> AppTest:
    """Run ``page`` with these session values (AppTest runs a switched-to page without the
    frame's sidebar, so the language and the week are set the way the sidebar sets them)."""
    at = app(timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(page).run()
    assert not at.exception
    return at


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def numbers(field: list | dict) -> np.ndarray:
    """A figure's data array: plotly writes numpy arrays as base64 ("bdata"), lists as JSON."""
    if isinstance(field, dict):
        flat = np.frombuffer(base64.b64decode(field["bdata"]), dtype=field["dtype"])
        shape = field.get("shape")
        return flat.reshape([int(n) for n in shape.split(",")]) if shape else flat
    return np.array(field, dtype=float)


def same(shown: list | dict, expected) -> bool:
    values, expected = numbers(shown).astype(float), np.asarray(expected, dtype=float)
    return values.shape == expected.shape and np.allclose(values, expected, equal_nan=True)


# Rétention


def test_retention_on_the_demo_shop(demo_db, use_db):
    use_db(demo_db)
    at = open_page(RETENTION)
    with connected(demo_db) as con:
        as_of = dates.latest_order_date(con)
        table = cohorts.cohorts(con, "month")
    assert as_of == date(2026, 11, 15)
    assert at.title[0].value == "Rétention"
    assert at.caption[1].value.startswith("Chiffres au 15/11/2026")
    # November is in progress on the 15th, so September is the latest cohort whose next month
    # (October) is over.
    row = table[(table["cohort"] == "2026-09-01") & (table["period_index"] == 1)].iloc[0]
    assert at.info[0].value == (
        f"Sur 100 clients arrivés en septembre 2026, {round(100 * row['retention'])} ont "
        f"recommandé le mois suivant ({row['active_customers']} sur {row['cohort_size']})."
    )
    heatmap, curves = figures(at)
    matrix = cohorts.retention_matrix(table)
    assert heatmap["data"][0]["y"][0] == "01/2024" and heatmap["data"][0]["y"][-1] == "11/2026"
    assert same(heatmap["data"][0]["z"], matrix.to_numpy() * 100)
    assert heatmap["layout"]["separators"] == ",\u202f"  # Babel: decimal comma, narrow space
    average = cohort_curves.average_curves(table, "month", as_of)
    average = average[average["period_index"] >= 1]
    # Months 1-31 are reached by at least 3 cohorts and 30 customers; 32 (2 cohorts) and 33
    # (1 cohort) are dotted, joined to 31.
    assert [trace["name"] for trace in curves["data"]] == [
        "Moyenne", "Moyenne, non significative", "09/2026"
    ]
    assert same(curves["data"][0]["x"], range(1, 32))
    assert same(curves["data"][0]["y"], average["retention"].iloc[:31] * 100)
    assert same(curves["data"][1]["x"], [31, 32, 33])
    assert same(curves["data"][1]["y"], average["retention"].iloc[30:] * 100)
    assert curves["data"][1]["line"]["dash"] == "dot"
    assert at.multiselect[0].value == [pd.Timestamp("2026-09-01")]
    assert at.expander[0].label == "Définitions"


def test_retention_by_quarter_and_cumulative_revenue(demo_db, use_db):
    use_db(demo_db)
    at = open_page(RETENTION)
    at.segmented_control("ret_period").set_value("quarter").run()
    at.segmented_control("ret_value").set_value("cumulative_revenue_per_customer").run()
    assert not at.exception
    with connected(demo_db) as con:
        table = cohorts.cohorts(con, "quarter")
    # Q4 2026 is in progress and Q3's next quarter is Q4: Q2 2026 is the latest example.
    row = table[(table["cohort"] == "2026-04-01") & (table["period_index"] == 1)].iloc[0]
    assert at.info[0].value.startswith(
        f"Sur 100 clients arrivés au 2e trimestre 2026, {round(100 * row['retention'])} ont "
        "recommandé le trimestre suivant"
    )
    heatmap, curves = figures(at)
    assert heatmap["data"][0]["y"][:2] == ["T1 2024", "T2 2024"]
    average = np.concatenate([numbers(trace["y"]) for trace in curves["data"]
                              if trace["name"].startswith("Moyenne")])
    assert (np.diff(average) >= 0).all()  # what a customer brings in never goes down
    matrix = cohorts.retention_matrix(table, "cumulative_revenue_per_customer")
    assert same(heatmap["data"][0]["z"], matrix.to_numpy())


def test_retention_in_english(demo_db, use_db):
    use_db(demo_db)
    at = open_page(RETENTION, lang="en")
    assert at.title[0].value == "Retention"
    assert at.info[0].value.startswith("Of 100 customers who arrived in September 2026, ")
    assert figures(at)[0]["layout"]["separators"] == ".,"


def test_retention_on_the_hand_computed_shop(shop_db, use_db):
    use_db(shop_db)
    at = open_page(RETENTION)
    # Latest valid order 5 March 2024: March is in progress, February is over. The January
    # cohort (C, D): C came back in February, D did not.
    assert at.info[0].value == (
        "Sur 100 clients arrivés en janvier 2024, 50 ont recommandé le mois suivant (1 sur 2)."
    )
    heatmap, curves = figures(at)
    # Dec: 100 % | 100 % | 0 % | 50 %; Jan: 100 % | 50 % | 0 %; Feb: 100 % | 0 %.
    assert same(heatmap["data"][0]["z"],
                np.array([[100, 100, 0, 50], [100, 50, 0, np.nan], [100, 0, np.nan, np.nan]]))
    # Average over periods that are over: k1 = 3 back of 4 (Dec, Jan), k2 = 0 of 2 (Dec); with
    # 5 customers no period is significant: the whole average is dotted.
    assert curves["data"][0]["name"] == "Moyenne, non significative"
    assert same(curves["data"][0]["x"], [1, 2])
    assert same(curves["data"][0]["y"], [75.0, 0.0])


# Réachat


def test_repeat_on_the_demo_shop(demo_db, use_db):
    use_db(demo_db)
    at = open_page(REPEAT)
    with connected(demo_db) as con:
        summary = repeat.repeat_summary(con)
        within = repeat.second_order_within(con, (30, 60, 90))
        products = repeat.repeat_rate_by_first_product(con, min_customers=10)
        trend = repeat.repeat_rate_trend(con)
        per_customer = repeat.orders_per_customer(con)
        second = repeat.days_to_second_order(con)
    shown = shown_metrics(at)
    assert shown["Taux de réachat (depuis le début)"] == format.percent(summary["repeat_rate"])
    assert shown["Clients (depuis le début)"] == format.number(summary["customers"])
    assert shown["Clients fidèles (depuis le début)"] == format.number(summary["repeat_customers"])
    assert shown["2e commande : délai médian"] == (
        f"{format.number(summary['median_days_first_to_second'])} jours"
    )
    captions = [caption.value for caption in at.caption]
    for _, row in within.iterrows():
        label = f"2e commande en {int(row['days'])} jours (part des clients revenus)"
        assert shown[label] == format.percent(row["share"])
        count = format.number(row["customers"])
        assert f"{count} clients, soit {format.percent(row['share_of_customers'])} de tous les " \
            "clients" in captions
    # Two delays, two names: between any two orders (the banner), before the 2nd (the card).
    between = format.number(summary["median_days_between_orders"])
    before_second = format.number(summary["median_days_first_to_second"])
    assert at.info[0].value == (
        f"Depuis le début, sur 100 clients, {round(100 * summary['repeat_rate'])} ont commandé "
        "au moins deux fois. Délai médian entre deux commandes successives d'un même client, "
        f"toutes commandes comprises : {between} jours (avant la 2e commande seulement : "
        f"{before_second} jours)."
    )
    trend_chart, orders_chart, days_chart = figures(at)
    assert same(trend_chart["data"][0]["y"], trend["repeat_rate"] * 100)
    assert same(orders_chart["data"][0]["y"], per_customer["customers"])
    assert same(days_chart["data"][0]["x"], second["days"])
    assert len(second) == summary["repeat_customers"]
    table = at.dataframe[0].value
    best = products.sort_values(["repeat_rate", "customers"], ascending=False).iloc[0]
    assert table.iloc[0].tolist() == [
        best["product"], format.number(best["customers"]), format.number(best["repeat_customers"]),
        format.percent(best["repeat_rate"]),
    ]
    assert len(table) == len(products)


def test_repeat_on_the_hand_computed_shop(shop_db, use_db):
    use_db(shop_db)
    at = open_page(REPEAT)
    shown = shown_metrics(at)
    # Customers A..E; A, B, C ordered again: 3 / 5. First to second order: A 24 days
    # (4 -> 28 Dec), B 25 (20 Dec -> 14 Jan), C 44 (2 Jan -> 15 Feb): median 25.
    assert shown["Taux de réachat (depuis le début)"] == f"60,0{NBSP}%"
    assert shown["Clients (depuis le début)"] == "5"
    assert shown["Clients fidèles (depuis le début)"] == "3"
    assert shown["2e commande : délai médian"] == "25 jours"
    # Every second order came within 30 days except C's (44): 2 / 3, then 3 / 3.
    assert shown["2e commande en 30 jours (part des clients revenus)"] == f"66,7{NBSP}%"
    assert shown["2e commande en 60 jours (part des clients revenus)"] == f"100,0{NBSP}%"
    # ... of all 5 customers (D and E never came back): 2 / 5, then 3 / 5.
    captions = [caption.value for caption in at.caption]
    assert f"2 clients, soit 40,0{NBSP}% de tous les clients" in captions
    assert f"3 clients, soit 60,0{NBSP}% de tous les clients" in captions
    # No product was the first purchase of 10 customers.
    assert at.dataframe[0].value.empty


def test_the_week_chosen_in_the_sidebar_sets_the_date(demo_db, use_db):
    use_db(demo_db)
    sunday = date(2026, 11, 15) - timedelta(weeks=10)
    at = open_page(REPEAT, week=sunday - timedelta(days=6))
    assert at.caption[1].value.startswith(f"Chiffres au {sunday:%d/%m/%Y}")
    with connected(demo_db) as con:
        summary = repeat.repeat_summary(con, as_of=sunday)
    assert shown_metrics(at)["Clients (depuis le début)"] == format.number(summary["customers"])


# Valeur client


def valuable_at_risk(con, result: clv.ClvResult) -> pd.DataFrame:
    """Valeur client's list: the sub-list "À risque — précieux" with the models' figures."""
    as_of = date(2026, 11, 15)
    valuable = risk.sublist(risk.at_risk(con, as_of), "valuable")["customer_id"]
    return value_lists.at_risk(result.table, valuable,
                               lambda ids: value_lists.contacts(con, as_of, ids))


def test_value_on_the_demo_shop(demo_db, use_db):
    use_db(demo_db)
    at = open_page(VALUE)
    with connected(demo_db) as con:
        result = clv.customer_value(con)
        test = result.backtest
        people = value_lists.contacts(con, date(2026, 11, 15))
        risky = valuable_at_risk(con, result)
        # the Monday report of the same week (Mon 9 - Sun 15 November 2026)
        report_counts = report.weekly_report(con, date(2026, 11, 9)).at_risk
    table = result.table
    assert result.status == "ok"
    assert not at.warning
    shown = shown_metrics(at)
    assert shown["Clients (depuis le début)"] == format.number(len(table))
    assert shown["Valeur historique"] == format.money(table["historic_value"].sum(), "fr", 0)
    assert shown["Valeur historique par client"] == format.money(table["historic_value"].mean())
    assert shown["Valeur prévue (12 mois)"] == format.money(
        table["expected_revenue"].astype(float).sum(), "fr", 0)
    assert shown["Achats attendus (12 mois)"] == format.number(
        table["expected_purchases"].astype(float).sum())
    # One at-risk notion: the counts the report writes, the list is the "précieux" one.
    assert {name: shown[words["fr"]] for name, words in risk.SUBLIST_NAMES.items()} == {
        name: format.number(count) for name, count in report_counts.items()}
    assert shown["À risque — précieux"] == format.number(len(risky))
    captions = [caption.value for caption in at.caption]
    low, high = result.summary["forecast"]["expected_revenue_range"]
    assert f"entre {format.money(low, 'fr', 0)} et {format.money(high, 'fr', 0)}" in captions
    low, high = result.summary["forecast"]["expected_purchases_range"]
    assert f"entre {format.number(low)} et {format.number(high)}" in captions

    top, at_risk = at.dataframe[0].value, at.dataframe[1].value
    best = table.loc[table["expected_revenue"].astype(float).idxmax()]
    best_person = people.set_index("customer_id").loc[best["customer_id"]]
    assert top.iloc[0]["Nom"] == best_person["name"]
    assert top.iloc[0]["Valeur historique"] == format.money(best["historic_value"])
    assert top.iloc[0]["Valeur prévue (12 mois)"] == format.money(best["expected_revenue"])
    assert len(top) == 20
    assert at_risk["E-mail"].tolist() == risky["email"].fillna("–").tolist()

    # The backtest shown is the one over the forecast's 52 weeks that chose the model.
    error = test.figures["relative_error"]
    assert error < 0 and test.holdout_weeks == 52
    assert at.info[0].value == test.words["fr"]  # clv's own words, as in the CLI's JSON
    assert at.info[0].value.startswith(
        f"Sur les 12 derniers mois, ces prévisions auraient sous-estimé vos achats de "
        f"{round(-error * 100)} %")
    scatter, p_alive, backtest = figures(at)
    assert same(scatter["data"][0]["x"], table["historic_value"])
    returning = table["frequency"] > 0
    counts, _ = np.histogram(table.loc[returning, "p_alive"].astype(float) * 100, 10, (0, 100))
    assert same(p_alive["data"][0]["y"], counts)  # ten bars drawn from every returning customer
    assert same(backtest["data"][0]["y"], test.weekly["actual_cumulative"])
    assert same(backtest["data"][1]["y"], test.weekly["predicted_cumulative"])


def test_value_reads_the_forecast_kept_after_the_import(demo_file, tmp_path, use_db,
                                                        monkeypatch):
    """After the refit that follows an import (ui.forecast), opening the page fits nothing:
    with fitting made to fail it shows the kept forecast."""
    path = tmp_path / "kept.duckdb"
    shutil.copy(demo_file, path)
    with connected(path) as con:
        assert clv.refit_after_change(con)["fr"].startswith("Prévisions recalculées (modèle ")
        kept = clv.kept_customer_value(con)

    def no_fit(*args, **kwargs):
        raise AssertionError("refitted")

    monkeypatch.setattr(clv, "customer_value", no_fit)
    use_db(path)
    at = open_page(VALUE)
    assert not at.exception
    assert shown_metrics(at)["Valeur prévue (12 mois)"] == format.money(
        kept.summary["forecast"]["expected_revenue"], "fr", 0)
    assert at.info[0].value == kept.backtest.words["fr"]


def test_a_long_at_risk_list_shows_its_biggest_spenders(demo_db, use_db, monkeypatch):
    """Tens of thousands at risk in a big shop: the first AT_RISK_SHOWN, and how many in all."""
    monkeypatch.setattr(analysis_data, "AT_RISK_SHOWN", 2)
    use_db(demo_db)
    at = open_page(VALUE)
    with connected(demo_db) as con:
        risky = valuable_at_risk(con, clv.customer_value(con))
    assert len(risky) > 2
    shown = at.dataframe[1].value["E-mail"].tolist()
    assert shown == risky["email"].fillna("–").head(2).tolist()
    said = f"Les 2 plus gros clients sur {format.number(len(risky))} sont affichés"
    assert any(caption.value.startswith(said) for caption in at.caption)


def test_value_falls_back_to_historic_figures(shop_db, use_db):
    use_db(shop_db)
    at = open_page(VALUE)
    # 3 repeat customers, fewer than the 20 the models need: the reason, then history only.
    assert at.warning[0].value.startswith("Trop peu de clients sont revenus acheter (3) ;")
    # A 145, B 52, C 70, D 50, E 70: 387 in all, 77,40 each.
    assert shown_metrics(at) == {
        "Clients (depuis le début)": "5",
        "Valeur historique": f"387{NBSP}€",
        "Valeur historique par client": f"77,40{NBSP}€",
        # Fewer than 20 customers, R from the calendar: B (51 days, 2 orders) is R4 F2, nobody's
        # last order is over 180 days old, so nobody is at risk.
        "À risque": "0",
        "À risque — précieux": "0",
        "À appeler cette semaine": "0",
    }
    top = at.dataframe[0].value
    assert top["E-mail"].tolist() == [f"client{i}@example.fr" for i in (1, 3, 5, 2, 4)]
    assert top["Valeur prévue (12 mois)"].tolist() == ["–"] * 5
    assert len(at.dataframe) == 2 and at.dataframe[1].value.empty  # nobody precious at risk
    assert len(figures(at)) == 0


@pytest.mark.parametrize(("page", "title"),
                         [(RETENTION, "Retention"), (REPEAT, "Repeat purchase"),
                          (VALUE, "Customer value")])
def test_every_page_in_english(demo_db, use_db, page, title):
    use_db(demo_db)
    at = open_page(page, lang="en")
    assert at.title[0].value == title
    assert at.caption[1].value == (
        "Figures as of 2026-11-15 (end of the chosen week, or latest order)."
    )
    assert at.expander[-1].label == "Definitions"
    assert all(f["layout"]["separators"] == ".," for f in figures(at))


@pytest.mark.parametrize("page", [RETENTION, REPEAT, VALUE])
def test_only_anonymous_sales_say_what_is_missing(tmp_path, use_db, page):
    path = tmp_path / "anonymous.duckdb"
    with connected(path) as con:
        insert_orders(
            con, [{"customer_id": None, "ordered_at": "2024-03-05 10:00", "amount": 12.0}]
        )
    use_db(path)
    at = open_page(page)
    shown = [a.value for a in (*at.info, *at.warning)]
    assert len(shown) == 1
    assert shown[0].startswith("Aucune commande valide d'un client identifié")
    assert not figures(at) and not at.metric


# Empty database


@pytest.mark.parametrize(("page", "title"),
                         [(RETENTION, "Rétention"), (REPEAT, "Réachat"), (VALUE, "Valeur client")])
def test_empty_database_offers_the_demo_shop(tmp_path, use_db, page, title):
    use_db(tmp_path / "empty.duckdb")
    at = open_page(page)
    assert at.title[0].value == title
    assert "Votre base est vide" in at.info[0].value
    assert not figures(at)
    button = next(b for b in at.button if b.label == "Charger la boutique de démonstration")
    button.click().run()
    assert not at.exception
    at.switch_page(page).run()
    assert not at.exception
    assert figures(at)


def test_the_value_scatter_samples_a_big_shop(monkeypatch):
    """Beyond SCATTER_POINTS customers the scatter draws a fixed sample of them."""
    monkeypatch.setattr(analysis_charts, "SCATTER_POINTS", 4)
    values = pd.DataFrame({"historic_value": np.arange(10.0), "expected_revenue": np.arange(10.0),
                           "p_alive": np.full(10, 0.5)})
    drawn = analysis_charts.value_scatter(values, "EUR").data[0].x
    assert len(drawn) == 4 and set(drawn) <= set(values["historic_value"])
    same_sample = analysis_charts.value_scatter(values, "EUR").data[0].x
    assert list(same_sample) == list(drawn)
    monkeypatch.setattr(analysis_charts, "SCATTER_POINTS", 10)
    assert list(analysis_charts.value_scatter(values, "EUR").data[0].x) == list(range(10))
