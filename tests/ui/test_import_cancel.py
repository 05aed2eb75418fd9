"""The Import page's cancel (ui/importing.py): a run cut during an import by anything but a new
click of Importer leaves the database as it was, tells the owner so in one sentence and does not
start the import again by itself. AppTest cannot click during a run: the import's own progress
callback stops the run instead, as Streamlit does at the progress bar when the owner clicks
« Annuler l'import » (the browser test clicks the real button)."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException
from streamlit.testing.v1 import AppTest

import store
from ingest import pipeline
from ingest.progress import STARTS
from tests.trust import database_state
from ui import importing


def cancel_page() -> None:
    """The Import page's button, its cancel's settling and its results, on one file."""
    import streamlit as st

    from ingest.pipeline import ImportOptions
    from tests.ui.test_import_helpers import SALES
    from ui import importing
    from ui.i18n import lang, t

    importing.settle_cancel()
    st.selectbox("Date", ["auto", "dmy"], key="date")
    importing.import_button([("ventes.csv", SALES, ImportOptions())])
    for result in st.session_state.get("reports", []):
        if isinstance(result, importing.ImportedOnce):
            st.info(t(result.said, file=result.file_name, import_id=result.import_id))
        elif hasattr(result, "message"):
            st.info(result.message(lang()))
        else:
            st.info(f"{result.orders_new} commandes")


def stopped_at(step: str):
    """import_file whose run Streamlit stops as ``step`` starts."""
    def stopping(con, data, name, options, progress):
        def cut(fraction: float, fr: str, en: str) -> None:
            progress(fraction, fr, en)
            if fr == STARTS[step][2]:
                raise StopException()
        return pipeline.import_file(con, data, name, options, progress=cut)
    return stopping


def state(path) -> dict:
    con = store.connect(path)
    try:
        return database_state(con)
    finally:
        con.close()


@pytest.mark.parametrize("step", ["parse", "match", "summary"])
def test_a_cancelled_import_leaves_the_database_and_says_so(tmp_path, use_db, monkeypatch, step):
    path = tmp_path / "shop.duckdb"
    before = state(path)
    use_db(path)
    at = AppTest.from_function(cancel_page, default_timeout=60).run()
    with monkeypatch.context() as patch:
        patch.setattr(importing, "import_file", stopped_at(step))
        at.button[0].click().run()  # Importer; the run stops during the import
    assert not at.exception
    assert at.session_state[importing.RUNNING]
    at.run()  # the run the cancel's click starts
    assert not at.exception
    assert [i.value for i in at.info] == [
        "« ventes.csv » : import annulé, rien n'a été changé : vos données sont telles qu'avant "
        "l'import."]
    assert importing.REQUESTED not in at.session_state
    assert not at.button[0].disabled  # Importer, to start again
    at.selectbox[0].select("dmy").run()  # another click does not start the import by itself
    st.cache_resource.clear()  # the app's connection: the test opens the file next
    assert state(path) == before
    at.button[0].click().run()
    assert not at.exception
    assert [r.orders_new for r in at.session_state["reports"]] == [2]


def test_a_second_click_of_importer_is_no_cancel(tmp_path, use_db, monkeypatch):
    """Cut by a new click of Importer, the run after imports (the module's one click, one
    import)."""
    path = tmp_path / "shop.duckdb"
    use_db(path)
    at = AppTest.from_function(cancel_page, default_timeout=60).run()
    with monkeypatch.context() as patch:
        patch.setattr(importing, "import_file", stopped_at("match"))
        at.button[0].click().run()
    at.button[0].click().run()
    assert not at.exception
    assert [r.orders_new for r in at.session_state["reports"]] == [2]
    assert [i.value for i in at.info] == ["2 commandes"]


def test_a_cancel_after_the_import_was_saved_says_it_is_saved(tmp_path, use_db, monkeypatch):
    path = tmp_path / "shop.duckdb"
    use_db(path)
    at = AppTest.from_function(cancel_page, default_timeout=60).run()

    def saved_then_stopped(con, data, name, options, progress):
        pipeline.import_file(con, data, name, options, progress=progress)
        raise StopException()  # the click reached the page as the import ended

    with monkeypatch.context() as patch:
        patch.setattr(importing, "import_file", saved_then_stopped)
        at.button[0].click().run()
    at.run()
    assert at.session_state["reports"] == [
        importing.ImportedOnce("ventes.csv", 1, "progress_finished_first")]
    assert [i.value for i in at.info] == [
        "« ventes.csv » : l'import était déjà terminé quand vous l'avez arrêté : il est "
        "enregistré (import n° 1)."]
