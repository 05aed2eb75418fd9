"""Web and boutique: what each channel sells, who buys through both, and what that goes with.

Channels are those of the orders (web, shop, marketplace); an order whose file gave none has no
channel and shows as such. Customers are grouped by the channels of their valid orders up to
``as_of``. Buying through both channels implies two orders at least, so the page and the report
compare "both" with the repeat customers of one channel (net_spend_per_repeat_customer), not
with every one-time buyer: the plain average would credit the channel mix with what a second
order brings anyway. Cohorts by first channel: metrics.first_cohorts.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.dates import facts_as_of, resolve_as_of
from metrics.sql_files import run_sql

CHANNEL_USES = ("web_only", "shop_only", "both", "other")


def channel_figures(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """One row per channel: channel, orders, customers, revenue, revenue_share, average_basket;
    the largest revenue first."""
    return run_sql(con, "channels_figures", as_of=resolve_as_of(con, as_of))


def channel_customers(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """One row per group of CHANNEL_USES present: channel_use, customers, share,
    orders_per_customer, net_spend_per_customer, median_net_spend, repeat_customers, repeat_rate,
    net_spend_per_repeat_customer."""
    return run_sql(con, "channels_customers", **facts_as_of(con, as_of))


def both_channels(customers: pd.DataFrame) -> int:
    """How many customers bought both on the web and in the shop (a channel_customers table)."""
    both = customers.loc[customers["channel_use"] == "both", "customers"]
    return int(both.iloc[0]) if len(both) else 0
