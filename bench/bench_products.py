"""Time the issue-18 product and season metrics on a database: ``python bench/bench_products.py
DB [RUNS]`` (the 1M-line bench shop: ``python bench/run.py 1000000`` generates it in bench/data/,
then ``python -m ingest bench/data/ventes_1000000.csv --db DB --yes``).

Each metric runs RUNS times (default 5) on a warm database; wall and process CPU (every DuckDB
thread included) are printed as best and median, with the load average: on a shared machine the
wall time follows the load, the CPU time much less.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store  # noqa: E402
from metrics import affinity, dates, replenishment, seasonal  # noqa: E402
from metrics.segment import SegmentFilter, segment_totals  # noqa: E402


def measure(func, runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def main() -> None:
    db = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    con = store.connect(db)
    as_of = dates.latest_order_date(con)
    delays = replenishment.replenishment(con, as_of)
    product = delays.loc[delays["usual"], "product"].iloc[0]
    cases = {
        "replenishment.replenishment (every product, due counts)":
            lambda: replenishment.replenishment(con, as_of),
        f"replenishment.due ({product})": lambda: replenishment.due(con, product, as_of, delays),
        "affinity.bought_together (every product)": lambda: affinity.bought_together(con, as_of),
        f"affinity.bought_together ({product})":
            lambda: affinity.bought_together(con, as_of, product),
        "affinity.bought_next (every product)": lambda: affinity.bought_next(con, as_of),
        f"affinity.bought_next ({product})": lambda: affinity.bought_next(con, as_of, product),
        "seasonal.seasonal_summary": lambda: seasonal.seasonal_summary(con, as_of),
        "seasonal.seasonal_buyers": lambda: seasonal.seasonal_buyers(con, as_of),
        "segment_totals, sales channel shop + discount code":
            lambda: segment_totals(con, SegmentFilter(sales_channels=("shop",),
                                                      discount_codes=("BIENVENUE10",)), as_of),
        "segment_totals, leave out seasonal buyers waiting":
            lambda: segment_totals(con, SegmentFilter(leave_out_seasonal=True), as_of),
    }
    print(f"{db.name}: load average {os.getloadavg()[0]:.1f}, {runs} runs each")
    print("| metric | wall best | wall median | CPU best | CPU median |")
    print("|---|---:|---:|---:|---:|")
    for name, func in cases.items():
        walls, cpus = measure(func, runs)
        print(f"| {name} | {min(walls):.2f} s | {statistics.median(walls):.2f} s "
              f"| {min(cpus):.2f} s | {statistics.median(cpus):.2f} s |")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    con.close()


if __name__ == "__main__":
    main()
