"""« Annuler l'import » clicked in a real browser during a slow import (200,000 orders): the page
says nothing was changed, and the import clicked again afterwards adds every order as new, so the
cancelled one had left nothing behind."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ingest.progress import STARTS
from tests.e2e.conftest import SCREENSHOTS
from tests.trust.test_kill import ROWS, write_sales

pytestmark = pytest.mark.e2e


def test_cancel_during_a_slow_import_changes_nothing(app_url, browser, tmp_path):
    sales = tmp_path / "ventes.csv"
    write_sales(sales)
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
    page.goto(app_url + "/import")
    page.get_by_text("Déposez les fichiers").wait_for(timeout=120_000)
    page.locator("input[type=file]").set_input_files(str(sales))
    page.get_by_text("Ce que Comptoir a compris").wait_for(timeout=180_000)
    page.get_by_role("button", name="Importer").click()
    cancel = page.get_by_role("button", name="Annuler l'import")
    cancel.wait_for(timeout=120_000)
    page.get_by_text(re.compile(STARTS["parse"][2])).wait_for(timeout=120_000)
    cancel.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "import-cancel-1-running.png")
    cancel.click()
    page.get_by_text("« ventes.csv » : import annulé, rien n'a été changé : vos données sont "
                     "telles qu'avant l'import.").wait_for(timeout=120_000)
    page.get_by_text("import annulé").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "import-cancel-2-cancelled.png")
    expect(cancel).to_have_count(0)
    text = page.inner_text("body")
    assert "Traceback" not in text and "Compte rendu d'import" not in text

    page.get_by_role("button", name="Importer").click()
    page.get_by_text("Compte rendu d'import — ventes.csv").wait_for(timeout=300_000)
    new_orders = page.locator("[data-testid='stMetric']").filter(has_text="Commandes nouvelles")
    expect(new_orders).to_contain_text(f"{ROWS:,}".replace(",", "\u202f"))
