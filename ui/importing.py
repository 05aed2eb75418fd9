"""Import page helpers: cached previews, the editable mapping table, the Importer button that
imports once however often it is clicked, the rejects download.

One click, one import: Streamlit runs the page again at each click, and a second click during an
import cuts the running page short at its next Streamlit call (the progress bar) and runs it
again. So the button's callback only records the request (the time of the first click, kept by
later clicks until it is served), each file's report is kept in the session under the file's
bytes, name and options as soon as it is imported, and a run serving the request first looks for
each file there and then in the database (``imported_since``: the import was saved but the run
was cut before keeping its report). The button is disabled once every file shown was imported as
it is.

Any other cut is a cancel: « Annuler l'import », another widget, another page. Each stops the
run at its next Streamlit call, the import's progress bar (ingest/progress.py), and the import's
transaction rolls back. The run the cut starts (or the next visit of the page) finds the import
marked as under way without a new click of Importer: it drops the request, so the import does not
start again by itself, and tells for each file whether it was saved before the cut or left out,
nothing changed.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import streamlit as st

from exports.names import rejects_file_name
from ingest.aftersale import scale_unsure as survey_scale_unsure
from ingest.doubts import UnsureImport
from ingest.errors import ImportCancelled, cancelled
from ingest.fields import AFTER_SALE_FIELDS, FIELD_BY_NAME, FIELDS
from ingest.pipeline import (
    ImportOptions, ImportReport, Preview, import_file, imported_since, preview,
)
from ingest.progress import time_left
from store import ComptoirError
from ui import data, forecast
from ui.i18n import lang, pick, t
from words.time_left import time_left_words


@st.cache_data(max_entries=16, show_spinner=False)
def cached_preview(content: bytes, file_name: str, options: ImportOptions) -> Preview:
    return preview(content, file_name, options)


def field_label(name: str) -> str:
    spec = FIELD_BY_NAME[name]
    return pick(spec.label_fr, spec.label_en)


def mapping_table(found: Preview) -> pd.DataFrame:
    """One row per file column with the field it feeds (or the 'ignored' mark)."""
    by_header = {h: f for f, h in found.mapping.items()}
    return pd.DataFrame({
        t("column"): found.table.headers,
        t("field"): [field_label(by_header[h]) if h in by_header else t("ignored")
                     for h in found.table.headers],
    })


# What a review, survey or ticket file may hold besides the after-sale fields.
AFTER_SALE_SHARED = ("order_id", "customer_id", "email", "full_name", "product", "status")


def fields_of(found: Preview) -> list[str]:
    """The fields a column of this file may feed: sales ones, or after-sale ones."""
    if found.source.after_sale:
        return [*AFTER_SALE_SHARED, *(f.name for f in AFTER_SALE_FIELDS)]
    return [f.name for f in FIELDS]


def field_options(found: Preview) -> list[str]:
    return [t("ignored")] + [field_label(name) for name in fields_of(found)]


def mapping_from_table(edited: pd.DataFrame, found: Preview) -> dict[str, str]:
    names = {field_label(name): name for name in fields_of(found)}
    chosen = edited[edited[t("field")].isin(names)]
    return {names[label]: header for header, label in zip(chosen[t("column")], chosen[t("field")])}


Files = list[tuple[str, bytes, ImportOptions]]
REQUESTED = "import_requested"  # time of the first click not yet served
IMPORTED = "imported_files"  # file token -> its report, for the files shown that were imported
RUNNING = "import_running"  # (time of the click, files) of the import under way
AGAIN = "import_clicked_again"  # Importer clicked in this run: a cut that is not a cancel


@dataclass(frozen=True)
class ImportedOnce:
    """A file whose import the page saved but whose report a second click cut short."""

    file_name: str
    import_id: int
    said: str = "import_once"  # the page's sentence; progress_finished_first after a cancel


Result = ImportReport | ImportedOnce | UnsureImport | ImportCancelled | str


def file_token(name: str, content: bytes, options: ImportOptions) -> str:
    """The same bytes under the same name with the same options: the same import."""
    return hashlib.sha256(hashlib.sha256(content).digest() + repr((name, options)).encode()
                          ).hexdigest()


def _request() -> None:
    """The button's callback: a click asks for an import; a click while one is pending (the
    page cut short by it) keeps the first click's time."""
    st.session_state.setdefault(REQUESTED, datetime.now())
    st.session_state[AGAIN] = True


def settle_cancel() -> None:
    """At the top of the page: if the run before was cut during an import by anything but a new
    click of Importer, the import was cancelled (module docstring): the request is dropped and
    each of its files reported as saved before the cut or left out with nothing changed."""
    running = st.session_state.pop(RUNNING, None)
    if st.session_state.pop(AGAIN, False) or running is None:
        return
    st.session_state.pop(REQUESTED, None)
    since, files = running
    imported = st.session_state.get(IMPORTED, {})
    outcomes: list[Result] = []
    for name, content, options in files:
        token = file_token(name, content, options)
        if token in imported:
            outcomes.append(imported[token])
            continue
        saved = imported_since(data.connection(), content, since)
        outcomes.append(cancelled(name) if saved is None
                        else ImportedOnce(name, saved, "progress_finished_first"))
    st.session_state["reports"] = outcomes
    data.clear()


