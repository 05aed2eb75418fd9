"""Cached data access for the pages: the only place that caches (DESIGN.md).

One DuckDB connection per process (``st.cache_resource``); every query runs on its own cursor
inside the metrics functions. Query results are cached with ``st.cache_data`` keyed by the data
version, so figures change the moment an import lands.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import streamlit as st

import store
from metrics import dates, kpis

CACHE_ENTRIES = 64


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return store.connect(path)


def connection() -> duckdb.DuckDBPyConnection:
    """The process's connection; a plain error and a stop if the file cannot be opened."""
    from ui.i18n import lang

    try:
        return _connection(str(store.default_path()))
    except store.ComptoirError as exc:
        st.error(exc.message(lang()))
        st.stop()
        raise


def version() -> tuple[int, int, int]:
    return store.data_version(connection())


def clear() -> None:
    """After a write: drop cached results (the version key would also do it, this frees memory)."""
    st.cache_data.clear()


def has_orders() -> bool:
    return _has_orders(version())


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _has_orders(data_version: tuple[int, int, int]) -> bool:
    return dates.latest_order_date(connection()) is not None


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def default_week(data_version: tuple[int, int, int]) -> date | None:
    return dates.default_week(connection())


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def weekly_kpis(week: date, data_version: tuple[int, int, int]) -> pd.DataFrame:
    return kpis.weekly_kpis(connection(), week)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def weekly_trend(week: date, data_version: tuple[int, int, int]) -> pd.DataFrame:
    return kpis.weekly_trend(connection(), week, weeks=52)


def database_path() -> str:
    return str(store.default_path())
