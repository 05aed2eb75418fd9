"""Each step's share of an import's time, for ingest/progress.py's STEPS:
``python bench/import_steps.py FILE [--db PATH]``.

Imports FILE (by default the 1M-line bench file) into a fresh database, or into a copy of
``--db``, and times the steps between the importer's own progress reports, so the shares measured
are those of the steps the progress bar shows. Prints each step's wall seconds and share, rounded
to what STEPS holds; run it again whenever the importer's steps change.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store  # noqa: E402
from ingest.pipeline import import_file  # noqa: E402
from ingest.progress import STEPS  # noqa: E402

BENCH_FILE = Path("/work/benchdata/ventes_1000000.csv")


def step_seconds(data: bytes, name: str, db: Path) -> dict[str, float]:
    """Wall seconds from each step's report to the next one's (the last to the import's end)."""
    by_words = {fr: step for step, _, fr, _ in STEPS}
    marks: list[tuple[float, str]] = []

    def mark(fraction: float, fr: str, en: str) -> None:
        marks.append((time.perf_counter(), by_words.get(fr, "end")))

    con = store.connect(db)
    try:
        import_file(con, data, name, progress=mark)
    finally:
        con.close()
    seconds = dict.fromkeys(by_words.values(), 0.0)
    for (start, step), (end, _) in zip(marks, marks[1:]):
        seconds[step] += end - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=BENCH_FILE)
    parser.add_argument("--db", type=Path, help="a shop to import into (copied, never written)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="comptoir-steps-") as tmp:
        db = Path(tmp) / "shop.duckdb"
        if args.db:
            shutil.copy(args.db, db)
        seconds = step_seconds(args.file.read_bytes(), args.file.name, db)
    total = sum(seconds.values())
    for step, spent in seconds.items():
        print(f"{step:8} {spent:7.2f} s  {spent / total:5.2f}")
    print(f"{'total':8} {total:7.2f} s")


if __name__ == "__main__":
    main()
