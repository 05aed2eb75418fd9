"""Import page helpers: cached previews, the editable mapping table, the rejects download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ingest.doubts import UnsureImport
from ingest.fields import FIELD_BY_NAME, FIELDS
from ingest.pipeline import ImportOptions, ImportReport, Preview, import_file, preview
from store import ComptoirError
from ui import data
from ui.i18n import lang, pick, t


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


def field_options() -> list[str]:
    return [t("ignored")] + [field_label(f.name) for f in FIELDS]


def mapping_from_table(edited: pd.DataFrame) -> dict[str, str]:
    names = {field_label(f.name): f.name for f in FIELDS}
    chosen = edited[edited[t("field")].isin(names)]
    return {names[label]: header for header, label in zip(chosen[t("column")], chosen[t("field")])}


def run_imports(
    files: list[tuple[str, bytes, ImportOptions]],
) -> list[ImportReport | UnsureImport | str]:
    """Import each file in turn with a progress bar; a rejected file yields its message, a file
    with doubts to settle its UnsureImport (shown as questions)."""
    results: list[ImportReport | UnsureImport | str] = []
    bar = st.progress(0.0, text=t("importing"))
    for i, (name, content, options) in enumerate(files):
        def step(fraction: float, fr: str, en: str, i: int = i) -> None:
            bar.progress((i + fraction) / len(files), text=f"{name} — {pick(fr, en)}")

        try:
            results.append(import_file(data.connection(), content, name, options, progress=step))
        except UnsureImport as exc:
            results.append(exc)
        except ComptoirError as exc:
            results.append(exc.message(lang()))
    bar.empty()
    data.clear()
    return results


def unsure_files(results: list[ImportReport | UnsureImport | str]) -> set[str]:
    """Names of the files refused until their doubts are settled: their tick box stays shown."""
    return {r.file_name for r in results if isinstance(r, UnsureImport)}


def order_id_questions(results: list[ImportReport | UnsureImport | str]) -> set[str]:
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
