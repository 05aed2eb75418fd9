"""The weekly report as one self-contained HTML file, to open offline, keep or print.

Inline CSS; plotly charts with the plotly.js library inlined once (the first figure), so the file
loads nothing from the network. Every value that comes from the customer file goes through
``html.escape``: a customer called ``<script>`` is printed, never run.
"""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from metrics.at_risk import SUBLIST_NAMES
from metrics.currencies import symbol, uncounted_warning
from metrics.kpis import METRICS, RATES
from metrics.report import WeeklyReport
from reports.format import (
    aftersales_lists,
    channels_week_note,
    channels_week_table,
    at_risk_note,
    by_last_order_table,
    day,
    days,
    kpi,
    moneys,
    moves_table,
    new_repeat_table,
    number,
    segments_table,
    signed_percent,
    to_call_table,
    too_few_note,
)
from reports.charts import BRAND, MUTED, weekly_trend
from reports.products_format import products_lists, seasonal_note
from words import choose, text
from words.format import chart_separators, signed_points

CSS = """
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 0 auto;
       max-width: 1100px; padding: 24px; line-height: 1.4; }
header { border-bottom: 3px solid #8a4b2a; margin-bottom: 16px; }
h1 { color: #8a4b2a; margin: 0 0 4px; }
h2 { color: #8a4b2a; border-bottom: 1px solid #e4d3c5; padding-bottom: 4px; margin-top: 32px; }
.muted { color: #666; font-size: 0.9em; }
.warning { background: #fff4e5; border-left: 4px solid #b3261e; padding: 8px 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.card { border: 1px solid #e4d3c5; border-radius: 8px; padding: 12px; }
.card .label { font-size: 0.9em; color: #555; }
.card .value { font-size: 1.6em; font-weight: 600; margin: 4px 0; }
.up { color: #1e7a3c; }
.down { color: #b3261e; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 8px 0; }
th, td { border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6efe9; }
td.number { text-align: right; white-space: nowrap; }
dt { font-weight: 600; margin-top: 8px; }
dd { margin-left: 16px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  .card, tr, .chart { break-inside: avoid; }
}
"""
TEMPLATE = "plotly_white"
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False, "responsive": True}


def _figure(fig: go.Figure, div_id: str, with_library: bool) -> str:
    """A figure as a <div>; ``with_library`` inlines plotly.js (only the first figure needs it).

    The template is set explicitly: inside Streamlit the default one holds colour placeholders
    that only Streamlit's page resolves.
    """
    fig.update_layout(template=TEMPLATE)
    chart = fig.to_html(
        full_html=False, include_plotlyjs=with_library, div_id=div_id, config=PLOTLY_CONFIG
    )
    return f'<div class="chart">{chart}</div>'


