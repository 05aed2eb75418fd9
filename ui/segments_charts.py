"""What the Segments and Fiche client pages draw: plotly figures and display tables. Labels come
translated from the caller or through t(); numbers through ui.format."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ui import format
from reports.charts import BRAND, MUTED
from ui.i18n import t

GRID_COLORS = [[0.0, "#fbf5f0"], [1.0, "#d9a77f"]]
STATUSES = ("paid", "pending", "cancelled", "refunded", "partially_refunded", "credit_note")
MARKDOWN_SPECIAL = r"([\\`*_{}\[\]()#+\-.!|<>~$:])"  # ':' (icons, colours) and '$' (maths) too


def plain(text: object) -> str:
    """Customer text shown inside markdown (titles, captions) exactly as typed: every markdown
    character escaped, so a name like "*Zoé* [site](…)" cannot format or link anything."""
    if text is None or pd.isna(text):
        return "–"
    return re.sub(MARKDOWN_SPECIAL, r"\\\1", str(text))


def _layout(fig: go.Figure, lang: str, height: int) -> go.Figure:
    fig.update_layout(
        separators=format.chart_separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
    )
    return fig


def rfm_grid(grid: pd.DataFrame, lang: str) -> go.Figure:
    """5 x 5 heatmap of customers by R (rows, 5 on top) and F (columns), each cell naming its
    segment and its count (metrics.segment.rfm_grid). Plotly draws the first row at the bottom."""
    counts = grid.pivot(index="r_score", columns="f_score", values="customers").sort_index()
    names = grid.pivot(index="r_score", columns="f_score", values=f"segment_{lang}").sort_index()
    shown = counts.map(lambda n: format.number(n, 0, lang))
    fig = go.Figure(
        go.Heatmap(
            z=counts.to_numpy(),
            x=[f"F{f}" for f in counts.columns],
            y=[f"R{r}" for r in counts.index],
            text=(names + "<br>" + shown).to_numpy(),
            customdata=shown.to_numpy(),
            texttemplate="%{text}",
            hovertemplate="%{y} %{x} : %{customdata}<extra></extra>",
            colorscale=GRID_COLORS,
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        xaxis={"title": t("seg_grid_f"), "side": "top"},
        yaxis={"title": t("seg_grid_r")},
    )
    return _layout(fig, lang, 460)


def _signed(value: int, lang: str) -> str:
    text = format.number(value, 0, lang)
    return f"+{text}" if value > 0 else text


def segment_rows(table: pd.DataFrame, lang: str, currency: str) -> pd.DataFrame:
    """The named segments (metrics.segment.segment_table) as the owner reads them, amounts in
    the shop's ``currency``."""
    return pd.DataFrame(
        {
            t("seg_col_segment"): table[f"segment_{lang}"],
            t("seg_col_customers"): table["customers"].map(lambda v: format.number(v, 0, lang)),
            t("seg_col_share"): table["share"].map(lambda v: format.percent(v, lang)),
            t("seg_col_revenue"): table["revenue"].map(
                lambda v: format.money(v, lang, 0, currency=currency)),
            t("seg_col_average_basket"): table["average_basket"].map(
                lambda v: format.money(v, lang, currency=currency)
            ),
            t("seg_col_last_week"): table["last_week"].map(lambda v: format.number(v, 0, lang)),
            t("seg_col_change"): table["change"].map(lambda v: _signed(v, lang)),
            t("seg_col_moved_in"): table["moved_in"].map(lambda v: format.number(v, 0, lang)),
            t("seg_col_moved_out"): table["moved_out"].map(lambda v: format.number(v, 0, lang)),
        }
    )


