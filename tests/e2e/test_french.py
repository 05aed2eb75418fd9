"""French means French (issue 13): every page read in French in a real browser shows none of the
English texts owners met (Streamlit's own widget texts included), and no English money."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, SCREENSHOTS

pytestmark = pytest.mark.e2e
DEMO_FILES = [ROOT / "sample_data" / "ventes_boutique.csv", ROOT / "sample_data" / "clients.xlsx"]
PAGES = ["", "retention", "repeat", "value", "segments", "customer", "data", "import"]
ENGLISH = ["Drag and drop", "200MB", "Browse files", "Select all", "No results", "None",
           "dd / mm / yyyy", "yyyy", "below the allowed range", "are not allowed", "1 commandes",
           " 1 clients", "Traceback"]
# English money (€773.74), or "Revenus" used alone for returning customers
FORBIDDEN = re.compile(r"€\s?\d|(?<!Clients )\bRevenus\b")


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text] + FORBIDDEN.findall(text)


def settle(page) -> None:
    """Until the page's script run has finished (Streamlit shows its status widget meanwhile)."""
    page.wait_for_timeout(1000)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="detached", timeout=600_000)
    page.locator("[data-testid='stSkeleton']").first.wait_for(state="detached", timeout=600_000)


HINT = ("Glissez-déposez vos fichiers ici ou cliquez sur le bouton : CSV, TXT, TSV ou Excel, "
        "200 Mo par fichier au plus")


def written_by_style(page) -> str:
    """The text the drop zone's CSS ::after writes (ui/uploader.css: its own label)."""
    return page.locator("[data-testid='stFileUploaderDropzone']").evaluate(
        "e => getComputedStyle(e, '::after').content")


def test_every_page_in_french(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page.goto(app_url + "/import")
    page.get_by_text("Déposez les fichiers").wait_for(timeout=120_000)
    settle(page)
    uploader = page.locator("[data-testid='stFileUploader']")
    assert written_by_style(page) == f'"{HINT}"'
    # "upload" and "add" are the names of the icons drawn (a ligature font), not words shown
    assert uploader.inner_text().split("\n") == ["upload"]
    assert english_in(page.inner_text("body")) == []
    page.screenshot(path=SCREENSHOTS / "fr-0-import-empty.png", full_page=True)

    pdf = tmp_path / "facture.pdf"
    pdf.write_bytes((ROOT / "tests" / "fixtures" / "bad" / "bin_pdf_named.csv").read_bytes())
    page.locator("input[type=file]").set_input_files([str(pdf), *map(str, DEMO_FILES)])
    expect(page.get_by_text("Premières lignes")).to_have_count(2, timeout=180_000)
    settle(page)
    assert ("« facture.pdf » : ce n'est pas un fichier texte (CSV) ni un classeur Excel lisible"
            in page.inner_text("body"))
    assert uploader.inner_text().split("\n") == [
        "facture.pdf", "ventes_boutique.csv", "clients.xlsx", "add"]
    assert english_in(page.inner_text("body")) == []
    page.screenshot(path=SCREENSHOTS / "fr-1-import-preview.png", full_page=True)
    page.get_by_role("button", name="Importer").click()
    page.get_by_text("Compte rendu d'import — clients.xlsx").wait_for(timeout=180_000)
    settle(page)
    assert english_in(page.inner_text("body")) == []
    page.screenshot(path=SCREENSHOTS / "fr-2-import-report.png", full_page=True)

    for number, name in enumerate(PAGES, start=3):
        page.goto(f"{app_url}/{name}")
        page.locator("[data-testid='stMain'] h1").first.wait_for(timeout=180_000)
        settle(page)
        if name == "segments":
            page.locator("[data-testid='stMultiSelect']").first.click()
            page.wait_for_timeout(500)
            assert english_in(page.inner_text("body")) == []
            page.keyboard.press("Escape")
            spend = page.get_by_role("spinbutton", name="Dépense nette minimale (€)")
            spend.fill("-5")
            spend.press("Enter")
            settle(page)
            page.get_by_text("Écrivez un nombre supérieur ou égal à 0").wait_for()
            expect(spend).to_have_value("-5")  # whole euros: no English "-5.00"
        if name == "customer":
            search = page.get_by_role("textbox", name="Rechercher par nom, e-mail ou téléphone")
            search.fill("Girod")
            search.press("Enter")
            page.get_by_text("Ses commandes dans le temps").wait_for(timeout=180_000)
            settle(page)
        page.screenshot(path=SCREENSHOTS / f"fr-{number}-{name or 'overview'}.png",
                        full_page=True)
        assert english_in(page.inner_text("body")) == [], name
