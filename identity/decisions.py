"""Who is who, as the owner decides it: merge two customers, split them again, keep two apart,
forget a person; and what the matcher and the Données page need to know about those decisions.

A merge of B into A moves B's orders, identity keys, reviews, survey answers and tickets to A,
fills A's blanks from B and keeps the stricter consent (a no from either side wins, then a yes).
B's row leaves ``customers`` while the merge stands, kept whole in ``merged_customers`` with every
move in ``customer_merge_moves``, so a split puts everything back. Removing B rather than flagging
it means no figure, list or export has to know about merges. B's keys, and B's name + postcode as
an alias, now designate A: a later import of B's rows lands on A (``apply_decisions``). Consent per
channel is stated about an address (consent_channels), so it follows the keys; B's contact log
moves to A and stays there after a split (nothing says which of the two a contact reached).

Forgetting a person (GDPR art. 17) keeps their orders, which are the shop's accounts, without a
customer, and deletes their customer row, keys, merge records, suppression entry, reviews, survey
answers and tickets (identity/sql/aftersale.sql: their words and scores are about them), the consent
statements about their addresses and their contact log, and the text
of rejected rows that shows their email, phone or name. What remains is the SHA-256 of each of
their keys in ``forgotten_keys``: an old export imported again loads their orders without a
customer instead of re-creating them, and they can never be written to again. Such a hash is
pseudonymous, not anonymous (whoever already knows the address can recompute it); it replaces the
clear email the suppression list held. DuckDB leaves deleted rows' bytes in the file's free blocks
even after CHECKPOINT, so ``rewrite_file`` copies the live data into a fresh file that replaces it,
and ``forget_in_backups`` does the same in the pre-import copies of store/backup.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from identity.sql_files import run, sql_text
from store import WRITE_LOCK, ComptoirError, backup, connect, summary, transaction
from store.db import quote_identifier

ERASED_REASON = "ligne effacée : droit à l'oubli"
IDENTITY_COLUMNS = [
    "email", "phone", "first_name", "last_name", "full_name", "postal_code", "city", "country",
    "customer_id", "opt_in", "sms_opt_in", "call_opt_in",
]
AFTER_SALE_TABLES = ("reviews", "survey_answers", "tickets")  # migration 014
MERGE_STEPS = (
    "identity_merge_snapshot", "identity_merge_moves", "aftersale_merge_moves",
    "identity_merge_alias_moves", "identity_merge_alias_keys", "identity_merge_kept",
    "identity_merge_orders", *(f"aftersale_merge_{table}" for table in AFTER_SALE_TABLES),
    "identity_merge_keys", "identity_merge_contacts", "identity_merge_delete",
    "match_apply_suppressions",
)
SPLIT_STEPS = (
    "identity_split_restore", "identity_split_kept", "identity_split_orders",
    *(f"aftersale_split_{table}" for table in AFTER_SALE_TABLES),
    "identity_split_keys", "identity_split_aliases", "identity_split_drop_moves",
    "identity_split_drop_snapshot", "match_apply_suppressions",
)


class IdentityError(ComptoirError):
    """A merge, split or erasure that cannot be done as asked."""


@dataclass(frozen=True)
class Forgotten:
    """What an erasure removed (counts, to show the owner) and the key hashes that remain."""

    orders_detached: int
    keys_removed: int
    merged_removed: int
    suppressions_removed: int
    rejects_redacted: int
    key_hashes: tuple[str, ...]  # what remains: SHA-256 of 'kind:value' of each key
    after_sale_removed: int = 0  # their reviews, survey answers and tickets, deleted
    consent_removed: int = 0  # their consent statements and contact log rows, deleted


def _rows(cur: duckdb.DuckDBPyConnection, name: str, **params: object) -> list[tuple]:
    return run(cur, name, **params).fetchall()


def _run(cur: duckdb.DuckDBPyConnection, name: str, **params: object) -> int:
    """Run a write statement; the number of rows it touched."""
    rows = _rows(cur, name, **params)
    return int(rows[0][0]) if rows else 0


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor in one transaction under the write lock, with the matcher's name macros."""
    with transaction(con) as cur:
        cur.execute(sql_text("match_name_key_macro"))
        yield cur


