"""Insert a tiny hand-written table of orders, with its customers, import and order lines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import duckdb
import pandas as pd
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from store import summary

DEFAULTS = {"refunded_amount": 0.0, "status": "paid", "channel": "web", "products": ()}
COLUMNS = ["customer_id", "ordered_at", "amount", *DEFAULTS]


def insert_orders(con: duckdb.DuckDBPyConnection, rows: Iterable[Mapping]) -> pd.DataFrame:
    """Load ``rows`` into orders, order_lines and customers; return the orders as inserted.

    Each row: customer_id (int, or None for an anonymous till sale), ordered_at
    ("YYYY-MM-DD HH:MM"), amount, and optionally refunded_amount (0), status ("paid"),
    channel ("web") and products (one order line per name, in order). order_id follows the
    row order, so same-timestamp ties break by position.
    """
    orders = pd.DataFrame([{**DEFAULTS, **row} for row in rows], columns=COLUMNS)
    start = con.execute("select coalesce(max(order_id), 0) from orders").fetchone()[0]
    orders.insert(0, "order_id", range(start + 1, start + 1 + len(orders)))
    orders["ordered_at"] = pd.to_datetime(orders["ordered_at"])
    orders["customer_id"] = orders["customer_id"].astype("Int64")
    import_id = con.execute(
        "insert into imports (file_name, sha256, source, file_kind, status, started_at)"
        " values ('test.csv', 'test', 'test', 'orders', 'loaded', now()) returning import_id"
    ).fetchone()[0]
    lines = orders[["order_id", "products"]].explode("products").dropna()
    lines["line_number"] = lines.groupby("order_id").cumcount() + 1
    cur = con.cursor()
    cur.register("new_orders", orders.drop(columns="products"))
    cur.register("new_lines", lines)
    cur.execute(
        "insert into customers (customer_id, email, first_seen, import_id)"
        " select customer_id, 'client' || customer_id || '@example.fr', min(ordered_at), $import_id"
        " from new_orders"
        " where customer_id is not null"
        "   and customer_id not in (select customer_id from customers)"
        " group by customer_id",
        {"import_id": import_id},
    )
    cur.execute(
        "insert into orders (order_id, source, source_order_id, customer_id, ordered_at, amount,"
        " refunded_amount, status, channel, import_id)"
        " select order_id, 'test', order_id::varchar, customer_id, ordered_at, amount,"
        " refunded_amount, status, channel, $import_id from new_orders",
        {"import_id": import_id},
    )
    cur.execute(
        "insert into order_lines (order_id, line_number, product, quantity, import_id)"
        " select order_id, line_number, products, 1, $import_id from new_lines",
        {"import_id": import_id},
    )
    summary.refresh(cur)  # as every loader does
    cur.close()
    return orders


# The shared hand-computed shop (A=1 .. F=6, None = anonymous till sale). 2024 is a leap year.
#  id cust  ordered_at         amount refund status              channel      lines
#   1  A   2023-12-04 10:00    50.00    0   paid                web          Savon
#   2  B   2023-12-20 15:00    30.00    0   paid                shop         Bougie
#   3  A   2023-12-28 09:00    20.00    0   paid                web          Bougie
#   4  C   2024-01-02 11:00    40.00    0   paid                web          Savon, Bougie, Savon
#   5  B   2024-01-03 12:00    25.00    0   cancelled  (invalid) shop         Bougie
#   6  A   2024-01-09 10:00    35.00    0   paid                web          Savon
#   7  A   2024-01-09 18:00    15.00    0   paid (same day)     web          Bougie
#   8  D   2024-01-10 14:00    60.00   60   refunded   (invalid) web          Savon
#   9  D   2024-01-11 16:00    80.00   30   partially_refunded  web          Coffret   net 50
#  10  -   2024-01-12 13:00    12.00    0   paid (anonymous)    shop         Savon
#  11  F   2024-01-13 10:00    45.00    0   pending    (invalid) web          Coffret
#  12  B   2024-01-14 17:00    22.00    0   paid                shop         Savon
#  13  C   2024-02-15 10:00    30.00    0   paid                web          Coffret
#  14  E   2024-02-20 11:00    70.00    0   paid                marketplace  Coffret
#  15  A   2024-03-05 10:00    25.00    0   paid                web          Savon
# Valid orders per customer (F is a contact, never a customer); latest valid order 2024-03-05:
#  A: 12-04 50, 12-28 20, 01-09 35, 01-09 15, 03-05 25  -> 5 orders, 145.00, first on web
#  B: 12-20 30, 01-14 22                                -> 2 orders,  52.00, first in shop
#  C: 01-02 40, 02-15 30                                -> 2 orders,  70.00, first on web
#  D: 01-11 50                                          -> 1 order,   50.00, first on web
#  E: 02-20 70                                          -> 1 order,   70.00, first on marketplace
SHOP = [
    {"customer_id": 1, "ordered_at": "2023-12-04 10:00", "amount": 50.0, "products": ["Savon"]},
    {"customer_id": 2, "ordered_at": "2023-12-20 15:00", "amount": 30.0, "channel": "shop",
     "products": ["Bougie"]},
    {"customer_id": 1, "ordered_at": "2023-12-28 09:00", "amount": 20.0, "products": ["Bougie"]},
    {"customer_id": 3, "ordered_at": "2024-01-02 11:00", "amount": 40.0,
     "products": ["Savon", "Bougie", "Savon"]},
    {"customer_id": 2, "ordered_at": "2024-01-03 12:00", "amount": 25.0, "status": "cancelled",
     "channel": "shop", "products": ["Bougie"]},
    {"customer_id": 1, "ordered_at": "2024-01-09 10:00", "amount": 35.0, "products": ["Savon"]},
    {"customer_id": 1, "ordered_at": "2024-01-09 18:00", "amount": 15.0, "products": ["Bougie"]},
    {"customer_id": 4, "ordered_at": "2024-01-10 14:00", "amount": 60.0, "refunded_amount": 60.0,
     "status": "refunded", "products": ["Savon"]},
    {"customer_id": 4, "ordered_at": "2024-01-11 16:00", "amount": 80.0, "refunded_amount": 30.0,
     "status": "partially_refunded", "products": ["Coffret"]},
    {"customer_id": None, "ordered_at": "2024-01-12 13:00", "amount": 12.0, "channel": "shop",
     "products": ["Savon"]},
    {"customer_id": 6, "ordered_at": "2024-01-13 10:00", "amount": 45.0, "status": "pending",
     "products": ["Coffret"]},
    {"customer_id": 2, "ordered_at": "2024-01-14 17:00", "amount": 22.0, "channel": "shop",
     "products": ["Savon"]},
    {"customer_id": 3, "ordered_at": "2024-02-15 10:00", "amount": 30.0, "products": ["Coffret"]},
    {"customer_id": 5, "ordered_at": "2024-02-20 11:00", "amount": 70.0, "channel": "marketplace",
     "products": ["Coffret"]},
    {"customer_id": 1, "ordered_at": "2024-03-05 10:00", "amount": 25.0, "products": ["Savon"]},
]


def insert_shop(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Load the shared hand-computed shop above."""
    return insert_orders(con, SHOP)


