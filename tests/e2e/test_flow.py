"""A shop owner's first visit in a real browser: import a file, read the week's figures, build a
list of customers and take it away as a file."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import store
from ingest.pipeline import import_file
from metrics import dates, kpis
from tests.e2e.conftest import ROOT, SCREENSHOTS
from ui import format

pytestmark = pytest.mark.e2e
DEMO_SALES = ROOT / "sample_data" / "ventes_boutique.csv"
DEMO_CUSTOMERS = ROOT / "sample_data" / "clients.xlsx"


def expected_kpis():
    """The same file imported here, the figures computed by the metrics functions."""
    con = store.connect(":memory:")
    import_file(con, DEMO_SALES.read_bytes(), DEMO_SALES.name)
    week = dates.default_week(con)
    table = kpis.weekly_kpis(con, week)
    con.close()
    return week, table


def wait_until_idle(page) -> None:
    """Until the script rerun that a widget change started has finished (Streamlit shows its
    status widget while running); on a busy machine a rerun can take seconds."""
    page.wait_for_timeout(500)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=120_000)


def test_import_then_overview_then_segment_export(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-FR",
                            accept_downloads=True)
    page.goto(app_url + "/import")
    page.get_by_text("Déposez les fichiers").wait_for(timeout=120_000)
    page.locator("input[type=file]").set_input_files([str(DEMO_SALES), str(DEMO_CUSTOMERS)])
    # one preview per file: both must be there before importing
    expect(page.get_by_text("Ce que Comptoir a compris")).to_have_count(2, timeout=180_000)
    expect(page.get_by_text("Premières lignes")).to_have_count(2, timeout=180_000)
    page.screenshot(path=SCREENSHOTS / "1-import-preview.png", full_page=True)
    page.get_by_role("button", name="Importer").click()
    page.get_by_text("Compte rendu d'import — clients.xlsx").wait_for(timeout=120_000)
    page.screenshot(path=SCREENSHOTS / "2-import-report.png", full_page=True)
    assert "Traceback" not in page.inner_text("body")

    page.get_by_role("link", name="Voir la vue d'ensemble").click()
    page.get_by_text("Chiffre d'affaires", exact=True).first.wait_for(timeout=180_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=180_000)
    page.screenshot(path=SCREENSHOTS / "3-overview.png", full_page=True)
    text = page.inner_text("body")
    week, table = expected_kpis()
    assert f"Semaine du {week:%d/%m/%Y}" in text
    assert format.money(table.loc["revenue", "this_week"]) in text
    assert format.money(table.loc["average_basket", "this_week"]) in text
    assert "Langue" in text

    page.get_by_role("link", name="Segments").click()
    page.get_by_text("Construire une liste").wait_for(timeout=180_000)
    counts = page.get_by_text(re.compile(r"personnes dans le fichier"))
    counts.wait_for(timeout=180_000)
    everyone = counts.inner_text()
    segments = page.locator("[data-testid='stMultiSelect']").first
    segments.click()
    page.keyboard.type("À risque")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    # the count read must be the filtered list's, not the one shown before the rerun
    expect(counts).not_to_have_text(everyone, timeout=180_000)
    wait_until_idle(page)
    rows = int(re.search(r"([\d\u202f]+) personnes dans le fichier", counts.inner_text())
               .group(1).replace("\u202f", ""))
    page.screenshot(path=SCREENSHOTS / "4-segment.png", full_page=True)
    button = page.get_by_role("button", name=re.compile("Télécharger"))
    expect(button).to_be_enabled(timeout=120_000)
    with page.expect_download(timeout=120_000) as download:
        button.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    content = saved.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").strip().splitlines()
    assert ";" in lines[0]
    assert rows > 0 and len(lines) == rows + 1
    page.screenshot(path=SCREENSHOTS / "5-export-done.png", full_page=True)