def _column(values: pd.Series, lang: str, currency: str) -> tuple[pd.Series, str]:
    """A column's cells as text (dates as days, floats as money in ``currency``, integers as
    counts) and the class of its cells ("number" for right-aligned figures)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return days(values, lang), ""
    if pd.api.types.is_float_dtype(values):
        return moneys(values, lang, currency), ' class="number"'
    if pd.api.types.is_integer_dtype(values):
        return values.map(lambda value: number(value, 0, lang)), ' class="number"'
    return values.fillna("–").astype("str"), ""


def _table(frame: pd.DataFrame, lang: str, currency: str) -> str:
    """A list as an HTML table, every cell escaped; rows are built column by column."""
    head, rows = "", pd.Series("", index=frame.index, dtype="str")
    for name in frame.columns:
        cells, css = _column(frame[name], lang, currency)
        head += f"<th{css}>{escape(name)}</th>"
        rows = rows + f"<td{css}>" + cells.map(escape) + "</td>"
    body = "".join("<tr>" + rows + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cards(report: WeeklyReport, lang: str) -> str:
    cards = []
    for metric in METRICS:
        row = report.kpis.loc[metric]
        signed = signed_points if metric in RATES else signed_percent
        change = signed(row["change_last_week"], lang)
        delta = ""
        if change is not None:
            direction = "down" if row["change_last_week"] < 0 else "up"
            delta = (f'<div class="{direction}">'
                     f'{escape(text("report_vs_last_week", lang, change=change))}</div>')
        last_year = text("report_vs_last_year", lang,
                         value=kpi(metric, row["last_year"], lang, report.currency))
        cards.append(
            f'<div class="card" title="{escape(text(f"def_{metric}", lang))}">'
            f'<div class="label">{escape(text(f"kpi_{metric}", lang))}</div>'
            f'<div class="value" id="kpi-{metric}">'
            f"{escape(kpi(metric, row['this_week'], lang, report.currency))}</div>"
            f'{delta}<div class="muted">{escape(last_year)}</div></div>'
        )
    return f'<div class="cards">{"".join(cards)}</div>'


def _trend_chart(report: WeeklyReport, lang: str) -> go.Figure:
    labels = {
        "title": text("trend_title", lang),
        "revenue": text("kpi_revenue", lang),
        "orders": text("trend_orders", lang),
        "week": text("trend_axis_week", lang),
        "revenue_axis": text("trend_axis_revenue", lang, unit=symbol(report.currency, lang)),
    }
    return weekly_trend(report.trend, pd.Timestamp(report.week), labels, lang, report.currency)


def _segments_chart(table: pd.DataFrame, lang: str) -> go.Figure:
    """Customers per segment, end of last week against end of this week."""
    segment, before, after = table.columns[:3]
    fig = go.Figure()
    fig.add_bar(y=table[segment], x=table[before], orientation="h", name=before,
                marker_color=MUTED)
    fig.add_bar(y=table[segment], x=table[after], orientation="h", name=after,
                marker_color=BRAND)
    fig.update_layout(
        title=text("report_segments_chart", lang),
        barmode="group",
        separators=chart_separators(lang),
        height=120 + 40 * len(table),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        yaxis={"autorange": "reversed"},
        xaxis={"title": text("report_customers", lang), "tickformat": "d"},
        legend={"orientation": "h", "y": -0.15},
    )
    return fig


def _list_section(key: str, table: pd.DataFrame, note: str, lang: str, currency: str) -> str:
    content = (_table(table, lang, currency) if len(table)
               else f"<p>{escape(text('report_nobody', lang))}</p>")
    return (f'<section id="{key}"><h2>{escape(text(f"report_section_{key}", lang))}</h2>'
            f'<p class="muted">{escape(note)}</p>{content}</section>')


def _uncounted(report: WeeklyReport, lang: str) -> str:
    """The warning naming the orders no figure counts for want of a conversion rate, if any."""
    warning = uncounted_warning(report.uncounted, report.currency)
    if warning is None:
        return ""
    return f'<p class="warning" id="uncounted">{escape(choose(*warning, lang))}</p>'


def _definitions(report: WeeklyReport, lang: str) -> str:
    terms = [(text(f"kpi_{metric}", lang), text(f"def_{metric}", lang)) for metric in METRICS]
    if report.ranked:
        terms.append((text("report_section_segments", lang), text("report_def_segments", lang)))
    terms += [
        (SUBLIST_NAMES["all"][lang], text("def_at_risk", lang)),
        (text("report_section_new_repeat", lang), text("report_def_new_repeat", lang)),
    ]
    items = "".join(f"<dt>{escape(term)}</dt><dd>{escape(meaning)}</dd>" for term, meaning in terms)
    return (f'<section id="definitions"><h2>{escape(text("report_section_definitions", lang))}'
            f"</h2><dl>{items}</dl></section>")


def _segments_section(report: WeeklyReport, lang: str) -> str:
    """Customers per segment and their moves; a shop too small for segments (metrics.rfm) reads
    the Segments page's sentence and its customers by last order instead."""
    if not report.ranked:
        return _list_section("customers", by_last_order_table(report.by_last_order, lang),
                             too_few_note(report.customers, lang), lang, report.currency)
    segments = segments_table(report.segments, lang)
    moves = (_table(moves_table(report.moves, lang), lang, report.currency) if len(report.moves)
             else f"<p>{escape(text('report_no_moves', lang))}</p>")
    return (
        f'<section id="segments"><h2>{escape(text("report_section_segments", lang))}</h2>'
        f'<p class="muted">{escape(text("report_def_segments", lang))}</p>'
        f"{_figure(_segments_chart(segments, lang), 'segments-chart', with_library=False)}"
        f"{moves}</section>"
    )


