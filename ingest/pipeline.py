"""The importer's two entry points: look at a file (preview) and import it.

Both the Import page and ``python -m ingest`` call these, so a file imports the same way from
either. Every decision (source, encoding, delimiter, header row, sheet, date order, mapping) is
shown in the preview, can be overridden through ``ImportOptions`` and is recorded in ``imports``.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

import words
from ingest import aftersale, aftersale_load, canonical, currency
from ingest.consent import consent_doubts, load_consent, read_statements
from ingest.doubts import settle
from ingest.errors import FileRejected, rejected
from ingest.mapping import remapped, validate_mapping
from ingest.read import RawTable, first_line_cells, read_file
from ingest.sources import SOURCE_BY_NAME, detect_source
from ingest.sources.base import Source
from ingest.load import ORDER_ID_CHOICES, load
from ingest.progress import Part, Progress, at, no_part, silent, steps
from ingest.sql_files import sql_text

DATE_ORDERS = ("dmy", "mdy", "ymd")
DECIMAL_MARKS = (",", ".")


@dataclass(frozen=True)
class ImportOptions:
    """What the user may decide instead of the detection. None = detect."""

    source: str | None = None
    date_order: str | None = None
    mapping: dict[str, str] | None = None  # field → column, replacing the detected mapping
    remap: tuple[tuple[str, str], ...] = ()  # (column, field or "ignore") over the detected one
    sheet: str | None = None
    encoding: str | None = None
    header_row: int | None = None  # 1-based, as the file's row numbers
    accept_guesses: bool = False  # import despite doubts (the owner saw them): ingest.doubts
    order_ids: str | None = None  # same|separate: numbers met in another file (ingest.load)
    statuses: tuple[tuple[str, str], ...] = ()  # (status word, paid|cancelled|refunded|pending)
    decimal_mark: str | None = None  # ',' or '.': settles amounts like 1,234 the file does not
    scale: str | None = None  # '5' or '10': a survey's recommendation question (ingest/aftersale)


@dataclass
class Preview:
    file_name: str
    sha256: str
    table: RawTable
    source: Source
    confidence: float
    mapping: dict[str, str]

    def sample(self, rows: int = 20) -> pd.DataFrame:
        """The first rows as the user wrote them, under their own headers."""
        head = self.table.frame.head(rows).copy()
        head.columns = self.table.headers
        return head


@dataclass
class ImportReport:
    import_id: int
    file_name: str
    source: Source
    kind: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    date_order: str | None
    mapping: dict[str, str]
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    orders_new: int
    orders_updated: int
    orders_unchanged: int
    customers_new: int
    customers_merged: int
    seconds: float
    rejects: pd.DataFrame
    notes: list[tuple[str, str]] = field(default_factory=list)
    after_sale: aftersale_load.AfterSaleCounts | None = None  # a review, survey or ticket file


def refuse_not_sales(source: Source, file_name: str) -> None:
    """Refuse, naming it, a file that is neither sales nor customers (ingest/sources/not_sales)."""
    if source.not_sales:
        what_fr, what_en = source.not_sales
        raise rejected(
            file_name,
            f"ce fichier contient {what_fr}, ni des ventes ni un fichier clients : Comptoir ne "
            "sait pas encore l'importer, rien n'a été importé. Importez l'export des commandes "
            "ou des clients de votre boutique.",
            f"this file holds {what_en}, neither sales nor a customer file: Comptoir cannot "
            "import it yet, nothing was imported. Import your shop's orders or customers "
            "export.",
        )


def import_consent(con: duckdb.DuckDBPyConnection, seen: Preview, options: ImportOptions,
                   started: float, progress: Progress) -> ImportReport:
    """A consent file (ingest/consent.py): its statements stored, nothing else touched."""
    table, source = seen.table, seen.source
    read = read_statements(table, source, seen.mapping, seen.file_name, options.date_order)
    notes = table.notes + settle(
        seen.file_name,
        table.doubts + consent_doubts(source, seen.confidence, options.source is not None),
        options.accept_guesses)
    rows_read = len(table.frame) + len(table.rejects)
    progress(at("match"), "Enregistrement des refus et consentements",
             "Saving refusals and consents")
    import_id = load_consent(
        con, read, file_name=seen.file_name, sha256=seen.sha256, source=source.name,
        options={"encoding": table.encoding, "delimiter": table.delimiter, "sheet": table.sheet,
                 "header_row": table.header_row, "date_order": read.date_order,
                 "mapping": seen.mapping},
        rows_read=rows_read, notes=notes)
    progress(1.0, "Import terminé", "Import finished")
    return ImportReport(
        import_id=import_id, file_name=seen.file_name, source=source, kind="consent",
        encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet,
        header_row=table.header_row, date_order=read.date_order, mapping=seen.mapping,
        rows_read=rows_read, rows_loaded=rows_read - len(read.rejects),
        rows_rejected=len(read.rejects), orders_new=0, orders_updated=0, orders_unchanged=0,
        customers_new=0, customers_merged=0, seconds=time.perf_counter() - started,
        rejects=read.rejects, notes=notes)


def file_bytes(path: Path) -> bytes:
    """A file's bytes, or FileRejected saying it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileRejected(*words.both("cli_file_unreadable", path=path,
                                       reason=exc.strerror)) from None


