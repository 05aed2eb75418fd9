"""The weekly trend figure, drawn by the rapport du lundi and the Overview page; the brand colours
of every figure. Labels come translated from the caller."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from words.format import CHART_DAY, CHART_SHORT_DAY, chart_separators, money_hover

BRAND = "#8a4b2a"
MUTED = "#c9a98f"


def weekly_trend(trend: pd.DataFrame, highlight: date, labels: dict[str, str], lang: str,
                 currency: str) -> go.Figure:
    """Weekly revenue bars (the chosen week darker) with the order count on a second axis."""
    chosen = pd.to_datetime(trend["week_start"]) == pd.Timestamp(highlight)
    colors = np.where(chosen, BRAND, MUTED)
    fig = go.Figure()
    fig.add_bar(x=trend["week_start"], y=trend["revenue"], marker_color=colors,
                name=labels["revenue"],
                hovertemplate=f"%{{x|{CHART_DAY[lang]}}} : {money_hover('y', lang, currency)}"
                              "<extra></extra>")
    fig.add_scatter(x=trend["week_start"], y=trend["orders"], yaxis="y2", mode="lines",
                    line={"color": "#333", "width": 1.5}, name=labels["orders"])
    fig.update_layout(
        title=labels["title"],
        separators=chart_separators(lang),
        height=360,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"title": labels["week"], "tickformat": CHART_SHORT_DAY[lang]},
        yaxis={"title": labels["revenue_axis"], "rangemode": "tozero"},
        yaxis2={"title": labels["orders"], "overlaying": "y", "side": "right", "showgrid": False,
                "tickformat": "d", "rangemode": "tozero"},
        legend={"orientation": "h", "y": -0.2},
    )
    return fig
