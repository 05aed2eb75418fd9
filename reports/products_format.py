"""The rapport du lundi's products part in words, for both renderers (reports/html.py,
reports/xlsx.py): the products whose customers are due for them, the saved lists with their
counts, and the sentence on at-risk customers who are seasonal buyers waiting for their season."""

from __future__ import annotations

import math

import pandas as pd

from metrics.products_week import ProductsWeek
from words import text
from words.format import number


def due_table(due: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """The usual delay in whole days rounded up: a customer is due from that day (as on the
    Produits et saisons page)."""
    return pd.DataFrame({
        text("col_product", lang): due["product"],
        text("products_col_median_days", lang): [math.ceil(v) for v in due["median_days"]],
        text("col_due", lang): due["due"],
    })


def saved_table(saved: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    return pd.DataFrame({
        text("products_report_col_list", lang): saved["name"],
        text("products_report_col_criteria", lang): saved[f"description_{lang}"],
        text("products_report_col_people", lang): saved["people"],
        text("products_report_col_reachable", lang): saved["reachable"],
    })


def seasonal_note(at_risk_waiting: dict[str, int], lang: str = "fr") -> str:
    """'2 clients à risque n'achètent qu'à une saison et l'attendent…' from
    metrics.seasonal.waiting_counts of the at-risk list, or the empty string when none of them
    does (the report's list to call and the Segments page say it)."""
    if not at_risk_waiting:
        return ""
    seasons = ", ".join(
        text("products_report_season_count", lang, season=text(f"products_season_{key}", lang),
             count=number(count, 0, lang))
        for key, count in at_risk_waiting.items())
    return text("products_report_at_risk_seasonal", lang, count=sum(at_risk_waiting.values()),
                seasons=seasons)


def products_lists(
    section: ProductsWeek, lang: str = "fr"
) -> list[tuple[str, str, str, pd.DataFrame, str]]:
    """The part's two lists as (key, title, note, table, what an empty table says), in the
    report's order."""
    return [
        ("products_due", text("products_report_due", lang), text("def_replenishment_due", lang),
         due_table(section.due, lang), text("report_nobody", lang)),
        ("products_saved", text("products_report_saved", lang), text("def_saved_segment", lang),
         saved_table(section.saved, lang), text("products_report_no_saved", lang)),
    ]
