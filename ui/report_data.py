"""Le rapport du lundi for the Vue d'ensemble page's download buttons (the pattern of ui/data.py).

The file is built only when a button is clicked (Streamlit runs the callable given as ``data``
then, on another thread: it cannot read the session, so the language and the data version are
bound beforehand), and kept per week, format, language and data version.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

import streamlit as st

import reports
from metrics import report
from ui.data import connection, version
from ui.i18n import lang

Version = tuple[int, int, int]
FORMATS = ("html", "xlsx")
MIME_TYPES = reports.MIME_TYPES
# A report holds plotly.js (about 5 MB of HTML): keep a few, not CACHE_ENTRIES.
REPORT_ENTRIES = 8


@st.cache_data(max_entries=REPORT_ENTRIES, show_spinner=False)
def weekly_report(week: date, data_version: Version) -> report.WeeklyReport:
    return report.weekly_report(connection(), week)


@st.cache_data(max_entries=REPORT_ENTRIES, show_spinner=False)
def report_file(week: date, fmt: str, lang: str, data_version: Version) -> bytes:
    return reports.render(weekly_report(week, data_version), fmt, lang)


def builder(week: date, fmt: str, lang: str) -> Callable[[], bytes]:
    """What st.download_button calls on click: the report of ``week`` in ``fmt`` and ``lang``."""
    return partial(report_file, week, fmt, lang, version())


def file_name(week: date, fmt: str) -> str:
    return reports.file_name(week, fmt, lang())
