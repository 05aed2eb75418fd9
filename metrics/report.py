"""Le rapport du lundi: the data of the weekly report a shop owner reads on Monday morning.

One ISO week (Monday to Sunday): its KPIs against last week and last year (metrics.kpis), how
customers moved between RFM segments from the end of the previous week to the end of this one
(metrics.rfm; below metrics.rfm.MIN_RANKED_CUSTOMERS customers, no segments but the customers
by last order, as on the Segments page), the customers to call this week (metrics.at_risk: the
same people as Segments and Valeur client), and the customers whose second valid order came this week. Rendering is
elsewhere (reports/html.py, reports/xlsx.py), so this stays language-free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics import products_week
from metrics.aftersales import AfterSalesWeek, week_section
from metrics.at_risk import at_risk, counts, sublist
from metrics.channels import ChannelsWeek
from metrics.channels import week_section as channels_week
from metrics.currencies import uncounted
from metrics.dates import default_week, facts_as_of, week_start
from metrics.kpis import weekly_kpis, weekly_trend
from metrics.products_week import ProductsWeek
from metrics.rfm import NO_SEGMENT, enough_for_ranks, rfm, segment_movement
from metrics.sql_files import run_sql
from store.currency import shop_currency
from store.errors import ComptoirError

TREND_WEEKS = 52
CONTACT = ["customer_id", "name", "email", "phone", "email_consent"]
TO_CALL = [
    *CONTACT, "orders", "spend", "last_ordered_at", "expected_next_order",
    "segment", "segment_fr", "segment_en", "became_at_risk", "overdue",
]
NEW_REPEAT = [*CONTACT, "orders", "spend", "first_ordered_at", "second_ordered_at"]
BY_LAST_ORDER = [*CONTACT, "last_ordered_at", "orders", "spend"]
ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class WeekFormatError(ComptoirError):
    """A week written neither YYYY-Www nor YYYY-MM-DD, or a week that does not exist."""


@dataclass(frozen=True)
class WeeklyReport:
    """Everything the report shows for the week starting on Monday ``week``.

    kpis: metrics.kpis.weekly_kpis. trend: metrics.kpis.weekly_trend over TREND_WEEKS weeks.
    segments: segment, last_week, this_week, change (customers per segment at the end of the
    previous week and of this week). moves: segment_from, segment_to, customers (only real moves,
    most customers first; segment_from "none" = first purchase this week). to_call: TO_CALL
    columns of the sub-list "to_call" of metrics.at_risk at the end of the week; at_risk: the
    counts of its sub-lists (metrics.at_risk.counts). new_repeat: NEW_REPEAT columns. currency:
    the shop's (every amount is in it). uncounted: metrics.currencies.uncounted, the orders no
    figure counts for want of a rate. customers: customers at the end of the week; below
    metrics.rfm.MIN_RANKED_CUSTOMERS (``ranked`` False) the report names no segment and shows
    by_last_order instead (BY_LAST_ORDER columns, the most recent last order first; empty when
    ranked). aftersales: the week after the sale (metrics.aftersales.week_section: new
    detractors, tickets open too long, the week's refunds). channels: the week's channels and
    the revenue of its new and returning customers (metrics.channels.week_section). products: the products part
    (metrics.products_week.week_section: products whose customers are due, saved lists, at-risk
    seasonal buyers waiting for their season).
    """

    week: date
    kpis: pd.DataFrame
    trend: pd.DataFrame
    segments: pd.DataFrame
    moves: pd.DataFrame
    to_call: pd.DataFrame
    at_risk: dict[str, int]
    new_repeat: pd.DataFrame
    currency: str
    uncounted: pd.DataFrame
    customers: int
    by_last_order: pd.DataFrame
    aftersales: AfterSalesWeek
    channels: ChannelsWeek
    products: ProductsWeek

    @property
    def ranked(self) -> bool:
        return enough_for_ranks(self.customers)

    @property
    def week_end(self) -> date:
        return self.week + timedelta(days=6)

    @property
    def iso_week(self) -> str:
        return iso_week(self.week)


def iso_week(day: date) -> str:
    """The ISO week of ``day`` written YYYY-Www (2026-W46)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(text: str) -> date:
    """Monday of the week written YYYY-Www (ISO 8601, 2026-W46) or of the day YYYY-MM-DD."""
    if match := ISO_WEEK.fullmatch(text.strip().upper()):
        try:
            return date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            raise WeekFormatError(
                f"La semaine {match[0]} n'existe pas : une année ISO a 52 ou 53 semaines, "
                "numérotées à partir de W01.",
                f"Week {match[0]} does not exist: an ISO year has 52 or 53 weeks, numbered "
                "from W01.",
            ) from None
    try:
        if ISO_DATE.fullmatch(text.strip()):
            return week_start(date.fromisoformat(text.strip()))
    except ValueError:
        pass
    raise WeekFormatError(
        f"Semaine invalide « {text} » : écrivez-la AAAA-Wss comme 2026-W46 (semaine ISO), ou "
        "donnez un de ses jours AAAA-MM-JJ.",
        f"Invalid week '{text}': write it YYYY-Www like 2026-W46 (ISO week), or give one of its "
        "days as YYYY-MM-DD.",
    )


def latest_complete_week(con: duckdb.DuckDBPyConnection, today: date) -> date | None:
    """Monday of the last week that ended before ``today``, or of the week of the latest valid
    order if the data stops earlier (an old export still gets a report); None without orders."""
    latest = default_week(con)
    if latest is None:
        return None
    return min(latest, week_start(today) - timedelta(days=7))


def segment_sizes(movement: pd.DataFrame) -> pd.DataFrame:
    """Customers per segment before (row sums) and after (column sums) a segment_movement."""
    sizes = pd.DataFrame(
        {
            "last_week": movement.drop(index=NO_SEGMENT).sum(axis=1),
            "this_week": movement.sum(axis=0),
        }
    )
    sizes["change"] = sizes["this_week"] - sizes["last_week"]
    return sizes.rename_axis("segment").reset_index()


def segment_moves(movement: pd.DataFrame) -> pd.DataFrame:
    """The off-diagonal cells of a segment_movement as rows, most customers first."""
    cells = movement.stack().rename("customers").reset_index()
    moved = cells[(cells["segment_from"] != cells["segment_to"]) & (cells["customers"] > 0)]
    return moved.sort_values("customers", ascending=False, kind="stable", ignore_index=True)


def new_repeat_customers(facts: pd.DataFrame, week: date) -> pd.DataFrame:
    """Customers whose second valid order is in the week, in the order it came."""
    monday = pd.Timestamp(week)
    second = facts["second_ordered_at"]
    chosen = (second >= monday) & (second < monday + pd.Timedelta(days=7))
    return facts.loc[chosen, NEW_REPEAT].sort_values("second_ordered_at").reset_index(drop=True)


def customers_by_last_order(facts: pd.DataFrame) -> pd.DataFrame:
    """Every customer, the most recent last order first (what a shop too small for segments
    reads instead, as on the Segments page)."""
    return facts.sort_values(["last_ordered_at", "customer_id"], ascending=[False, True],
                             ignore_index=True)[BY_LAST_ORDER]


def weekly_report(con: duckdb.DuckDBPyConnection, week: date) -> WeeklyReport:
    """The report of the ISO week containing ``week`` (any day picks its Monday)."""
    monday = week_start(week)
    last_sunday, sunday = monday - timedelta(days=1), monday + timedelta(days=6)
    after, before = rfm(con, sunday), rfm(con, last_sunday)
    movement = segment_movement(con, last_sunday, sunday, after=after, before=before)
    risky = at_risk(con, sunday, scores=after, week_before=before)
    facts = run_sql(con, "report_customer_facts", **facts_as_of(con, sunday))
    ranked = enough_for_ranks(len(after))
    return WeeklyReport(
        week=monday,
        kpis=weekly_kpis(con, monday),
        trend=weekly_trend(con, monday, weeks=TREND_WEEKS),
        segments=segment_sizes(movement),
        moves=segment_moves(movement),
        to_call=sublist(risky, "to_call")[TO_CALL].reset_index(drop=True),
        at_risk=counts(risky),
        new_repeat=new_repeat_customers(facts, monday),
        currency=shop_currency(con),
        uncounted=uncounted(con),
        customers=len(after),
        by_last_order=customers_by_last_order(facts.iloc[:0] if ranked else facts),
        aftersales=week_section(con, monday),
        channels=channels_week(con, monday),
        products=products_week.week_section(con, monday, risky),
    )

