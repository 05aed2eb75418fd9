"""Après-vente run by AppTest: on the hand-computed after-sales shop of
tests/metrics/test_aftersales.py the figures shown are the hand counts and the lists to act on
name the right people; on the demo shop (refunds only) the refund comparison is shown with its
caveat and the page says what to import for the rest; on an empty database it offers the demo."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.metrics.test_aftersales import after_sales_shop
from tests.ui.conftest import app, connected, shown_metrics

PAGE = "views/aftersales.py"
TIMEOUT = 120
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("aftersales") / "shop.duckdb"
    with connected(path) as con:
        after_sales_shop(con)
    return path


def open_page(**state: object) -> AppTest:
    at = app(timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_hand_computed_shop(shop_db, use_db):
    use_db(shop_db)
    # the shop's latest valid order is 15/06/2025: the window runs from 16/06/2024, and the
    # answer (NPS 0) and the ticket of 20/06 come after it
    at = open_page(week=date(2025, 6, 9))
    assert at.title[0].value == "Après-vente"
    shown = shown_metrics(at)
    assert shown["Taux de remboursement (commandes)"] == f"50,0{NBSP}%"
    assert shown["NPS"] == "40"  # 10, 9, 9, 8, 6: (3 − 1) / 5
    assert shown["CSAT (satisfaction)"] == f"50,0{NBSP}%"
    assert shown["Note moyenne des avis"] == "3,7"
    assert shown["Tickets pour 100 commandes"] == "33,3"
    assert shown["Délai de première réponse"] == "4 heures"
    assert shown["Délai de résolution"] == "1,5 jour"
    assert shown["Résolus au premier contact"] == f"50,0{NBSP}%"
    helps = {m.label: m.proto.help for m in at.metric}
    assert helps["NPS"].startswith("Net Promoter Score")
    captions = [c.value for c in at.caption]
    assert "3 remboursements sur 6 commandes" in captions
    assert "5 réponses" in captions
    # no return rate: the files do not say which items came back (not a fake 0 %)
    assert any(c.startswith("Retours : vos fichiers de ventes disent ce qui a été remboursé")
               for c in captions)
    assert not any(label.startswith("Taux de retour") for label in shown)
    tables = [frame.value for frame in at.dataframe]
    detractors = next(table for table in tables if "Réponse du" in table.columns)
    # latest answers within 30 days of 15/06: customer 5's NPS 6 of 20/05 (customer 1's 0
    # came on 20/06, after the date)
    assert detractors["E-mail"].tolist() == ["client5@example.fr"]
    assert not any("Aucun avis" in block.value for block in at.info)


def test_demo_shop_shows_the_refund_comparison(demo_db, use_db):
    use_db(demo_db)
    at = open_page()
    reading = next(block.value for block in at.info if "clients remboursés" in block.value)
    assert reading == (
        f"51,8{NBSP}% des clients remboursés ont racheté ensuite (112 clients remboursés). "
        f"Parmi les 103 qui ont des clients comparables, 51,5{NBSP}% ont racheté, contre "
        f"43,0{NBSP}% de ces clients comparables jamais remboursés (1{NNBSP}775 clients "
        "comparables).")
    assert any(c.value.startswith("Une association, pas une preuve") for c in at.caption)
    assert any("Aucun avis, aucune enquête" in block.value for block in at.info)
    loyalty = next(frame.value for frame in at.dataframe if "Événement" in frame.value.columns)
    assert loyalty["Événement"].tolist() == ["Après un remboursement", "Après un ticket",
                                             "Après une mauvaise note"]


def test_english(demo_db, use_db):
    use_db(demo_db)
    at = open_page(lang="en")
    assert at.title[0].value == "After-sales"
    assert "Refund rate (orders)" in shown_metrics(at)


def test_empty_database_offers_the_demo(tmp_path, use_db):
    path = tmp_path / "empty.duckdb"
    with connected(path):
        pass
    use_db(path)
    at = open_page()
    assert at.button(key="demo_aftersales")
