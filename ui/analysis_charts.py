"""What the Rétention, Réachat and Valeur client pages draw: plotly figures, display tables and
the one-line reading aids, all in the reader's language (numbers through ui.format, and
``separators`` so plotly writes 1 234,5 in French)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui import format
from reports.charts import BRAND, MUTED
from ui.i18n import lang, t

PERCENT_VALUES = {"retention", "revenue_retention"}
# Above this many cells the heatmap shows colours only (values stay in the hover).
MAX_LABELLED_CELLS = 600
SCATTER_POINTS = 5_000
LINE_COLORS = ["#2a6f8a", "#6a8a2a", "#8a2a6f", "#c77d1a", "#4b4b4b", "#2a8a6a"]


def _layout(fig: go.Figure, title: str, x_title: str, y_title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title=title,
        separators=format.chart_separators(lang()),
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"title": x_title},
        yaxis={"title": y_title, "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.25},
    )
    return fig


def _percent_hover(field: str) -> str:
    return format.percent_hover(field, lang())


def _money_hover(field: str, currency: str) -> str:
    return format.money_hover(field, lang(), currency)


def _unit(currency: str) -> str:
    """The shop's currency sign, for axis titles: '($US)'."""
    return format.symbol(currency, lang())


def _day_axis() -> str:
    return format.CHART_DAY[lang()]


# Rétention


def cohort_labels(cohorts: pd.Series, period: str) -> list[str]:
    """Short cohort names: the Monday (week), 09/2026 (month), T3 2026 (quarter)."""
    stamps = pd.to_datetime(pd.Series(cohorts))
    if period == "week":
        return stamps.dt.strftime(_day_axis()).tolist()
    if period == "month":
        return stamps.dt.strftime(format.CHART_MONTH[lang()]).tolist()
    quarters = t("ret_quarter_short") + stamps.dt.quarter.astype(str)
    return (quarters + " " + stamps.dt.year.astype(str)).tolist()


def cohort_label(cohort: pd.Timestamp, period: str) -> str:
    return cohort_labels(pd.Series([cohort]), period)[0]


def _cohort_name(cohort: pd.Timestamp, period: str) -> str:
    """The cohort in a sentence: 'septembre 2026', '3e trimestre 2026', '07/09/2026'."""
    if period == "month":
        return f"{t('ret_month_names').split(',')[cohort.month - 1]} {cohort.year}"
    if period == "quarter":
        return f"{t('ret_quarter_names').split(',')[cohort.quarter - 1]} {cohort.year}"
    return format.day(cohort, lang())


def reading_aid(row: pd.Series | None, period: str) -> str:
    """'Sur 100 clients arrivés en septembre 2026, 6 ont recommandé le mois suivant (…)'."""
    if row is None:
        return t("ret_example_none")
    return t(
        f"ret_example_{period}",
        cohort=_cohort_name(pd.Timestamp(row["cohort"]), period),
        n=format.number(100 * row["retention"], 0, lang()),
        active=format.number(row["active_customers"], 0, lang()),
        size=format.number(row["cohort_size"], 0, lang()),
    )


def _scale(values: pd.DataFrame | pd.Series, value: str) -> pd.DataFrame | pd.Series:
    return values * 100 if value in PERCENT_VALUES else values


def cohort_heatmap(matrix: pd.DataFrame, period: str, value: str, currency: str) -> go.Figure:
    """Cohorts (oldest on top) x periods since arrival, coloured by ``value``.

    Percent measures start at 100 % in period 0; the colour scale stops at the highest later
    value so the later periods, the ones that matter, are not all the same pale colour.
    """
    z = _scale(matrix, value)
    later = z.loc[:, z.columns > 0] if value in PERCENT_VALUES else z
    top = later.max().max() if later.notna().any().any() else None
    hover = _percent_hover("z") if value in PERCENT_VALUES else _money_hover("z", currency)
    cells = z.shape[0] * z.shape[1]
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(),
            x=[str(k) for k in matrix.columns],
            y=cohort_labels(matrix.index.to_series(), period),
            zmin=0,
            zmax=top or None,
            colorscale=[[0, "#fbf3ec"], [1, BRAND]],
            texttemplate="%{z:.0f}" if cells <= MAX_LABELLED_CELLS else None,
            hovertemplate=f"{t('ret_cohort')} %{{y}}<br>{t(f'ret_after_{period}')} %{{x}}"
                          f"<br>{hover}<extra></extra>",
            colorbar={"title": t(f"ret_unit_{value}", unit=_unit(currency))},
        )
    )
    _layout(fig, t(f"ret_heatmap_title_{value}"), t(f"ret_after_{period}"), t("ret_cohort"),
            height=max(380, 40 + 18 * len(matrix)))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category")
    return fig


