"""The one place that knows the DuckDB file: opening, migrating, cursors, the write lock.

DuckDB allows one read-write process per file; inside a process one connection is shared and each
thread or Streamlit session uses its own ``cursor()`` (PITFALLS.md). Writers also take
``WRITE_LOCK`` so that a second import waits for the first instead of failing.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from store import queries, summary
from store.errors import DatabaseBusyError, DatabaseOpenError

PROJECT_DIR = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"
SUMMARY_VERSION = 10  # the migration that created customer_summary: filled once after it
REPEAT_SPEND_VERSION = 15  # the migration that created customer_repeat_spend: filled once after it
PRODUCT_DAYS_VERSION = 24  # the migration that created customer_product_days: filled once after it
DB_ENV_VAR = "COMPTOIR_DB"
WRITE_LOCK = threading.RLock()
_OPEN: set[int] = set()  # ids of the cursors that transaction() blocks are running
SQL = queries.bind(Path(__file__).resolve().parent / "sql")


def default_path() -> Path:
    """The database file: $COMPTOIR_DB, else data/comptoir.duckdb in the project."""
    return Path(os.environ.get(DB_ENV_VAR) or PROJECT_DIR / "data" / "comptoir.duckdb")


def migrations() -> list[tuple[int, Path]]:
    """Migration files ``NNN_name.sql`` in version order."""
    found = []
    for path in MIGRATIONS_DIR.glob("*.sql"):
        match = re.match(r"(\d+)_", path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def connect(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database and bring its schema to the latest version.

    ``":memory:"`` gives a private in-memory database (tests).
    """
    target = str(path) if path is not None else str(default_path())
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(target)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            pid = re.search(r"PID (\d+)", text)
            who = f" (processus {pid.group(1)})" if pid else ""
            who_en = f" (process {pid.group(1)})" if pid else ""
            raise DatabaseBusyError(
                f"La base {target} est déjà ouverte par un autre programme{who} : fermez l'autre "
                "fenêtre Comptoir ou la commande en cours, puis réessayez.",
                f"The database {target} is already open in another program{who_en}: close the "
                "other Comptoir window or command, then try again.",
            ) from exc
        raise DatabaseOpenError(
            f"Impossible d'ouvrir la base {target} : {text}. Vérifiez le chemin ou choisissez un "
            "autre fichier.",
            f"Cannot open the database {target}: {text}. Check the path or choose another file.",
        ) from exc
    except duckdb.Error as exc:
        raise DatabaseOpenError(
            f"Le fichier {target} n'est pas une base Comptoir lisible ({exc}). Choisissez un autre "
            "fichier ou restaurez une sauvegarde.",
            f"The file {target} is not a readable Comptoir database ({exc}). Choose another file "
            "or restore a backup.",
        ) from exc
    migrate(con)
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "create table if not exists schema_version (version integer primary key, applied_at timestamp)"
    )
    row = con.execute("select coalesce(max(version), 0) from schema_version").fetchone()
    return int(row[0])


def definitions() -> list[Path]:
    """The shared definitions (views and macros, ``create or replace``) in the order they build
    on each other: the one place each term is written (DESIGN.md, Definitions)."""
    return sorted(DEFINITIONS_DIR.glob("*.sql"))