def import_button(files: Files) -> None:
    """The Importer button and, when it was clicked, the import of ``files`` (see the module
    docstring); the results go to session state for the page to show. A run cut short by a
    second click leaves the request pending for the run that click starts."""
    shown = [file_token(*file) for file in files]
    imported = {token: report for token, report in st.session_state.get(IMPORTED, {}).items()
                if token in shown}  # files no longer shown are forgotten: memory stays small
    st.session_state[IMPORTED] = imported
    done = all(token in imported for token in shown)
    st.button(t("import_button"), type="primary", disabled=done, on_click=_request)
    if done:
        st.caption(t("import_done_once"))
    clicked = st.session_state.get(REQUESTED)
    if clicked is None:
        return
    if done:  # a click the disabled button had not reached the browser to stop
        del st.session_state[REQUESTED]
        return
    st.session_state[RUNNING] = (clicked, files)
    try:
        results = run_imports(files, clicked)
    except Exception:
        del st.session_state[REQUESTED]  # failed: the next run must not try again unasked
        del st.session_state[RUNNING]
        raise
    del st.session_state[REQUESTED]
    del st.session_state[RUNNING]
    st.session_state["reports"] = results
    st.session_state["unsure"] = unsure_files(results)
    st.session_state["order_questions"] = order_id_questions(results)
    st.session_state["scale_questions"] = scale_questions(results)


def run_imports(files: Files, since: datetime) -> list[Result]:
    """Import each file in turn with a progress bar, its time left and a cancel button, each
    file once (see the module docstring); a rejected file yields its message, a file with doubts
    to settle its UnsureImport (shown as questions). After any import the forecasts are refitted
    (ui.forecast), so that Valeur client opens at once."""
    results: list[Result] = []
    imported = st.session_state.setdefault(IMPORTED, {})
    bar = st.progress(0.0, text=t("importing"))
    cancel = st.empty()
    cancel.button(t("progress_cancel"), help=t("progress_cancel_help"), icon=":material/close:",
                  key="import-cancel")  # its click cuts this run: settle_cancel, next run
    total, before, started = max(1, sum(len(file[1]) for file in files)), 0, time.monotonic()
    for name, content, options in files:
        def step(fraction: float, fr: str, en: str, name: str = name, before: int = before,
                 size: int = len(content)) -> None:
            done = (before + fraction * size) / total  # files weigh their bytes
            left = time_left(done, time.monotonic() - started)
            said = "" if left is None else f" · {time_left_words(left, lang())}"
            bar.progress(done, text=f"{name} — {pick(fr, en)}{said}")

        before += len(content)
        token = file_token(name, content, options)
        if token in imported:
            results.append(imported[token])
            continue
        earlier = imported_since(data.connection(), content, since)
        if earlier is not None:
            results.append(ImportedOnce(name, earlier))
            continue
        try:
            report = import_file(data.connection(), content, name, options, progress=step)
        except UnsureImport as exc:
            results.append(exc)
        except ComptoirError as exc:
            results.append(exc.message(lang()))
        else:
            imported[token] = report
            results.append(report)
    bar.empty()
    cancel.empty()
    data.clear()
    if any(isinstance(result, ImportReport) for result in results):
        st.toast(forecast.refit())
    return results


def unsure_files(results: list[Result]) -> set[str]:
    """Names of the files refused until their doubts are settled: their tick box stays shown."""
    return {r.file_name for r in results if isinstance(r, UnsureImport)}


def scale_unsure(found: Preview) -> bool:
    """A survey whose recommendation answers cannot tell 1-5 from 0-10: its preview asks."""
    return survey_scale_unsure(found.table, found.source, found.mapping)


def scale_questions(results: list[Result]) -> set[str]:
    """Names of the files refused because the scale of their recommendation question is not
    sure: their 1-5 / 0-10 choice is shown."""
    return {r.file_name for r in results if isinstance(r, UnsureImport)
            and any(d.topic == "scale" for d in r.doubts)}


def report_figures(report: ImportReport) -> list[tuple[str, int]]:
    """The report's figures: orders and customers for a sales file; rows added, updated,
    unchanged, linked to a customer or to nobody for a review, survey or ticket file."""
    read = [(name, getattr(report, name)) for name in ("rows_read", "rows_loaded",
                                                        "rows_rejected")]
    if report.after_sale is None:
        return read + [(name, getattr(report, name)) for name in (
            "orders_new", "orders_updated", "orders_unchanged", "customers_new")]
    done = report.after_sale
    return read + [("aftersale_figure_new", done.new), ("aftersale_figure_updated", done.updated),
                   ("aftersale_figure_linked", done.linked),
                   ("aftersale_figure_unmatched", done.unmatched)]


def order_id_questions(results: list[Result]) -> set[str]:
    """Names of the files refused because their order numbers meet stored orders with other
    content: their same/separate choice is shown."""
    return {r.file_name for r in results if isinstance(r, UnsureImport)
            and any(d.topic == "order_ids" for d in r.doubts)}


def rejects_table(report: ImportReport) -> pd.DataFrame:
    """Rejected rows with headers and reasons in the session's language."""
    return pd.DataFrame({
        t("row"): report.rejects["row_number"],
        t("reason"): report.rejects[pick("reason_fr", "reason_en")],
        t("raw"): report.rejects["raw"],
    })


def rejects_csv(report: ImportReport) -> bytes:
    """Rejected rows for Excel: UTF-8 with BOM, ';' separated (French Excel)."""
    return rejects_table(report).to_csv(sep=";", index=False).encode("utf-8-sig")


def rejects_name(report: ImportReport) -> str:
    """'rejets_ventes_ete.csv' for 'Ventes été.csv' (exports.names)."""
    return rejects_file_name(report.file_name, lang())
