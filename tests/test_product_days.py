"""The kept product purchases and baskets (store/summary.py, migration 024) on the hand-computed
shop of tests/metrics/products_shop.py: the rows worked out by hand, equal to their definitions
computed from scratch after a merge, a split and a forget, and read as of an earlier day as if
the later orders had not been placed."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

import store
from identity import decisions as identity
from tests.metrics.products_shop import insert_products_shop

NOW = datetime(2024, 4, 1, 12, 0)
PURCHASES = "select * from customer_product_days order by customer_id, product, day"
BASKETS = "select * from product_basket_days order by day, product nulls first"


def kept_and_defined(con) -> tuple[pd.DataFrame, pd.DataFrame]:
    kept = con.execute(PURCHASES).df()
    defined = con.execute("select * from product_purchases_from_orders()"
                          " order by customer_id, product, day").df()
    return kept, defined


def assert_kept_is_defined(con) -> None:
    pd.testing.assert_frame_equal(*kept_and_defined(con))
    pd.testing.assert_frame_equal(
        con.execute(BASKETS).df(),
        con.execute("select * from product_baskets_from_orders() order by day, product nulls first")
        .df())


def rows(con, query: str, **params) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row)
            for row in con.execute(query, params).fetchall()]


@pytest.fixture
def shop(con):
    insert_products_shop(con)
    return con


def test_customer_1s_purchases_as_worked_out_by_hand(shop):
    """Savon on 01-01, 01-31 and 03-01 (two orders that day: two lines, one purchase), Bougie on
    03-01; Bougie is the day's first product by number (products are numbered by name)."""
    got = rows(shop, "select product, day, lines, previous_day, next_day, purchase_number,"
                     " first_purchase_day, next_purchase_day, first_of_day"
                     " from customer_product_days where customer_id = 1 order by day, product")
    jan1, jan31, mar1 = date(2024, 1, 1), date(2024, 1, 31), date(2024, 3, 1)
    assert got == [
        ("Savon", jan1, 1, None, jan31, 1, jan1, jan31, True),
        ("Savon", jan31, 1, jan1, mar1, 2, jan1, mar1, True),
        ("Bougie", mar1, 1, None, None, 1, jan1, None, True),
        ("Savon", mar1, 2, jan31, None, 3, jan1, None, False),
    ]
    assert_kept_is_defined(shop)


def test_baskets_count_anonymous_orders_and_not_cancelled_ones(shop):
    """12 January: the anonymous till sale (Savon, Bougie); 11 February: only the cancelled order
    (no basket); 1 March: two orders, both with Savon, one with Bougie."""
    got = rows(shop, "select day, product, orders from product_basket_days"
                     " where day in ('2024-01-12', '2024-02-11', '2024-03-01')"
                     " order by day, product nulls first")
    jan12, mar1 = date(2024, 1, 12), date(2024, 3, 1)
    assert got == [(jan12, None, 1), (jan12, "Bougie", 1), (jan12, "Savon", 1),
                   (mar1, None, 2), (mar1, "Bougie", 1), (mar1, "Savon", 2)]


def test_an_earlier_day_reads_as_if_the_later_orders_were_not_there(shop):
    """As of 31 January customer 1 has bought Savon twice, with no next purchase yet."""
    got = rows(shop, "select product, day, next_day, purchase_number, next_purchase_day"
                     " from product_purchases($as_of) where customer_id = 1 order by day",
               as_of=date(2024, 1, 31))
    assert got == [("Savon", date(2024, 1, 1), date(2024, 1, 31), 1, date(2024, 1, 31)),
                   ("Savon", date(2024, 1, 31), None, 2, None)]


def test_merge_split_and_forget_keep_the_tables_equal_to_their_definitions(shop):
    baskets = shop.execute(BASKETS).df()
    before = shop.execute(PURCHASES).df()
    identity.merge(shop, 1, 2, now=NOW)
    assert_kept_is_defined(shop)
    assert rows(shop, "select day, purchase_number from customer_product_days"
                      " where customer_id = 1 and product = 'Savon' order by day") == [
        (date(2024, 1, 1), 1), (date(2024, 1, 10), 2), (date(2024, 1, 31), 3),
        (date(2024, 2, 19), 4), (date(2024, 3, 1), 5)]
    identity.split(shop, 2, now=NOW)
    pd.testing.assert_frame_equal(shop.execute(PURCHASES).df(), before)
    identity.forget(shop, 4, now=NOW)
    assert_kept_is_defined(shop)
    assert rows(shop, "select count(*) from customer_product_days where customer_id = 4") == [
        (0,)]
    pd.testing.assert_frame_equal(shop.execute(BASKETS).df(), baskets)  # orders detached, kept


def test_a_database_gains_filled_tables_when_migrated(shop):
    expected = shop.execute(PURCHASES).df(), shop.execute(BASKETS).df()
    shop.execute("delete from schema_version where version = $v",
                 {"v": store.db.PRODUCT_DAYS_VERSION})
    shop.execute("drop table customer_product_days")
    shop.execute("drop table product_basket_days")
    store.migrate(shop)
    pd.testing.assert_frame_equal(shop.execute(PURCHASES).df(), expected[0])
    pd.testing.assert_frame_equal(shop.execute(BASKETS).df(), expected[1])