def imported_since(con: duckdb.DuckDBPyConnection, data: bytes, since: datetime) -> int | None:
    """The import of these very bytes started at or after ``since``: a page whose run was cut
    short by a second click after the import was saved asks this before importing again."""
    cur = con.cursor()
    try:
        row = cur.execute(sql_text("load_imported_since"),
                          {"sha256": hashlib.sha256(data).hexdigest(), "since": since}).fetchone()
    finally:
        cur.close()
    return None if row[0] is None else int(row[0])


def preview(data: bytes, file_name: str, options: ImportOptions = ImportOptions(),
            done: Part = no_part) -> Preview:
    """Read the file and detect its source and column mapping, without touching the database;
    ``done`` hears how far the reading is."""
    try:
        table = read_file(data, file_name, sheet=options.sheet, encoding=options.encoding,
                          header_row=options.header_row, done=done)
    except FileRejected:  # an unreadable review or survey file: say what it is, if it shows
        refuse_not_sales(detect_source(first_line_cells(data))[0], file_name)
        raise
    if options.source:
        if options.source not in SOURCE_BY_NAME:
            raise rejected(
                file_name,
                f"source « {options.source} » inconnue (possibles : {', '.join(SOURCE_BY_NAME)}).",
                f"unknown source “{options.source}” (known: {', '.join(SOURCE_BY_NAME)}).",
            )
        source, confidence = SOURCE_BY_NAME[options.source], 1.0
    else:
        source, confidence = detect_source(table.headers)
    mapping = (
        validate_mapping(options.mapping, table.headers, file_name)
        if options.mapping is not None
        else source.mapping(table.headers)
    )
    if options.remap:
        mapping = validate_mapping(remapped(mapping, dict(options.remap)), table.headers,
                                   file_name)
    return Preview(
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
        table=table,
        source=source,
        confidence=confidence,
        mapping=mapping,
    )


