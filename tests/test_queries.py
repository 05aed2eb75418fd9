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


@pytest.mark.parametrize("package", ["ingest", "identity"])
def test_every_statement_named_in_the_code_exists(package):
    """A renamed statement fails here, not in the one import path that runs it; a statement no
    code names is dead."""
    folder = REPO / package / "sql"
    files = sorted(p.stem for p in folder.glob("*.sql"))
    code = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / package).rglob("*.py"))
    named = set(re.findall(rf'"((?:{"|".join(files)})_[a-z_]+)"', code))
    assert len(named) > 20
    sql = queries.bind(folder)
    for name in sorted(named):
        assert sql.text(name)
    every = {f"{p.stem}_{n}" for p in folder.glob("*.sql") for n in queries.statements(p)}
    assert every <= named, f"statements no code runs: {sorted(every - named)}"
