"""The glossary on screen: a page's "Définitions" panel and the Définitions page both list entries
of words/catalogue/glossary.py, so each term reads the same everywhere."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ui.i18n import t
from words.catalogue.glossary import GLOSSARY


def show(keys: Iterable[str] = GLOSSARY) -> None:
    """The entries ``keys`` (every term by default) as a list: term in bold, then its meaning."""
    st.markdown("\n".join(f"- **{t(f'term_{key}')}** : {t(f'def_{key}')}" for key in keys))
