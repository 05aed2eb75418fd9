"""Saved segments: the segment builder's questions kept under a name ("Clientes lavande à
relancer"), so that the Segments page, the rapport du lundi and ``python -m metrics segment
--saved NAME`` give the same list, recomputed on the day they are read.

A saved segment holds its SegmentFilter as JSON (table saved_segments, migration 020), never the
people: the list is whoever answers the questions now. A question a later version adds reads as
"any" in an older segment; one an older version knew and this one does not is dropped.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime

import duckdb
import pandas as pd

from metrics.segment import SegmentFilter
from metrics.sql_files import run, run_sql
from store import transaction
from store.errors import ComptoirError
from words import both

MAX_NAME_LENGTH = 80


class SavedSegmentError(ComptoirError):
    """A saved segment that cannot be saved (no name, too long) or found."""


def filter_from_json(text: str) -> SegmentFilter:
    """The SegmentFilter of SegmentFilter.to_json(): lists back to tuples, days back to dates;
    keys this version does not know are dropped."""
    data = json.loads(text)
    values: dict[str, object] = {}
    for field in fields(SegmentFilter):
        if field.name not in data:
            continue
        value = data[field.name]
        if isinstance(field.default, tuple):
            value = tuple(value or ())
        elif str(field.type).startswith("date") and value is not None:
            value = date.fromisoformat(value)
        values[field.name] = value
    return SegmentFilter(**values)


def _name(name: str) -> str:
    shown = " ".join(name.split())
    if not shown:
        raise SavedSegmentError(*both("products_saved_no_name"))
    if len(shown) > MAX_NAME_LENGTH:
        raise SavedSegmentError(*both("products_saved_too_long", limit=MAX_NAME_LENGTH))
    return shown


def save_segment(
    con: duckdb.DuckDBPyConnection, name: str, segment_filter: SegmentFilter,
    saved_at: datetime | None = None,
) -> str:
    """Keep ``segment_filter`` under ``name`` (spaces tidied), replacing a segment of that name;
    returns the name kept. Raises SavedSegmentError for an empty or too long name."""
    kept = _name(name)
    with transaction(con) as cur:
        run(cur, "saved_segment_save", segment_name=kept, filter=segment_filter.to_json(),
            saved_at=saved_at or datetime.now())
    return kept


def saved_segments(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every saved segment by name: segment_id, name, filter (JSON text), saved_at."""
    return run_sql(con, "saved_segment_list")


def load_segment(con: duckdb.DuckDBPyConnection, name: str) -> SegmentFilter:
    """The questions of the saved segment ``name``; SavedSegmentError naming the saved ones when
    there is none of that name."""
    table = saved_segments(con)
    found = table.loc[table["name"] == " ".join(name.split()), "filter"]
    if found.empty:
        names = ", ".join(table["name"]) or "—"
        raise SavedSegmentError(*both("products_saved_unknown", name=name, names=names))
    return filter_from_json(found.iloc[0])


def delete_segment(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """Forget the saved segment ``name`` (spaces tidied) and return the name forgotten;
    SavedSegmentError naming the saved ones when there is none of that name (the lists already
    exported stay in the export log)."""
    shown = " ".join(name.split())
    with transaction(con) as cur:
        deleted = run(cur, "saved_segment_delete", segment_name=shown).fetchall()
    if not deleted:
        names = ", ".join(saved_segments(con)["name"]) or "—"
        raise SavedSegmentError(*both("products_saved_unknown", name=name, names=names))
    return shown
