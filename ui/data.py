"""Cached data access for the pages: the only place that caches (DESIGN.md).

One DuckDB connection per process (``st.cache_resource``); every query runs on its own cursor
inside the metrics functions. Query results are cached with ``st.cache_data`` keyed by the data
version, so figures change the moment an import lands; results holding whole customer lists with
``cached_frames``, which does not copy them at every use.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import duckdb
import pandas as pd
import streamlit as st

import store
from metrics import currencies, dates, kpis
from store.currency import shop_currency

CACHE_ENTRIES = 64
FRAME_ENTRIES = 8  # results of cached_frames: each may hold a whole customer list
Result = TypeVar("Result")
_frame_caches: list = []


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
    for cache in _frame_caches:
        cache.clear()


def _shallow(result: Result) -> Result:
    """The result with shallow copies of its frames (itself, or a dataclass's fields)."""
    if isinstance(result, pd.DataFrame):
        return result.copy(deep=False)
    if dataclasses.is_dataclass(result):
        frames = {field.name: getattr(result, field.name) for field in dataclasses.fields(result)}
        return dataclasses.replace(result, **{
            name: value.copy(deep=False) for name, value in frames.items()
            if isinstance(value, pd.DataFrame)
        })
    return result


def cached_frames(func: Callable[..., Result]) -> Callable[..., Result]:
    """Cache a result holding big frames (a DataFrame, or a dataclass of them) without copying it.

    st.cache_data pickles every result it stores and unpickles it at every hit, a large share of
    a big shop's Segments page (bench/RESULTS.md). st.cache_resource keeps
    the object itself; each caller gets shallow copies of its frames, which pandas' copy-on-write
    keeps from changing the cached ones. Keyed like st.cache_data, by the arguments.
    """
    cached = st.cache_resource(max_entries=FRAME_ENTRIES, show_spinner=False)(func)
    _frame_caches.append(cached)

    @functools.wraps(func)
    def shared(*args: object, **kwargs: object) -> Result:
        return _shallow(cached(*args, **kwargs))

    return shared


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


def currency() -> str:
    """The shop's currency (store.currency): every amount a page shows is in it."""
    return _currency(version())


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _currency(data_version: tuple[int, int, int]) -> str:
    return shop_currency(connection())


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def uncounted(data_version: tuple[int, int, int]) -> pd.DataFrame:
    """metrics.currencies.uncounted (a rate entered clears the cache: ui.currency)."""
    return currencies.uncounted(connection())


def database_path() -> str:
    return str(store.default_path())
