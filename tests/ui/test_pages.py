"""Every page run by Streamlit's AppTest, on the demo shop and on an empty database."""

from __future__ import annotations

from datetime import timedelta

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import store
from metrics import dates, kpis
from sample_data.demo import load_demo
from tests.conftest import ROOT
from ui import format

TIMEOUT = 60


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ui") / "demo.duckdb"
    con = store.connect(path)
    load_demo(con)
    week = dates.default_week(con)
    expected = kpis.weekly_kpis(con, week)
    con.close()
    return path, week, expected


@pytest.fixture
def use_db(monkeypatch):
    def use(path):
        monkeypatch.setenv(store.db.DB_ENV_VAR, str(path))
        st.cache_data.clear()
        st.cache_resource.clear()
    yield use
    st.cache_resource.clear()


def test_overview_shows_the_same_figures_as_the_metrics(demo_db, use_db):
    path, week, expected = demo_db
    use_db(path)
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Vue d'ensemble"
    assert f"Semaine du {week:%d/%m/%Y}" in at.subheader[0].value
    shown = {m.label: m.value for m in at.metric}
    assert shown["Chiffre d'affaires"] == format.money(expected.loc["revenue", "this_week"])
    assert shown["Commandes"] == format.number(expected.loc["orders", "this_week"])
    assert shown["Clients"] == format.number(expected.loc["customers", "this_week"])
    assert shown["Nouveaux clients"] == format.number(expected.loc["new_customers", "this_week"])
    assert shown["Panier moyen"] == format.money(expected.loc["average_basket", "this_week"])
    assert shown["Taux de réachat (12 mois)"] == format.percent(expected.loc["repeat_rate", "this_week"])
    assert shown["Chiffre d'affaires"].endswith("\u00a0€")


def test_overview_in_english(demo_db, use_db):
    path, _, expected = demo_db
    use_db(path)
    at = app()
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    shown = {m.label: m.value for m in at.metric}
    assert shown["Revenue"] == format.money(expected.loc["revenue", "this_week"], "en")


def test_choosing_another_week_changes_the_figures(demo_db, use_db):
    path, week, _ = demo_db
    use_db(path)
    at = app().run()
    earlier = at.sidebar.selectbox[0].options[10]
    at.sidebar.selectbox[0].select_index(10).run()
    assert not at.exception
    con = store.connect(path)
    try:
        expected = kpis.weekly_kpis(con, week - timedelta(weeks=10))
    finally:
        con.close()
    shown = {m.label: m.value for m in at.metric}
    assert earlier == f"Semaine du {week - timedelta(weeks=10):%d/%m/%Y} au {week - timedelta(weeks=9, days=1):%d/%m/%Y}"
    assert shown["Commandes"] == format.number(expected.loc["orders", "this_week"])


def test_import_page_renders_on_the_demo_shop(demo_db, use_db):
    path, _, _ = demo_db
    use_db(path)
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
    assert {m.label for m in at.metric} >= {"Chiffre d'affaires", "Commandes", "Clients"}
