"""A copy of the database file before every import, the last five kept, and the way back.

An import is one transaction, so a crash never leaves half of one (tests/trust/test_kill.py); the
copy is for the rest: an import the owner regrets, a disk that fills up, a file damaged by a
power cut. Copies go to ``<database folder>/backups/<name>-<YYYYmmdd-HHMMSS-ffffff>.duckdb``.

The copy is written by DuckDB from one snapshot, under ``WRITE_LOCK`` (readers go on), under a
temporary name then renamed, so that a copy is either whole or absent. A plain in-memory database
has no file and gets no copy.

``python -m store.backup [--db PATH] [list | restore NAME]`` lists the copies or puts one back
(with every Comptoir window and command closed; the current file is itself copied first).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from store.db import WRITE_LOCK, connect, default_path, quote_identifier
from store.errors import ComptoirError

KEEP = 5
FOLDER = "backups"


class BackupError(ComptoirError):
    """A backup that does not exist or cannot be opened."""


def _database(con: duckdb.DuckDBPyConnection) -> tuple[Path | None, str]:
    """The file behind ``con`` (None in memory) and its catalog name."""
    cur = con.cursor()
    try:
        path, name = cur.execute(
            "select path, database_name from duckdb_databases() "
            "where database_name = current_database()"
        ).fetchone()
    finally:
        cur.close()
    return (Path(path) if path else None), name


def backups(db: Path) -> list[Path]:
    """The copies of database file ``db``, newest first."""
    return sorted((db.parent / FOLDER).glob(f"{db.stem}-*.duckdb"), reverse=True)


def take(con: duckdb.DuckDBPyConnection, prune: bool = True) -> Path | None:
    """Copy the database before a write, keep the newest KEEP copies (unless not ``prune``);
    None in memory. Stopped midway (Ctrl-C, the page left), it leaves no partial copy.

    DuckDB writes the copy (ATTACH + COPY FROM DATABASE, sequences included) from one consistent
    snapshot. The file is never read directly: closing any handle on it in this process would
    drop DuckDB's POSIX lock, letting a second process open the database at the same time.
    """
    db, name = _database(con)
    if db is None:
        return None
    folder = db.parent / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    with WRITE_LOCK:
        for stale in folder.glob(f"{db.stem}-*.partial*"):
            stale.unlink()  # left by a process killed while copying: this process holds the base
        target = folder / f"{db.stem}-{datetime.now():%Y%m%d-%H%M%S-%f}.duckdb"
        partial = target.with_name(target.name + ".partial")
        quoted = quote_identifier(name)  # the catalog's own name, not user input
        cur = con.cursor()
        try:
            cur.execute("attach $path as comptoir_backup", {"path": str(partial)})
            try:
                cur.execute(f"copy from database {quoted} to comptoir_backup")
            finally:
                cur.execute("detach comptoir_backup")
        except BaseException:
            for left in folder.glob(f"{partial.name}*"):
                left.unlink()
            raise
        finally:
            cur.close()
        os.replace(partial, target)  # whole or absent
    if prune:
        _prune(db)
    return target


def _prune(db: Path) -> None:
    for old in backups(db)[KEEP:]:
        old.unlink(missing_ok=True)


@contextmanager
def kept_if_written(con: duckdb.DuckDBPyConnection) -> Iterator[Path | None]:
    """A copy taken before the write the block makes: kept (the oldest beyond KEEP then removed)
    when the block ends, removed when it fails or is stopped, as nothing was written: a cancelled
    import leaves the backups as they were."""
    copy = take(con, prune=False)
    try:
        yield copy
    except BaseException:
        if copy is not None:
            copy.unlink(missing_ok=True)
        raise
    db, _ = _database(con)
    if db is not None:
        _prune(db)


def restore(backup: Path, db: Path) -> Path | None:
    """Put ``backup`` back as database file ``db``; returns the copy taken of the current file.

    Every connection to ``db`` must be closed: the check opens it, so another program holding it
    raises DatabaseBusyError and nothing changes. The backup is checked to open before anything
    is replaced, and staged first, so that the pruning of old copies cannot remove it.
    """
    if not backup.is_file():
        raise BackupError(
            f"La sauvegarde {backup} n'existe pas : « python -m store.backup list » montre "
            "celles qui existent.",
            f"The backup {backup} does not exist: “python -m store.backup list” shows those "
            "that do.",
        )
    try:
        duckdb.connect(str(backup), read_only=True).close()
    except duckdb.Error as exc:
        raise BackupError(
            f"La sauvegarde {backup} est illisible ({exc}) : choisissez-en une autre.",
            f"The backup {backup} cannot be read ({exc}): choose another one.",
        ) from exc
    staged = db.with_name(db.name + ".restoring")
    shutil.copyfile(backup, staged)
    current = None
    if db.exists():
        con = connect(db)
        try:
            current = take(con)
        finally:
            con.close()
    with open(staged, "rb+") as written:
        os.fsync(written.fileno())
    os.replace(staged, db)
    Path(f"{db}.wal").unlink(missing_ok=True)  # a log of the replaced file: never replay it here
    return current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m store.backup",
        description="Liste les sauvegardes de la base Comptoir ou en remet une en place.",
    )
    parser.add_argument("--db", type=Path, help="fichier de base (défaut : $COMPTOIR_DB ou "
                        "data/comptoir.duckdb)")
    parser.add_argument("action", nargs="?", default="list", choices=["list", "restore"])
    parser.add_argument("name", nargs="?", help="la sauvegarde à remettre (nom affiché par list)")
    args = parser.parse_args(argv)
    db = args.db or default_path()
    if args.action == "list":
        found = backups(db)
        for path in found:
            print(f"{path.name}  {path.stat().st_size / 1e6:.1f} Mo")
        if not found:
            print(f"Aucune sauvegarde pour {db} (une copie est faite avant chaque import).")
        return 0
    if not args.name:
        parser.error("restore demande le nom d'une sauvegarde (voir « list »)")
    try:
        current = restore(db.parent / FOLDER / args.name, db)
    except ComptoirError as exc:
        print(exc.message(), file=sys.stderr)
        return 2
    print(f"{args.name} remise en place dans {db}."
          + (f" L'état d'avant est gardé dans {current.name}." if current else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
