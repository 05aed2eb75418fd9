"""Replenishment on the hand-computed shop of products_shop.py.

Purchases as of 2024-03-05 (one per customer, product and day; the cancelled order is none):
 Savon:  1 on 01-01, 01-31, 03-01 (delays 30, 30); 2 on 01-10, 02-19 (40); 3 on 02-01
 Bougie: 1 on 03-01; 2 on 01-10; 4 on 01-05, 01-25 (20)
 Coffret: 4 on 01-05, 01-25 (20)
Savon: 3 buyers, 3 repurchases by 2 customers, delays 30, 30, 40: median 30, quartiles 30 and 35.
Due on 03-05 (window 30 days after the usual delay): Savon [30, 60) days: customer 3 (33 days;
1 is at 4, 2 at 15); Bougie [20, 50): customer 4 (40 days; 2 is at 55, past the window); Coffret
[20, 50): customer 4 (40 days).
"""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt

from metrics.replenishment import DUE_WINDOW_DAYS, due, replenishment
from tests.metrics.products_shop import AS_OF, insert_products_shop


def test_delays_buyers_and_repurchases_per_product(con):
    insert_products_shop(con)
    table = replenishment(con, AS_OF, min_repurchases=1)
    expected = pd.DataFrame({
        "product": ["Savon", "Bougie", "Coffret"],
        "buyers": [3, 3, 1],
        "repurchases": [3, 1, 1],
        "repurchasers": [2, 1, 1],
        "median_days": pd.array([30.0, 20.0, 20.0], dtype="Float64"),
        "quartile_1_days": pd.array([30.0, 20.0, 20.0], dtype="Float64"),
        "quartile_3_days": pd.array([35.0, 20.0, 20.0], dtype="Float64"),
        "usual": [True, True, True],
        "due": [1, 1, 1],
    })
    pdt.assert_frame_equal(table, expected, check_dtype=False)


def test_one_product_alone_gives_its_row_of_the_whole_table(con):
    insert_products_shop(con)
    whole = replenishment(con, AS_OF, min_repurchases=1)
    for product in ("Savon", "Bougie"):
        alone = replenishment(con, AS_OF, min_repurchases=1, product=product)
        pdt.assert_frame_equal(alone, whole[whole["product"] == product].reset_index(drop=True))


def test_too_few_repurchases_give_no_usual_delay_and_nobody_due(con):
    insert_products_shop(con)
    table = replenishment(con, AS_OF)  # MIN_REPURCHASES = 10
    assert not table["usual"].any()
    assert table["median_days"].isna().all()
    assert table["due"].eq(0).all()
    assert table["repurchases"].tolist() == [3, 1, 1]


def test_customers_due_now(con):
    insert_products_shop(con)
    delays = replenishment(con, AS_OF, min_repurchases=1)
    found = {product: due(con, product, AS_OF, delays)
             for product in ("Savon", "Bougie", "Coffret")}
    assert {product: table[["customer_id", "days_since", "times_bought"]].values.tolist()
            for product, table in found.items()} == {
        "Savon": [[3, 33, 1]], "Bougie": [[4, 40, 2]], "Coffret": [[4, 40, 2]]}
    assert found["Savon"]["last_bought"].tolist() == [pd.Timestamp("2024-02-01")]
    # On 03-01 customer 3 is at 29 days: nobody is due for Savon. On 04-01 customer 3 is at 60
    # days, out of the window; customer 1 (31 days) and 2 (42 days) are due.
    earlier = AS_OF - pd.Timedelta(days=4)
    assert due(con, "Savon", earlier, replenishment(con, earlier, 1)).empty
    later = AS_OF + pd.Timedelta(days=DUE_WINDOW_DAYS - 3)
    assert due(con, "Savon", later, replenishment(con, later, 1))["customer_id"].tolist() == [1, 2]
    # Without a usual delay (10 repurchases by default), nobody is due.
    assert due(con, "Savon", AS_OF).empty


def test_empty_base_has_no_product(con):
    assert replenishment(con).empty
    assert due(con, "Savon").empty
