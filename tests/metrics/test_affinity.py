"""Product affinity on the hand-computed shop of products_shop.py (as of 2024-03-05).

Bought together: 10 valid orders with lines (order 8 is cancelled; the anonymous 11 counts).
Savon is in 8 (1-7 but 8, 11), Bougie in 5 (4, 5, 9, 10, 11), Coffret in 2 (9, 10); Savon and
Bougie together in 3 (4, 5, 11), Bougie and Coffret in 2 (9, 10).
 Savon -> Bougie: share 3/8, lift (3/8) / (5/10) = 0.75; Bougie -> Savon: 3/5, (3/5) / (8/10)
 Bougie -> Coffret: 2/5, (2/5) / (2/10) = 2; Coffret -> Bougie: 2/2, 1 / (5/10) = 2

Bought next (purchase days per customer): 1: 01-01 {S}, 01-31 {S}, 03-01 {S, B};
2: 01-10 {S, B}, 02-19 {S}; 3: 02-01 {S}; 4: 01-05 {B, C}, 01-25 {B, C}.
Purchases followed by another day: Savon 3 (1 twice, 2), Bougie 2 (2, 4), Coffret 1 (4).
Next: S->S 3 (customers 1, 2), S->B 1, B->S 1, B->B 1, B->C 1, C->B 1, C->C 1.
Later days (not a customer's first): 1's 01-31 {S} and 03-01 {S, B}, 2's 02-19 {S}, 4's 01-25
{B, C}: 4 days; Savon on 3, Bougie on 2, Coffret on 1. Lift = share / (days with it / 4).
"""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt

from metrics.affinity import bought_next, bought_together
from tests.metrics.products_shop import AS_OF, insert_products_shop


def test_bought_together_counts_shares_and_lifts(con):
    insert_products_shop(con)
    expected = pd.DataFrame({
        "product": ["Bougie", "Bougie", "Coffret", "Savon"],
        "other_product": ["Savon", "Coffret", "Bougie", "Bougie"],
        "orders": [3, 2, 2, 3],
        "product_orders": [5, 5, 2, 8],
        "share": [3 / 5, 2 / 5, 1.0, 3 / 8],
        "lift": [0.75, 2.0, 2.0, 0.75],
    })
    pdt.assert_frame_equal(bought_together(con, AS_OF, min_count=1), expected,
                           check_dtype=False)
    # Pairs seen in fewer than 3 orders are left out by default.
    assert bought_together(con, AS_OF)[["product", "other_product"]].values.tolist() == [
        ["Bougie", "Savon"], ["Savon", "Bougie"]]
    assert bought_together(con, AS_OF, "Coffret", 1)["other_product"].tolist() == ["Bougie"]


def test_bought_next_counts_shares_and_lifts(con):
    insert_products_shop(con)
    table = bought_next(con, AS_OF, min_count=1)
    expected = pd.DataFrame({
        "product": ["Bougie", "Bougie", "Bougie", "Coffret", "Coffret", "Savon", "Savon"],
        "next_product": ["Coffret", "Bougie", "Savon", "Coffret", "Bougie", "Savon", "Bougie"],
        "times": [1, 1, 1, 1, 1, 3, 1],
        "customers": [1, 1, 1, 1, 1, 2, 1],
        "followed": [2, 2, 2, 1, 1, 3, 3],
        "share": [0.5, 0.5, 0.5, 1.0, 1.0, 1.0, 1 / 3],
        "lift": [2.0, 1.0, 2 / 3, 4.0, 2.0, 4 / 3, 2 / 3],
    })
    pdt.assert_frame_equal(table, expected, check_dtype=False)
    savon = bought_next(con, AS_OF, "Savon")
    assert savon[["next_product", "times"]].values.tolist() == [["Savon", 3]]


def test_an_earlier_date_sees_only_the_orders_before_it(con):
    insert_products_shop(con)
    # Up to 01-31: customer 1's 01-01 -> 01-31 (S -> S) and 4's 01-05 -> 01-25 only; each
    # product is on one of the 2 later days, and always followed by itself: lift 1 / (1/2).
    table = bought_next(con, pd.Timestamp("2024-01-31").date(), min_count=1)
    assert table[["product", "next_product", "times"]].values.tolist() == [
        ["Bougie", "Bougie", 1], ["Bougie", "Coffret", 1], ["Coffret", "Bougie", 1],
        ["Coffret", "Coffret", 1], ["Savon", "Savon", 1]]
    assert table["lift"].tolist() == [2.0] * 5


def test_empty_base(con):
    assert bought_together(con).empty and bought_next(con).empty