def _aftersales_section(report: WeeklyReport, lang: str) -> str:
    """New detractors, tickets open too long and the week's refunds, one list each."""
    parts = []
    for key, title, note, table in aftersales_lists(report.aftersales, lang):
        content = (_table(table, lang, report.currency) if len(table)
                   else f"<p>{escape(text('report_nobody', lang))}</p>")
        parts.append(f'<h3 id="{key}">{escape(title)}</h3><p class="muted">{escape(note)}</p>'
                     f"{content}")
    return (f'<section id="aftersales"><h2>{escape(text("aftersales_report_header", lang))}'
            f"</h2>{''.join(parts)}</section>")


def _channels_section(report: WeeklyReport, lang: str) -> str:
    """The week's channels, and what its new and returning customers spent."""
    table = channels_week_table(report.channels.channels, lang)
    content = (_table(table, lang, report.currency) if len(table)
               else f"<p>{escape(text('report_nobody', lang))}</p>")
    note = channels_week_note(report.channels, lang, report.currency)
    return (f'<section id="channels"><h2>{escape(text("channels_report_header", lang))}</h2>'
            f'<p class="muted">{escape(note)}</p>{content}</section>')


def _products_section(report: WeeklyReport, lang: str) -> str:
    """Products due for repurchase and the saved lists (reports/products_format.py)."""
    parts = []
    for key, title, note, table, empty in products_lists(report.products, lang):
        content = (_table(table, lang, report.currency) if len(table)
                   else f"<p>{escape(empty)}</p>")
        parts.append(f'<h3 id="{key}">{escape(title)}</h3><p class="muted">{escape(note)}</p>'
                     f"{content}")
    return (f'<section id="products"><h2>{escape(text("products_report_header", lang))}'
            f"</h2>{''.join(parts)}</section>")


def render_html(report: WeeklyReport, lang: str = "fr") -> str:
    """The whole report as one HTML document (UTF-8 text)."""
    title = text("report_title", lang)
    week = text("report_week", lang, iso=report.iso_week, start=day(report.week, lang),
                end=day(report.week_end, lang))
    sections = [
        f"<header><h1>{escape(title)}</h1><p><strong>{escape(week)}</strong></p>"
        f'<p class="muted">{escape(text("report_intro", lang))}</p>{_uncounted(report, lang)}'
        "</header>",
        f'<section id="kpis"><h2>{escape(text("report_section_kpis", lang))}</h2>'
        f"{_cards(report, lang)}"
        f"{_figure(_trend_chart(report, lang), 'trend-chart', with_library=True)}</section>",
        _segments_section(report, lang),
        _list_section("to_call", to_call_table(report.to_call, lang, report.ranked),
                      " ".join(filter(None, [
                          at_risk_note(report.at_risk, lang),
                          seasonal_note(report.products.at_risk_waiting, lang)])),
                      lang, report.currency),
        _list_section("new_repeat", new_repeat_table(report.new_repeat, lang),
                      text("report_def_new_repeat", lang), lang, report.currency),
        _aftersales_section(report, lang),
        _channels_section(report, lang),
        _products_section(report, lang),
        _definitions(report, lang),
        f'<footer><p class="muted">{escape(text("report_footer", lang))}</p></footer>',
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} – {escape(report.iso_week)}</title>\n<style>{CSS}</style>\n"
        "</head>\n<body>\n" + "\n".join(sections) + "\n</body>\n</html>\n"
    )
