"""Lists that leave the app: CSV, XLSX, Brevo and Mailchimp files, consent filter, formula
neutralisation and the export log. No Streamlit here: the page and the command line both use it."""

from exports.cells import neutralise_formulas
from exports.lists import (
    EXPORT_FORMATS,
    ExportCounts,
    ExportFile,
    build_export,
    consenting,
    export_counts,
    export_mime,
    needs_contacts,
    without_open_complaints,
)
from exports.log import export_log, log_export
from exports.writers import SEPARATORS, csv_bytes, xlsx_bytes

__all__ = [
    "EXPORT_FORMATS",
    "SEPARATORS",
    "ExportCounts",
    "ExportFile",
    "build_export",
    "consenting",
    "csv_bytes",
    "export_counts",
    "export_log",
    "export_mime",
    "log_export",
    "needs_contacts",
    "neutralise_formulas",
    "without_open_complaints",
    "xlsx_bytes",
]
