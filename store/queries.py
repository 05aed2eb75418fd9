"""SQL kept in .sql files of named statements, bound to parameters by one runner.

A file holds the statements of one job; each starts at a line ``-- name: NAME`` and runs to the
next one. ``statement(folder, "file_name")`` is the statement NAME of ``folder/file.sql``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import duckdb

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
    used = {k: v for k, v in params.items() if re.search(rf"\${k}\b", text)}
    return cur.execute(text, used or None)