def define(
    con: duckdb.DuckDBPyConnection, fill_summary: bool = False, fill_repeat_spend: bool = False,
    fill_product_days: bool = False, migrated: bool = True,
) -> None:
    """(Re)create every definition in one transaction, so that the live views and macros are
    those of store/definitions/ whatever migrations created them first (migrations 001-008 still
    create the old ones, as history). A migration holds tables only: a view or macro it defined
    would be replaced here, so change its file in store/definitions/ instead. Skipped when no
    migration ran (not ``migrated``), the database holds these very files already (their SHA-256
    in definitions_fingerprint, migration 026: views and macros are part of the database file)
    and its catalog is the one they made (another version of Comptoir may have opened the file
    since and created its own). ``fill_summary`` computes customer_summary,
    customer_repeat_spend, customer_product_days and product_basket_days from them,
    ``fill_repeat_spend`` and ``fill_product_days`` the second or the last two only (a database
    that has just gained them)."""
    texts = [path.read_text(encoding="utf-8") for path in definitions()]
    sha256 = hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()
    if not migrated and _holds_definitions(con, sha256):
        return
    with transaction(con) as cur:
        for text in texts:
            cur.execute(text)
        SQL.run(cur, "definitions_forget")
        SQL.run(cur, "definitions_keep", sha256=sha256,
                catalog=SQL.run(cur, "definitions_catalog").fetchone()[0])
        if fill_summary:
            summary.refresh(cur)
            return
        if fill_repeat_spend:
            summary.refresh_repeat_spend(cur)
        if fill_product_days:
            summary.refresh_product_days(cur)
            summary.refresh_baskets(cur)


def _holds_definitions(con: duckdb.DuckDBPyConnection, sha256: str) -> bool:
    """Whether the database holds the definitions of digest ``sha256`` and its catalog is still
    what they made (read only when the digest matches: DuckDB lists its whole function catalog)."""
    cur = con.cursor()
    try:
        held = SQL.run(cur, "definitions_fingerprint").fetchall()
        return (len(held) == 1 and held[0][0] == sha256
                and SQL.run(cur, "definitions_catalog").fetchone()[0] == held[0][1])
    finally:
        cur.close()


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply, each in its own transaction, every migration the database has not had (not only
    those above its newest: branches merged in another order leave gaps, such as a base at 012
    without 010), then the definitions; the newest version."""
    with WRITE_LOCK:
        schema_version(con)
        applied = {v for (v,) in con.execute("select version from schema_version").fetchall()}
        added = []
        for version, path in migrations():
            if version in applied:
                continue
            with transaction(con) as cur:
                cur.execute(path.read_text(encoding="utf-8"))
                cur.execute(
                    "insert into schema_version values ($version, $now)",
                    {"version": version, "now": datetime.now()},
                )
            added.append(version)
        define(con, fill_summary=SUMMARY_VERSION in added,
               fill_repeat_spend=REPEAT_SPEND_VERSION in added,
               fill_product_days=PRODUCT_DAYS_VERSION in added, migrated=bool(added))
        return max(applied | set(added), default=0)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own in one transaction under the write lock: all of a write or none.

    The one way to write (as sqlite-utils' ``atomic``). Given a cursor that a ``transaction``
    block is already running, it joins that block instead of starting another: a function that
    writes on its own can then be called inside a larger write, and the outer block commits or
    rolls back everything (DuckDB has no savepoints, so an inner failure undoes the whole).
    """
    with WRITE_LOCK:
        if id(con) in _OPEN:
            yield con
            return
        cur = con.cursor()
        _OPEN.add(id(cur))
        try:
            cur.execute("begin transaction")
            yield cur
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
        finally:
            _OPEN.discard(id(cur))
            cur.close()


def data_version(con: duckdb.DuckDBPyConnection) -> tuple[int, int, int]:
    """Changes whenever data changes: the key that keeps cached figures fresh after an import.

    Read on its own cursor: called from every session's thread, and a read left pending on the
    shared connection would keep a transaction open there.
    """
    cur = con.cursor()
    try:
        row = cur.execute(
            "select (select coalesce(max(import_id), 0) from imports),"
            " (select count(*) from customer_merges),"
            " (select count(*) from customers)"
        ).fetchone()
    finally:
        cur.close()
    return int(row[0]), int(row[1]), int(row[2])


def quote_identifier(name: str) -> str:
    """A catalog name as a SQL identifier (identifiers cannot be bound as parameters). Only for
    names DuckDB itself reports, never for text from a user's file."""
    return '"' + name.replace('"', '""') + '"'
