"""Cached data for the Segments and Fiche client pages (the pattern of ui/data.py).

Every query function takes the data version, so a new import shows at once; the as-of date is
ui.analysis_data.as_of (the end of the sidebar's week), as on the analysis pages. An export is
built and logged only when the owner clicks the download button (its data is a function that
Streamlit runs at the click); until then the page only counts the people it will hold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pandas as pd
import streamlit as st

import exports
from exports.names import list_file_name
from metrics import clv, customer, segment
from ui import aftersales_data, analysis_data
from ui.data import CACHE_ENTRIES, cached_frames, connection, currency

Version = tuple[int, int, int]
# The Fiche client shows expected purchases over about three months: 13 weeks = 91 days.
CARD_HORIZON_WEEKS = clv.CARD_HORIZON_WEEKS
SEARCH_RESULTS = 20
LIST_SHOWN = 5_000  # rows of the builder's list on screen; its export has everyone


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def rfm_grid(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return segment.rfm_grid(analysis_data.rfm_table(as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def segment_table(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return segment.segment_table(connection(), as_of,
                                 current=analysis_data.rfm_table(as_of, data_version),
                                 week_before=analysis_data.segments_week_before(as_of, data_version))


def last_order_span(as_of: date, data_version: Version) -> tuple[date, date]:
    """The first and the last day a customer's last valid order falls on, as of ``as_of``."""
    recency = analysis_data.rfm_table(as_of, data_version)["recency_days"]
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


def _computed(
    segment_filter: segment.SegmentFilter, as_of: date | None, data_version: Version
) -> segment.Computed:
    """The cached tables the builder's list needs, handed over so that it computes none again."""
    return segment.Computed(scores=analysis_data.rfm_table(as_of, data_version),
                            predictions=_predictions(segment_filter, as_of, data_version),
                            risky=_risky(segment_filter, as_of, data_version))


@cached_frames
def people(
    segment_filter: segment.SegmentFilter, as_of: date | None, data_version: Version,
    limit: int | None,
) -> pd.DataFrame:
    """The builder's list (metrics.segment.segment_customers), its first ``limit`` rows
    (everyone when None: an export); raises SegmentFilterError."""
    return segment.segment_customers(connection(), segment_filter, as_of,
                                     computed=_computed(segment_filter, as_of, data_version),
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
                                  computed=_computed(segment_filter, as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def export_counts(
    segment_filter: segment.SegmentFilter,
    as_of: date | None,
    fmt: str,
    consent_only: bool,
    data_version: Version,
) -> exports.ExportCounts:
    """Who the export will hold, from the list's totals (list_summary) and, for a Brevo or
    Mailchimp file of everyone, its contact counts: the page says it before building the file."""
    contacts = None
    if exports.needs_contacts(fmt, consent_only, segment_filter.channel):
        contacts = segment.segment_contacts(
            connection(), segment_filter, as_of,
            computed=_computed(segment_filter, as_of, data_version), consent_only=consent_only)
    return exports.export_counts(fmt, consent_only,
                                 list_summary(segment_filter, as_of, data_version), contacts,
                                 segment_filter.channel)


@dataclasses.dataclass(frozen=True)
class Download:
    """The download button's file: its name and type now, its bytes at the click."""

    file_name: str
    mime: str
    data: Callable[[], bytes]


def open_complaints_held(
    segment_filter: segment.SegmentFilter, as_of: date | None, consent_only: bool,
    data_version: Version,
) -> int:
    """How many of the people the export would hold have an open complaint (left out unless the
    owner includes them); the whole list is fetched only when some ticket is open at all."""
    open_ids = aftersales_data.open_complaints(date.today(), data_version)
    if not len(open_ids):
        return 0
    kept = exports.consenting(people(segment_filter, as_of, data_version, None), consent_only)[0]
    return exports.without_open_complaints(kept, open_ids)[1]


def download(
    segment_filter: segment.SegmentFilter,
    as_of: date | None,
    fmt: str,
    sep: str,
    consent_only: bool,
    lang: str,
    data_version: Version,
    open_complaints: bool = False,
) -> Download:
    """The export of the builder's list as a deferred download: Streamlit runs ``data`` when the
    owner clicks, which fetches the whole list, builds the file and logs it. Opening the page
    never fetches everyone (768,000 people in a 10M-line shop). Customers with an open
    complaint are left out unless ``open_complaints``."""
    when = datetime.now()
    con, shop = connection(), currency()  # taken now: deliver runs outside the script thread
    computed = _computed(segment_filter, as_of, data_version)
    held = () if open_complaints else aftersales_data.open_complaints(date.today(), data_version)

    def deliver() -> bytes:
        people = segment.segment_customers(con, segment_filter, as_of, computed=computed)
        people, _ = exports.without_open_complaints(people, held)
        export = exports.build_export(people, fmt, segments=segment_filter.segments,
                                      consent_only=consent_only, sep=sep, lang=lang, when=when,
                                      currency=shop, channel=segment_filter.channel)
        exports.log_export(
            con,
            dataclasses.replace(export, created_at=datetime.now()),
            segment.describe(segment_filter, lang, shop),
            segment_filter.to_json(),
        )
        return export.data

    return Download(list_file_name(segment_filter.segments, fmt, when, lang),
                    exports.export_mime(fmt), deliver)


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
        analysis_data.rfm_table(latest, data_version),
        customer_values(latest, data_version),
        latest,
    )
