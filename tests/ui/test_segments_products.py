"""The Segments builder's product and season questions, its saved lists and the export log, run
by AppTest on the demo shop: the figures shown are the metrics' for the same questions."""

from __future__ import annotations

import shutil

from metrics import dates
from metrics.at_risk import at_risk
from metrics.saved_segments import saved_segments
from metrics.seasonal import seasonal_buyers, waiting_counts
from metrics.segment import SegmentFilter, list_summary, segment_customers
from tests.metrics.factories import insert_orders
from tests.ui.conftest import app, connected, shown_metrics
from ui import format

PAGE = "views/segments.py"
ASKED = SegmentFilter(sales_channels=("shop",), due_for="Savon lavande",
                      leave_out_seasonal=True)


def summary_of(path, segment_filter: SegmentFilter) -> dict:
    with connected(path) as con:
        as_of = dates.latest_order_date(con)
        return list_summary(segment_customers(con, segment_filter, as_of))


def open_page():
    at = app()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_channel_due_for_and_seasonal_questions(demo_db, use_db):
    expected = summary_of(demo_db, ASKED)
    assert 0 < expected["people"] < summary_of(demo_db, SegmentFilter(due_for="Savon lavande"))[
        "people"]
    use_db(demo_db)
    at = open_page()
    at.multiselect(key="seg_sales_channels").select("shop")
    at.selectbox(key="seg_due_for").set_value("Savon lavande")
    at.checkbox(key="seg_leave_out_seasonal").check().run()
    assert not at.exception
    assert shown_metrics(at)["Personnes dans la liste"] == format.number(expected["people"])
    assert ("Liste : achète en boutique ; à relancer pour Savon lavande ; sans les acheteurs "
            "saisonniers qui attendent leur saison") in [c.value for c in at.caption]


def test_a_list_saved_on_the_page_is_reused_and_the_export_log_is_shown(demo_file, tmp_path,
                                                                       use_db):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, path)  # this test writes a saved list
    use_db(path)
    at = open_page()
    at.multiselect(key="seg_sales_channels").select("shop").run()
    at.text_input(key="seg_save_name").input("Clients boutique")
    at.button(key="seg_save").click().run()
    assert not at.exception
    assert at.success[0].value == "Liste « Clients boutique » enregistrée : achète en boutique."
    assert "Historique des exports (0)" in [e.label for e in at.expander]
    at.multiselect(key="seg_sales_channels").unselect("shop").run()
    at.selectbox(key="seg_saved").set_value("Clients boutique").run()
    assert not at.exception
    expected = summary_of_closed(at, path)
    assert shown_metrics(at)["Personnes dans la liste"] == format.number(expected["people"])


def summary_of_closed(at, path) -> dict:
    """The saved list's figures, read once the app's connection is dropped (one writer)."""
    import streamlit as st

    st.cache_resource.clear()
    with connected(path) as con:
        assert saved_segments(con)["name"].tolist() == ["Clients boutique"]
        as_of = dates.latest_order_date(con)
        return list_summary(segment_customers(con, SegmentFilter(sales_channels=("shop",)),
                                              as_of))


def test_save_without_a_name_says_what_to_do(demo_db, use_db):
    use_db(demo_db)
    at = open_page()
    at.button(key="seg_save").click().run()
    assert at.error[0].value == "Donnez un nom à la liste avant de l'enregistrer."




def test_the_at_risk_counts_say_how_many_wait_for_their_season(tmp_path, use_db):
    """A shop whose at-risk regulars bought only at the year's end: the Segments page says they
    wait for their season. 25 customers each with 3 orders; 5 of them only in December."""
    orders = []
    for customer in range(1, 26):
        months = ("2024-12-02", "2024-12-09", "2024-12-16") if customer <= 5 else (
            "2025-01-06", "2025-02-03", "2025-03-03" if customer > 15 else "2025-01-20")
        orders += [{"customer_id": customer, "ordered_at": f"{day} 10:00",
                    "amount": 10.0 * customer} for day in months]
    orders.append({"customer_id": 26, "ordered_at": "2025-06-30 10:00", "amount": 5.0})
    path = tmp_path / "seasons.duckdb"
    with connected(path) as con:
        insert_orders(con, orders)
        as_of = dates.latest_order_date(con)
        expected = waiting_counts(seasonal_buyers(con, as_of, waiting_only=True),
                                  at_risk(con, as_of))
    assert expected and sum(expected.values()) > 0
    use_db(path)
    at = open_page()
    count = sum(expected.values())
    assert any(c.value.startswith(f"{count} client") and "attend" in c.value
               for c in at.caption)


def test_a_saved_list_chosen_fills_the_builder_and_can_be_deleted(demo_file, tmp_path, use_db):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, path)  # this test writes and deletes a saved list
    use_db(path)
    at = open_page()
    at.multiselect(key="seg_sales_channels").select("shop")
    at.number_input(key="seg_orders_min").set_value(2)
    at.text_input(key="seg_places").input("69, Paris")
    at.checkbox(key="seg_leave_out_seasonal").check().run()
    at.text_input(key="seg_save_name").input("Fidèles boutique")
    at.button(key="seg_save").click().run()
    assert not at.exception
    at.multiselect(key="seg_sales_channels").unselect("shop")  # the builder changed since
    at.number_input(key="seg_orders_min").set_value(None)
    at.text_input(key="seg_places").input("")
    at.checkbox(key="seg_leave_out_seasonal").uncheck().run()
    at.selectbox(key="seg_saved").set_value("Fidèles boutique").run()
    assert not at.exception
    assert at.multiselect(key="seg_sales_channels").value == ["shop"]
    assert at.number_input(key="seg_orders_min").value == 2
    assert at.text_input(key="seg_places").value == "69, Paris"
    assert at.checkbox(key="seg_leave_out_seasonal").value is True
    at.button(key="seg_delete_saved").click().run()
    assert not at.exception
    assert at.success[0].value == "Liste « Fidèles boutique » supprimée."
    assert at.selectbox(key="seg_saved").value is None
    assert at.selectbox(key="seg_saved").options == ["— les critères ci-dessus —"]
    assert at.multiselect(key="seg_sales_channels").value == ["shop"]  # left to adjust
