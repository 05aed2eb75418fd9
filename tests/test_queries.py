"""Named statements: how a .sql file is cut, and the runner binding only the parameters used."""

from __future__ import annotations

import ast
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


def test_a_bound_folder_runs_its_statements(tmp_path):
    """bind(folder): a package's statements by 'file_statement', on the caller's cursor (run) or
    read on a cursor of their own (frame), each given only the parameters it names."""
    (tmp_path / "people.sql").write_text(
        "-- name: add\ninsert into people values ($id, $name)\n\n"
        "-- name: named\nselect id, name from people where name = $name order by id\n",
        encoding="utf-8")
    sql = queries.bind(tmp_path)
    con = duckdb.connect()
    con.execute("create table people (id integer, name text)")

    sql.run(con, "people_add", id=1, name="Léa", unused=True)
    sql.run(con, "people_add", id=2, name="Paul")

    assert sql.text("people_named").startswith("select id, name")
    assert sql.frame(con, "people_named", name="Léa", id=99).to_dict("records") == [
        {"id": 1, "name": "Léa"}]


RUNNERS = {"sql_text", "run", "_run", "_rows", "text", "frame"}


def runner_names(code: str) -> set[str]:
    """The statement names written as the argument of a runner's call (``sql_text("load_x")``,
    ``run(cur, "load_x")``): other strings of the code may look like names (a column
    ``consent_at``)."""
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call):
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            if func in RUNNERS:
                names |= {a.value for a in node.args[:2]
                          if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return names


@pytest.mark.parametrize("package", ["ingest", "identity", "store"])
def test_every_statement_named_in_the_code_exists(package):
    """A renamed statement fails here, not in the one import path that runs it; a statement no
    code names is dead. A name built in an f-string (``f"feedback_{kind}_insert"``) covers the
    statements it can build. Read in the modules that run statements."""
    folder = REPO / package / "sql"
    files = "|".join(sorted(p.stem for p in folder.glob("*.sql")))
    code = "\n".join(text for p in (REPO / package).rglob("*.py")
                     if "queries" in (text := p.read_text(encoding="utf-8"))
                     or "sql_files import" in text)
    sql = queries.bind(folder)
    called = {name for name in runner_names(code) if re.fullmatch(rf"(?:{files})_[a-z_]+", name)}
    assert len(called) > 3
    for name in sorted(called):
        assert sql.text(name)
    named = set(re.findall(rf'(?<!f)"((?:{files})_[a-z_]+)"', code))
    built = [re.compile(re.sub(r"\\{[^}]*\\}", "[a-z_]+", re.escape(name)))
             for name in re.findall(rf'f"((?:{files})_[a-z_]*\{{[^"]*)"', code)]
    every = {f"{p.stem}_{n}" for p in folder.glob("*.sql") for n in queries.statements(p)}
    unused = {name for name in every - named if not any(b.fullmatch(name) for b in built)}
    assert unused == set(), f"statements no code runs: {sorted(unused)}"
