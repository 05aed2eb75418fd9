"""Arrows only point down: every module imports from its own layer or below (issue 15).

A newcomer reads the code like a map when each layer only builds on the ones under it:
words and store at the bottom, then identity (who is who: matching, the owner's merges, splits
and forgetting, suspected duplicates), ingest (with the demo shop it loads), metrics, exports and reports, ui, and at the top the views beside the command-line entry points
(``app.py``, every ``__main__.py`` and ``cli.py``: ``python -m metrics report`` may reach the
report writers that metrics itself must not know). bench/ and tests/ use everything and are not
checked.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LAYERS: list[set[str]] = [
    {"words"},
    {"store"},
    {"identity"},
    {"ingest", "sample_data"},
    {"metrics"},
    {"exports", "reports"},
    {"ui"},
    {"views", "app"},
]
TOP = len(LAYERS) - 1
ENTRY_POINTS = {"__main__", "cli"}
LAYER_OF = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}


def modules() -> dict[str, Path]:
    """Every checked module by dotted name (a package's ``__init__`` under the package's name)."""
    found = {"app": ROOT / "app.py"}
    for package in LAYER_OF.keys() - {"app"}:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def layer(module: str) -> int:
    """A module's layer: its top package's, except that entry points are at the top."""
    if module.rsplit(".", 1)[-1] in ENTRY_POINTS:
        return TOP
    return LAYER_OF[module.split(".")[0]]


def imported(path: Path, module: str, known: set[str]) -> set[str]:
    """The project modules that a file imports, anywhere in it (function bodies included)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # `from metrics import cli` imports the module metrics.cli, not only the package
            names |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                      for a in node.names}
    return {name for name in names if name.split(".")[0] in LAYER_OF}


def arrows() -> list[tuple[str, str]]:
    found = modules()
    return [(source, target) for source, path in sorted(found.items())
            for target in sorted(imported(path, source, set(found)))]


def test_every_import_points_to_the_same_layer_or_below():
    upward = [f"{source} (layer {layer(source)}) imports {target} (layer {layer(target)})"
              for source, target in arrows() if layer(target) > layer(source)]
    assert upward == []


def test_no_two_packages_import_each_other():
    """Within one layer too, the arrows between two packages go one way only."""
    pairs = {(s.split(".")[0], t.split(".")[0]) for s, t in arrows()
             if layer(s) != TOP and layer(t) != TOP and s.split(".")[0] != t.split(".")[0]}
    assert sorted(p for p in pairs if p[::-1] in pairs) == []


def test_the_check_sees_the_known_arrows():
    """The walk finds real imports, function bodies and entry points included."""
    found = set(arrows())
    assert ("reports.html", "reports.charts") in found
    assert ("metrics.cli", "reports") in found
    assert ("ingest.__main__", "metrics.clv") in found
    assert ("ui.demo", "sample_data.demo") in found
    assert ("ingest.load", "identity.match") in found  # the importer calls the matcher
    assert layer("identity.match") < layer("ingest.load")
    assert layer("metrics.cli") == layer("views.overview") == TOP
    assert layer("metrics.clv") == LAYER_OF["metrics"] < layer("ui.data")
