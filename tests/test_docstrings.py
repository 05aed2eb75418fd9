"""Docstrings say why, not how fast: a timing goes stale with the next change or machine, so
timings live in bench/RESULTS.md, which the benchmarks rewrite (issue 15)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("words", "store", "identity", "ingest", "sample_data", "metrics", "exports", "reports",
            "ui", "views")
# a duration: "0.02 s", "200 ms", "3 seconds" (not "86,400 seconds a day", a fact of calendars)
TIMING = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:s|ms|µs|min|sec|seconds|milliseconds)\b(?! a day)")


def docstrings() -> dict[str, str]:
    found = {}
    paths = [ROOT / "app.py", *(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))]
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in [tree, *ast.walk(tree)]:
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                text = ast.get_docstring(node)
                if text:
                    name = getattr(node, "name", "module")
                    found[f"{path.relative_to(ROOT)}:{name}"] = text
    return found


def test_no_docstring_quotes_a_timing():
    found = docstrings()
    assert len(found) > 500
    timed = {where: TIMING.findall(text) for where, text in found.items() if TIMING.search(text)}
    assert timed == {}


def test_the_check_sees_a_timing():
    assert TIMING.findall("refreshes its people only: 0.02 s instead of 1.4 s") == ["0.02 s", "1.4 s"]
    assert TIMING.findall("about 200 ms per page, 3 seconds in all") == ["200 ms", "3 seconds"]
    assert TIMING.findall("86,400 seconds a day, 16 MB, 2 sessions") == []
