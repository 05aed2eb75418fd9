"""Write one after-sale file's rows into ``reviews``, ``survey_answers`` or ``tickets``, all of it
or none of it, and link each row to the customer it is about.

A row is linked by the identity keys the sales imports made (identity rules of identity/match.py,
without creating anyone): its e-mail, else the order number it gives (the order's customer; '#1855'
and '1855' are one number), else a customer number a customer file gave. An order or customer
number that designates several customers links nobody. A row that matches nobody is kept with no
customer and counted. A row whose e-mail belongs to a forgotten person (``forgotten_keys``) is not
loaded at all: forgetting leaves no trace, and an old export imported again must not bring their
words back.

Rows are upserted on (source, the file's id): the same file twice changes nothing; a later export
updates what changed (a ticket solved since, a reply to a review).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

import words
from ingest.aftersale import AfterSaleRows
from ingest.sql_files import run, sql_text
from store import WRITE_LOCK, backup, transaction


@dataclass(frozen=True)
class AfterSaleCounts:
    """What the import did: rows added, updated, unchanged; linked to a customer or to nobody;
    left out because they are a forgotten person's."""

    import_id: int
    new: int
    updated: int
    unchanged: int
    linked: int
    unmatched: int
    erased: int


def load(con: duckdb.DuckDBPyConnection, found: AfterSaleRows, *, file_name: str, sha256: str,
         source: str, options: dict, rows_read: int,
         notes: list[tuple[str, str]]) -> AfterSaleCounts:
    """One transaction on a fresh cursor, under the process-wide write lock, after a copy of the
    database (store/backup.py) as for a sales import."""
    with WRITE_LOCK:
        with backup.kept_if_written(con), transaction(con) as cur:
            import_id = cur.execute(sql_text("load_insert_import"), {
                "file_name": file_name, "sha256": sha256, "source": source,
                "file_kind": found.kind, "options": json.dumps(options, ensure_ascii=False),
                "now": datetime.now(),
            }).fetchone()[0]
            cur.register("staged_feedback", found.rows)
            run(cur, "feedback_link")
            cur.unregister("staged_feedback")
            run(cur, f"feedback_{found.kind}_changes", source=source)
            run(cur, f"feedback_{found.kind}_insert", source=source, import_id=import_id)
            run(cur, f"feedback_{found.kind}_update", source=source, import_id=import_id)
            counts = dict(run(cur, "feedback_counts").fetchall())
            run(cur, "feedback_cleanup")
            if not found.rejects.empty:
                cur.register("file_rejects", found.rejects)
                cur.execute(sql_text("load_insert_rejects"), {"import_id": import_id})
                cur.unregister("file_rejects")
            notes += link_notes(counts)
            loaded = len(found.rows) - counts.get("erased", 0)
            cur.execute(sql_text("load_finish_import"), {
                "import_id": import_id, "rows_read": rows_read, "rows_loaded": loaded,
                "rows_rejected": len(found.rejects), "orders_new": 0, "orders_updated": 0,
                "orders_unchanged": 0, "customers_new": 0,
                "messages": json.dumps([{"fr": fr, "en": en} for fr, en in notes],
                                       ensure_ascii=False),
                "now": datetime.now(),
            })
    return AfterSaleCounts(import_id, *(int(counts.get(name, 0)) for name in (
        "new", "updated", "unchanged", "linked", "unmatched", "erased")))


def link_notes(counts: dict[str, int]) -> list[tuple[str, str]]:
    """The report's notes on rows linked to nobody and rows of forgotten people left out."""
    notes = []
    if counts.get("unmatched"):
        notes.append(words.both("aftersale_unmatched", count=int(counts["unmatched"])))
    if counts.get("erased"):
        notes.append(words.both("aftersale_erased", count=int(counts["erased"])))
    return notes
