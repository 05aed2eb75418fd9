"""Time the channel and first-order measures on a database: ``python bench/bench_channels.py DB``.

Each measure runs twice on one connection: the first call (cold: the page's first run after an
import) and the second (warm file cache), each as wall and CPU seconds of this process (DuckDB's
threads included in CPU), so a loaded machine's wait shows as wall above CPU. Import the
generated shop first (``python -m ingest bench/data/ventes_1000000.csv --db DB``; bench/run.py
generates it).
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store  # noqa: E402
from metrics import channels, dates, first_cohorts, kpis, repeat  # noqa: E402


def timed(func, *args) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    func(*args)
    return time.perf_counter() - start, time.process_time() - cpu


def measures(con) -> list[tuple[str, object, tuple]]:
    as_of = dates.latest_order_date(con)
    week = dates.week_start(as_of)
    return [
        ("channels.channel_figures", channels.channel_figures, (con, as_of)),
        ("channels.channel_customers", channels.channel_customers, (con, as_of)),
        ("channels.week_section (report)", channels.week_section, (con, week)),
        ("first_cohorts (first_product)", first_cohorts.first_cohorts,
         (con, "first_product", as_of)),
        ("first_cohorts (channel)", first_cohorts.first_cohorts, (con, "channel", as_of)),
        ("first_cohorts (discount)", first_cohorts.first_cohorts, (con, "discount", as_of)),
        ("first_cohorts.discount_codes_seen", first_cohorts.discount_codes_seen, (con, as_of)),
        ("repeat.order_gaps", repeat.order_gaps, (con, as_of)),
        ("repeat.order_gaps (a week back)", repeat.order_gaps, (con, as_of - timedelta(days=7))),
        ("kpis.period_kpis (week)", kpis.period_kpis, (con, "week", as_of)),
        ("kpis.period_kpis (month)", kpis.period_kpis, (con, "month", as_of)),
        ("kpis.period_kpis (quarter)", kpis.period_kpis, (con, "quarter", as_of)),
        ("kpis.period_kpis (year)", kpis.period_kpis, (con, "year", as_of)),
    ]


def main(db: str) -> None:
    con = store.connect(db)
    print("| measure | first call wall / CPU | second call wall / CPU |")
    print("|---|---:|---:|")
    for name, func, args in measures(con):
        first, again = timed(func, *args), timed(func, *args)
        print(f"| {name} | {first[0]:.3f} s / {first[1]:.3f} s | "
              f"{again[0]:.3f} s / {again[1]:.3f} s |")
    con.close()


if __name__ == "__main__":
    main(sys.argv[1])
