"""After the sale in a real browser: a shop owner drops their sales and a Trustpilot review
export on the Import page, then finds the review on the customer's profile."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import ROOT, SCREENSHOTS
from tests.ingest.test_after_sale_import import SHOP

pytestmark = pytest.mark.e2e
REVIEWS = ROOT / "tests" / "fixtures" / "after_sale" / "trustpilot_reviews.csv"


def test_a_review_file_imported_shows_on_the_customers_profile(app_url, browser, tmp_path):
    sales = tmp_path / "ventes.csv"
    sales.write_bytes(SHOP)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    page.goto(app_url + "/import")
    page.get_by_text("Déposez les fichiers").wait_for(timeout=120_000)
    page.locator("input[type=file]").set_input_files([str(sales), str(REVIEWS)])
    page.get_by_text("Trustpilot — export des avis").wait_for(timeout=180_000)
    page.get_by_role("button", name="Importer").click()
    page.get_by_text("Compte rendu d'import — trustpilot_reviews.csv").wait_for(timeout=180_000)
    page.screenshot(path=SCREENSHOTS / "after-sale-1-import.png", full_page=True)
    report = page.inner_text("body")
    assert "1 ligne ne correspond à aucun client connu" in report

    page.get_by_role("link", name="Fiche client").click()
    search = page.get_by_role("textbox", name="Rechercher par nom, e-mail ou téléphone")
    search.wait_for(timeout=180_000)
    search.fill("lea.martin@")
    search.press("Enter")
    page.get_by_text("Après-vente", exact=True).wait_for(timeout=180_000)
    page.get_by_text("2 avis", exact=True).wait_for(timeout=180_000)
    # the reviews come after their count: under load the page was read between the two (CI)
    page.get_by_text("Très bon savon").first.wait_for(timeout=180_000)
    page.screenshot(path=SCREENSHOTS / "after-sale-2-profile.png", full_page=True)
    profile = page.inner_text("body")
    assert "Traceback" not in profile
    assert "★★★★★ 09/03/2026 — Très bon savon Le savon lavande sent divinement bon." in profile
