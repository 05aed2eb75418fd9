"""Cached data and shown tables of « Canaux de vente et cohortes » (as ui/analysis_data.py:
every function takes the as-of date and the data version)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from metrics import channels, first_cohorts, kpis, repeat
from ui import format
from ui.data import CACHE_ENTRIES, connection
from ui.i18n import lang, t
from words import STRINGS

Version = tuple[int, int, int]
FIRST_PRODUCTS_SHOWN = 15  # the most common first products; the CLI lists every one


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def channel_figures(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return channels.channel_figures(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def channel_customers(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return channels.channel_customers(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def cohorts_by(by: str, as_of: date | None, data_version: Version) -> pd.DataFrame:
    return first_cohorts.first_cohorts(connection(), by, as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def discount_codes_seen(as_of: date | None, data_version: Version) -> dict[str, int]:
    return first_cohorts.discount_codes_seen(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def order_gaps(as_of: date | None, data_version: Version) -> pd.DataFrame:
    return repeat.order_gaps(connection(), as_of)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def period_kpis(period: str, as_of: date, data_version: Version) -> pd.DataFrame:
    return kpis.period_kpis(connection(), period, as_of)


def channel_name(channel: str | None) -> str:
    """A channel in words (web, shop, marketplace; not given by the file)."""
    known = f"channels_channel_{channel}"
    return t(known if known in STRINGS else "channels_channel_unknown")


def both_reading(customers: pd.DataFrame, currency: str) -> str:
    """What the customers of both channels spend, against the repeat customers of one channel
    (like with like: buying through both takes two orders)."""
    by_use = customers.set_index("channel_use")
    both = by_use.loc["both"]
    alone = [t("channels_alone", who=t(f"channels_use_{use}").lower(),
               spend=format.money(by_use.loc[use, "net_spend_per_repeat_customer"], lang(),
                                  currency=currency))
             for use in ("web_only", "shop_only") if use in by_use.index]
    return t("channels_both_reading", count=int(both["customers"]),
             spend=format.money(both["net_spend_per_customer"], lang(), currency=currency),
             others=t("channels_and").join(alone) or format.MISSING)


def _count(values: pd.Series) -> pd.Series:
    return values.map(lambda v: format.number(v, 0, lang()))


def _money(values: pd.Series, currency: str) -> pd.Series:
    return values.map(lambda v: format.money(v, lang(), currency=currency))


def _share(values: pd.Series) -> pd.Series:
    return values.map(lambda v: format.percent(v, lang()))


def _days(values: pd.Series) -> pd.Series:
    return values.map(lambda v: format.number(v, 0, lang()))


def figures_table(table: pd.DataFrame, currency: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_channel"): table["channel"].map(channel_name),
        t("col_orders"): _count(table["orders"]),
        t("col_customers"): _count(table["customers"]),
        t("col_revenue"): _money(table["revenue"], currency),
        t("col_revenue_share"): _share(table["revenue_share"]),
        t("col_average_basket"): _money(table["average_basket"], currency),
    })


def customers_table(table: pd.DataFrame, currency: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_channel_use"): table["channel_use"].map(lambda use: t(f"channels_use_{use}")),
        t("col_customers"): _count(table["customers"]),
        t("col_share"): _share(table["share"]),
        t("col_orders_per_customer"): table["orders_per_customer"].map(
            lambda v: format.number(v, 1, lang())),
        t("col_net_spend_per_customer"): _money(table["net_spend_per_customer"], currency),
        t("col_repeat_rate"): _share(table["repeat_rate"]),
        t("col_net_spend_per_repeat_customer"): _money(table["net_spend_per_repeat_customer"],
                                                       currency),
    })


def cohorts_table(table: pd.DataFrame, by: str, currency: str) -> pd.DataFrame:
    """Cohorts with their names: a channel in words, a missing segment by what it is."""
    segment = table["segment"]
    if by == "channel":
        segment = segment.map(channel_name)
    named = table["segment_kind"].map(lambda kind: t(f"channels_kind_{kind}"))
    if by == "first_product":
        table, segment, named = (part.head(FIRST_PRODUCTS_SHOWN) for part in (table, segment, named))
    return pd.DataFrame({
        t(f"channels_by_{by}"): segment.where(table["segment_kind"] == "value", named),
        t("col_customers"): _count(table["customers"]),
        t("col_repeat_rate"): _share(table["repeat_rate"]),
        t("col_back_within_90d_rate"): _share(table["back_within_90d_rate"]),
        t("col_value_12m"): _money(table["value_12m"], currency),
        t("col_average_basket"): _money(table["average_basket"], currency),
    })


def gaps_table(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_gap_number"): table["gap_number"].map(
            lambda n: t("channels_gap_step", n=n, next=n + 1)),
        t("col_customers"): _count(table["customers"]),
        t("col_next_customers"): _count(table["next_customers"]),
        t("col_share_next"): _share(table["share_next"]),
        t("col_median_days"): _days(table["median_days"]),
        t("channels_col_quartiles"): [
            t("channels_days_between", low=format.number(low, 0, lang()),
              high=format.number(high, 0, lang())) if pd.notna(low) else format.MISSING
            for low, high in zip(table["days_q1"], table["days_q3"], strict=True)
        ],
    })
