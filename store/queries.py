"""SQL kept in .sql files of named statements, bound to parameters by one runner.

A file holds the statements of one job; each starts at a line ``-- name: NAME`` and runs to the
next one. ``statement(folder, "file_name")`` is the statement NAME of ``folder/file.sql``; a
package binds its folder once (``bind``) and runs its statements through that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from store.frames import fetch_frame

_NAME_LINE = re.compile(r"^-- name: (\w+)[ \t]*$", re.MULTILINE)


@cache
def statements(path: Path) -> dict[str, str]:
    """The statements of one file by name, in the file's order."""
    parts = _NAME_LINE.split(path.read_text(encoding="utf-8"))
    if parts[0].strip():
        raise ValueError(f"{path}: text before the first '-- name:' line")
    names = parts[1::2]
    if len(set(names)) != len(names):
        raise ValueError(f"{path}: a statement name is used twice")
    return dict(zip(names, (body.strip() for body in parts[2::2])))


def statement(folder: Path, name: str) -> str:
    """``file_statement`` names the statement ``statement`` of ``folder/file.sql``."""
    file, _, inside = name.partition("_")
    return statements(folder / f"{file}.sql")[inside]


def execute(cur: duckdb.DuckDBPyConnection, text: str,
            params: dict[str, object]) -> duckdb.DuckDBPyConnection:
    """Run ``text`` with the ``$name`` parameters it uses (DuckDB refuses unused ones)."""
    return cur.execute(text, used(text, params) or None)


def frame(con: duckdb.DuckDBPyConnection, text: str, params: dict[str, object]) -> pd.DataFrame:
    """The result of ``text`` as a DataFrame, read on a cursor of its own (a read left pending on
    a shared connection would keep a transaction open there)."""
    cur = con.cursor()
    try:
        return fetch_frame(cur, text, used(text, params))
    finally:
        cur.close()


def used(text: str, params: dict[str, object]) -> dict[str, object]:
    """The parameters that ``text`` names as ``$name``."""
    return {k: v for k, v in params.items() if re.search(rf"\${k}\b", text)}


@dataclass(frozen=True)
class Folder:
    """The named statements of one package's sql/ folder."""

    path: Path

    def text(self, name: str) -> str:
        """``"match_known_keys"`` is the statement ``known_keys`` of ``<folder>/match.sql``."""
        return statement(self.path, name)

    def run(self, cur: duckdb.DuckDBPyConnection, name: str, /,
            **params: object) -> duckdb.DuckDBPyConnection:
        """Run a statement on the caller's cursor (its transaction); the cursor, to fetch from."""
        return execute(cur, self.text(name), params)

    def frame(self, con: duckdb.DuckDBPyConnection, name: str, /,
              **params: object) -> pd.DataFrame:
        """A reading statement's result as a DataFrame, read on a cursor of its own."""
        return frame(con, self.text(name), params)


def bind(folder: Path) -> Folder:
    """The statements of ``folder``, for the package that owns it."""
    return Folder(folder)
