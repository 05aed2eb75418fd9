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
    code names is dead. A name built in an f-string (``f"feedback_{kind}_insert"``) covers the
    statements it can build. Read in the modules that run statements (field names elsewhere look
    like statement names)."""
    folder = REPO / package / "sql"
    files = "|".join(sorted(p.stem for p in folder.glob("*.sql")))
    code = "\n".join(text for p in (REPO / package).rglob("*.py")
                     if "sql_files import" in (text := p.read_text(encoding="utf-8")))
    named = set(re.findall(rf'(?<!f)"((?:{files})_[a-z_]+)"', code))
    built = [re.compile(re.sub(r"\\{[^}]*\\}", "[a-z_]+", re.escape(name)))
             for name in re.findall(rf'f"((?:{files})_[a-z_]*\{{[^"]*)"', code)]
    assert len(named) > 20
    sql = queries.bind(folder)
    for name in sorted(named):
        assert sql.text(name)
    every = {f"{p.stem}_{n}" for p in folder.glob("*.sql") for n in queries.statements(p)}
    unused = {name for name in every - named if not any(b.fullmatch(name) for b in built)}
    assert unused == set(), f"statements no code runs: {sorted(unused)}"
