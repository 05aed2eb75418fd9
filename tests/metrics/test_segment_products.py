"""The segment builder's product and channel questions (issue 18): bought on a sales channel, due
now for a product's replenishment (the seasonal buyers' filter is in test_seasonal.py)."""

from __future__ import annotations

import pytest

from metrics import replenishment
from metrics.segment import (
    SegmentFilter,
    SegmentFilterError,
    describe,
    discount_codes,
    segment_customers,
)
from tests.metrics.factories import insert_shop
from tests.metrics.products_shop import AS_OF, insert_products_shop


def people(con, segment_filter: SegmentFilter, as_of=None) -> list[int]:
    return sorted(segment_customers(con, segment_filter, as_of)["customer_id"])


def test_sales_channels(con):
    # factories.SHOP: A, C, D on the web; B in the shop (its web-less cancelled order is none);
    # E on a marketplace; F has only a pending web order.
    insert_shop(con)
    assert people(con, SegmentFilter(sales_channels=("shop",))) == [2]
    assert people(con, SegmentFilter(sales_channels=("shop", "marketplace"))) == [2, 5]
    assert people(con, SegmentFilter(sales_channels=("web",))) == [1, 3, 4]
    assert describe(SegmentFilter(sales_channels=("shop", "web"))) == (
        "achète en boutique ou sur le site")


def test_an_unknown_channel_is_refused_in_words(con):
    insert_shop(con)
    with pytest.raises(SegmentFilterError, match="Canal de vente inconnu : caisse"):
        segment_customers(con, SegmentFilter(sales_channels=("caisse",)))


def test_due_for_a_product(con, monkeypatch):
    # test_replenishment.py: on 03-05, customer 3 is due for Savon, 4 for Bougie.
    insert_products_shop(con)
    monkeypatch.setattr(replenishment, "MIN_REPURCHASES", 1)
    assert people(con, SegmentFilter(due_for="Savon"), AS_OF) == [3]
    assert people(con, SegmentFilter(due_for="Bougie"), AS_OF) == [4]
    assert people(con, SegmentFilter(due_for="Inconnu"), AS_OF) == []
    assert describe(SegmentFilter(due_for="Savon"), "en") == "due for Savon"


def test_discount_codes(con):
    # factories.SHOP's orders 1 (A), 2 (B), 9 (D, partly refunded: valid) and 5 (B, cancelled)
    # carry codes; codes compare without case or spaces, an order may carry two.
    insert_shop(con)
    codes = {1: "BIENVENUE10", 2: " bienvenue10, NOEL", 5: "SOLDES", 9: "Noel"}
    for order_id, code in codes.items():
        con.execute("update orders set discount_code = $code where order_id = $id",
                    {"code": code, "id": order_id})
    assert discount_codes(con) == ["BIENVENUE10", "NOEL"]  # SOLDES: only a cancelled order
    assert people(con, SegmentFilter(discount_codes=("Bienvenue10",))) == [1, 2]
    assert people(con, SegmentFilter(discount_codes=("noel ",))) == [2, 4]
    assert people(con, SegmentFilter(discount_codes=("SOLDES",))) == []
    assert describe(SegmentFilter(discount_codes=("NOEL", "SOLDES"))) == (
        "code de réduction NOEL, SOLDES")
