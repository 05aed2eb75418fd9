"""Every page run by Streamlit's AppTest, on the demo shop and on an empty database."""

from __future__ import annotations

from datetime import timedelta

import pytest

from metrics import dates, kpis
from tests.ui.conftest import app, connected, shown_metrics
from ui import format


@pytest.fixture(scope="module")
def demo_figures(demo_db):
    """The default week and its KPIs, computed by the metrics on the module's demo database."""
    with connected(demo_db) as con:
        week = dates.default_week(con)
        return week, kpis.weekly_kpis(con, week)


def test_overview_shows_the_same_figures_as_the_metrics(demo_db, demo_figures, use_db):
    week, expected = demo_figures
    use_db(demo_db)
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Vue d'ensemble"
    assert f"Semaine du {week:%d/%m/%Y}" in at.subheader[0].value
    shown = shown_metrics(at)
    assert shown["Chiffre d'affaires"] == format.money(expected.loc["revenue", "this_week"])
    assert shown["Commandes"] == format.number(expected.loc["orders", "this_week"])
    assert shown["Clients (semaine)"] == format.number(expected.loc["customers", "this_week"])
    assert shown["Nouveaux clients (semaine)"] == format.number(
        expected.loc["new_customers", "this_week"])
    assert shown["Panier moyen"] == format.money(expected.loc["average_basket", "this_week"])
    assert shown["Taux de réachat (12 mois)"] == format.percent(expected.loc["repeat_rate", "this_week"])
    assert shown["Chiffre d'affaires"].endswith("\u00a0€")
    # A rate's change is shown in points, an amount's as a relative change.
    deltas = {m.label: m.delta for m in at.metric}
    rate = expected.loc["repeat_rate"]
    assert deltas["Taux de réachat (12 mois)"] == format.signed_points(
        rate["this_week"] - rate["last_week"])
    assert deltas["Taux de réachat (12 mois)"].endswith("\u00a0pt")
    assert deltas["Chiffre d'affaires"] == format.signed_percent(
        expected.loc["revenue", "change_last_week"])


def test_overview_in_english(demo_db, demo_figures, use_db):
    _, expected = demo_figures
    use_db(demo_db)
    at = app()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    shown = shown_metrics(at)
    assert shown["Revenue"] == format.money(expected.loc["revenue", "this_week"], "en")


def test_choosing_another_week_changes_the_figures(demo_db, demo_figures, use_db):
    week, _ = demo_figures
    use_db(demo_db)
    at = app().run()
    earlier = at.sidebar.selectbox[0].options[10]
    at.sidebar.selectbox[0].select_index(10).run()
    assert not at.exception
    with connected(demo_db) as con:
        expected = kpis.weekly_kpis(con, week - timedelta(weeks=10))
    shown = shown_metrics(at)
    assert earlier == f"Semaine du {week - timedelta(weeks=10):%d/%m/%Y} au {week - timedelta(weeks=9, days=1):%d/%m/%Y}"
    assert shown["Commandes"] == format.number(expected.loc["orders", "this_week"])


def test_import_page_renders_on_the_demo_shop(demo_db, use_db):
    use_db(demo_db)
    at = app().run()
    at.switch_page("views/import.py").run()
    assert not at.exception
    assert at.title[0].value == "Import"
    assert not any("démonstration" in b.label for b in at.button)


@pytest.mark.parametrize("page", ["views/overview.py", "views/import.py"])
def test_empty_database_offers_the_demo_shop(tmp_path, use_db, page):
    use_db(tmp_path / "empty.duckdb")
    at = app().run()
    at.switch_page(page).run()
    assert not at.exception
    assert "Votre base est vide" in at.info[0].value
    button = next(b for b in at.button if b.label == "Charger la boutique de démonstration")
    button.click().run()
    assert not at.exception
    at.switch_page("views/overview.py").run()
    assert {m.label for m in at.metric} >= {"Chiffre d'affaires", "Commandes", "Clients (semaine)"}
