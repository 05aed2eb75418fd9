"""``python -m metrics``: every metric view, headless (DESIGN.md, "Command line").

Each command builds a Report: ``summary`` is what ``--format json`` prints, ``table`` what
``table`` and ``csv`` print. Per-customer tables can be long, so JSON carries them (under
``table_key``) only when written to a file with ``--out``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pandas as pd

import store
from ingest.channels import SALES_CHANNELS
from store.settings import settings
from exports import (
    EXPORT_FORMATS,
    SEPARATORS,
    build_export,
    consenting,
    log_export,
    neutralise_formulas,
    without_open_complaints,
)
from metrics import aftersales
from metrics.affinity import bought_next, bought_together
from metrics.at_risk import SUBLISTS
from metrics.channels import both_channels, channel_customers, channel_figures
from metrics.contacts import CHANNELS
from metrics.cohorts import cohorts
from metrics.currencies import uncounted, uncounted_warning
from metrics.dates import PERIODS, default_week, latest_order_date, resolve_as_of, week_start
from metrics.first_cohorts import FIRST_ORDER_SPLITS, discount_codes_seen, first_cohorts
from metrics.kpis import KPI_PERIODS, compared_periods, period_kpis, weekly_kpis
from metrics.replenishment import DUE_WINDOW_DAYS, MIN_REPURCHASES, replenishment
from metrics.repeat import (
    order_gaps,
    orders_per_customer,
    repeat_rate_by_cohort,
    repeat_summary,
    second_order_within,
)
from metrics.rfm import (
    MIN_RANKED_CUSTOMERS,
    NO_SEGMENT,
    SEGMENT_NAMES,
    enough_for_ranks,
    rfm,
    segment_summary,
)
from metrics.seasonal import seasonal_buyers, seasonal_summary
from store.currency import shop_currency
from store.errors import ComptoirError
from words import STRINGS, both, choose, lang_of, lang_option, text
from words.format import MISSING, day, number, percent, typed

if TYPE_CHECKING:
    from metrics.segment import SegmentFilter

FORMATS = ("table", "csv", "json")
LAST_ORDER_COLUMNS = ["customer_id", "recency_days", "frequency", "monetary"]
# segment writes its own files (exports package); csv there means the export CSV
SEGMENT_FORMATS = ("table", "json", *EXPORT_FORMATS)
# Amount columns (and KPI rows) of the commands' tables: a "currency" column gives their code.
MONEY_COLUMNS = ("revenue", "average_basket", "cumulative_revenue_per_customer", "monetary",
                 "historic_value", "expected_spend", "expected_revenue", "net_spend",
                 "predicted_value", "spend", "new_customer_revenue",
                 "returning_customer_revenue", "value_12m", "net_spend_per_customer",
                 "median_net_spend", "net_spend_per_repeat_customer", "revenue_placed",
                 "refunded_value")
SEGMENT_COLUMNS = [
    "customer_id", "name", "email", "phone", "postal_code", "city", "segment", "orders",
    "net_spend", "last_order_at", "email_marketing", "p_alive", "predicted_value", "days_overdue",
]


@dataclass(frozen=True)
class Report:
    """What one command found: ``summary`` for JSON, ``table`` for table and CSV output."""

    summary: dict
    table: pd.DataFrame
    table_key: str | None = None
    message: str | None = None  # set by a command that wrote its own file: printed instead


def date_type(lang: str) -> Callable[[str], date]:
    """argparse type of --as-of: an ISO date, with a message in ``lang`` otherwise."""
    def parse(typed: str) -> date:
        try:
            return date.fromisoformat(typed)
        except ValueError:
            raise argparse.ArgumentTypeError(text("cli_bad_date", lang, text=typed)) from None
    return parse


def kpis_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """KPIs of --week, else of the week of --as-of, else of the week of the latest order; with
    --period month, quarter or year, of that period containing --as-of (default: the latest
    order's), beside the period before and a year earlier, with the revenue of new and of
    returning customers."""
    period = args.period or "week"
    if period != "week":
        day = resolve_as_of(con, args.as_of)
        table = period_kpis(con, period, day).round(4)
        start, end = compared_periods(period, day)["this_period"]
        return Report({"period": period, "period_start": start,
                       "period_end": end - timedelta(days=1), "metrics": table.T.to_dict()},
                      table)
    from metrics.report import parse_week

    chosen = parse_week(args.week) if args.week else args.as_of
    week = week_start(chosen) if chosen else default_week(con)
    table = weekly_kpis(con, week).round(4)
    return Report({"week_start": week, "metrics": table.T.to_dict()}, table)


def cohorts_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """Acquisition cohorts by --period; with --by, one row per cohort of first orders (first
    product, channel or discount code), a missing segment named by what it is."""
    as_of = resolve_as_of(con, args.as_of)
    if args.by:
        table = first_cohorts(con, args.by, as_of)
        named = table["segment_kind"].map(lambda kind: text(f"channels_kind_{kind}", args.lang))
        segment = table["segment"]
        if args.by == "channel":
            segment = segment.map(lambda channel: channel_name(channel, args.lang))
        table = table.assign(segment=segment.fillna(named))
        summary = {"by": args.by, "as_of": as_of, "cohorts": table}
        if args.by == "discount":
            summary["orders_discount_without_code"] = discount_codes_seen(con, as_of)[
                "without_code"]
        return Report(summary, table)
    period = args.period or "month"
    table = cohorts(con, period=period, as_of=as_of)
    return Report({"period": period, "as_of": as_of, "cohorts": table}, table)


def channel_name(channel: str | None, lang: str) -> str:
    """A channel as the reader says it (web, shop, marketplace; not given by the file)."""
    known = f"channels_channel_{channel}"
    return text(known if known in STRINGS else "channels_channel_unknown", lang)


def channels_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """Figures per channel, and customers by web only, shop only or both."""
    as_of = resolve_as_of(con, args.as_of)
    customers = channel_customers(con, as_of)
    figures = channel_figures(con, as_of)
    shown = customers.assign(channel_use=customers["channel_use"].map(
        lambda use: text(f"channels_use_{use}", args.lang)))
    summary = {"as_of": as_of, "both_channels": both_channels(customers),
               "channels": figures.assign(channel=figures["channel"].map(
                   lambda channel: channel_name(channel, args.lang))),
               "customers": shown}
    return Report(summary, shown)


def gaps_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """The delay between each order and the next (first to second, second to third...)."""
    as_of = resolve_as_of(con, args.as_of)
    table = order_gaps(con, as_of)
    return Report({"as_of": as_of, "gaps": table}, table)


def repeat_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    as_of = resolve_as_of(con, args.as_of)
    distribution = orders_per_customer(con, as_of)
    summary = {
        "as_of": as_of,
        **repeat_summary(con, as_of),
        "orders_per_customer": distribution,
        "second_order_within": second_order_within(con, as_of=as_of),
        "repeat_rate_by_cohort": repeat_rate_by_cohort(con, args.period or "month", as_of),
    }
    return Report(summary, distribution)


def rfm_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """Scores and segments per customer; below MIN_RANKED_CUSTOMERS customers (metrics.rfm), a
    note instead of segments and the customers by last order, most recent first."""
    as_of = resolve_as_of(con, args.as_of)
    table = rfm(con, as_of)
    if enough_for_ranks(len(table)):
        return Report({"as_of": as_of, "segments": segment_summary(table)}, table, "customers")
    too_few = text("too_few_segments", args.lang, needed=MIN_RANKED_CUSTOMERS, have=len(table))
    note = text("seg_too_few", args.lang, too_few=too_few)
    by_last_order = table.sort_values(["recency_days", "customer_id"], ignore_index=True)
    return Report({"as_of": as_of, "note": note}, by_last_order[LAST_ORDER_COLUMNS], "customers")


def clv_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """The shop's forecast (model, parameters, horizon, backtest); with --customers one row per
    customer (metrics.clv.customer_rows), in JSON under "customers" even without --out."""
    # imported here: the models load only when asked
    from metrics.clv import customer_rows, kept_customer_value

    result = kept_customer_value(con, as_of=args.as_of)
    if not args.customers:
        return Report(result.summary, result.table, "customers")
    rows = customer_rows(result)
    summary = {key: result.summary[key] for key in ("as_of", "horizon_weeks", "model", "status")}
    return Report({**summary, "customers": rows}, rows)


def segment_filter_of(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> SegmentFilter:
    """The builder's questions of the command line: those of the saved segment --saved (if
    any), with each question given on the command line answered as given."""
    from metrics.saved_segments import load_segment
    from metrics.segment import SegmentFilter

    base = load_segment(con, args.saved) if args.saved else SegmentFilter()
    given = {
        "segments": tuple(args.segment or ()), "min_p_alive": args.min_p_alive,
        "min_predicted_value": args.min_predicted_value,
        "min_days_overdue": args.min_days_overdue, "at_risk": args.at_risk,
        "sales_channels": tuple(args.sales_channel or ()), "due_for": args.due_for,
        "leave_out_seasonal": args.leave_out_seasonal or None,
        "discount_codes": tuple(args.discount_code or ()),
    }
    return dataclasses.replace(
        base, **{key: value for key, value in given.items() if value not in (None, ())})


def segment_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """The people of --segment (everyone if none) as of --as-of, only those --channel may reach
    (its own consent) unless --no-consent-only, and not those contacted in the last
    --not-contacted-days (default: the owner's setting) from an export. With --format csv, xlsx,
    brevo or mailchimp the list is written to --out by the exports package and logged, with each
    person's contact. --saved NAME starts from a saved segment's questions; --save NAME keeps
    the command's questions under that name; --delete-saved NAME forgets a saved list."""
    # imported here: the builder loads the value models (scipy), which other commands do without
    from metrics.saved_segments import delete_segment, save_segment
    from metrics.segment import describe, list_summary, segment_customers

    if args.delete_saved:
        name = delete_segment(con, args.delete_saved)
        return Report({}, pd.DataFrame(), message=text("products_saved_deleted", args.lang,
                                                       name=name))
    segment_filter = segment_filter_of(con, args)
    if args.save:
        name = save_segment(con, args.save, segment_filter)
        return Report({}, pd.DataFrame(), message=text(
            "products_saved", args.lang, name=name,
            description=describe(segment_filter, args.lang)))
    exporting = args.format in EXPORT_FORMATS
    days = (settings(con)["not_contacted_days"] if args.not_contacted_days is None
            else args.not_contacted_days) if exporting else None
    segment_filter = dataclasses.replace(segment_filter, channel=args.channel,
                                         not_contacted_days=days)
    people = segment_customers(con, segment_filter, resolve_as_of(con, args.as_of))
    held_back = 0
    if not args.open_complaints:
        people, held_back = without_open_complaints(people, aftersales.open_complaints(con))
    description = describe(segment_filter, currency=shop_currency(con))
    if exporting:
        if args.out is None:
            raise ComptoirError(*both("cli_out_missing", format=args.format))
        export = build_export(
            people, args.format, segments=segment_filter.segments,
            consent_only=args.consent_only, sep=args.sep, currency=shop_currency(con),
            channel=args.channel,
        )
        write_out(args.out, export.data)
        log_export(con, export, description, segment_filter.to_json())
        lang = args.lang
        message = text(
            "cli_exported", lang, people=text("cli_exported_people", lang, count=export.rows),
            path=args.out, description=describe(segment_filter, lang),
            left_out=text("cli_left_out", lang, count=export.left_out),
            channel=text(f"consent_channel_{args.channel}", lang),
            unusable=text("cli_unusable", lang, count=export.unusable) if export.unusable else "",
        ) + " " + text("consent_recent_left_out", lang, count=export.recently_contacted, days=days)
        if held_back:
            message += text("aftersales_left_out", lang, count=held_back)
        return Report({}, pd.DataFrame(), message=message)
    kept, _, _ = consenting(people, args.consent_only)
    summary = {"description": describe(segment_filter, args.lang), "consent_only": args.consent_only,
               "open_complaints_left_out": held_back, **list_summary(people)}
    return Report(summary, kept[SEGMENT_COLUMNS].reset_index(drop=True), "customers")


def weekly_report_file(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """Le rapport du lundi of --week (default: the latest complete week) written to --out, as
    HTML or XLSX from its extension, in --lang; for cron on Monday mornings."""
    import reports  # the report layer (plotly, XlsxWriter): loaded for this command only
    from metrics.report import latest_complete_week, parse_week, weekly_report

    fmt = reports.format_of(args.out)
    week = parse_week(args.week) if args.week else latest_complete_week(con, date.today())
    report = weekly_report(con, week)
    write_out(args.out, reports.render(report, fmt, args.lang))
    return Report({}, pd.DataFrame(),
                  message=text("report_written", args.lang, iso=report.iso_week, path=args.out))


PRODUCT_VIEWS = ("replenishment", "affinity")


def replenishment_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """Per product, the usual delay before it is bought again and who is due for it now; with
    --product, the people due for that product (their contact details and consent)."""
    from metrics.due_lists import DUE_FACTS, due_people

    as_of = resolve_as_of(con, args.as_of)
    table = replenishment(con, as_of)
    summary = {"as_of": as_of, "min_repurchases": MIN_REPURCHASES,
               "due_window_days": DUE_WINDOW_DAYS}
    if args.product is None:  # "usual" is in JSON; the table says it by a missing median
        return Report({**summary, "products": table}, table.drop(columns="usual"))
    row = table[table["product"] == args.product]
    people = due_people(con, args.product, as_of, table)
    people = people[[*DUE_FACTS, *SEGMENT_COLUMNS[1:]]]
    median = row["median_days"].iloc[0] if len(row) else None
    return Report({**summary, "product": args.product, "median_days": median,
                   "due": len(people)}, people, "customers")


AFFINITY_COLUMNS = ["relation", "product", "with_product", "count", "base", "share", "lift"]


def affinity_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """What is bought together (one order) and next (the next purchase day) after each product,
    or after --product only; the table holds both, a relation column says which."""
    as_of = resolve_as_of(con, args.as_of)
    together = bought_together(con, as_of, args.product)
    after = bought_next(con, as_of, args.product)
    table = pd.concat([
        together.rename(columns={"other_product": "with_product", "orders": "count",
                                 "product_orders": "base"}).assign(relation="together"),
        after.rename(columns={"next_product": "with_product", "times": "count",
                              "followed": "base"}).assign(relation="next"),
    ], ignore_index=True)[AFFINITY_COLUMNS]
    return Report({"as_of": as_of, "bought_together": together, "bought_next": after}, table)


def products_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """``products replenishment`` or ``products affinity``."""
    if args.view is None:
        raise ComptoirError(*both("products_view_missing", views=" | ".join(PRODUCT_VIEWS)))
    return (replenishment_report if args.view == "replenishment" else affinity_report)(con, args)


def seasonal_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """Seasonal buyers per season, and with --customers the seasonal buyers themselves."""
    as_of = resolve_as_of(con, args.as_of)
    table = seasonal_summary(con, as_of)
    table.insert(1, "season_name", [text(f"products_season_{key}", args.lang)
                                    for key in table["season"]])
    if args.customers:
        return Report({"as_of": as_of, "seasons": table}, seasonal_buyers(con, as_of),
                      "customers")
    return Report({"as_of": as_of, "seasons": table}, table)


def aftersales_lines(figures: dict, links: pd.DataFrame, lang: str) -> str:
    """The table format of ``aftersales``: each measure under its glossary term, with its
    counts, then the loyalty comparison and its caveat."""
    def share(key: str) -> str:
        return percent(figures[key], lang)

    def count(key: str, value: object) -> str:
        return text(key, lang, count=value)

    def after(value: float | None, unit: str) -> str:
        return (MISSING if value is None
                else text(unit, lang, count=round(value, 1), value=typed(value, lang, 1)))

    nps = MISSING if figures["nps"] is None else number(figures["nps"], 1, lang)
    rating = (MISSING if figures["average_rating"] is None
              else text("aftersales_out_of_5", lang, value=number(figures["average_rating"], 2,
                                                                   lang)))
    refunds = text("aftersales_refunds_count", lang, refunded=figures["refunded_orders"],
                   count=figures["orders_placed"])
    lines = [
        text("aftersales_window", lang, since=day(figures["since"], lang),
             as_of=day(figures["as_of"], lang)),
        ("aftersales_refund_rate_orders", f"{share('refund_rate_orders')} ({refunds})"),
        ("aftersales_refund_rate_revenue", share("refund_rate_revenue")),
        ("aftersales_days_to_refund",
         f"{after(figures['median_days_to_refund'], 'aftersales_days')} "
         f"({count('aftersales_dated', figures['dated_refunds'])})"),
        text("aftersales_returns_unknown", lang),
        ("aftersales_nps", f"{nps} ({count('aftersales_answers', figures['nps_answers'])})"),
        ("aftersales_csat",
         f"{share('csat')} ({count('aftersales_answers', figures['csat_answers'])})"),
        ("aftersales_average_rating",
         f"{rating} ({count('aftersales_reviews', figures['reviews'])})"),
        ("aftersales_tickets_per_100_orders",
         f"{number(figures['tickets_per_100_orders'], 1, lang)} "
         f"({count('aftersales_tickets', figures['tickets'])})"),
        ("aftersales_first_response_time",
         after(figures["median_hours_to_first_response"], "aftersales_hours")),
        ("aftersales_resolution_time",
         after(figures["median_days_to_resolution"], "aftersales_days")),
        ("aftersales_first_contact_resolution", share("first_contact_resolution")),
    ]
    shown = [line if isinstance(line, str) else
             text("aftersales_line", lang, term=text(f"term_{line[0]}", lang), value=line[1])
             for line in lines]
    for row in links.itertuples():  # three rows: one per kind of event
        shown.append(text(
            "aftersales_loyalty_line", lang, event=text(f"aftersales_event_{row.event}", lang),
            after=percent(row.repeat_rate_after, lang),
            customers=count("aftersales_people", row.customers),
            after_matched=percent(row.repeat_rate_after_matched, lang),
            matched=count("aftersales_people", row.matched_customers),
            without=percent(row.repeat_rate_without, lang),
            comparables=count("aftersales_people", row.comparable_customers),
        ))
    shown.append(text("aftersales_caveat", lang))
    return "\n".join(shown)


def aftersales_report(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> Report:
    """The after-sales figures of the 12 months to --as-of (metrics.aftersales.headline): JSON
    with the loyalty comparison under "loyalty", CSV one row of figures, the table format each
    figure under its glossary term."""
    figures, links = aftersales.headline(con, args.as_of)
    message = None
    if args.format == "table" and args.out is None:
        message = aftersales_lines(figures, links, args.lang)
    row = {key: np.nan if value is None else value.isoformat() if isinstance(value, date)
           else value for key, value in figures.items()}
    return Report({**figures, "loyalty": links}, pd.DataFrame([row]), message=message)


COMMANDS: dict[str, Callable[[duckdb.DuckDBPyConnection, argparse.Namespace], Report]] = {
    "kpis": kpis_report,
    "cohorts": cohorts_report,
    "channels": channels_report,
    "gaps": gaps_report,
    "repeat": repeat_report,
    "rfm": rfm_report,
    "clv": clv_report,
    "segment": segment_report,
    "report": weekly_report_file,
    "products": products_report,
    "seasonal": seasonal_report,
    "aftersales": aftersales_report,
}


def build_parser(lang: str = "fr") -> argparse.ArgumentParser:
    """The command line's arguments, their help in ``lang``."""
    def say(key: str) -> str:
        return text(f"cli_help_{key}", lang)

    parser = argparse.ArgumentParser(
        prog="python -m metrics", description=text("cli_metrics_description", lang)
    )
    parser.add_argument("command", choices=list(COMMANDS))
    parser.add_argument("--db", help=say("db"))
    parser.add_argument("--as-of", type=date_type(lang), help=say("as_of"))
    parser.add_argument("--week", help=say("week"))
    lang_option(parser, lang)
    parser.add_argument("--period", choices=list(dict.fromkeys([*PERIODS, *KPI_PERIODS])),
                        help=say("period"))
    parser.add_argument("--by", choices=FIRST_ORDER_SPLITS, help=say("by"))
    parser.add_argument(
        "--format", choices=list(dict.fromkeys([*FORMATS, *SEGMENT_FORMATS])), default="table",
        help=say("format"),
    )
    parser.add_argument(
        "--segment", action="append", choices=[*SEGMENT_NAMES, NO_SEGMENT], help=say("segment")
    )
    parser.add_argument(
        "--consent-only", action=argparse.BooleanOptionalAction, default=True,
        help=say("consent_only"),
    )
    parser.add_argument("--channel", choices=CHANNELS, default="email",
                        help=text("consent_cli_help_channel", lang))
    parser.add_argument("--not-contacted-days", type=int, metavar="N",
                        help=text("consent_cli_help_not_contacted", lang))
    parser.add_argument("--customers", action="store_true", help=say("customers"))
    parser.add_argument("--min-p-alive", type=float, help=say("min_p_alive"))
    parser.add_argument("--min-predicted-value", type=float, help=say("min_predicted_value"))
    parser.add_argument("--min-days-overdue", type=int, help=say("min_days_overdue"))
    parser.add_argument("--at-risk", choices=list(SUBLISTS), help=say("at_risk"))
    parser.add_argument("--sep", choices=SEPARATORS, default=";", help=say("sep"))
    parser.add_argument("--open-complaints", action="store_true",
                        help=text("aftersales_cli_open_complaints", lang))
    parser.add_argument("--out", type=Path, help=say("out"))
    parser.add_argument("view", nargs="?", choices=PRODUCT_VIEWS,
                        help=text("products_help_view", lang))
    parser.add_argument("--product", help=text("products_help_product", lang))
    parser.add_argument("--saved", metavar=text("products_metavar_name", lang),
                        help=text("products_help_saved", lang))
    parser.add_argument("--save", metavar=text("products_metavar_name", lang),
                        help=text("products_help_save", lang))
    parser.add_argument("--delete-saved", metavar=text("products_metavar_name", lang),
                        help=text("products_help_delete_saved", lang))
    parser.add_argument("--sales-channel", action="append", choices=SALES_CHANNELS,
                        help=text("products_help_sales_channel", lang))
    parser.add_argument("--due-for", metavar=text("products_metavar_product", lang),
                        help=text("products_help_due_for", lang))
    parser.add_argument("--leave-out-seasonal", action="store_true",
                        help=text("products_help_leave_out_seasonal", lang))
    parser.add_argument("--discount-code", action="append",
                        metavar=text("products_metavar_code", lang),
                        help=text("products_help_discount_code", lang))
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


def column_label(name: str, lang: str) -> str:
    """A table's header in the reader's words; a name the catalogue lacks stays as it is."""
    key = f"col_{name}"
    return text(key, lang) if key in STRINGS else name


def shown_value(value: object, lang: str) -> str:
    """A summary value of the table format: days, numbers and yes/no the reader's way."""
    if isinstance(value, bool | np.bool_):
        return text("report_yes" if value else "report_no", lang)
    if isinstance(value, datetime | date):
        return day(value, lang)
    if isinstance(value, float | np.floating) and not np.isnan(value):
        return typed(value, lang, 4)
    if isinstance(value, int | np.integer):
        return number(value, 0, lang)
    plain = jsonable(value)
    return MISSING if plain is None else str(plain)


def table_text(report: Report, lang: str) -> str:
    """The table format: summary lines then the table, headers and numbers in ``lang``."""
    keep_index = report.table.index.name is not None
    scalars = [
        f"{column_label(key, lang)} : {shown_value(value, lang)}"
        for key, value in report.summary.items()
        if not isinstance(value, pd.DataFrame | dict | list)
    ]
    table = report.table.rename(columns=lambda name: column_label(name, lang))
    table = table.rename(index=lambda name: column_label(name, lang) if keep_index else name)
    table.index.name = column_label(table.index.name, lang) if keep_index else None
    body = table.to_string(index=keep_index, na_rep=MISSING,
                           float_format=lambda value: typed(value, lang, 4))
    return "\n".join([*scalars, body])


def in_currency(report: Report, currency: str, left_out: pd.DataFrame) -> Report:
    """The report with the shop's ``currency``: a "currency" field, the orders no figure counts
    for want of a conversion rate (``left_out``, as "uncounted_orders", if any), and a last
    "currency" column in a table with amounts (on the amount rows only of the KPI table, one row
    per metric)."""
    summary = {**report.summary, "currency": currency}
    if len(left_out):
        summary["uncounted_orders"] = left_out[["currency", "orders"]]
    table = report.table
    if table.columns.isin(MONEY_COLUMNS).any():
        table = table.assign(currency=currency)
    elif table.index.isin(MONEY_COLUMNS).any():
        table = table.assign(currency=np.where(table.index.isin(MONEY_COLUMNS), currency, None))
    return dataclasses.replace(report, summary=summary, table=table)


def render(report: Report, fmt: str, with_table: bool, lang: str = "fr") -> str:
    """The text of a report in ``fmt``; ``with_table`` adds the table to JSON (files only)."""
    keep_index = report.table.index.name is not None
    if fmt == "json":
        payload = jsonable(report.summary)
        if with_table and report.table_key:
            payload[report.table_key] = records(report.table)
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return neutralise_formulas(report.table).to_csv(index=keep_index)
    return table_text(report, lang)


class OutputError(ComptoirError):
    """The --out file cannot be written."""


def write_out(path: Path, data: bytes) -> None:
    """Write a command's file, or say plainly why it cannot be written."""
    try:
        path.write_bytes(data)
    except OSError as error:
        raise OutputError(
            *both("cli_out_unwritable", path=path, reason=error.strerror)
        ) from error


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success (also for an empty database), 2 on a user error."""
    parser = build_parser(lang_of(argv))
    args = parser.parse_args(argv)
    if args.format not in (SEGMENT_FORMATS if args.command == "segment" else FORMATS):
        parser.error(text("cli_format_segment_only", args.lang, format=args.format))
    try:
        con = store.connect(args.db)
        try:
            if latest_order_date(con) is None:
                print(text("cli_empty_database", args.lang))
                return 0
            currency, left_out = shop_currency(con), uncounted(con)
            report = in_currency(COMMANDS[args.command](con, args), currency, left_out)
            warning = uncounted_warning(left_out, currency)
        finally:
            con.close()
    except ComptoirError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 2
    if warning is not None:
        print(choose(*warning, args.lang), file=sys.stderr)
    if report.message is not None:
        print(report.message)
        return 0
    shown = render(report, args.format, args.out is not None, args.lang).rstrip("\n") + "\n"
    if not args.out:
        sys.stdout.write(shown)
        return 0
    try:
        write_out(args.out, shown.encode("utf-8"))
    except ComptoirError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 2
    return 0
