"""A tiny hand-computed shop of channels and discount codes (2024 is a leap year), as of
AS_OF = Monday 30 June 2025.

 order cust  day         channel  amount  lines    discount     note
  1     1    2024-01-10  web      50      Savon    5 BIENVENUE
  2     1    2024-02-20  shop     30      Bougie                41 days after order 1
  3     1    2024-06-01  web      40      Savon                 102 days after order 2
  4     2    2024-03-05  shop     20      Bougie   3, no code
  5     2    2024-03-25  shop     25      Savon                 20 days after order 4
  6     3    2024-05-01  web      60      Coffret
  7     4    2025-01-15  web      40      Savon    4 BIENVENUE
  8     4    2025-02-14  web      20      Savon                 30 days after order 7
  9     5    2025-06-20  shop     15      Bougie
 10     5    2025-06-25  web      35      Coffret               5 days after order 9
 11     6    2024-02-01  web      30      Savon    cancelled: no order, not a customer yet
 12     6    2024-04-01  web      45      Bougie   5 MERCI
 13     -    2024-07-01  shop     10      Savon    anonymous till sale

Customers: 1 (3 orders, 120, web + shop), 2 (2, 45, shop), 3 (1, 60, web), 4 (2, 60, web),
5 (2, 50, shop + web), 6 (1, 45, web). Followed 90 days (first order by 2025-04-01): 1, 2, 3,
4, 6; a whole year (first order by 2024-07-01): 1, 2, 3, 6.
"""

from __future__ import annotations

from datetime import date

import duckdb

from tests.metrics.factories import insert_orders

AS_OF = date(2025, 6, 30)
ORDERS = [
    (1, "2024-01-10 10:00", "web", 50.0, "Savon", 5.0, "BIENVENUE"),
    (1, "2024-02-20 10:00", "shop", 30.0, "Bougie", None, None),
    (1, "2024-06-01 10:00", "web", 40.0, "Savon", None, None),
    (2, "2024-03-05 10:00", "shop", 20.0, "Bougie", 3.0, None),
    (2, "2024-03-25 10:00", "shop", 25.0, "Savon", None, None),
    (3, "2024-05-01 10:00", "web", 60.0, "Coffret", None, None),
    (4, "2025-01-15 10:00", "web", 40.0, "Savon", 4.0, "BIENVENUE"),
    (4, "2025-02-14 10:00", "web", 20.0, "Savon", None, None),
    (5, "2025-06-20 10:00", "shop", 15.0, "Bougie", None, None),
    (5, "2025-06-25 10:00", "web", 35.0, "Coffret", None, None),
    (6, "2024-02-01 10:00", "web", 30.0, "Savon", None, None),
    (6, "2024-04-01 10:00", "web", 45.0, "Bougie", 5.0, "MERCI"),
    (None, "2024-07-01 10:00", "shop", 10.0, "Savon", None, None),
]
CANCELLED = 11


def insert_channels_shop(con: duckdb.DuckDBPyConnection) -> None:
    inserted = insert_orders(con, [
        {"customer_id": customer, "ordered_at": at, "channel": channel, "amount": amount,
         "products": [product], "status": "cancelled" if number == CANCELLED else "paid"}
        for number, (customer, at, channel, amount, product, _, _) in enumerate(ORDERS, start=1)
    ])
    for order_id, (*_, discount, code) in zip(inserted["order_id"], ORDERS, strict=True):
        con.execute("update orders set discount = $discount, discount_code = $code"
                    " where order_id = $order_id",
                    {"discount": discount, "code": code, "order_id": int(order_id)})
