"""Cached data for the Après-vente page (the pattern of ui/data.py): every function takes the
as-of date and the data version, so a new import or another week shows at once."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from metrics import aftersales
from ui.data import CACHE_ENTRIES, connection

Version = tuple[int, int, int]
MIN_PRODUCT_ORDERS = 10  # below, a product's refund rate is mostly luck
CONTACT_DAYS = aftersales.CONTACT_DAYS


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def summary(as_of: date, data_version: Version) -> dict:
    return aftersales.summary(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def refunds_by_month(as_of: date, data_version: Version) -> pd.DataFrame:
    return aftersales.refunds_by_month(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def refunds_by_product(as_of: date, data_version: Version) -> pd.DataFrame:
    return aftersales.refunds_by_product(connection(), as_of, MIN_PRODUCT_ORDERS)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def loyalty(as_of: date, data_version: Version) -> pd.DataFrame:
    return aftersales.kept_loyalty(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def nps_retention(as_of: date, data_version: Version) -> pd.DataFrame:
    return aftersales.nps_retention(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def contacts(kind: str, as_of: date, data_version: Version) -> pd.DataFrame:
    return aftersales.contacts(connection(), kind, as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def open_complaints(today: date, data_version: Version) -> np.ndarray:
    """Customers with a ticket open today (keyed by the day: a ticket opened yesterday and
    still open is one today)."""
    return aftersales.open_complaints(connection(), today)
