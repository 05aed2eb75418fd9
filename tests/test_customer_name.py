"""A customer's name as shown (definition customer_name): first and last name, otherwise the full
name, blanks trimmed. The contact lists of the value page and the customer search wrote it with
the opposite order (full name first) before: one person showed two names."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from metrics import customer, value_lists
from tests.metrics.factories import insert_shop

REPO = Path(__file__).resolve().parent.parent

NAMES = [  # customer_id, first_name, last_name, full_name -> name shown
    (1, "Anne", "Martin", "Mme Anne MARTIN", "Anne Martin"),
    (2, None, None, "  Paul Durand ", "Paul Durand"),
    (3, "Léa", None, None, "Léa"),
    (4, " ", "", "Marc Petit", "Marc Petit"),
    (5, None, None, None, None),
]


def name_customers(con) -> None:
    for customer_id, first, last, full, _ in NAMES:
        con.execute("update customers set first_name = ?, last_name = ?, full_name = ?"
                    " where customer_id = ?", [first, last, full, customer_id])


def test_the_definition_prefers_first_and_last_name(con):
    insert_shop(con)
    name_customers(con)

    shown = con.execute(
        "select customer_id, customer_name(first_name, last_name, full_name) from customers"
        " where customer_id <= 5 order by customer_id").fetchall()

    assert shown == [(row[0], row[4]) for row in NAMES]


def test_value_contacts_and_search_show_the_same_name(con):
    insert_shop(con)
    name_customers(con)

    contacts = value_lists.contacts(con, pd.Timestamp("2024-03-05").date())
    found = customer.search(con, "Martin")

    assert contacts.set_index("customer_id").loc[1, "name"] == "Anne Martin"
    assert contacts.set_index("customer_id").loc[2, "name"] == "Paul Durand"
    assert found.set_index("customer_id").loc[1, "name"] == "Anne Martin"


def test_no_query_writes_the_name_rule_again():
    """The rule lives in store/definitions/17_customer_name.sql; identity/sql/match.sql builds
    matching keys from the same columns, which is another job."""
    rule = re.compile(r"concat_ws\(\s*' ',\s*[\w.]*first_name,\s*[\w.]*last_name\)\s*\)?,\s*''")
    written = sorted(
        path.relative_to(REPO).as_posix()
        for folder in ("identity", "ingest", "metrics", "store")
        for path in (REPO / folder).rglob("*.sql")
        if rule.search(path.read_text(encoding="utf-8")))

    assert written == ["identity/sql/match.sql", "store/definitions/17_customer_name.sql"]
