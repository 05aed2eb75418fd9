"""Long lists on screen: the first rows, and a line saying how many there are in all.

A big shop has tens of thousands of customers at risk, of namesake pairs or of rejected rows:
nobody reads them on screen, and drawing them takes seconds on every rerun.
"""

from __future__ import annotations

import streamlit as st

from ui import format
from ui.i18n import lang, t


def say_if_cut(key: str, shown: int, total: int) -> None:
    """The caption ``key`` (with {shown} and {total}) when a list shows `shown` rows of `total`."""
    if total > shown:
        st.caption(t(key, shown=format.number(shown, 0, lang()),
                     total=format.number(total, 0, lang())))
