"""Définitions: every term the app, the rapport du lundi, the exports and the command line show,
one entry each (words/catalogue/glossary.py)."""

import streamlit as st

from ui import glossary
from ui.i18n import t

st.title(t("page_definitions"))
st.caption(t("definitions_intro"))
glossary.show()
