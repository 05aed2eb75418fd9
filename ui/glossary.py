"""The glossary on screen: a page's "Définitions" panel and the Définitions page both list entries
of words/catalogue/glossary.py, so each term reads the same everywhere."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ui.i18n import t
from words.catalogue.glossary import GLOSSARY


def entries(keys: Iterable[str]) -> str:
    """The entries ``keys`` as Markdown list lines: term in bold, then its meaning (for a panel
    or a widget's help)."""
    return "\n".join(t("glossary_line", term=t(f"term_{key}"), meaning=t(f"def_{key}"))
                     for key in keys)


def show(keys: Iterable[str] = GLOSSARY) -> None:
    """The entries ``keys`` (every term by default) as a list."""
    st.markdown(entries(keys))
