"""What the Après-vente page draws: the refund rates by month, retention by NPS class, and the
display tables, in the reader's language (numbers through ui.format)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from reports.charts import BRAND, MUTED
from reports.format import yes_no
from ui import format
from ui.i18n import lang, t
from words.format import days, typed

CLASS_COLORS = {"promoter": "#2a8a6a", "passive": MUTED, "detractor": "#b03a2e"}
CONTACT_COLUMNS = ["name", "email", "phone", "email_consent", "answered_at", "nps_score",
                   "csat_score", "comment", "open_ticket"]


def duration(value: float | None, unit: str) -> str:
    """A median time in ``unit`` (aftersales_hours or aftersales_days): '1,5 jour', or '–'."""
    if value is None:
        return format.MISSING
    return t(unit, count=round(value, 1), value=typed(value, lang(), 1))


def _layout(fig: go.Figure, title: str, x_title: str, y_title: str) -> go.Figure:
    fig.update_layout(
        title=title,
        separators=format.chart_separators(lang()),
        height=360,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"title": x_title},
        yaxis={"title": y_title, "rangemode": "tozero", "tickformat": ".0%"},
        legend={"orientation": "h", "y": -0.25},
    )
    return fig


def refunds_chart(months: pd.DataFrame) -> go.Figure:
    """The refund rates by order month, by number and by value."""
    fig = go.Figure()
    for column, key, color in (("refund_rate_orders", "aftersales_by_orders", BRAND),
                               ("refund_rate_revenue", "aftersales_by_value", MUTED)):
        fig.add_trace(go.Scatter(
            x=months["month"], y=months[column], name=t(key), mode="lines+markers",
            line={"color": color},
            hovertemplate=format.percent_hover("customdata", lang()) + "<extra></extra>",
            customdata=100 * months[column],
        ))
    fig.update_xaxes(tickformat=format.CHART_MONTH[lang()])
    return _layout(fig, t("aftersales_refunds_header"), t("aftersales_col_month"),
                   t("aftersales_col_refund_rate"))


def retention_chart(curves: pd.DataFrame) -> go.Figure:
    """One line per NPS class: the share buying in each month after the answer."""
    fig = go.Figure()
    for nps_class, rows in curves.groupby("nps_class", sort=False):
        fig.add_trace(go.Scatter(
            x=rows["months_after"], y=rows["retention"], mode="lines+markers",
            name=t(f"aftersales_class_{nps_class}"), line={"color": CLASS_COLORS[nps_class]},
            customdata=100 * rows["retention"],
            hovertemplate=format.percent_hover("customdata", lang()) + "<extra></extra>",
        ))
    return _layout(fig, t("term_aftersales_nps_retention"), t("aftersales_months_after"),
                   t("aftersales_share_buying"))


def loyalty_table(links: pd.DataFrame, currency: str) -> pd.DataFrame:
    """The loyalty comparison, one row per kind of event, figures written out."""
    def share(column: str) -> pd.Series:
        return links[column].map(lambda value: format.percent(value, lang()))

    def count(column: str) -> pd.Series:
        return links[column].map(lambda value: format.number(value, 0, lang()))

    def money(column: str) -> pd.Series:
        return links[column].map(lambda value: format.money(value, lang(), currency=currency))

    return pd.DataFrame({
        t("aftersales_col_event"): links["event"].map(lambda e: t(f"aftersales_event_{e}")),
        t("aftersales_col_customers"): count("customers"),
        t("aftersales_col_repeat_after"): share("repeat_rate_after"),
        t("aftersales_col_matched"): count("matched_customers"),
        t("aftersales_col_repeat_matched"): share("repeat_rate_after_matched"),
        t("aftersales_col_comparables"): count("comparable_customers"),
        t("aftersales_col_repeat_without"): share("repeat_rate_without"),
        t("term_aftersales_value_12m"): money("value_12m_after"),
        t("aftersales_col_value_without"): money("value_12m_without"),
    })


def products_table(products: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("aftersales_col_product"): products["product"],
        t("term_aftersales_orders_placed"): products["orders_placed"].map(
            lambda value: format.number(value, 0, lang())),
        t("aftersales_col_refunded_orders"): products["refunded_orders"].map(
            lambda value: format.number(value, 0, lang())),
        t("aftersales_col_refund_rate"): products["refund_rate_orders"].map(
            lambda value: format.percent(value, lang())),
    })


def contacts_table(people: pd.DataFrame) -> pd.DataFrame:
    """A list to act on: who, how to reach them, what they answered."""
    shown = people[CONTACT_COLUMNS].copy()
    shown["answered_at"] = days(shown["answered_at"], lang())
    for column in ("email_consent", "open_ticket"):  # yes, no, or – when never said
        shown[column] = yes_no(shown[column], lang())
    return shown.rename(columns=lambda name: t(f"aftersales_col_{name}"))
