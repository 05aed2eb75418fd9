"""Write one file's canonical rows into the database, all of it or none of it.

Orders are upserted on (source, source order id): a newer export that overlaps an older one
updates what changed (status, refunds) and adds what is new; the same file twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from ingest.canonical import Canonical
from ingest.match import match_people
from ingest.sql_files import sql_text
from store import WRITE_LOCK, backup

ORDER_COLUMNS = (
    "source_order_id", "customer_id", "ordered_at", "currency", "amount", "discount", "shipping",
    "tax", "refunded_amount", "status", "channel",
)


@dataclass(frozen=True)
class LoadCounts:
    import_id: int
    orders_new: int
    orders_updated: int
    orders_unchanged: int
    customers_new: int
    ambiguous_people: int
    customers_merged: int


def load(
    con: duckdb.DuckDBPyConnection,
    canonical: Canonical,
    *,
    file_name: str,
    sha256: str,
    source: str,
    options: dict,
    rows_read: int,
    rows_loaded: int,
    notes: list[tuple[str, str]],
) -> LoadCounts:
    """One transaction on a fresh cursor, under the process-wide write lock."""
    now = datetime.now()
    with WRITE_LOCK:
        backup.take(con)  # the file as it was, for the owner to go back to (store/backup.py)
        cur = con.cursor()
        try:
            cur.execute("begin transaction")
            import_id = cur.execute(
                sql_text("load_insert_import"),
                {
                    "file_name": file_name, "sha256": sha256, "source": source,
                    "file_kind": canonical.kind, "options": json.dumps(options, ensure_ascii=False),
                    "now": now,
                },
            ).fetchone()[0]
            matched = match_people(cur, canonical.people, source, import_id, file_name, now)
            changes = {"new": 0, "updated": 0, "unchanged": 0}
            if not canonical.orders.empty:
                changes = load_orders(cur, canonical, matched.customer, source, import_id)
            rejects = canonical.rejects
            if not rejects.empty:
                cur.register("file_rejects", rejects)
                cur.execute(sql_text("load_insert_rejects"), {"import_id": import_id})
                cur.unregister("file_rejects")
            cur.execute(
                sql_text("load_finish_import"),
                {
                    "import_id": import_id,
                    "rows_read": rows_read,
                    "rows_loaded": rows_loaded,
                    "rows_rejected": len(rejects),
                    "orders_new": changes["new"],
                    "orders_updated": changes["updated"],
                    "orders_unchanged": changes["unchanged"],
                    "customers_new": matched.created,
                    "messages": json.dumps([{"fr": fr, "en": en} for fr, en in notes],
                                           ensure_ascii=False),
                    "now": datetime.now(),
                },
            )
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
        finally:
            cur.close()
    return LoadCounts(import_id, changes["new"], changes["updated"], changes["unchanged"],
                      matched.created, matched.ambiguous, matched.merged)


def load_orders(
    cur: duckdb.DuckDBPyConnection,
    canonical: Canonical,
    customers: pd.Series,
    source: str,
    import_id: int,
) -> dict[str, int]:
    orders = canonical.orders.copy()
    orders["customer_id"] = customers.reindex(orders["person"]).to_numpy()
    staged = orders[list(ORDER_COLUMNS)]
    cur.register("staged_orders", staged)
    params = {"source": source, "import_id": import_id}
    cur.execute(sql_text("load_classify_orders"), {"source": source})
    cur.unregister("staged_orders")
    cur.execute(sql_text("load_insert_orders"), params)
    cur.execute(sql_text("load_update_orders"), {"import_id": import_id})
    if not canonical.lines.empty:
        cur.execute(sql_text("load_delete_lines"))
        cur.register("staged_lines", canonical.lines)
        cur.execute(sql_text("load_insert_lines"), params)
        cur.unregister("staged_lines")
    counts = cur.execute(sql_text("load_change_counts")).fetchall()
    cur.execute("drop table order_changes")
    found = {change: int(n) for change, n in counts}
    return {k: found.get(k, 0) for k in ("new", "updated", "unchanged")}
