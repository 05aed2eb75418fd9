"""The weekly report as an Excel workbook: one sheet per section, figures as real numbers.

XlsxWriter with ``strings_to_formulas`` and ``strings_to_urls`` off, so no cell is ever a formula
or a link; text from the customer file that starts with = + - @ tab or CR is also prefixed with
an apostrophe (exports.cells.neutralise_formulas, OWASP CSV injection) in case the sheet is saved
again as CSV. Number formats are French (1 234,56 €, 12,5 %, dd/mm/yyyy) unless ``lang`` is "en",
amounts with the sign of the shop's currency; Excel shows the separators of the reader's own
settings.
"""

from __future__ import annotations

import io

import pandas as pd
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from exports.cells import neutralise_formulas
from metrics.currencies import symbol, uncounted_warning
from metrics.kpis import METRICS, RATES
from metrics.report import WeeklyReport
from reports.format import (
    KPI_KINDS,
    aftersales_lists,
    channels_week_note,
    channels_week_table,
    at_risk_note,
    by_last_order_table,
    day,
    moves_table,
    new_repeat_table,
    segments_table,
    to_call_table,
    too_few_note,
)
from reports.charts import BRAND
from reports.products_format import products_lists, seasonal_note
from words import choose, text

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}
# A rate's change, written in percentage points (the cell holds 0.4 for +0.4 point).
POINTS = '+0.0" pt";-0.0" pt";0.0" pt"'
NUMBER_FORMATS = {
    "fr": {"percent": "0.0%", "count": "#,##0", "day": "dd/mm/yyyy", "points": POINTS},
    "en": {"percent": "0.0%", "count": "#,##0", "day": "yyyy-mm-dd", "points": POINTS},
}
KPI_COLUMNS = ("this_week", "last_week", "change_last_week", "last_year", "change_last_year")
KPI_HEADERS = ("report_this_week", "report_last_week", "report_change_last_week",
               "report_last_year", "report_change_last_year")
HEADER_ROW = 2  # row 0: the sheet's title, row 1: what it shows, row 2: the table's header


def money_format(currency: str, lang: str) -> str:
    """Excel's number format of an amount in ``currency``: 1 234,56 € or $1,234.56."""
    sign = symbol(currency, lang).replace('"', "")
    return f'"{sign}"#,##0.00' if lang == "en" else f'#,##0.00\\ "{sign}"'


def _formats(workbook: Workbook, lang: str, currency: str) -> dict:
    formats = {kind: workbook.add_format({"num_format": pattern})
               for kind, pattern in NUMBER_FORMATS[lang].items()}
    formats["money"] = workbook.add_format({"num_format": money_format(currency, lang)})
    formats["title"] = workbook.add_format({"bold": True, "font_size": 14, "font_color": BRAND})
    formats["note"] = workbook.add_format({"italic": True, "font_color": "#666666"})
    formats["warning"] = workbook.add_format({"bold": True, "font_color": "#B3261E"})
    formats["header"] = workbook.add_format(
        {"bold": True, "bg_color": "#F6EFE9", "bottom": 1, "text_wrap": True, "valign": "top"}
    )
    return formats


def _sheet(writer: pd.ExcelWriter, report: WeeklyReport, key: str, note: str | None,
           formats: dict, lang: str) -> Worksheet:
    """A new sheet named after ``key`` with the report's title and week in A1, ``note`` (text
    in ``lang``) in A2."""
    sheet = writer.book.add_worksheet(text(key, lang))
    week = text("report_week", lang, iso=report.iso_week, start=day(report.week, lang),
                end=day(report.week_end, lang))
    sheet.write_string(0, 0, f"{text('report_title', lang)} – {week}", formats["title"])
    if note:
        sheet.write_string(1, 0, note, formats["note"])
    return sheet


