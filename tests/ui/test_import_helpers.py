"""Every platform file through the Import page's path (preview, the mapping table the owner may
edit, left as shown, back to a mapping, import with the detected source) gives what
``python -m ingest`` gives: the same source, orders, customers and net revenue. The page itself
renders in test_pages.py and in the browser test; AppTest cannot drop a file on the uploader."""

from __future__ import annotations

from datetime import datetime

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import store
from ingest.pipeline import ImportOptions, import_file
from tests.conftest import ROOT
from ui import importing

FIXTURES = sorted((ROOT / "tests" / "fixtures" / "sources").glob("*.csv"))
FIGURES = ("select (select count(*) from orders), (select count(*) from customers), "
           "(select sum(net_amount) from valid_orders)")


def cli_import(content: bytes, name: str) -> tuple:
    con = store.connect(":memory:")
    report = import_file(con, content, name)
    figures = con.execute(FIGURES).fetchone()
    con.close()
    return report.source.name, figures


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_import_page_path_gives_what_the_cli_gives(path):
    content = path.read_bytes()
    found = importing.cached_preview(content, path.name, ImportOptions())
    mapping = importing.mapping_from_table(importing.mapping_table(found), found)
    assert mapping == found.mapping
    con = store.connect(":memory:")
    report = import_file(con, content, path.name,
                         ImportOptions(mapping=mapping, source=found.source.name))
    page = (report.source.name, con.execute(FIGURES).fetchone())
    con.close()
    assert page == cli_import(content, path.name)
    orders, customers, _ = page[1]
    assert orders > 0 or customers > 0


AFTER_SALE = sorted((ROOT / "tests" / "fixtures" / "after_sale").glob("*.csv"))
AFTER_SALE_FIGURES = ("select (select count(*) from reviews), (select count(*) from "
                      "survey_answers), (select count(*) from tickets)")


@pytest.mark.parametrize("path", AFTER_SALE, ids=lambda p: p.name)
def test_an_after_sale_file_through_the_page_path_gives_what_the_cli_gives(path):
    content = path.read_bytes()
    found = importing.cached_preview(content, path.name, ImportOptions())
    assert importing.field_options(found)[1:] == [
        importing.field_label(name) for name in importing.fields_of(found)]
    mapping = importing.mapping_from_table(importing.mapping_table(found), found)
    assert mapping == found.mapping
    results = []
    for options in (ImportOptions(mapping=mapping, source=found.source.name), ImportOptions()):
        con = store.connect(":memory:")
        report = import_file(con, content, path.name, options)
        results.append((report.source.name, con.execute(AFTER_SALE_FIGURES).fetchone(),
                        importing.report_figures(report)))
        con.close()
    assert results[0] == results[1]
    assert sum(results[0][1]) > 0


SALES = """N° de commande;Date;E-mail;Montant TTC;Statut
A-1;05/10/2026;anna@exemple.fr;42,50;Payée
A-2;06/10/2026;bruno@exemple.fr;18,00;Payée
""".encode("utf-8")


def import_button_page() -> None:
    """The Import page's button on one file (AppTest cannot drop a file on the uploader); as on
    the page, an option read before its widget is drawn: None in the first run, set after."""
    import streamlit as st

    from ingest.pipeline import ImportOptions
    from tests.ui.test_import_helpers import SALES
    from ui import importing

    sheet = st.session_state.get("sheet")
    st.selectbox("Feuille", ["Ventes"], key="sheet")
    importing.import_button([("ventes.csv", SALES, ImportOptions(sheet=sheet))])
    for result in st.session_state.get("reports", []):
        st.write(result if isinstance(result, str) else repr(result)[:60])


def imported_files(path) -> list[tuple]:
    con = store.connect(path)
    try:
        return con.execute("select file_name, orders_new from imports").fetchall()
    finally:
        con.close()


def test_clicking_importer_twice_imports_once(tmp_path, use_db):
    path = tmp_path / "shop.duckdb"
    use_db(path)
    at = AppTest.from_function(import_button_page, default_timeout=60).run()
    button = at.button[0]
    assert button.label == "Importer" and not button.disabled
    button.click()
    button.click()
    at.run()
    assert [r.orders_new for r in at.session_state["reports"]] == [2]  # at the first click
    at.button[0].click().run()  # the second click, once the first import is done
    assert not at.exception
    assert at.button[0].disabled
    assert at.caption[0].value.startswith("Ces fichiers sont importés tels quels")
    assert len(at.session_state["reports"]) == 1
    assert at.session_state["reports"][0].orders_new == 2
    st.cache_resource.clear()  # the app's connection: the test opens the file next
    assert imported_files(path) == [("ventes.csv", 2)]


def test_a_click_whose_run_was_cut_after_the_import_does_not_import_again(tmp_path, use_db):
    path = tmp_path / "shop.duckdb"
    clicked = datetime.now()
    con = store.connect(path)
    import_file(con, SALES, "ventes.csv")  # the first click's run saved it, then was cut short
    con.close()
    use_db(path)
    at = AppTest.from_function(import_button_page, default_timeout=60)
    at.session_state[importing.REQUESTED] = clicked
    at.session_state["sheet"] = "Ventes"
    at.run()
    assert not at.exception
    assert at.session_state["reports"] == [importing.ImportedOnce("ventes.csv", 1)]
    assert importing.REQUESTED not in at.session_state
    st.cache_resource.clear()
    assert imported_files(path) == [("ventes.csv", 2)]


def test_a_request_older_than_the_import_imports_again(tmp_path, use_db):
    path = tmp_path / "shop.duckdb"
    con = store.connect(path)
    import_file(con, SALES, "ventes.csv")
    con.close()
    use_db(path)
    at = AppTest.from_function(import_button_page, default_timeout=60).run()
    at.button[0].click().run()  # a deliberate re-import: the same orders, unchanged
    st.cache_resource.clear()
    assert imported_files(path) == [("ventes.csv", 2), ("ventes.csv", 0)]


def demo_warning_page() -> None:
    """The Import page's offer to remove the demo, for the files dropped (COMPTOIR_TEST_DROP)."""
    import os

    from sample_data.demo import DEMO_DIR
    from tests.ui.test_import_helpers import SALES
    from ui.demo import offer_removal_before_import

    dropped = {"own": [SALES], "demo": [(DEMO_DIR / "clients.xlsx").read_bytes()], "none": []}
    offer_removal_before_import(dropped[os.environ["COMPTOIR_TEST_DROP"]])


@pytest.mark.parametrize(("dropped", "offered"), [("own", True), ("demo", False), ("none", False)])
def test_the_import_page_offers_to_remove_the_demo_before_an_own_file(
        demo_db, use_db, monkeypatch, dropped, offered):
    use_db(demo_db)
    monkeypatch.setenv("COMPTOIR_TEST_DROP", dropped)
    at = AppTest.from_function(demo_warning_page, default_timeout=60).run()
    assert not at.exception
    assert [w.value for w in at.warning] == ([
        "La boutique de démonstration est encore chargée : importé maintenant, votre fichier se "
        "mêlerait à ses 3 000 clients inventés. Retirez-la d'abord, vos fichiers seront les "
        "seuls dans la base."] if offered else [])
    assert [b.label for b in at.button] == (["Retirer la démo"] if offered else [])
