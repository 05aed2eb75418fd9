"""``python -m ingest FILE... [--db PATH] [--source ...] [--date-order dmy|mdy|ymd] [--sheet NAME]
[--header-row N] [--encoding NAME] [--decimal-mark ,|.] [--map "COLONNE=CHAMP"]...
[--status "MOT=STATUT"]... [--orders same|separate] [--yes]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from ingest.doubts import UnsureImport
from ingest.fields import FIELD_BY_NAME
from ingest.load import ORDER_ID_CHOICES
from ingest.pipeline import DATE_ORDERS, DECIMAL_MARKS, ImportOptions, ImportReport, import_file
from ingest.sources import SOURCE_BY_NAME
from ingest.sources.base import OWNER_STATUSES
from store import ComptoirError, connect


def column_choice(text: str) -> tuple[str, str]:
    """``"N° de commande=order_id"`` → (column, field); the column may itself hold "="."""
    column, sep, name = text.rpartition("=")
    if not sep or not column.strip() or name.strip() not in (*FIELD_BY_NAME, "ignore"):
        raise argparse.ArgumentTypeError(
            f"« {text} » : écrivez COLONNE=CHAMP, le champ parmi {', '.join(FIELD_BY_NAME)} "
            "ou ignore")
    return column.strip(), name.strip()


def status_choice(text: str) -> tuple[str, str]:
    """``"Expédiée partiellement=paid"`` → (word, status): what a status word of the file means."""
    word, sep, status = text.rpartition("=")
    if not sep or not word.strip() or status.strip() not in OWNER_STATUSES:
        raise argparse.ArgumentTypeError(
            f"« {text} » : écrivez MOT=STATUT, le statut parmi {', '.join(OWNER_STATUSES)}")
    return word.strip(), status.strip()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Importe des exports de boutique (CSV, Excel) dans la base Comptoir.",
    )
    parser.add_argument("files", nargs="+", type=Path, help="fichiers .csv, .txt, .tsv, .xlsx")
    parser.add_argument("--db", help="fichier de base (défaut : $COMPTOIR_DB ou data/comptoir.duckdb)")
    parser.add_argument("--source", default="auto", choices=["auto", *SOURCE_BY_NAME])
    parser.add_argument("--date-order", choices=DATE_ORDERS, help="ordre jour/mois des dates")
    parser.add_argument("--sheet", help="feuille du classeur à lire")
    parser.add_argument("--header-row", type=int, help="ligne de l'en-tête (1 = première ligne)")
    parser.add_argument("--encoding", help="encodage du fichier (utf-8, cp1252, mac_roman, "
                        "iso8859_15…)")
    parser.add_argument("--decimal-mark", choices=DECIMAL_MARKS,
                        help="séparateur décimal des montants comme 1,234 que le fichier ne "
                        "tranche pas")
    parser.add_argument("--map", action="append", default=[], type=column_choice,
                        metavar="COLONNE=CHAMP",
                        help="colonne du fichier → champ (order_id, order_date, email… ou "
                        "ignore), répétable")
    parser.add_argument("--orders", choices=ORDER_ID_CHOICES,
                        help="numéros de commande déjà importés avec d'autres dates ou montants : "
                        "same = les mêmes commandes mises à jour, separate = une autre caisse, "
                        "gardées à part")
    parser.add_argument("--status", action="append", default=[], type=status_choice,
                        metavar="MOT=STATUT",
                        help="ce que veut dire un statut du fichier (paid, cancelled, refunded "
                        "ou pending), répétable")
    parser.add_argument("--yes", action="store_true",
                        help="importer malgré les doutes signalés (choix acceptés tels quels)")
    parser.add_argument("--lang", default="fr", choices=["fr", "en"])
    return parser.parse_args(argv)


def describe(report: ImportReport, lang: str) -> str:
    fr = lang != "en"
    source = report.source.label_fr if fr else report.source.label_en
    where = []
    if report.encoding:
        where.append(f"encodage {report.encoding}" if fr else f"encoding {report.encoding}")
    if report.delimiter:
        shown = "tab" if report.delimiter == "\t" else report.delimiter
        where.append(f"séparateur « {shown} »" if fr else f"delimiter “{shown}”")
    if report.sheet:
        where.append(f"feuille « {report.sheet} »" if fr else f"sheet “{report.sheet}”")
    where.append(f"en-tête ligne {report.header_row}" if fr else f"header on row {report.header_row}")
    mapping = ", ".join(f"{h} → {f}" for f, h in report.mapping.items())
    if fr:
        lines = [
            f"{report.file_name} : {source} ({', '.join(where)})",
            f"  colonnes : {mapping}",
            f"  {report.rows_read} lignes lues, {report.rows_loaded} importées, "
            f"{report.rows_rejected} rejetées",
            f"  commandes : {report.orders_new} nouvelles, {report.orders_updated} mises à jour, "
            f"{report.orders_unchanged} inchangées ; clients nouveaux : {report.customers_new}",
            f"  durée : {report.seconds:.1f} s",
        ]
    else:
        lines = [
            f"{report.file_name}: {source} ({', '.join(where)})",
            f"  columns: {mapping}",
            f"  {report.rows_read} rows read, {report.rows_loaded} imported, "
            f"{report.rows_rejected} rejected",
            f"  orders: {report.orders_new} new, {report.orders_updated} updated, "
            f"{report.orders_unchanged} unchanged; new customers: {report.customers_new}",
            f"  time: {report.seconds:.1f} s",
        ]
    lines += [f"  - {fr_note if fr else en_note}" for fr_note, en_note in report.notes]
    for row in report.rejects.head(5).itertuples():
        reason = row.reason_fr if fr else row.reason_en
        lines.append(f"  ! {'ligne' if fr else 'row'} {row.row_number} : {reason}")
    return "\n".join(lines)


def progress_line(fraction: float, fr: str, en: str) -> None:
    print(f"  [{fraction:4.0%}] {fr}", file=sys.stderr, flush=True)


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
            try:
                data = path.read_bytes()
            except OSError as exc:
                print(f"« {path} » : fichier introuvable ou illisible ({exc.strerror}).",
                      file=sys.stderr)
                failed += 1
                continue
            try:
                report = import_file(con, data, path.name, options, progress=progress_line)
            except UnsureImport as exc:
                print(exc.message(args.lang), file=sys.stderr)
                print(f"  Précisez-le ({exc.options()}) ou relancez avec --yes pour accepter ces "
                      "choix." if args.lang != "en" else f"  Say so ({exc.options()}) or run "
                      "again with --yes to accept these choices.", file=sys.stderr)
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