def clear_orders(con: duckdb.DuckDBPyConnection) -> None:
    """Empty the tables insert_orders fills (Hypothesis reuses one connection across examples)."""
    for table in ("order_lines", "orders", "customers", "imports"):
        con.execute(f"delete from {table}")
    summary.refresh(con)


# Each example empties and refills the test's own connection, hence the fixture health check.
property_settings = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
STATUSES = ("paid", "paid", "paid", "partially_refunded", "refunded", "cancelled", "pending")


@st.composite
def order_row(draw: st.DrawFn) -> dict:
    """One random order over about 15 months: anonymous or one of 6 customers (ties and same-day
    orders likely), any status, a refund that may wipe out the order."""
    cents = draw(st.integers(1, 20_000))
    day = pd.Timestamp("2023-11-20") + pd.Timedelta(days=draw(st.integers(0, 450)))
    return {
        "customer_id": draw(st.one_of(st.none(), st.integers(1, 6))),
        "ordered_at": day + pd.Timedelta(minutes=draw(st.integers(0, 24 * 60 - 1))),
        "amount": cents / 100,
        "refunded_amount": draw(st.sampled_from([0, 0, cents // 2, cents])) / 100,
        "status": draw(st.sampled_from(STATUSES)),
        "channel": draw(st.sampled_from(["web", "shop"])),
        "products": draw(st.lists(st.sampled_from(["Savon", "Bougie"]), max_size=2)),
    }


order_rows = st.lists(order_row(), max_size=25)
