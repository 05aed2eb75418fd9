"""Report files a shop owner keeps or prints: the weekly report as HTML or as an Excel workbook.

The data comes from metrics.report; this package only lays it out. Renderers are imported when
used, so ``reports.format`` (imported by every page through ui/format.py) stays light.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from exports.names import report_file_name
from metrics.report import WeeklyReport, iso_week
from store.errors import ComptoirError

MIME_TYPES = {
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx"}


class ReportFileError(ComptoirError):
    """No report file given, or one whose extension says neither HTML nor Excel."""


def format_of(path: Path | None) -> str:
    """"html" or "xlsx" from the file's extension."""
    if path is None:
        raise ReportFileError(
            "Indiquez le fichier du rapport avec --out, par exemple --out rapport.html ou "
            "--out rapport.xlsx.",
            "Give the report's file with --out, for example --out report.html or "
            "--out report.xlsx.",
        )
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ReportFileError(
            f"Le fichier « {path.name} » doit finir par .html ou .xlsx : c'est ce qui choisit "
            "le format du rapport.",
            f"The file '{path.name}' must end in .html or .xlsx: that is what chooses the "
            "report's format.",
        )
    return fmt


def file_name(week: date, fmt: str, lang: str = "fr") -> str:
    """rapport_semaine_2026-W46.html (weekly_report_… in English) for the week of ``week``."""
    return report_file_name(iso_week(week), fmt, lang)


def render(report: WeeklyReport, fmt: str, lang: str = "fr") -> bytes:
    """The report file's bytes in ``fmt`` ("html" or "xlsx")."""
    if fmt == "html":
        from reports.html import render_html

        return render_html(report, lang).encode("utf-8")
    from reports.xlsx import render_xlsx

    return render_xlsx(report, lang)
