"""Take imports back out of the database: everything they brought, nothing another import holds.

Made for the demo shop (sample_data/demo.py), which an owner loads to look around and must be
able to remove once their own files are in. Removed: the imports' rows, their orders and order
lines, their reviews, survey answers and tickets, their rejected rows, the customers and
identity keys only they created, the merges and decisions about those customers, the refusals
and consent they recorded, the contact log of the customers removed, the lists exported before
any other import and the stored customer-value fits. A customer they created that another import also
reached (same e-mail, phone or name + postcode) keeps that import's orders and keys and loses the
rest: the e-mail or phone only the removed files gave, the consent they stated. A review, answer
or ticket another import brought about a customer removed stays, about nobody. Which import
carried which key is known from ``key_sightings`` (migration 012); for imports made before it,
only the import that created each key is known, so a key a later import met again goes too.

One transaction under the write lock, after a copy of the file (store/backup.py), as an import.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ingest.sql_files import run, sql_text
from store import WRITE_LOCK, backup, summary, transaction

PLAN = ("remove_plan_orders", "remove_plan_keys", "remove_plan_customers", "remove_plan_merged",
        "remove_plan_kept")
AFTER_SALE = ("reviews", "survey_answers", "tickets")
DELETE = (
    "remove_delete_lines", "remove_delete_orders",
    *(f"remove_{step}_{table}" for step in ("delete", "unlink") for table in AFTER_SALE),
    "remove_delete_after_sale_moves", "remove_delete_rejects", "remove_delete_keys",
    "remove_delete_moves", "remove_delete_merged", "remove_delete_decisions", "remove_update_kept",
    "remove_delete_contacts", "remove_delete_customers", "remove_delete_suppressions",
    "remove_delete_consent", "remove_delete_sightings",
    "remove_delete_exports", "remove_delete_fits", "remove_delete_loyalty_kept",
    "remove_delete_imports",
)


@dataclass(frozen=True)
class Removed:
    """What a removal took out (counts, to tell the owner)."""

    imports: int
    orders: int
    customers: int
    customers_kept: int  # created by the removed imports, kept for another import's orders or keys


def remove_imports(con: duckdb.DuckDBPyConnection, import_ids: list[int]) -> Removed:
    """Remove what the imports ``import_ids`` brought (see the module docstring)."""
    ids = [int(i) for i in import_ids]
    with WRITE_LOCK:
        backup.take(con)
        with transaction(con) as cur:
            _steps(cur, PLAN, ids)
            removed = Removed(len(ids), *cur.execute(sql_text("remove_plan_counts")).fetchone())
            _steps(cur, DELETE, ids)
            cur.execute(sql_text("remove_cleanup"))
            summary.refresh(cur)
        con.execute("checkpoint")
    return removed


def _steps(cur: duckdb.DuckDBPyConnection, names: tuple[str, ...], ids: list[int]) -> None:
    for name in names:
        run(cur, name, ids=ids)
