"""Cached data for the Rétention, Réachat and Valeur client pages (the pattern of ui/data.py).

Every function takes the as-of date and the data version, so a new import or another week in
the sidebar gives fresh figures, and the model fits of Valeur client run once per version.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from metrics import at_risk as risk
from metrics import clv, cohort_curves, cohorts, dates, repeat, rfm, seasonal, value_lists
from ui.data import CACHE_ENTRIES, cached_frames, connection, version

Version = tuple[int, int, int]

# The heatmap keeps the latest cohorts only: 150 weekly rows cannot be read.
MAX_COHORTS = {"week": 52, "month": 36, "quarter": 20}
REMINDER_DAYS = (30, 60, 90)
# Below this many first buyers a product's repeat rate is mostly luck.
MIN_FIRST_BUYERS = 10
HORIZON_WEEKS = clv.DEFAULT_HORIZON_WEEKS
TOP_CUSTOMERS = 20
AT_RISK_SHOWN = 500  # rows of the at-risk list on screen, biggest spenders first


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def _latest_order_date(data_version: Version) -> date | None:
    return dates.latest_order_date(connection())


def as_of(week: date | None) -> date | None:
    """Figures up to the end of the week chosen in the sidebar, or its latest order if sooner."""
    latest = _latest_order_date(version())
    if week is None or latest is None:
        return latest
    return min(week + timedelta(days=6), latest)


# Rétention


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def cohort_table(period: str, as_of: date | None, data_version: Version) -> pd.DataFrame:
    """metrics.cohorts.cohorts with a ``complete`` column (False for the period in progress)."""
    table = cohorts.cohorts(connection(), period, as_of)
    return table.assign(complete=cohort_curves.period_complete(table, period, as_of))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def cohort_matrix(
    period: str, value: str, as_of: date | None, data_version: Version
) -> pd.DataFrame:
    """Cohort x period matrix of ``value`` for the latest MAX_COHORTS cohorts."""
    matrix = cohorts.retention_matrix(cohort_table(period, as_of, data_version), value)
    return matrix.tail(MAX_COHORTS[period]).dropna(axis="columns", how="all")


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def cohort_starts(period: str, as_of: date | None, data_version: Version) -> list[pd.Timestamp]:
    """Every cohort, newest first (the choices of the curves' cohort picker)."""
    starts = cohort_table(period, as_of, data_version)["cohort"].drop_duplicates()
    return starts.sort_values(ascending=False).tolist()


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def average_curves(period: str, as_of: date | None, data_version: Version) -> pd.DataFrame:
    return cohort_curves.average_curves(cohort_table(period, as_of, data_version), period, as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def first_return(period: str, as_of: date | None, data_version: Version) -> pd.Series | None:
    return cohort_curves.latest_first_return(
        cohort_table(period, as_of, data_version), period, as_of
    )


# Réachat


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def repeat_summary(as_of: date | None, data_version: Version) -> dict:
    return repeat.repeat_summary(connection(), as_of)


@cached_frames
def _first_days(as_of: date | None, data_version: Version) -> pd.DataFrame:
    """Computed once for the three "how soon do they come back" figures."""
    return repeat.first_days(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def repeat_trend(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return repeat.repeat_rate_trend(connection(), as_of,
                                    firsts=_first_days(as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def orders_per_customer(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return repeat.orders_per_customer(connection(), as_of)


@cached_frames
def days_to_second_order(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return repeat.days_to_second_order(connection(), as_of,
                                       firsts=_first_days(as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def second_order_within(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return repeat.second_order_within(connection(), REMINDER_DAYS, as_of,
                                      firsts=_first_days(as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def best_first_products(as_of: date | None, data_version: Version) -> pd.DataFrame:
    """Products of the first order with at least MIN_FIRST_BUYERS customers, best repeat first."""
    table = repeat.repeat_rate_by_first_product(connection(), as_of, MIN_FIRST_BUYERS)
    return table.sort_values(["repeat_rate", "customers"], ascending=False, ignore_index=True)


# Valeur client


def keep_fit(as_of: date | None, progress: clv.Progress) -> None:
    """Fit and keep the forecast if nothing is kept for this version and day yet (normally it
    was, right after the import: ui.forecast), telling ``progress``. Not cached: a cached
    function may not move a bar drawn outside it."""
    clv.keep_fit(connection(), as_of, HORIZON_WEEKS, progress)


@cached_frames
def customer_value(as_of: date | None, data_version: Version) -> clv.ClvResult:
    """The models' predictions, with the backtest over their horizon that chose the model, read
    from the fit kept in the database (metrics.clv.kept_customer_value), so a page view or a
    restart does not redo it."""
    return clv.kept_customer_value(connection(), as_of, HORIZON_WEEKS)


def _contacts_of(as_of: date | None) -> value_lists.ContactsOf:
    con = connection()
    return lambda customer_ids: value_lists.contacts(con, as_of, customer_ids)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def value_totals(as_of: date | None, data_version: Version) -> dict:
    return value_lists.totals(customer_value(as_of, data_version).table)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def most_valuable(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return value_lists.most_valuable(
        customer_value(as_of, data_version).table, _contacts_of(as_of), TOP_CUSTOMERS
    )


@cached_frames
def rfm_table(as_of: date | None, data_version: Version) -> pd.DataFrame:
    """metrics.rfm.rfm, shared by Segments (grid, table, builder), the at-risk lists and the
    Fiche client."""
    return rfm.rfm(connection(), as_of)


@cached_frames
def segments_week_before(as_of: date | None, data_version: Version) -> pd.DataFrame | None:
    """customer_id and segment of rfm_table 7 days before ``as_of`` from recency and frequency
    alone (metrics.at_risk.segments_on): the segment table's movement and the at-risk lists'
    "became at risk" need no more."""
    return None if as_of is None else risk.segments_on(connection(), as_of - risk.WEEK, None)


@cached_frames
def at_risk_table(as_of: date | None, data_version: Version) -> pd.DataFrame:
    """metrics.at_risk.at_risk: the one at-risk notion, shared by Segments and Valeur client,
    with the segments of 7 days before of segments_week_before."""
    return risk.at_risk(connection(), as_of, rfm_table(as_of, data_version),
                        week_before=segments_week_before(as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def at_risk_counts(as_of: date | None, data_version: Version) -> dict[str, int]:
    return risk.counts(at_risk_table(as_of, data_version))


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def at_risk_waiting(as_of: date | None, data_version: Version) -> dict[str, int]:
    """Per season, how many of at_risk_table's people are seasonal buyers waiting for it
    (metrics.seasonal.waiting_counts): only their orders are read, not every customer's."""
    people = at_risk_table(as_of, data_version)
    waiting = seasonal.seasonal_buyers(connection(), as_of, waiting_only=True,
                                       among=people["customer_id"])
    return seasonal.waiting_counts(waiting, people)


@cached_frames
def at_risk(as_of: date | None, data_version: Version) -> pd.DataFrame:
    """The sub-list "À risque — précieux" with the models' figures (Valeur client's list)."""
    valuable = risk.sublist(at_risk_table(as_of, data_version), "valuable")
    return value_lists.at_risk(customer_value(as_of, data_version).table,
                               valuable["customer_id"], _contacts_of(as_of))
