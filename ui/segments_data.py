"""Cached data for the Segments and Fiche client pages (the pattern of ui/data.py).

Every query function takes the data version, so a new import shows at once; the as-of date is
ui.analysis_data.as_of (the end of the sidebar's week), as on the analysis pages. Exports are built
from the cached list and logged only when the owner clicks the download button: the button's
data is a function that Streamlit runs at the click.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pandas as pd
import streamlit as st

import exports
from metrics import clv, customer, rfm, segment
from ui import analysis_data
from ui.data import CACHE_ENTRIES, cached_frames, connection, currency

Version = tuple[int, int, int]
# The Fiche client shows expected purchases over about three months: 13 weeks = 91 days.
CARD_HORIZON_WEEKS = clv.CARD_HORIZON_WEEKS
SEARCH_RESULTS = 20
LIST_SHOWN = 5_000  # rows of the builder's list on screen; its export has everyone
EXPORT_ENTRIES = 8


@cached_frames
def rfm_table(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return rfm.rfm(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def rfm_grid(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return segment.rfm_grid(rfm_table(as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def segment_table(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return segment.segment_table(connection(), as_of, current=rfm_table(as_of, data_version))


def last_order_span(as_of: date, data_version: Version) -> tuple[date, date]:
    """The first and the last day a customer's last valid order falls on, as of ``as_of``."""
    recency = rfm_table(as_of, data_version)["recency_days"]
    oldest = int(recency.max()) if len(recency) else 0
    return as_of - timedelta(days=oldest), as_of


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def products(data_version: Version) -> list[str]:
    return segment.products(connection())


def _predictions(
    segment_filter: segment.SegmentFilter, as_of: date | None, data_version: Version
) -> pd.DataFrame | None:
    """The value models' rows when the filter asks for them (the fits are cached)."""
    if not segment_filter.predicts():
        return None
    return clv.customer_rows(analysis_data.customer_value(as_of, data_version))


def _risky(
    segment_filter: segment.SegmentFilter, as_of: date | None, data_version: Version
) -> pd.DataFrame | None:
    """The one at-risk notion's table when the filter asks for one of its sub-lists (cached)."""
    if segment_filter.at_risk is None:
        return None
    return analysis_data.at_risk_table(as_of, data_version)


@cached_frames
def people(
    segment_filter: segment.SegmentFilter, as_of: date | None, data_version: Version,
    limit: int | None,
) -> pd.DataFrame:
    """The builder's list (metrics.segment.segment_customers), its first ``limit`` rows
    (everyone when None: an export); raises SegmentFilterError."""
    return segment.segment_customers(connection(), segment_filter, as_of,
                                     scores=rfm_table(as_of, data_version),
                                     predictions=_predictions(segment_filter, as_of, data_version),
                                     risky=_risky(segment_filter, as_of, data_version),
                                     limit=limit)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def by_last_order(as_of: date | None, data_version: Version) -> pd.DataFrame:
    """Every customer (at least one valid order), the most recent last order first: what the
    Segments page shows below rfm.MIN_RANKED_CUSTOMERS customers instead of segments."""
    buyers = people(segment.SegmentFilter(orders_min=1), as_of, data_version, limit=None)
    return buyers.sort_values(["last_order_at", "customer_id"], ascending=[False, True],
                              ignore_index=True)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def list_summary(
    segment_filter: segment.SegmentFilter, as_of: date | None, data_version: Version
) -> dict[str, float | int]:
    """The whole list's totals, counted in the database (the page fetches LIST_SHOWN rows)."""
    return segment.segment_totals(connection(), segment_filter, as_of,
                                  scores=rfm_table(as_of, data_version),
                                  predictions=_predictions(segment_filter, as_of, data_version),
                                  risky=_risky(segment_filter, as_of, data_version))


@st.cache_data(max_entries=EXPORT_ENTRIES, show_spinner=False)
def export_file(
    segment_filter: segment.SegmentFilter,
    as_of: date | None,
    fmt: str,
    sep: str,
    consent_only: bool,
    lang: str,
    data_version: Version,
) -> exports.ExportFile:
    """The export of the builder's list, built but not yet logged."""
    return exports.build_export(
        people(segment_filter, as_of, data_version, limit=None),
        fmt,
        segments=segment_filter.segments,
        consent_only=consent_only,
        sep=sep,
        lang=lang,
        currency=currency(),
    )


def on_download(
    export: exports.ExportFile, segment_filter: segment.SegmentFilter, lang: str
) -> Callable[[], bytes]:
    """The download button's data: logs the export at the click, then hands the file over."""
    con, shop = connection(), currency()  # taken now: deliver runs outside the script thread

    def deliver() -> bytes:
        exports.log_export(
            con,
            dataclasses.replace(export, created_at=datetime.now()),
            segment.describe(segment_filter, lang, shop),
            segment_filter.to_json(),
        )
        return export.data

    return deliver


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def search(text: str, data_version: Version) -> pd.DataFrame:
    return customer.search(connection(), text, SEARCH_RESULTS)


@cached_frames
def customer_values(as_of: date | None, data_version: Version) -> clv.ClvResult:
    return clv.kept_customer_value(connection(), as_of, CARD_HORIZON_WEEKS)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def customer_card(customer_id: int, data_version: Version) -> customer.CustomerCard:
    """The Fiche client of ``customer_id`` as of the latest order; raises CustomerNotFoundError."""
    latest = analysis_data.as_of(None)
    return customer.customer_card(
        connection(),
        customer_id,
        rfm_table(latest, data_version),
        customer_values(latest, data_version),
        latest,
    )