def _existing(cur: duckdb.DuckDBPyConnection, ids: list[int]) -> set[int]:
    rows = _rows(cur, "identity_existing", ids=ids)
    return {int(r[0]) for r in rows}


def _require(cur: duckdb.DuckDBPyConnection, ids: list[int]) -> None:
    missing = sorted(set(ids) - _existing(cur, ids))
    if missing:
        shown = ", ".join(f"n° {i}" for i in missing)
        raise IdentityError(
            f"Client introuvable ({shown}) : il a peut-être déjà été fusionné ou oublié. "
            "Rechargez la page.",
            f"Customer not found ({shown.replace('n°', 'no.')}): it may already have been merged "
            "or forgotten. Reload the page.",
        )


def merge(con: duckdb.DuckDBPyConnection, kept: int, merged: int,
          now: datetime | None = None) -> None:
    """Merge customer ``merged`` into ``kept`` (one transaction); undone by ``split``."""
    if kept == merged:
        raise IdentityError("Choisissez deux clients différents à fusionner.",
                            "Choose two different customers to merge.")
    with _transaction(con) as cur:
        _require(cur, [kept, merged])
        merge_steps(cur, kept, merged, now or datetime.now(), "merge")
        summary.refresh(cur, [kept, merged])


def merge_steps(cur: duckdb.DuckDBPyConnection, kept: int, merged: int, now: datetime,
                action: str) -> None:
    """A merge's statements in the caller's transaction, recorded as ``action``: 'merge' (the
    owner's) or 'auto' (an import's record showed two known customers to be one person)."""
    params = {"kept": kept, "merged": merged, "now": now}
    for step in MERGE_STEPS:
        _run(cur, step, **params)
    _run(cur, "identity_record_decision", action=action, **params)


def split(con: duckdb.DuckDBPyConnection, merged: int, now: datetime | None = None) -> int:
    """Undo the merge of customer ``merged``; returns the customer it had been merged into.

    Orders imported after the merge stay with the kept customer: nothing says whose they are.
    """
    with _transaction(con) as cur:
        rows = _rows(cur, "identity_merged_into", merged=merged)
        if not rows:
            raise IdentityError(
                f"Le client n° {merged} n'est pas fusionné : rien à séparer. Rechargez la page.",
                f"Customer no. {merged} is not merged: nothing to split. Reload the page.",
            )
        kept = int(rows[0][0])
        if not _existing(cur, [kept]):
            raise IdentityError(
                f"Le client n° {kept} a lui-même été fusionné dans un autre : séparez d'abord "
                "cette fusion-là.",
                f"Customer no. {kept} was itself merged into another: split that merge first.",
            )
        params = {"kept": kept, "merged": merged, "now": now or datetime.now()}
        for step in SPLIT_STEPS:
            _run(cur, step, **params)
        _run(cur, "identity_record_decision", action="split", **params)
        summary.refresh(cur, [kept, merged])
    return kept


def keep_apart(con: duckdb.DuckDBPyConnection, first: int, second: int,
               now: datetime | None = None) -> None:
    """Record that two customers are different people, so they are no longer suggested."""
    with _transaction(con) as cur:
        _require(cur, [first, second])
        _run(cur, "identity_record_decision", action="distinct", kept=first, merged=second,
             now=now or datetime.now())


def forget(con: duckdb.DuckDBPyConnection, customer_id: int,
           now: datetime | None = None) -> Forgotten:
    """Erase a person from every table (one transaction), then CHECKPOINT.

    The bytes of deleted rows are still in the file afterwards: call ``rewrite_file`` next.
    """
    params = {"customer_id": customer_id, "now": now or datetime.now(), "erased": ERASED_REASON}
    with _transaction(con) as cur:
        _require(cur, [customer_id])
        for step in ("identity_forget_chain", "identity_forget_keys", "identity_forget_names",
                     "identity_forget_hashes", "identity_forget_block"):
            _run(cur, step, **params)
        hashes = tuple(row[0] for row in _rows(cur, "identity_forget_hash_list"))
        counts = {
            "rejects_redacted": _run(cur, "identity_forget_rejects", **params),
            "suppressions_removed": _run(cur, "identity_forget_suppressions", **params),
            "orders_detached": _run(cur, "identity_forget_orders", **params),
            "keys_removed": _run(cur, "identity_forget_customer_keys", **params),
        }
        after_sale = sum(_run(cur, f"aftersale_forget_{table}", **params)
                         for table in AFTER_SALE_TABLES)
        consent = sum(_run(cur, f"identity_forget_{what}", **params)
                      for what in ("consent", "contacts"))
        _run(cur, "identity_forget_sightings", **params)
        _run(cur, "identity_forget_moves", **params)
        counts["merged_removed"] = _run(cur, "identity_forget_merged", **params)
        _run(cur, "identity_forget_customer", **params)
        _run(cur, "identity_forget_log", **params, **counts)
        summary.refresh(cur, [customer_id])
        cur.execute(sql_text("identity_forget_cleanup"))
    with WRITE_LOCK:
        con.execute("checkpoint")  # on the connection itself: it may hold a finished read open
    return Forgotten(**counts, key_hashes=hashes, after_sale_removed=after_sale,
                     consent_removed=consent)


