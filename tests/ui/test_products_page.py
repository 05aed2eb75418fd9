"""Produits et saisons run by AppTest: on the demo shop the figures shown equal the metrics'
results (the demo's own figures are checked independently in
tests/metrics/test_products_demo.py); a shop without product lines says so; an empty database
offers the demo shop."""

from __future__ import annotations

import pytest

from metrics import affinity, replenishment, seasonal
from tests.metrics.factories import insert_orders
from tests.ui.conftest import app, connected, shown_metrics

PAGE = "views/products.py"
TIMEOUT = 120


def open_page(**state: object):
    at = app(timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


@pytest.fixture(scope="module")
def demo_figures(demo_db):
    with connected(demo_db) as con:
        table = replenishment.replenishment(con)
        return {
            "replenishment": table,
            "due": {product: len(replenishment.due(con, product, None, table))
                    for product in ("Savon lavande", "Bougie parfumée figue")},
            "together": affinity.bought_together(con, None, "Bougie parfumée figue"),
            "next": affinity.bought_next(con, None, "Bougie parfumée figue"),
            "seasons": seasonal.seasonal_summary(con),
        }


def test_the_demo_shop_shows_lavender_soap_and_the_seasonal_buyers(demo_db, demo_figures,
                                                                    use_db):
    use_db(demo_db)
    at = open_page()
    assert at.title[0].value == "Produits et saisons"
    due = demo_figures["due"]["Savon lavande"]
    assert at.info[0].value == (
        "« Savon lavande » est racheté en général au bout de 115 jours (108 rachats) ; "
        f"{due} clients à relancer maintenant.")
    shown = at.dataframe[0].value
    expected = demo_figures["replenishment"]
    assert shown["Produit"].tolist() == expected["product"].tolist()
    assert shown["Rachats"].tolist() == expected["repurchases"].tolist()
    assert shown["À relancer"].tolist() == expected["due"].tolist()
    assert len(at.dataframe[1].value) == due  # the due list of the first product
    assert shown_metrics(at) == {
        "Fêtes de fin d'année (novembre-décembre)": "351",
        "Fêtes des mères et des pères (mai-juin)": format_count(demo_figures, "mothers_day"),
    }


def format_count(figures: dict, season: str) -> str:
    seasons = figures["seasons"].set_index("season")
    return str(int(seasons.loc[season, "buyers"]))


def test_choosing_a_product_shows_its_due_list_and_affinity(demo_db, demo_figures, use_db):
    use_db(demo_db)
    at = open_page()
    at.selectbox(key="products_product").select("Bougie parfumée figue").run()
    assert not at.exception
    assert "Avec et après « Bougie parfumée figue »" in [s.value for s in at.subheader]
    assert len(at.dataframe[1].value) == demo_figures["due"]["Bougie parfumée figue"]
    together, after = at.dataframe[2].value, at.dataframe[3].value
    assert together["Produit"].tolist() == demo_figures["together"]["other_product"].tolist()
    assert together["Fois"].tolist() == demo_figures["together"]["orders"].tolist()
    assert after["Produit"].tolist() == demo_figures["next"]["next_product"].tolist()
    assert after["Fois"].tolist() == demo_figures["next"]["times"].tolist()


def test_english(demo_db, use_db):
    use_db(demo_db)
    at = open_page(lang="en")
    assert at.title[0].value == "Products and seasons"
    assert at.info[0].value.startswith(
        "'Savon lavande' is usually bought again after 115 days (108 repurchases);")
    assert "Year-end holidays (November-December)" in shown_metrics(at)


def test_a_shop_without_product_lines_says_what_to_import(tmp_path, use_db):
    path = tmp_path / "no_lines.duckdb"
    with connected(path) as con:
        insert_orders(con, [{"customer_id": 1, "ordered_at": "2024-01-02 10:00", "amount": 10.0}])
    use_db(path)
    at = open_page()
    assert at.info[0].value.startswith("Vos fichiers n'ont pas de lignes de produits")


def test_empty_database_offers_the_demo_shop(tmp_path, use_db):
    use_db(tmp_path / "empty.duckdb")
    at = open_page()
    assert "Votre base est vide" in at.info[0].value
