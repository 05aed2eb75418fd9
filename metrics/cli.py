"""``python -m metrics``: every metric view, headless (DESIGN.md, "Command line").

Each command builds a Report: ``summary`` is what ``--format json`` prints, ``table`` what
``table`` and ``csv`` print. Per-customer tables can be long, so JSON carries them (under
``table_key``) only when written to a file with ``--out``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

import store
from metrics.cohorts import cohorts
from metrics.dates import PERIODS, default_week, latest_order_date, resolve_as_of, week_start
from metrics.kpis import weekly_kpis
from metrics.repeat import (
    orders_per_customer,
    repeat_rate_by_cohort,
    repeat_summary,
    second_order_within,
)
from metrics.rfm import rfm, segment_summary
from store.errors import ComptoirError

FORMATS = ("table", "csv", "json")
EMPTY_DATABASE = (
    "La base ne contient encore aucune commande : importez un fichier de commandes avec "
    "« python -m ingest FICHIER », puis relancez cette commande."
)
FORMULA_START = r"^[=+\-@\t\r]"


@dataclass(frozen=True)
class Report:
    """What one command found: ``summary`` for JSON, ``table`` for table and CSV output."""

    summary: dict
    table: pd.DataFrame
    table_key: str | None = None


def parse_date(text: str) -> date:
    """argparse type for --as-of and --week: an ISO date, with a French message otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date invalide « {text} » : écrivez-la AAAA-MM-JJ, par exemple 2024-03-31"
        ) from None


def kpis_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """KPIs of --week, else of the week of --as-of, else of the week of the latest order."""
    chosen = args.week or args.as_of
    week = week_start(chosen) if chosen else default_week(con)
    table = weekly_kpis(con, week).round(2)
    return Report({"week_start": week, "metrics": table.T.to_dict()}, table)


def cohorts_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    as_of = resolve_as_of(con, args.as_of)
    table = cohorts(con, period=args.period, as_of=as_of)
    return Report({"period": args.period, "as_of": as_of, "cohorts": table}, table)


def repeat_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    as_of = resolve_as_of(con, args.as_of)
    distribution = orders_per_customer(con, as_of)
    summary = {
        "as_of": as_of,
        **repeat_summary(con, as_of),
        "orders_per_customer": distribution,
        "second_order_within": second_order_within(con, as_of=as_of),
        "repeat_rate_by_cohort": repeat_rate_by_cohort(con, args.period, as_of),
    }
    return Report(summary, distribution)


def rfm_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    as_of = resolve_as_of(con, args.as_of)
    table = rfm(con, as_of)
    return Report({"as_of": as_of, "segments": segment_summary(table)}, table, "customers")


def clv_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    from metrics.clv import customer_value  # imported here: the models load only when asked

    result = customer_value(con, as_of=args.as_of)
    return Report(result.summary, result.table, "customers")


COMMANDS: dict[str, Callable[[duckdb.DuckDBPyConnection, argparse.Namespace], Report]] = {
    "kpis": kpis_report,
    "cohorts": cohorts_report,
    "repeat": repeat_report,
    "rfm": rfm_report,
    "clv": clv_report,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m metrics", description="Indicateurs Comptoir en ligne de commande."
    )
    parser.add_argument("command", choices=list(COMMANDS))
    parser.add_argument("--db", help="fichier de la base (défaut : $COMPTOIR_DB ou data/)")
    parser.add_argument(
        "--as-of",
        type=parse_date,
        help="commandes jusqu'à ce jour inclus, AAAA-MM-JJ (défaut : jour de la dernière vente)",
    )
    parser.add_argument(
        "--week", type=parse_date, help="kpis : un jour de la semaine voulue (défaut : --as-of)"
    )
    parser.add_argument("--period", choices=PERIODS, default="month", help="cohortes")
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--out", type=Path, help="écrire le résultat dans ce fichier")
    return parser


def records(table: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: dates as YYYY-MM-DD, NA as None (vectorised by to_json)."""
    out = table.reset_index() if table.index.name else table.copy()
    for column in out.columns[out.dtypes.map(pd.api.types.is_datetime64_any_dtype)]:
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return json.loads(out.to_json(orient="records", force_ascii=False))


def jsonable(value: object) -> object:
    """A summary (small nested dicts, lists, DataFrames, numpy and date values) as plain JSON."""
    if isinstance(value, pd.DataFrame):
        return records(value)
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) with '."""
    out = table.copy()
    for column in out.columns[out.dtypes.map(pd.api.types.is_string_dtype)]:
        text = out[column]
        out[column] = text.where(~text.str.match(FORMULA_START, na=False), "'" + text)
    return out


def render(report: Report, fmt: str, with_table: bool) -> str:
    """The text of a report in ``fmt``; ``with_table`` adds the table to JSON (files only)."""
    keep_index = report.table.index.name is not None
    if fmt == "json":
        payload = jsonable(report.summary)
        if with_table and report.table_key:
            payload[report.table_key] = records(report.table)
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return neutralise_formulas(report.table).to_csv(index=keep_index)
    scalars = [
        f"{key} : {jsonable(value)}"
        for key, value in report.summary.items()
        if not isinstance(value, pd.DataFrame | dict | list)
    ]
    return "\n".join([*scalars, report.table.to_string(index=keep_index)])


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success (also for an empty database), 2 on a user error."""
    args = build_parser().parse_args(argv)
    try:
        con = store.connect(args.db)
        try:
            if latest_order_date(con) is None:
                print(EMPTY_DATABASE)
                return 0
            report = COMMANDS[args.command](con, args)
        finally:
            con.close()
    except ComptoirError as error:
        print(error.fr, file=sys.stderr)
        return 2
    text = render(report, args.format, with_table=args.out is not None).rstrip("\n") + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
