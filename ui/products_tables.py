"""The Produits et saisons page's tables with translated headers; values stay raw so the tables
sort, and each table's column_config formats them the reader's way."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui import format
from ui.i18n import lang, t


def whole_days(days: pd.Series) -> pd.Series:
    """A usual delay in whole days, rounded up: a customer is due from the first whole day at or
    past the median (metrics.replenishment), 115 for a median of 114.5."""
    return np.ceil(days.astype("Float64")).astype("Int64")


def replenishment_rows(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_product"): table["product"],
        t("col_buyers"): table["buyers"],
        t("col_repurchases"): table["repurchases"],
        t("products_col_median_days"): whole_days(table["median_days"]),
        t("products_col_quartiles"): [
            None if pd.isna(low) else f"{low:.0f} – {high:.0f}"
            for low, high in zip(table["quartile_1_days"], table["quartile_3_days"])],
        t("col_due"): table["due"],
    })


def replenishment_columns() -> dict:
    return {
        t("products_col_median_days"): st.column_config.NumberColumn(
            help=t("def_replenishment")),
        t("col_due"): st.column_config.NumberColumn(help=t("def_replenishment_due")),
    }


def due_rows(people: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("seg_col_name"): people["name"],
        t("seg_col_email"): people["email"],
        t("seg_col_phone"): people["phone"],
        t("col_last_bought"): people["last_bought"],
        t("col_days_since"): people["days_since"],
        t("col_times_bought"): people["times_bought"],
        t("seg_col_email_marketing"): people["email_marketing"],
    })


def due_columns(day_format: str) -> dict:
    return {t("col_last_bought"): st.column_config.DateColumn(format=day_format)}


def affinity_rows(table: pd.DataFrame, other: str, count: str, base: str) -> pd.DataFrame:
    """bought_together (other_product, orders, product_orders) or bought_next (next_product,
    times, followed) rows: the other product, how often, out of how many, share and lift (text
    the reader's way: a printf format knows no decimal comma, and the rows come sorted)."""
    return pd.DataFrame({
        t("products_col_with"): table[other],
        t("col_count"): table[count],
        t("col_base"): table[base],
        t("col_share"): table["share"].map(lambda v: format.percent(v, lang())),
        t("col_lift"): table["lift"].map(lambda v: format.number(v, 2, lang())),
    })


def affinity_columns() -> dict:
    return {t("col_lift"): st.column_config.TextColumn(help=t("products_lift_help"))}