def cohort_curves(
    curves: pd.DataFrame, table: pd.DataFrame, chosen: Sequence, period: str, value: str,
    currency: str,
) -> go.Figure:
    """The average curve (bold; dotted and grey where too few cohorts or customers reach the
    period to mean anything, metrics.cohort_curves) and the chosen cohorts' own curves, over
    periods that are over.

    Percent curves start at period 1: period 0 is 100 % by definition and would flatten the rest.
    The dotted part starts at the last significant point, so the two parts join; a part with
    no point is left out (its name would still show in the legend).
    """
    first = 1 if value in PERCENT_VALUES else 0
    curves = curves[curves["period_index"] >= first]
    hover = _percent_hover("y") if value in PERCENT_VALUES else _money_hover("y", currency)
    after = t(f"ret_after_{period}")
    significant = curves[curves["significant"]]
    last = significant["period_index"].max() if len(significant) else first
    thin = curves[curves["period_index"] >= last] if not curves["significant"].all() else None
    fig = go.Figure()
    for rows, name, line, marker in (
        (significant, t("ret_average"), {"color": BRAND, "width": 4}, {}),
        (thin, t("ret_average_thin"), {"color": MUTED, "width": 2, "dash": "dot"},
         {"symbol": "circle-open"}),
    ):
        if rows is None or rows.empty:
            continue
        fig.add_scatter(
            x=rows["period_index"], y=_scale(rows[value], value), mode="lines+markers",
            name=name, line=line, marker=marker,
            customdata=rows[["customers", "cohorts"]].to_numpy(),
            hovertemplate=f"{name}<br>{after} %{{x}} : {hover}<br>{t('ret_average_hover')}"
                          "<extra></extra>",
        )
    done = table[table["complete"] & (table["period_index"] >= first)]
    for i, cohort in enumerate(chosen):
        rows = done[done["cohort"] == pd.Timestamp(cohort)]
        name = cohort_label(cohort, period)
        fig.add_scatter(
            x=rows["period_index"], y=_scale(rows[value], value), mode="lines+markers",
            name=name, line={"color": LINE_COLORS[i % len(LINE_COLORS)], "width": 1.5},
            hovertemplate=f"{name}<br>{after} %{{x}} : {hover}<extra></extra>",
        )
    _layout(fig, t(f"ret_curves_title_{value}"), after,
            t(f"ret_unit_{value}", unit=_unit(currency)))
    fig.update_xaxes(dtick=1 if len(curves) <= 24 else None)
    return fig


# Réachat


