"""Named statements: how a .sql file is cut, and the runner binding only the parameters used."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from store import queries

REPO = Path(__file__).resolve().parent.parent


def test_a_file_is_cut_at_its_name_lines(tmp_path):
    (tmp_path / "job.sql").write_text(
        "-- name: first\n-- what it does\nselect 1;\n\n-- name: second\nselect $x;\nselect 2\n",
        encoding="utf-8")

    assert queries.statements(tmp_path / "job.sql") == {
        "first": "-- what it does\nselect 1;", "second": "select $x;\nselect 2"}
    assert queries.statement(tmp_path, "job_second") == "select $x;\nselect 2"


@pytest.mark.parametrize("text, problem", [
    ("select 1\n-- name: a\nselect 2\n", "text before the first"),
    ("-- name: a\nselect 1\n-- name: a\nselect 2\n", "used twice"),
])
def test_a_malformed_file_is_refused(tmp_path, text, problem):
    (tmp_path / "bad.sql").write_text(text, encoding="utf-8")

    with pytest.raises(ValueError, match=problem):
        queries.statements(tmp_path / "bad.sql")


def test_the_runner_binds_only_the_parameters_a_statement_uses():
    cur = duckdb.connect()

    row = queries.execute(cur, "select $ids, $id", {"id": 1, "ids": [2, 3], "unused": 4}).fetchone()

    assert row == ([2, 3], 1)


def test_every_importer_statement_named_in_the_code_exists():
    """A renamed statement fails here, not in the one import path that runs it."""
    from ingest.sql_files import SQL_DIR, sql_text

    code = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "ingest").rglob("*.py"))
    named = set(re.findall(r'"((?:identity|load|match|read|remove)_[a-z_]+)"', code))
    assert len(named) > 60
    for name in sorted(named):
        assert sql_text(name)
    every = {f"{p.stem}_{n}" for p in SQL_DIR.glob("*.sql") for n in queries.statements(p)}
    assert every <= named, f"statements no code runs: {sorted(every - named)}"
