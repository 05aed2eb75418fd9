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
    delete_segment,
    load_segment,
    save_segment,
    saved_segments,
)
from metrics.segment import SALES_CHANNELS, SegmentFilter, describe, segment_choices
from reports.products_format import seasonal_note
from ui import format
from ui.analysis_data import at_risk_waiting
from ui.data import connection, currency
from ui.i18n import lang, t
from ui.products_data import discount_codes, replenishment_table
from ui.segments_data import products

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


def _whole(value: float | None) -> float | int | None:
    """A bound as the builder's whole-unit number boxes hold it (100.0 -> 100)."""
    return int(value) if value is not None and float(value).is_integer() else value


def _fill_builder(as_of: date | None, data_version: Version) -> None:
    """On choosing a saved list: its questions into the builder's boxes (their session_state keys,
    set before the boxes are drawn again). A day left open goes back to its end of the span (the
    key is dropped), a choice no longer offered (a product, a code gone from the data) is left
    out; choosing "the criteria above" again leaves the boxes as they are, to adjust."""
    chosen = st.session_state.get("seg_saved")
    if chosen is None:
        return
    saved = load_segment(connection(), chosen)
    state = st.session_state
    for key, day in (("seg_last_from", saved.last_order_from),
                     ("seg_last_to", saved.last_order_to)):
        if day is None:
            state.pop(key, None)
        else:
            state[key] = day
    table = replenishment_table(as_of, data_version)
    usual = set(table.loc[table["usual"], "product"])
    offered = (("seg_segments", saved.segments, segment_choices(lang())),
               ("seg_products", saved.products, products(data_version)),
               ("seg_sales_channels", saved.sales_channels, SALES_CHANNELS),
               ("seg_discount_codes", saved.discount_codes, discount_codes(data_version)))
    for key, values, options in offered:
        state[key] = [value for value in values if value in options]
    state.update({
        "seg_spend_min": _whole(saved.spend_min), "seg_spend_max": _whole(saved.spend_max),
        "seg_orders_min": saved.orders_min, "seg_orders_max": saved.orders_max,
        "seg_places": ", ".join(saved.places), "seg_consent": saved.consent_only,
        "seg_at_risk": saved.at_risk,
        "seg_min_p_alive": None if saved.min_p_alive is None else _whole(
            round(saved.min_p_alive * 100, 2)),
        "seg_min_predicted": _whole(saved.min_predicted_value),
        "seg_min_overdue": saved.min_days_overdue,
        "seg_due_for": saved.due_for if saved.due_for in usual else None,
        "seg_leave_out_seasonal": saved.leave_out_seasonal,
    })


def _delete_chosen() -> None:
    """The delete button: forget the chosen saved list and go back to the criteria above."""
    chosen = st.session_state.get("seg_saved")
    if chosen is None:
        return
    try:
        st.session_state["seg_deleted"] = delete_segment(connection(), chosen)
    except SavedSegmentError:  # already deleted (another tab): nothing left to do
        pass
    st.session_state["seg_saved"] = None


def saved_or(
    built: SegmentFilter, as_of: date | None, data_version: Version
) -> SegmentFilter:
    """The saved list chosen in the select box (its questions also fill the builder's boxes), or
    the list ``built`` from the criteria above (with a box to save it under a name)."""
    names = saved_segments(connection())["name"].tolist()
    pick_column, delete_column = st.columns([3, 1], vertical_alignment="bottom")
    chosen = pick_column.selectbox(
        t("products_saved_pick"), options=[None, *names],
        format_func=lambda name: t("products_saved_none") if name is None else name,
        help=t("def_saved_segment"), key="seg_saved", on_change=_fill_builder,
        args=(as_of, data_version))
    deleted = st.session_state.pop("seg_deleted", None)
    if deleted is not None:
        st.success(t("products_saved_deleted", name=deleted))
    if chosen is not None:
        delete_column.button(t("products_saved_delete_button"), key="seg_delete_saved",
                             icon=":material/delete:", on_click=_delete_chosen)
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