def import_file(
    con: duckdb.DuckDBPyConnection,
    data: bytes | Path,
    file_name: str,
    options: ImportOptions = ImportOptions(),
    progress: Progress = silent,
) -> ImportReport:
    """Import one file in one transaction; raise FileRejected (database unchanged) if it cannot.
    Given a path, the file is read here and its bytes let go once its cells are read: nobody
    else holds them while the values are parsed and saved (1.5 GB at 10M lines)."""
    started = time.perf_counter()
    for value, allowed, fr, en in (
        (options.date_order, DATE_ORDERS, "ordre des dates", "date order"),
        (options.order_ids, ORDER_ID_CHOICES, "choix pour les numéros de commande",
         "choice for order numbers"),
        (options.decimal_mark, DECIMAL_MARKS, "séparateur décimal", "decimal mark"),
        (options.scale, aftersale.SCALES, "échelle", "scale"),
    ):
        if value is not None and value not in allowed:
            raise rejected(
                file_name,
                f"{fr} « {value} » inconnu : choisissez {' ou '.join(allowed)}.",
                f"unknown {en} “{value}”: choose {' or '.join(allowed)}.",
            )
    if isinstance(data, Path):
        data = file_bytes(data)
    step = steps(progress)
    step("read")
    seen = preview(data, file_name, options, lambda part: step("read", part))
    del data
    refuse_not_sales(seen.source, file_name)
    if seen.source.consent:
        return import_consent(con, seen, options, started, progress)
    if seen.source.after_sale:
        return import_after_sale(con, seen, options, progress, started)
    table = seen.table
    step("parse")
    rows_read = len(table.frame) + len(table.rejects)
    result = canonical.build(table, seen.source, seen.mapping, file_name, options.date_order,
                             statuses=options.statuses, decimal_mark=options.decimal_mark)
    rows_loaded = rows_read - len(result.rejects) - result.skipped
    result.orders, currency_notes, currency_doubts = currency.settle_currency(con, result.orders)
    notes = table.notes + result.notes + currency_notes + settle(
        file_name, table.doubts + result.doubts + currency_doubts, options.accept_guesses)
    recorded = {
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "sheet": table.sheet,
        "header_row": table.header_row,
        "date_order": result.date_order,
        "decimal_mark": options.decimal_mark,
        "mapping": seen.mapping,
    }
    counts = load(
        con,
        result,
        file_name=file_name,
        sha256=seen.sha256,
        source=seen.source.name,
        options=recorded,
        rows_read=rows_read,
        rows_loaded=rows_loaded,
        notes=notes,
        order_ids=options.order_ids,
        accept_guesses=options.accept_guesses,
        step=step,
    )
    if counts.ambiguous_people:
        notes.append((
            f"{counts.ambiguous_people} lignes sans e-mail ni téléphone dont le nom et le code "
            "postal désignent plusieurs clients : rattachées à un client à part, à fusionner "
            "dans Données si c'est la même personne",
            f"{counts.ambiguous_people} rows without email or phone whose name and postcode fit "
            "several customers: given a customer of their own, to merge in Data if it is the "
            "same person",
        ))
    if counts.customers_merged:
        notes.append((
            f"{counts.customers_merged} clients déjà connus réunis à un autre : une ligne du "
            "fichier montrait que c'est la même personne (même e-mail et téléphone, ou même nom "
            "et code postal) ; chaque fusion peut être annulée dans Données",
            f"{counts.customers_merged} known customers joined to another: a row of the file "
            "showed they are the same person (same email and phone, or same name and postcode); "
            "each merge can be undone in Data",
        ))
    progress(1.0, "Import terminé", "Import finished")
    return ImportReport(
        import_id=counts.import_id,
        file_name=file_name,
        source=seen.source,
        kind=result.kind,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header_row=table.header_row,
        date_order=result.date_order,
        mapping=seen.mapping,
        rows_read=rows_read,
        rows_loaded=rows_loaded,
        rows_rejected=len(result.rejects),
        orders_new=counts.orders_new,
        orders_updated=counts.orders_updated,
        orders_unchanged=counts.orders_unchanged,
        customers_new=counts.customers_new,
        customers_merged=counts.customers_merged,
        seconds=time.perf_counter() - started,
        rejects=result.rejects,
        notes=notes,
    )


def import_after_sale(con: duckdb.DuckDBPyConnection, seen: Preview, options: ImportOptions,
                      progress: Progress, started: float) -> ImportReport:
    """A review, survey or ticket file, with the sales import's guarantees (ingest/aftersale.py,
    ingest/aftersale_load.py)."""
    table = seen.table
    rows_read = len(table.frame) + len(table.rejects)
    progress(at("parse"), "Analyse des valeurs", "Parsing values")
    found = aftersale.build(table, seen.source, seen.mapping, seen.file_name,
                            options.date_order, options.scale)
    notes = table.notes + found.notes + settle(seen.file_name, table.doubts + found.doubts,
                                               options.accept_guesses)
    recorded = {
        "encoding": table.encoding, "delimiter": table.delimiter, "sheet": table.sheet,
        "header_row": table.header_row, "date_order": found.date_order, "scale": options.scale,
        "mapping": seen.mapping,
    }
    progress(at("match"), "Rattachement aux clients et enregistrement",
             "Linking to customers and saving")
    counts = aftersale_load.load(con, found, file_name=seen.file_name, sha256=seen.sha256,
                                 source=seen.source.name, options=recorded, rows_read=rows_read,
                                 notes=notes)
    progress(1.0, "Import terminé", "Import finished")
    loaded = counts.new + counts.updated + counts.unchanged
    return ImportReport(
        import_id=counts.import_id, file_name=seen.file_name, source=seen.source,
        kind=found.kind, encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet,
        header_row=table.header_row, date_order=found.date_order, mapping=seen.mapping,
        rows_read=rows_read, rows_loaded=loaded, rows_rejected=len(found.rejects),
        orders_new=0, orders_updated=0, orders_unchanged=0, customers_new=0,
        customers_merged=0, seconds=time.perf_counter() - started, rejects=found.rejects,
        notes=notes, after_sale=counts,
    )
