"""Saved segments: a builder's questions kept under a name and read back the same, the list
recomputed on the day it is read."""

from __future__ import annotations

from datetime import date

import pytest

from metrics.saved_segments import (
    SavedSegmentError,
    delete_segment,
    filter_from_json,
    load_segment,
    save_segment,
    saved_segments,
)
from metrics.segment import SegmentFilter, segment_customers
from tests.metrics.factories import insert_shop

EVERY_KIND = SegmentFilter(
    segments=("champions", "loyal"), last_order_from=date(2024, 1, 1),
    last_order_to=date(2024, 3, 5), spend_min=10.5, orders_min=2, products=("Savon",),
    places=("69",), consent_only=True, min_p_alive=0.5, min_days_overdue=30, at_risk="valuable",
    sales_channels=("web", "shop"), due_for="Savon lavande", leave_out_seasonal=True,
    discount_codes=("BIENVENUE10",),
)


def test_a_filter_comes_back_from_its_json_unchanged():
    assert filter_from_json(EVERY_KIND.to_json()) == EVERY_KIND
    assert filter_from_json(SegmentFilter().to_json()) == SegmentFilter()


def test_questions_a_version_does_not_know_are_dropped_and_new_ones_read_as_any():
    assert filter_from_json('{"orders_min": 2, "asked_by_a_later_version": 1}') == SegmentFilter(
        orders_min=2)


def test_save_list_load_replace_and_delete(con):
    save_segment(con, "  Fidèles   du web ", SegmentFilter(sales_channels=("web",), orders_min=2))
    save_segment(con, "boutique", SegmentFilter(sales_channels=("shop",)))
    assert saved_segments(con)["name"].tolist() == ["boutique", "Fidèles du web"]
    assert load_segment(con, "Fidèles du web") == SegmentFilter(sales_channels=("web",),
                                                                 orders_min=2)
    save_segment(con, "boutique", SegmentFilter(orders_min=3))  # same name: replaced
    assert len(saved_segments(con)) == 2
    assert load_segment(con, "boutique") == SegmentFilter(orders_min=3)
    assert delete_segment(con, " boutique") == "boutique"
    assert saved_segments(con)["name"].tolist() == ["Fidèles du web"]
    with pytest.raises(SavedSegmentError, match="Fidèles du web"):
        delete_segment(con, "boutique")


def test_a_saved_segment_gives_todays_people(con):
    save_segment(con, "fidèles du web", SegmentFilter(sales_channels=("web",), orders_min=2))
    assert segment_customers(con, load_segment(con, "fidèles du web")).empty
    insert_shop(con)  # A (5 orders) and C (2) bought twice on the web
    people = segment_customers(con, load_segment(con, "fidèles du web"))
    assert sorted(people["customer_id"]) == [1, 3]


@pytest.mark.parametrize("name, message", [
    ("   ", "Donnez un nom à la liste"),
    ("x" * 81, "80 caractères au plus"),
])
def test_a_name_must_be_given_and_short(con, name, message):
    with pytest.raises(SavedSegmentError, match=message):
        save_segment(con, name, SegmentFilter())


def test_an_unknown_name_lists_the_saved_ones(con):
    save_segment(con, "boutique", SegmentFilter())
    with pytest.raises(SavedSegmentError) as caught:
        load_segment(con, "web")
    assert caught.value.message("fr") == (
        "Aucune liste enregistrée ne s'appelle « web ». Listes enregistrées : boutique.")