def _column_kind(values: pd.Series) -> tuple[str | None, int]:
    """Number format and width of a column: dates as days, floats as money, integers counts."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return "day", 12
    if pd.api.types.is_float_dtype(values):
        return "money", 14
    if pd.api.types.is_integer_dtype(values):
        return "count", 10
    return None, 26


def _write_table(writer: pd.ExcelWriter, sheet: Worksheet, frame: pd.DataFrame,
                 formats: dict, first_column: int = 0) -> None:
    """A labelled list with its header on HEADER_ROW from ``first_column``; text neutralised.

    Number formats are set per column, so two tables never share a column of the same sheet.
    """
    for column, name in enumerate(frame.columns, start=first_column):
        kind, width = _column_kind(frame[name])
        sheet.write_string(HEADER_ROW, column, str(name), formats["header"])
        sheet.set_column(column, column, width, formats[kind] if kind else None)
    neutralise_formulas(frame).to_excel(
        writer, sheet_name=sheet.name, startrow=HEADER_ROW + 1, startcol=first_column,
        index=False, header=False,
    )


def _kpi_sheet(writer: pd.ExcelWriter, report: WeeklyReport, formats: dict, lang: str) -> None:
    """One row per KPI: this week, last week, change, same week last year, change (a rate's
    change in percentage points, the others relative)."""
    sheet = _sheet(writer, report, "report_sheet_kpis", text("report_footer", lang), formats,
                   lang)
    warning = uncounted_warning(report.uncounted, report.currency)
    if warning is not None:  # under the title, in place of the footer note: it matters more
        sheet.write_string(1, 0, choose(*warning, lang), formats["warning"])
    headers = [text("report_metric", lang), *(text(key, lang) for key in KPI_HEADERS)]
    sheet.write_row(HEADER_ROW, 0, headers, formats["header"])
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, len(KPI_COLUMNS), 16)
    for row, metric in enumerate(METRICS, start=HEADER_ROW + 1):
        sheet.write_string(row, 0, text(f"kpi_{metric}", lang))
        for column, field in enumerate(KPI_COLUMNS, start=1):
            kind = KPI_KINDS.get(metric, "count")
            value = report.kpis.loc[metric, field]
            if field.startswith("change"):
                kind = "points" if metric in RATES else "percent"
                value = 100 * value if metric in RATES else value
            if pd.isna(value):
                sheet.write_blank(row, column, None, formats[kind])
            else:
                sheet.write_number(row, column, float(value), formats[kind])


def _trend_sheet(writer: pd.ExcelWriter, report: WeeklyReport, formats: dict, lang: str) -> None:
    """The weekly figures of the last 52 weeks and a column chart of the revenue."""
    sheet = _sheet(writer, report, "report_sheet_trend", None, formats, lang)
    trend = pd.DataFrame(
        {
            text("report_trend_week", lang): report.trend["week_start"],
            text("kpi_revenue", lang): report.trend["revenue"],
            text("trend_orders", lang): report.trend["orders"],
            text("kpi_customers", lang): report.trend["customers"],
            text("kpi_new_customers", lang): report.trend["new_customers"],
        }
    )
    _write_table(writer, sheet, trend, formats)
    first, last = HEADER_ROW + 1, HEADER_ROW + len(trend)
    chart = writer.book.add_chart({"type": "column"})
    chart.add_series({
        "name": text("kpi_revenue", lang),
        "categories": [sheet.name, first, 0, last, 0],
        "values": [sheet.name, first, 1, last, 1],
        "fill": {"color": BRAND},
        "gap": 30,
    })
    chart.set_title({"name": text("trend_title", lang)})
    chart.set_x_axis({"num_format": NUMBER_FORMATS[lang]["day"], "date_axis": False})
    chart.set_y_axis({"num_format": money_format(report.currency, lang)})
    chart.set_legend({"none": True})
    chart.set_size({"width": 720, "height": 320})
    sheet.insert_chart(HEADER_ROW, len(trend.columns) + 1, chart)


def _segments_sheet(writer: pd.ExcelWriter, report: WeeklyReport, formats: dict,
                    lang: str) -> None:
    """Customers per segment at both week ends and, to their right, the moves between them; a
    shop too small for segments (metrics.rfm) gets the Segments page's sentence and its customers
    by last order instead."""
    if not report.ranked:
        _list_sheet(writer, report, "report_sheet_customers",
                    by_last_order_table(report.by_last_order, lang),
                    too_few_note(report.customers, lang), formats, lang)
        return
    sheet = _sheet(writer, report, "report_sheet_segments", text("report_def_segments", lang),
                   formats, lang)
    sizes = segments_table(report.segments, lang)
    _write_table(writer, sheet, sizes, formats)
    moves_column = len(sizes.columns) + 1
    if len(report.moves):
        _write_table(writer, sheet, moves_table(report.moves, lang), formats, moves_column)
    else:
        sheet.write_string(HEADER_ROW, moves_column, text("report_no_moves", lang))


def _list_sheet(writer: pd.ExcelWriter, report: WeeklyReport, key: str, frame: pd.DataFrame,
                note: str, formats: dict, lang: str, empty: str | None = None) -> None:
    """A sheet of one list; ``empty``: what it says without rows (default: nobody this week)."""
    sheet = _sheet(writer, report, key, note, formats, lang)
    if frame.empty:
        sheet.write_string(HEADER_ROW, 0, empty or text("report_nobody", lang))
        return
    _write_table(writer, sheet, frame, formats)
    sheet.autofilter(HEADER_ROW, 0, HEADER_ROW + len(frame), len(frame.columns) - 1)
    sheet.freeze_panes(HEADER_ROW + 1, 1)


def render_xlsx(report: WeeklyReport, lang: str = "fr") -> bytes:
    """The workbook's bytes: Indicateurs, Tendance, Segments (Clients below
    metrics.rfm.MIN_RANKED_CUSTOMERS customers), À appeler, Nouveaux fidèles, then the
    after-sales lists: Détracteurs, Tickets anciens, Remboursements, Canaux (the week's
    channels, new and returning customers' revenue), then the products part: À racheter, Listes."""
    buffer = io.BytesIO()
    day_format = NUMBER_FORMATS[lang]["day"]
    with pd.ExcelWriter(buffer, engine="xlsxwriter", date_format=day_format,
                        datetime_format=day_format,
                        engine_kwargs={"options": WORKBOOK_OPTIONS}) as writer:
        formats = _formats(writer.book, lang, report.currency)
        _kpi_sheet(writer, report, formats, lang)
        _trend_sheet(writer, report, formats, lang)
        _segments_sheet(writer, report, formats, lang)
        _list_sheet(writer, report, "report_sheet_to_call",
                    to_call_table(report.to_call, lang, report.ranked),
                    " ".join(filter(None, [at_risk_note(report.at_risk, lang),
                                           seasonal_note(report.products.at_risk_waiting, lang)])),
                    formats, lang)
        _list_sheet(writer, report, "report_sheet_new_repeat",
                    new_repeat_table(report.new_repeat, lang),
                    text("report_def_new_repeat", lang), formats, lang)
        for key, title, note, table in aftersales_lists(report.aftersales, lang):
            _list_sheet(writer, report, f"aftersales_sheet_{key.removeprefix('aftersales_')}",
                        table, f"{title}. {note}", formats, lang)
        _list_sheet(writer, report, "channels_sheet",
                    channels_week_table(report.channels.channels, lang),
                    channels_week_note(report.channels, lang, report.currency), formats, lang)
        for key, title, note, table, empty in products_lists(report.products, lang):
            _list_sheet(writer, report, f"products_sheet_{key.removeprefix('products_')}",
                        table, f"{title}. {note}", formats, lang, empty)
    return buffer.getvalue()
