"""The forecasts of Valeur client and the Fiche client fitted when the data changes, with a
progress bar naming the model being fitted (metrics.clv.refit_after_change)."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from metrics import clv
from ui import data
from ui.i18n import lang, t


def progress_bar() -> tuple[DeltaGenerator, clv.Progress]:
    """A progress bar and the clv.Progress that moves it and names the model being fitted."""
    bar = st.progress(0.0)

    def show(fraction: float, stage: str, model: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=t(f"val_progress_{stage}", model=model))

    return bar, show


def refit() -> str:
    """Fit and keep the forecasts after an import, the demo, a merge, a split or a forget, so that
    the pages only read them; the outcome in the owner's language (a failure included: the data
    change stands, the pages fit when shown)."""
    bar, show = progress_bar()
    words = clv.refit_after_change(data.connection(), show)
    bar.empty()
    data.clear()
    return words[lang()]
