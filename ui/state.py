"""Sidebar choices shared by pages (the week shown), kept in the session state."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from ui import data, format
from ui.i18n import lang, t

WEEKS_OFFERED = 156


def week_picker() -> None:
    """A select box of the weeks that have data, newest first; nothing on an empty database."""
    latest = data.default_week(data.version())
    if latest is None:
        return
    weeks = [latest - timedelta(weeks=i) for i in range(WEEKS_OFFERED)]
    if st.session_state.get("week") not in weeks:
        st.session_state["week"] = latest
    st.selectbox(
        t("week"),
        options=weeks,
        key="week",
        help=t("week_help"),
        format_func=lambda d: t("week_of", start=format.day(d, lang()),
                                end=format.day(d + timedelta(days=6), lang())),
    )


def selected_week() -> date | None:
    week = st.session_state.get("week")
    return week if week is not None else data.default_week(data.version())
