"""Cached data of the Produits et saisons page (the pattern of ui/analysis_data.py): every function
takes the as-of date and the data version, so an import or another week shows fresh figures."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from metrics import affinity, due_lists, replenishment, seasonal, segment
from ui import analysis_data
from ui.data import CACHE_ENTRIES, cached_frames, connection

Version = tuple[int, int, int]
DUE_SHOWN = 200  # rows of a due list on screen, the most recently due first


@cached_frames
def replenishment_table(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return replenishment.replenishment(connection(), as_of)


@cached_frames
def due_people(product: str, as_of: date | None, data_version: Version) -> pd.DataFrame:
    return due_lists.due_people(
        connection(), product, as_of, replenishment_table(as_of, data_version),
        segment.Computed(scores=analysis_data.rfm_table(as_of, data_version)))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def bought_together(product: str, as_of: date | None, data_version: Version) -> pd.DataFrame:
    return affinity.bought_together(connection(), as_of, product)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def bought_next(product: str, as_of: date | None, data_version: Version) -> pd.DataFrame:
    return affinity.bought_next(connection(), as_of, product)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def seasonal_summary(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return seasonal.seasonal_summary(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def discount_codes(data_version: Version) -> list[str]:
    """The codes the builder's discount filter offers (metrics.segment.discount_codes)."""
    return segment.discount_codes(connection())