def forget_in_backups(database: Path, key_hashes: tuple[str, ...],
                      now: datetime | None = None) -> int:
    """Erase a forgotten person from every pre-import copy of ``database`` (store/backup.py).

    In each copy the person is found by their key hashes (ids may differ in a copy taken before a
    restore), forgotten, the hashes are added so restoring the copy cannot bring them back, and
    the copy's file is rewritten. Returns the number of copies rewritten.
    """
    params = {"hashes": list(key_hashes), "now": now or datetime.now()}
    with WRITE_LOCK:
        copies = backup.backups(database)
        for copy in copies:
            con = connect(copy)
            with _transaction(con) as cur:
                found = _rows(cur, "identity_backup_customers", **params)
                _run(cur, "identity_block_hashes", **params)
                _run(cur, "identity_backup_suppressions", **params)
                _run(cur, "identity_backup_consent", **params)
            for (customer_id,) in found:
                forget(con, customer_id, params["now"])
            rewrite_file(con)
    return len(copies)


def rewrite_file(con: duckdb.DuckDBPyConnection) -> Path | None:
    """Replace the database file by a copy of its live data, so deleted rows leave no bytes.

    Closes ``con`` (every cursor with it): reopen with ``store.connect``. Returns the file, or
    None for an in-memory database (left open: it has no file to clean).
    """
    with WRITE_LOCK:
        [(path, name)] = con.execute(sql_text("identity_database_file")).fetchall()
        if not path:
            return None
        path = Path(path)
        fresh = path.with_name(path.name + ".rewrite")
        fresh.unlink(missing_ok=True)
        quoted = quote_identifier(name)  # the catalog's own name, not user input
        try:
            con.execute("attach $path as comptoir_rewrite", {"path": str(fresh)})
            con.execute(f"copy from database {quoted} to comptoir_rewrite")
        except BaseException:
            con.execute("detach database if exists comptoir_rewrite")
            fresh.unlink(missing_ok=True)
            raise
        con.execute("detach comptoir_rewrite")
        con.close()
        os.replace(fresh, path)
        Path(f"{path}.wal").unlink(missing_ok=True)  # its changes are in the copy
        return path


def apply_decisions(
    cur: duckdb.DuckDBPyConnection, people: pd.DataFrame, keys: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """The owner's decisions applied to a file's people and their identity keys (``identity.match``).

    People carrying a forgotten key lose their keys and every identifying value, so their rows
    load without a customer whatever matching comes next. People known only by a name + postcode
    that a merge gave to a customer lose their keys too and are settled: the returned Series maps
    each of them (person index) to that customer, to be applied after matching.
    """
    cur.register("decision_keys", keys[["person", "kind", "value"]])
    forgotten = cur.execute(sql_text("identity_forgotten_people")).df()["person"].to_numpy()
    named = cur.execute(sql_text("identity_merged_names")).df()
    cur.unregister("decision_keys")
    named = named[~named["person"].isin(forgotten)]
    people = people.copy()
    people.loc[forgotten, IDENTITY_COLUMNS] = pd.NA
    drop = keys["person"].isin(forgotten) | keys["person"].isin(named["person"])
    settled = pd.Series(named["customer_id"].to_numpy(), index=named["person"].to_numpy(),
                        dtype="Int64")
    return people, keys[~drop].reset_index(drop=True), settled

