"""``python -m ingest FILE... [--db PATH] [--source ...] [--date-order dmy|mdy|ymd] [--sheet NAME]
[--header-row N] [--encoding NAME] [--decimal-mark ,|.] [--map "COLONNE=CHAMP"]...
[--status "MOT=STATUT"]... [--orders same|separate] [--scale 5|10] [--yes] [--lang fr|en]``."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from collections.abc import Callable
from pathlib import Path

import duckdb

from ingest.aftersale import SCALES
from ingest.cli_progress import ctrl_c_cancels, progress_line
from ingest.doubts import UnsureImport
from ingest.errors import ImportCancelled
from ingest.fields import FIELD_BY_NAME
from ingest.load import ORDER_ID_CHOICES
from ingest.pipeline import (
    DATE_ORDERS, DECIMAL_MARKS, ImportOptions, ImportReport, file_bytes, import_file,
    imported_since,
)
from ingest.sources import SOURCE_BY_NAME
from ingest.sources.base import OWNER_STATUSES
from store import ComptoirError, connect
from words import choose, lang_of, lang_option, text
from words.format import number


def column_choice(lang: str) -> Callable[[str], tuple[str, str]]:
    """argparse type of --map: ``"N° de commande=order_id"`` → (column, field); the column may
    itself hold "="."""
    def parse(choice: str) -> tuple[str, str]:
        column, sep, name = choice.rpartition("=")
        if not sep or not column.strip() or name.strip() not in (*FIELD_BY_NAME, "ignore"):
            raise argparse.ArgumentTypeError(
                text("cli_map_invalid", lang, text=choice, fields=", ".join(FIELD_BY_NAME)))
        return column.strip(), name.strip()
    return parse


def status_choice(lang: str) -> Callable[[str], tuple[str, str]]:
    """argparse type of --status: ``"Expédiée partiellement=paid"`` → (word, status), what a
    status word of the file means."""
    def parse(choice: str) -> tuple[str, str]:
        word, sep, status = choice.rpartition("=")
        if not sep or not word.strip() or status.strip() not in OWNER_STATUSES:
            raise argparse.ArgumentTypeError(
                text("cli_status_invalid", lang, text=choice, statuses=", ".join(OWNER_STATUSES)))
        return word.strip(), status.strip()
    return parse


CANCELLED = 130  # the exit code of a command stopped by Ctrl-C (128 + SIGINT)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    lang = lang_of(argv)

    def say(key: str) -> str:
        return text(f"cli_help_{key}", lang)

    parser = argparse.ArgumentParser(
        prog="python -m ingest", description=text("cli_ingest_description", lang)
    )
    parser.add_argument("files", nargs="+", type=Path, help=say("files"))
    parser.add_argument("--db", help=say("db"))
    parser.add_argument("--source", default="auto", choices=["auto", *SOURCE_BY_NAME],
                        help=say("source"))
    parser.add_argument("--date-order", choices=DATE_ORDERS, help=say("date_order"))
    parser.add_argument("--sheet", help=say("sheet"))
    parser.add_argument("--header-row", type=int, help=say("header_row"))
    parser.add_argument("--encoding", help=say("encoding"))
    parser.add_argument("--decimal-mark", choices=DECIMAL_MARKS, help=say("decimal_mark"))
    parser.add_argument("--map", action="append", default=[], type=column_choice(lang),
                        metavar=text("cli_metavar_map", lang), help=say("map"))
    parser.add_argument("--orders", choices=ORDER_ID_CHOICES, help=say("orders"))
    parser.add_argument("--status", action="append", default=[], type=status_choice(lang),
                        metavar=text("cli_metavar_status", lang), help=say("status"))
    parser.add_argument("--scale", choices=SCALES, help=text("aftersale_cli_help_scale", lang))
    parser.add_argument("--yes", action="store_true", help=say("yes"))
    lang_option(parser, lang)
    return parser.parse_args(argv)


def describe(report: ImportReport, lang: str) -> str:
    """The summary of one imported file, in ``lang``."""
    where = []
    if report.encoding:
        where.append(text("cli_encoding", lang, value=report.encoding))
    if report.delimiter:
        shown = "tab" if report.delimiter == "\t" else report.delimiter
        where.append(text("cli_delimiter", lang, value=shown))
    if report.sheet:
        where.append(text("cli_sheet", lang, value=report.sheet))
    where.append(text("cli_header_row", lang, value=report.header_row))
    mapping = ", ".join(f"{h} → {f}" for f, h in report.mapping.items())
    lines = [
        text("cli_file_summary", lang, file=report.file_name,
             source=choose(report.source.label_fr, report.source.label_en, lang),
             where=", ".join(where)),
        text("cli_columns", lang, mapping=mapping),
        text("cli_rows", lang, read=text("cli_rows_read", lang, count=report.rows_read),
             loaded=text("cli_rows_loaded", lang, count=report.rows_loaded),
             rejected=text("cli_rows_rejected", lang, count=report.rows_rejected)),
        text("cli_orders", lang, new=text("cli_orders_new", lang, count=report.orders_new),
             updated=text("cli_orders_updated", lang, count=report.orders_updated),
             unchanged=text("cli_orders_unchanged", lang, count=report.orders_unchanged),
             customers=number(report.customers_new, 0, lang))
        if report.after_sale is None else
        text("aftersale_cli_rows", lang, new=number(report.after_sale.new, 0, lang),
             updated=number(report.after_sale.updated, 0, lang),
             unchanged=number(report.after_sale.unchanged, 0, lang),
             linked=number(report.after_sale.linked, 0, lang),
             unmatched=number(report.after_sale.unmatched, 0, lang)),
        text("cli_time", lang, seconds=number(report.seconds, 1, lang)),
    ]
    lines += [f"  - {choose(fr, en, lang)}" for fr, en in report.notes]
    reason = choose("reason_fr", "reason_en", lang)
    lines += [text("cli_reject_row", lang, row=row, reason=why) for row, why in
              zip(report.rejects["row_number"].head(5), report.rejects[reason].head(5))]
    return "\n".join(lines)


def cancel_outcome(con: duckdb.DuckDBPyConnection, path: Path, started: datetime,
                   exc: ImportCancelled, lang: str) -> str:
    """What Ctrl-C did: nothing (the cancel's sentence), unless it came after the import was
    saved (the file is read again for its digest: the import let its bytes go)."""
    try:
        saved = imported_since(con, file_bytes(path), started)
    except ComptoirError as unreadable:
        return unreadable.message(lang)
    if saved is None:
        return exc.message(lang)
    return text("progress_finished_first", lang, file=path.name, import_id=saved)


def main(
    argv: list[str] | None = None,
    after_import: Callable[[duckdb.DuckDBPyConnection], dict[str, str]] | None = None,
) -> int:
    """Import the files; then, if any was imported, ``after_import`` (the forecasts' refit,
    wired by ingest/__main__.py: ingest itself stays below metrics) says its outcome in a line.
    It runs after the imports are committed and never changes the exit code."""
    args = parse_args(argv)
    options = ImportOptions(
        source=None if args.source == "auto" else args.source,
        date_order=args.date_order,
        sheet=args.sheet,
        encoding=args.encoding,
        header_row=args.header_row,
        remap=tuple(args.map),
        statuses=tuple(args.status),
        decimal_mark=args.decimal_mark,
        scale=args.scale,
        accept_guesses=args.yes,
        order_ids=args.orders,
    )
    try:
        con = connect(args.db)
    except ComptoirError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    failed = imported = 0
    try:
        for path in args.files:
            started = datetime.now()
            try:
                with ctrl_c_cancels(path.name):
                    report = import_file(con, path, path.name, options,
                                         progress=progress_line(args.lang, sys.stderr))
            except ImportCancelled as exc:
                if sys.stderr.isatty():
                    print(file=sys.stderr)  # below the progress line
                print(cancel_outcome(con, path, started, exc, args.lang), file=sys.stderr)
                return CANCELLED
            except UnsureImport as exc:
                print(exc.message(args.lang), file=sys.stderr)
                print(text("cli_unsure_hint", args.lang, options=exc.options()), file=sys.stderr)
                failed += 1
                continue
            except ComptoirError as exc:
                print(exc.message(args.lang), file=sys.stderr)
                failed += 1
                continue
            print(describe(report, args.lang))
            imported += 1
        if imported and after_import is not None:
            print(after_import(con)[args.lang])
    finally:
        con.execute("checkpoint")
        con.close()
    return 1 if failed else 0
