"""Web and boutique: what each channel sells, who buys through both, and what that goes with.

Channels are those of the orders (web, shop, marketplace); an order whose file gave none has no
channel and shows as such. Customers are grouped by the channels of their valid orders up to
``as_of``. Buying through both channels implies two orders at least, so the page and the report
compare "both" with the repeat customers of one channel (net_spend_per_repeat_customer), not
with every one-time buyer: the plain average would credit the channel mix with what a second
order brings anyway. Cohorts by first channel: metrics.first_cohorts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics.dates import facts_as_of, resolve_as_of, week_start
from metrics.kpis import REVENUE_SPLIT, period_kpis
from metrics.sql_files import run_sql

CHANNEL_USES = ("web_only", "shop_only", "both", "other")


def channel_figures(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, since: date | None = None
) -> pd.DataFrame:
    """One row per channel: channel, orders, customers, revenue, revenue_share, average_basket;
    the largest revenue first. ``since``: from that day only (default: since the start)."""
    return run_sql(con, "channels_figures", as_of=resolve_as_of(con, as_of), since=since)


def channel_customers(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """One row per group of CHANNEL_USES present: channel_use, customers, share,
    orders_per_customer, net_spend_per_customer, median_net_spend, repeat_customers, repeat_rate,
    net_spend_per_repeat_customer."""
    return run_sql(con, "channels_customers", **facts_as_of(con, as_of))


def both_channels(customers: pd.DataFrame) -> int:
    """How many customers bought both on the web and in the shop (a channel_customers table)."""
    both = customers.loc[customers["channel_use"] == "both", "customers"]
    return int(both.iloc[0]) if len(both) else 0


@dataclass(frozen=True)
class ChannelsWeek:
    """The rapport du lundi's part: channels (channel_figures of the week), both_channels (the
    customers of web and shop by its Sunday), revenue_split (new_customer_revenue and
    returning_customer_revenue: this_week, last_week, last_year)."""

    channels: pd.DataFrame
    both_channels: int
    revenue_split: pd.DataFrame


def week_section(con: duckdb.DuckDBPyConnection, week: date) -> ChannelsWeek:
    """The channels and the new and returning customers' revenue of the ISO week of ``week``."""
    monday = week_start(week)
    sunday = monday + timedelta(days=6)
    split = period_kpis(con, "week", monday).loc[list(REVENUE_SPLIT)]
    return ChannelsWeek(
        channels=channel_figures(con, sunday, since=monday),
        both_channels=both_channels(channel_customers(con, sunday)),
        revenue_split=split.rename(columns={"this_period": "this_week",
                                            "previous_period": "last_week"}),
    )
