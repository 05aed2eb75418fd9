"""The forecasts' refit after a change (metrics.clv.refit_after_change), stage by stage.

Run by hand: ``python bench/bench_refit.py DB [--profile]``. DB is copied beside itself
(``*_refit.duckdb``, the original is never opened), the copy's kept fits are deleted and the refit
runs on it; each stage the refit reports through its progress (a model's backtest fit, the fit on
the whole history, the ranges) is printed with its CPU and wall seconds, up to the next report.
``--profile`` adds cProfile's 30 costliest calls.
"""

from __future__ import annotations

import cProfile
import pstats
import shutil
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402
from metrics import clv  # noqa: E402


def main() -> None:
    source = Path(sys.argv[1])
    copy = source.with_name(source.stem + "_refit.duckdb")
    shutil.copy(source, copy)
    con = store.connect(copy)
    con.execute("delete from clv_fits")
    marks = [(time.process_time(), time.perf_counter(), "start (histories, holdout)")]

    def progress(fraction: float, stage: str, model: str) -> None:
        marks.append((time.process_time(), time.perf_counter(), f"{fraction:.2f} {stage} {model}"))

    profile = cProfile.Profile() if "--profile" in sys.argv else None
    if profile is not None:
        profile.enable()
    words = clv.refit_after_change(con, progress)
    if profile is not None:
        profile.disable()
    marks.append((time.process_time(), time.perf_counter(), "end"))
    con.close()
    print(words["en"])
    print(f"{'stage (until the next)':<36}{'CPU s':>8}{'wall s':>8}")
    for (cpu, wall, label), (next_cpu, next_wall, _) in zip(marks, marks[1:]):
        print(f"{label:<36}{next_cpu - cpu:>8.2f}{next_wall - wall:>8.2f}")
    print(f"{'total':<36}{marks[-1][0] - marks[0][0]:>8.2f}{marks[-1][1] - marks[0][1]:>8.2f}")
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
