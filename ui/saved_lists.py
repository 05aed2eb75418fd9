"""The Segments builder's channel, discount code, product and season questions, its saved lists
and the export log (issue 18): drawn by views/segments.py around the builder, so that page stays
as it was elsewhere.

Saved lists are read straight from the database (a handful of rows, and a save must show at
once); the due-for choices are the products with a usual repurchase delay
(ui.products_data.replenishment_table, cached per data version).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from exports import export_log
from metrics.saved_segments import (
    SavedSegmentError,
    load_segment,
    save_segment,
    saved_segments,
)
from metrics.segment import SALES_CHANNELS, SegmentFilter, describe
from reports.products_format import seasonal_note
from ui import format
from ui.analysis_data import at_risk_waiting
from ui.data import connection, currency
from ui.i18n import lang, t
from ui.products_data import discount_codes, replenishment_table

Version = tuple[int, int, int]
LOG_SHOWN = 50


def product_questions(as_of: date | None, data_version: Version) -> dict[str, object]:
    """Sales channel, discount code, due for a product, leave out seasonal buyers: SegmentFilter's
    arguments."""
    st.caption(t("products_builder_caption"))
    channel_column, code_column, due_column, season_column = st.columns(4)
    table = replenishment_table(as_of, data_version)
    with channel_column:
        channels = st.multiselect(
            t("products_f_channels"), options=list(SALES_CHANNELS),
            format_func=lambda key: t(f"products_channel_name_{key}"),
            placeholder=t("seg_f_choose"), select_all=False, key="seg_sales_channels")
    with code_column:
        codes = st.multiselect(t("products_f_codes"), options=discount_codes(data_version),
                               placeholder=t("seg_f_choose"), select_all=False,
                               key="seg_discount_codes")
    with due_column:
        due_for = st.selectbox(
            t("products_f_due_for"), options=[None, *table.loc[table["usual"], "product"]],
            format_func=lambda key: t("seg_f_anyone") if key is None else key,
            help=t("def_replenishment_due"), key="seg_due_for")
    with season_column:
        seasonal = st.checkbox(t("products_f_not_seasonal"), help=t("def_seasonal_buyers"),
                               key="seg_leave_out_seasonal")
    return {"sales_channels": tuple(channels), "discount_codes": tuple(codes),
            "due_for": due_for, "leave_out_seasonal": seasonal}


def seasonal_at_risk_note(as_of: date | None, data_version: Version) -> None:
    """Under the at-risk counts (ui.analysis_data.at_risk_table): how many of them are seasonal
    buyers waiting for their season (not lost), as the rapport du lundi says it."""
    note = seasonal_note(at_risk_waiting(as_of, data_version), lang())
    if note:
        st.caption(note)


def saved_or(built: SegmentFilter) -> SegmentFilter:
    """The saved list chosen in the select box, or the list ``built`` from the criteria above
    (with a box to save it under a name)."""
    names = saved_segments(connection())["name"].tolist()
    chosen = st.selectbox(t("products_saved_pick"), options=[None, *names],
                          format_func=lambda name: t("products_saved_none") if name is None
                          else name, help=t("def_saved_segment"), key="seg_saved")
    if chosen is not None:
        st.caption(t("products_saved_used", name=chosen))
        return load_segment(connection(), chosen)
    name_column, button_column = st.columns([3, 1], vertical_alignment="bottom")
    name = name_column.text_input(t("products_saved_name"), key="seg_save_name")
    if button_column.button(t("products_saved_button"), key="seg_save",
                            icon=":material/bookmark_add:"):
        try:
            kept = save_segment(connection(), name, built)
        except SavedSegmentError as error:
            st.error(error.message(lang()))
        else:
            st.success(t("products_saved", name=kept,
                         description=describe(built, lang(), currency())))
    return built


def show_export_log() -> None:
    """The latest exports: when, which list, format, how many people, how many left out."""
    log = export_log(connection())
    with st.expander(t("products_log_title", count=len(log))):
        if log.empty:
            st.caption(t("products_log_empty"))
            return
        st.dataframe(pd.DataFrame({
            t("products_log_when"): log["exported_at"].head(LOG_SHOWN),
            t("products_log_list"): log["description"].head(LOG_SHOWN),
            t("products_log_format"): log["format"].head(LOG_SHOWN),
            t("products_log_rows"): log["rows_exported"].head(LOG_SHOWN),
            t("products_log_left_out"): log["rows_left_out"].head(LOG_SHOWN),
        }), column_config={t("products_log_when"): st.column_config.DatetimeColumn(
            format=format.DAY_INPUT[lang()] + " HH:mm")},
            hide_index=True, width="stretch")
