"""Canaux de vente et cohortes run by AppTest: on the demo shop it shows the 121 customers who buy
both on the web and in the boutique, its promo codes, and the 686 of its 959 discounted orders
whose discount (the soldes') has no code; on the hand-computed shop of
tests/metrics/channels_shop.py its tables hold the hand counts; on an empty database it offers the
demo shop."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.metrics.channels_shop import insert_channels_shop
from tests.ui.conftest import app, connected, shown_metrics

PAGE = "views/channels.py"
TIMEOUT = 120


def open_page(**state: object) -> AppTest:
    at = app(timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("channels") / "shop.duckdb"
    with connected(path) as con:
        insert_channels_shop(con)
    return path


def test_demo_shows_both_channels_and_the_discounts_without_code(demo_db, use_db):
    use_db(demo_db)
    at = open_page()
    assert shown_metrics(at)["Clients web et boutique"] == "121"
    assert "121 clients achètent sur le site et en boutique" in at.info[0].value
    at.segmented_control(key="channels_by").set_value("discount").run()
    assert not at.exception
    assert at.warning[0].value.startswith("686 commandes portent une remise sans code")
    cohorts = at.dataframe[2].value
    assert cohorts["Code de réduction"].tolist() == [
        "Sans remise", "Remise sans code", "BIENVENUE10", "MERCI10"]
    assert cohorts["Clients"].tolist() == ["2\u202f505", "330", "137", "2"]


def test_hand_computed_shop(shop_db, use_db):
    use_db(shop_db)
    at = open_page(lang="fr")
    channels, customers, cohorts, gaps = (frame.value for frame in at.dataframe)
    assert channels["Canal de vente"].tolist() == ["Web", "Boutique"]
    assert channels["Chiffre d'affaires"].tolist() == ["290,00\u00a0€", "100,00\u00a0€"]
    assert customers["Canaux de vente utilisés"].tolist() == [
        "Web seulement", "Boutique seulement", "Web et boutique"]
    assert customers["Clients"].tolist() == ["3", "1", "2"]
    assert cohorts["Canal de vente"].tolist() == ["Web", "Boutique"]
    assert cohorts["Valeur à 12 mois"].tolist() == ["75,00\u00a0€", "45,00\u00a0€"]
    assert gaps["Délai médian (jours)"].tolist() == ["25", "102", "–"]
    # June 2025 (to 30 June): 50 from customer 5, new; a year earlier 40 from customer 1.
    metrics = shown_metrics(at)
    assert metrics["CA des nouveaux clients"] == "50,00\u00a0€"
    assert metrics["CA des clients revenus"] == "0,00\u00a0€"
    at.segmented_control(key="channels_period").set_value("quarter").run()
    assert shown_metrics(at)["Chiffre d'affaires"] == "50,00\u00a0€"


def test_english(shop_db, use_db):
    use_db(shop_db)
    at = open_page(lang="en")
    assert at.title[0].value == "Sales channels and cohorts"
    assert shown_metrics(at)["Web and shop customers"] == "2"


def test_empty_database_offers_the_demo(tmp_path, use_db):
    use_db(tmp_path / "empty.duckdb")
    at = open_page()
    assert at.button(key="demo_channels")
