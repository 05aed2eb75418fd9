"""A tiny hand-computed shop of product purchases, for replenishment and affinity (2024, a leap
year; the products are S = Savon, B = Bougie, C = Coffret).

 order cust  day    lines   note
  1     1    01-01  S
  2     1    01-31  S                      30 days after order 1
  3     1    03-01  S                      30 days after order 2 (Feb has 29 days)
  4     1    03-01  S, B                   same day as order 3: one purchase of S
  5     2    01-10  S, B
  6     2    02-19  S                      40 days after order 5
  7     3    02-01  S
  8     3    02-11  S                      cancelled: no purchase
  9     4    01-05  B, C
 10     4    01-25  B, C                   20 days after order 9
 11     -    01-12  S, B                   anonymous till sale: a basket, no customer
"""

from __future__ import annotations

from datetime import date

import duckdb

from tests.metrics.factories import insert_orders

AS_OF = date(2024, 3, 5)
ORDERS = [
    (1, "2024-01-01 10:00", ["Savon"]),
    (1, "2024-01-31 10:00", ["Savon"]),
    (1, "2024-03-01 10:00", ["Savon"]),
    (1, "2024-03-01 17:00", ["Savon", "Bougie"]),
    (2, "2024-01-10 10:00", ["Savon", "Bougie"]),
    (2, "2024-02-19 10:00", ["Savon"]),
    (3, "2024-02-01 10:00", ["Savon"]),
    (3, "2024-02-11 10:00", ["Savon"]),
    (4, "2024-01-05 10:00", ["Bougie", "Coffret"]),
    (4, "2024-01-25 10:00", ["Bougie", "Coffret"]),
    (None, "2024-01-12 10:00", ["Savon", "Bougie"]),
]
CANCELLED = 8


def insert_products_shop(con: duckdb.DuckDBPyConnection) -> None:
    insert_orders(con, [
        {"customer_id": customer, "ordered_at": at, "amount": 10.0, "products": products,
         "status": "cancelled" if number == CANCELLED else "paid"}
        for number, (customer, at, products) in enumerate(ORDERS, start=1)
    ])
