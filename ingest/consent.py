"""Import a consent file (a source with ``consent``: ingest/sources/consent.py): each row's
statement (a refusal or a yes on one channel, dated when the file says when) is stored against
the address it names in ``consent_channels``, in one transaction; customers, orders and keys are
untouched. Whose address it is, now or after a later import, a merge or a split, is read through
customer_keys by store/definitions/10_channel_consent.sql, which also decides what wins."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from ingest.canonical import ParsedColumns, rejects_frame
from ingest.doubts import Doubt
from ingest.errors import rejected
from ingest.read import RawTable
from ingest.sources.base import FINGERPRINT_SCORE, Source
from ingest.sql_files import sql_text
from store import WRITE_LOCK, backup, transaction
from words import both

CHANNELS = ("email", "sms", "phone")
PARSED = ("email", "phone", "consent_at", "opt_in", "sms_opt_in", "call_opt_in")


@dataclass(frozen=True)
class ConsentRows:
    """A consent file read: its statements, rows rejected, and the date order its dates used."""

    statements: pd.DataFrame  # address, channel, consent, stated_at
    rejects: pd.DataFrame
    date_order: str | None


def consent_doubts(source: Source, confidence: float, chosen: bool) -> list[Doubt]:
    """A consent file recognised below a sure fingerprint (a Brevo contacts export without its
    status column) changes who may be written to: the owner says it is a blocklist first."""
    if chosen or confidence >= FINGERPRINT_SCORE:
        return []
    return [Doubt("consent_source",
                  *(both("consent_doubt_source", label_fr=source.label_fr,
                         label_en=source.label_en)),
                  f"--source {source.name}")]


def read_statements(table: RawTable, source: Source, mapping: dict[str, str], file_name: str,
                    date_order: str | None) -> ConsentRows:
    """The file's statements, one per row and channel; rows without a readable address for
    their channel are rejected with the reason."""
    values = ParsedColumns(table, mapping, file_name, date_order, source.date_order)
    rows = pd.DataFrame({name: values.get(name) for name in PARSED}, index=table.frame.index)
    rows["consent_at"] = pd.to_datetime(rows["consent_at"])
    extras = source.extras(table.headers) if source.extras else {}
    for name, header in extras.items():
        rows[name] = table.frame.iloc[:, table.headers.index(header)].astype("string")
    said = source.consent(rows)
    channel = said["channel"].to_numpy()
    email = rows["email"].reindex(said["row"]).astype("string").to_numpy()
    phone = rows["phone"].reindex(said["row"]).astype("string").to_numpy()
    said = said.assign(address=pd.Series(email).where(channel == "email", pd.Series(phone))
                       .to_numpy())
    usable = said["address"].notna()
    unusable = set(said.loc[~usable, "row"]) - set(said.loc[usable, "row"])
    bad = pd.Series(rows.index.isin(list(unusable)), index=rows.index)
    bad |= rows[["email", "phone"]].isna().all(axis=1)
    fr, en = both("consent_reject_no_address")
    reasons_fr = pd.Series(fr, index=rows.index, dtype="str")
    reasons_en = pd.Series(en, index=rows.index, dtype="str")
    rows["row_number"] = table.row_numbers
    rejects = rejects_frame(table, rows, bad, reasons_fr, reasons_en)
    if not usable.any():
        raise rejected(file_name, *both("consent_nothing_read"))
    kept = said[usable][["address", "channel", "consent", "stated_at"]].reset_index(drop=True)
    kept["stated_at"] = pd.to_datetime(kept["stated_at"]).astype("datetime64[us]")
    return ConsentRows(kept, rejects, values.date_order)


def load_consent(
    con: duckdb.DuckDBPyConnection,
    read: ConsentRows,
    *,
    file_name: str,
    sha256: str,
    source: str,
    options: dict,
    rows_read: int,
    notes: list[tuple[str, str]],
) -> int:
    """Store the statements in one transaction (``notes`` gains their counts); the import's id."""
    now = datetime.now()
    with WRITE_LOCK:
        with backup.kept_if_written(con), transaction(con) as cur:
            import_id = cur.execute(sql_text("load_insert_import"), {
                "file_name": file_name, "sha256": sha256, "source": source,
                "file_kind": "consent", "options": json.dumps(options, ensure_ascii=False),
                "now": now,
            }).fetchone()[0]
            cur.register("file_statements", read.statements)
            cur.execute(sql_text("consent_insert"),
                        {"file_name": file_name, "import_id": import_id})
            [(known,)] = cur.execute(sql_text("consent_known")).fetchall()
            cur.unregister("file_statements")
            if not read.rejects.empty:
                cur.register("file_rejects", read.rejects)
                cur.execute(sql_text("load_insert_rejects"), {"import_id": import_id})
                cur.unregister("file_rejects")
            counts = read.statements.groupby(["channel", "consent"]).size()
            for (channel, consent), count in counts.items():
                notes.append(both(f"consent_note_{'yes' if consent else 'no'}_{channel}",
                                  count=int(count)))
            notes.append(both("consent_note_known", count=known))
            cur.execute(sql_text("load_finish_import"), {
                "import_id": import_id, "rows_read": rows_read,
                "rows_loaded": rows_read - len(read.rejects), "rows_rejected": len(read.rejects),
                "orders_new": 0, "orders_updated": 0, "orders_unchanged": 0, "customers_new": 0,
                "messages": json.dumps([{"fr": fr, "en": en} for fr, en in notes],
                                       ensure_ascii=False),
                "now": datetime.now(),
            })
    return int(import_id)