def people_rows(people: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The builder's list with translated headers; values stay raw so the table sorts, and
    people_columns() formats them."""
    return pd.DataFrame(
        {
            t("seg_col_name"): people["name"],
            t("seg_col_email"): people["email"],
            t("seg_col_phone"): people["phone"],
            t("seg_col_postal_code"): people["postal_code"],
            t("seg_col_city"): people["city"],
            t("seg_col_segment"): people[f"segment_{lang}"],
            t("seg_col_orders"): people["orders"],
            t("seg_col_net_spend"): people["net_spend"].round(0),
            t("seg_col_last_order"): people["last_order_at"],
            t("seg_col_email_marketing"): people["email_marketing"],
        }
    )


def last_order_rows(people: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A small shop's customers (no segments yet) with translated headers, for people_columns()."""
    return people_rows(people, lang).drop(columns=t("seg_col_segment"))


def people_columns(lang: str, currency: str) -> dict:
    """st.dataframe column_config for people_rows: amounts in the shop's ``currency`` and days
    in the reader's way, still sortable (see ui.format.money_column)."""
    return {
        t("seg_col_net_spend"): st.column_config.NumberColumn(
            format=format.money_column(lang, currency)),
        t("seg_col_last_order"): st.column_config.DatetimeColumn(format=format.DAY_INPUT[lang]),
        t("seg_col_email_marketing"): st.column_config.CheckboxColumn(),
    }


def match_labels(matches: pd.DataFrame, lang: str) -> dict[int, str]:
    """Search results (metrics.customer.search, a few rows) as the choices of a select box."""
    contact = matches["email"].fillna(matches["phone"]).fillna(matches["city"]).fillna("–")
    names = matches["name"].fillna(t("cust_unnamed"))
    return {
        int(customer_id): t("cust_match", name=name, contact=reach,
                            orders=t("n_orders", count=int(orders)))
        for customer_id, name, reach, orders in zip(
            matches["customer_id"], names, contact, matches["orders"]
        )
    }


def identity(profile: dict, lang: str) -> str:
    """The identity lines of a Fiche client (metrics.customer.CustomerCard.profile), as markdown
    with every customer value escaped."""
    place = " ".join(v for v in (profile["postal_code"], profile["city"]) if v)
    return (
        f"**{t('cust_email')}** : {plain(profile['email'])}  \n"
        f"**{t('cust_phone')}** : {plain(profile['phone'])}  \n"
        f"**{t('cust_place')}** : {plain(place or None)}  \n"
        f"**{t('cust_first_seen')}** : {format.day(profile['first_seen'], lang)}"
    )


def consent(profile: dict) -> str:
    """Accepts, refuses, or was never asked about marketing emails."""
    if profile["email_consent"] is None:
        return t("cust_consent_unknown")
    return t("cust_consent_yes" if profile["email_consent"] else "cust_consent_no")


def channel_consent(profile: dict, channel: str, lang: str) -> str:
    """'SMS : refuse (liste_noire.csv, le 02/12/2025)': one channel's consent and where it
    comes from."""
    state, source, when = (profile[f"{channel}_{part}"] for part in ("consent", "source",
                                                                      "stated_at"))
    answer = t("consent_state_unknown" if state is None else
               "consent_state_yes" if state else "consent_state_no")
    if source is None:
        return t("consent_profile_line", channel=t(f"consent_channel_{channel}"), state=answer)
    said = (t("consent_profile_dated", source=plain(source), day=format.day(when, lang))
            if when is not None else t("consent_profile_undated", source=plain(source)))
    return t("consent_profile_line_source", channel=t(f"consent_channel_{channel}"),
             state=answer, said=said)


def _status(status: str) -> str:
    return t(f"cust_status_{status}") if status in STATUSES else status


def _amounts(orders: pd.DataFrame, column: str, lang: str) -> list[str]:
    """Each order's amount in its own currency (as the file gave it)."""
    return [format.money(value, lang, currency=code)
            for value, code in zip(orders[column], orders["currency"])]


def order_rows(orders: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One customer's orders (metrics.customer.customer_orders) as the owner reads them."""
    return pd.DataFrame(
        {
            t("cust_col_date"): orders["ordered_at"].map(lambda d: format.day(d, lang)),
            t("cust_col_order"): orders["source_order_id"],
            t("cust_col_status"): orders["status"].map(_status),
            t("cust_col_channel"): orders["channel"].fillna("–"),
            t("cust_col_amount"): _amounts(orders, "amount", lang),
            t("cust_col_refunded"): _amounts(orders, "refunded_amount", lang),
            t("cust_col_net"): _amounts(orders, "net_amount", lang),
            t("cust_col_products"): orders["products"].fillna("–"),
        }
    )


def orders_over_time(orders: pd.DataFrame, lang: str, currency: str) -> go.Figure:
    """One bar per order at its date: net amount of valid orders in the brand colour, the amount
    of the others (cancelled, refunded, pending, or in a currency without a rate) in a muted one.
    Amounts as paid; the axis is named in the shop's ``currency``."""
    fig = go.Figure()
    for is_valid, name, color, column in (
        (True, t("cust_chart_valid"), BRAND, "net_amount"),
        (False, t("cust_chart_invalid"), MUTED, "amount"),
    ):
        part = orders[orders["is_valid"] == is_valid]
        if part.empty:
            continue
        fig.add_bar(
            x=part["ordered_at"],
            y=part[column],
            name=name,
            marker_color=color,
            customdata=part[["source_order_id", "products", "currency"]].fillna("–").to_numpy(),
            hovertemplate=f"%{{x|{format.CHART_DAY[lang]}}} · %{{customdata[0]}} : "
            "%{y:,.2f} %{customdata[2]}<br>%{customdata[1]}<extra></extra>",
        )
    fig.update_layout(
        title=t("cust_chart_title"),
        barmode="overlay",
        xaxis={"tickformat": format.CHART_SHORT_DAY[lang]},
        yaxis={"title": t("cust_chart_axis", unit=format.symbol(currency, lang)),
               "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return _layout(fig, lang, 320)