def repeat_trend(trend: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    fig.add_scatter(
        x=trend["month"], y=trend["repeat_rate"] * 100, mode="lines+markers",
        line={"color": BRAND, "width": 2.5}, customdata=trend[["customers", "repeat_customers"]],
        hovertemplate=f"%{{x|{format.CHART_MONTH[lang()]}}} : {_percent_hover('y')}<br>"
                      f"{t('rep_trend_hover')}<extra></extra>",
    )
    _layout(fig, t("rep_trend_title"), t("rep_trend_axis_month"), t("rep_trend_axis_rate"))
    fig.update_xaxes(tickformat=format.CHART_MONTH[lang()])
    return fig


def orders_distribution(table: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    fig.add_bar(
        x=table["label"], y=table["customers"], marker_color=BRAND,
        customdata=table["share"] * 100,
        hovertemplate=f"%{{x}} : %{{y}} ({_percent_hover('customdata')})<extra></extra>",
    )
    _layout(fig, t("rep_orders_title"), t("rep_orders_axis"), t("rep_customers_axis"))
    fig.update_xaxes(type="category")
    return fig


def second_order_days(days: pd.DataFrame, median: float | None) -> go.Figure:
    """Histogram of days from first to second order (two-week bins), the median marked."""
    fig = go.Figure()
    fig.add_histogram(
        x=days["days"], xbins={"start": 0, "size": 14}, marker_color=MUTED,
        hovertemplate=f"%{{x}} {t('rep_days')} : %{{y}}<extra></extra>",
    )
    if median is not None:
        fig.add_vline(
            x=median, line={"color": BRAND, "width": 2, "dash": "dash"},
            annotation_text=t("rep_median_marker", days=format.number(median, 0, lang())),
            annotation_position="top right",
        )
    _layout(fig, t("rep_days_title"), t("rep_days_axis"), t("rep_customers_axis"))
    return fig


def first_products_table(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("rep_col_product"): table["product"],
            t("rep_col_customers"): table["customers"].map(lambda v: format.number(v, 0, lang())),
            t("rep_col_repeat_customers"): table["repeat_customers"].map(
                lambda v: format.number(v, 0, lang())
            ),
            t("rep_col_repeat_rate"): table["repeat_rate"].map(lambda v: format.percent(v, lang())),
        }
    )


# Valeur client


def forecast_ranges(forecast: dict | None, currency: str) -> dict[str, str]:
    """'entre 30 171 € et 34 159 €' by the key of the Valeur client figure it qualifies (the
    predicted revenue and purchases), for the figures that have a range."""
    if forecast is None:
        return {}
    ranges = {}
    shown = [("val_predicted_total", "expected_revenue_range",
              lambda v: format.money(v, lang(), 0, currency=currency)),
             ("val_expected_purchases", "expected_purchases_range",
              lambda v: format.number(v, 0, lang()))]
    for key, field, show in shown:
        if forecast[field] is not None:
            low, high = forecast[field]
            ranges[key] = t("val_range", low=show(low), high=show(high))
    return ranges


def value_scatter(values: pd.DataFrame, currency: str) -> go.Figure:
    """One dot per customer: spent so far (x) against expected over 12 months (y); beyond
    SCATTER_POINTS customers a fixed random sample of them (a browser cannot draw a million dots,
    and the shape of the cloud is the same)."""
    if len(values) > SCATTER_POINTS:
        values = values.sample(SCATTER_POINTS, random_state=0)
    fig = go.Figure()
    fig.add_scatter(
        x=values["historic_value"], y=values["expected_revenue"].astype(float), mode="markers",
        marker={"color": values["p_alive"].astype(float) * 100,
                "colorscale": [[0, "#d9d9d9"], [1, BRAND]], "cmin": 0, "cmax": 100, "size": 6,
                "opacity": 0.7,
                "colorbar": {"title": t("val_p_alive_short")}},
        hovertemplate=f"{t('val_historic_short')} : {_money_hover('x', currency)}<br>"
                      f"{t('val_predicted_short')} : {_money_hover('y', currency)}<extra></extra>",
    )
    _layout(fig, t("val_scatter_title"), t("val_scatter_x", unit=_unit(currency)),
            t("val_scatter_y", unit=_unit(currency)))
    return fig


def p_alive_histogram(values: pd.DataFrame) -> go.Figure:
    """P(alive) of the customers who bought more than once (one-time buyers are all at 100 %)."""
    returning = values.loc[values["frequency"] > 0, "p_alive"].astype(float) * 100
    counts, edges = np.histogram(returning, bins=10, range=(0, 100))  # ten bars, not every value
    fig = go.Figure()
    fig.add_bar(
        x=edges[:-1] + 5, y=counts, width=10, marker_color=BRAND,
        customdata=np.stack([edges[:-1], edges[1:]], axis=1),
        hovertemplate=f"{t('val_p_alive_short')} %{{customdata[0]:.0f}}–%{{customdata[1]:.0f}} : "
                      "%{y}<extra></extra>",
    )
    _layout(fig, t("val_p_alive_title"), t("val_p_alive_axis"), t("rep_customers_axis"))
    return fig


def backtest_chart(weekly: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    fig.add_scatter(
        x=weekly["week_end"], y=weekly["actual_cumulative"], mode="lines+markers",
        name=t("val_bt_actual"), line={"color": BRAND, "width": 3},
        hovertemplate=f"%{{x|{_day_axis()}}} : %{{y:,.0f}}<extra></extra>",
    )
    fig.add_scatter(
        x=weekly["week_end"], y=weekly["predicted_cumulative"].astype(float), mode="lines",
        name=t("val_bt_predicted"), line={"color": "#333", "width": 2, "dash": "dash"},
        hovertemplate=f"%{{x|{_day_axis()}}} : %{{y:,.0f}}<extra></extra>",
    )
    _layout(fig, t("val_bt_title"), t("val_bt_axis_week"), t("val_bt_axis_purchases"))
    fig.update_xaxes(tickformat=_day_axis())
    return fig


def people_table(people: pd.DataFrame, currency: str) -> pd.DataFrame:
    """A customer list as the owner reads it: who, how to reach them, what they are worth (in
    the shop's ``currency``)."""
    language = lang()

    def money(column: str) -> pd.Series:
        return people[column].map(lambda v: format.money(v, language, currency=currency))

    return pd.DataFrame(
        {
            t("val_col_name"): people["name"].fillna("–"),
            t("val_col_email"): people["email"].fillna("–"),
            t("val_col_phone"): people["phone"].fillna("–"),
            t("val_col_last_order"): people["last_order_on"].map(
                lambda v: format.day(v, language)),
            t("val_col_historic"): money("historic_value"),
            t("val_col_predicted"): money("expected_revenue"),
            t("val_col_p_alive"): people["p_alive"].map(lambda v: format.percent(v, language, 0)),
        }
    )
