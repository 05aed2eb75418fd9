"""A shop owner's first visit in a real browser: import a file, then read the week's figures."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import ROOT, SCREENSHOTS

pytestmark = pytest.mark.e2e
DEMO_SALES = ROOT / "sample_data" / "ventes_boutique.csv"


def test_import_then_overview(app_url, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    page.goto(app_url + "/import")
    page.get_by_text("Déposez les fichiers").wait_for(timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(DEMO_SALES))
    page.get_by_text("Ce que Comptoir a compris").wait_for(timeout=60_000)
    page.get_by_text("Premières lignes").wait_for(timeout=60_000)
    page.screenshot(path=SCREENSHOTS / "1-import-preview.png", full_page=True)
    page.get_by_role("button", name="Importer").click()
    page.get_by_text("Compte rendu d'import").wait_for(timeout=120_000)
    page.screenshot(path=SCREENSHOTS / "2-import-report.png", full_page=True)
    assert "Exception" not in page.content()
    page.get_by_role("link", name="Voir la vue d'ensemble").click()
    page.get_by_text("Chiffre d'affaires", exact=True).first.wait_for(timeout=60_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.screenshot(path=SCREENSHOTS / "3-overview.png", full_page=True)
    text = page.inner_text("body")
    assert re.search(r"Semaine du \d\d/\d\d/\d{4} au \d\d/\d\d/\d{4}", text)
    assert re.search(r"\d[\d\u202f]*,\d\d\u00a0€", text)
    assert "Traceback" not in text
