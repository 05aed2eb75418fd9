"""The one at-risk notion on screen: its three counts, named and defined the same on every page.

Segments and Valeur client draw them from ui.analysis_data.at_risk_counts (metrics.at_risk), the
Monday report writes the same counts (reports.format.at_risk_note).
"""

from __future__ import annotations

import streamlit as st

from metrics.at_risk import SUBLIST_NAMES
from ui import format
from ui.i18n import lang, t


def show_counts(counts: dict[str, int]) -> None:
    """À risque, À risque — précieux, À appeler cette semaine, with the definition under them."""
    for column, (name, words) in zip(st.columns(len(SUBLIST_NAMES)), SUBLIST_NAMES.items()):
        column.metric(words[lang()], format.number(counts[name], 0, lang()),
                      help=t("glossary_at_risk"), border=True)
    st.caption(t("glossary_at_risk"))
