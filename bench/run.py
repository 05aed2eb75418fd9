"""Measure Comptoir against its speed targets and print a table: ``python bench/run.py [LINES]``.

Run by hand, not in CI (timings are not tests). For LINES order lines (default 1M) it generates the
shop (bench/generate_big.py, cached in bench/data/), then times:
- the CSV import end to end (a fresh process: detect, parse, match, load; without the forecasts'
  refit ``python -m ingest`` adds, timed on its own) against a bare DuckDB ``read_csv`` of the
  same file after transcoding, and the import's peak memory (max RSS);
- the forecasts' refit after the import (metrics.clv.refit_after_change), which the pages then
  read;
- the xlsx import of LINES/5 rows (at most 200,000) against a bare python-calamine read of it;
- every metrics function on the imported database (first call);
- every page with Streamlit's AppTest (first run and a cached rerun);
- the BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma fits and predictions for 1M simulated customers.
``--write`` adds the table to bench/RESULTS.md with the machine description. ``--db PATH`` keeps
the imported shop there, and a later run with the same PATH times only the metrics, the pages
and the models (no generation, no import); bench/page_first_run.py times one page with its CPU
time on such a database.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import bench_clv, generate_big  # noqa: E402
from metrics import channels, clv, cohorts, dates, first_cohorts, kpis, repeat, rfm  # noqa: E402
import store  # noqa: E402

DATA = ROOT / "bench" / "data"
MAX_XLSX_ROWS = 200_000  # the workbook: a 10M-line run reuses it
PAGES = ("views/overview.py", "views/retention.py", "views/repeat.py", "views/channels.py",
         "views/products.py", "views/aftersales.py", "views/value.py", "views/segments.py",
         "views/customer.py", "views/import.py", "views/data.py", "views/definitions.py")


def timed(func, *args, **kwargs) -> float:
    start = time.perf_counter()
    func(*args, **kwargs)
    return time.perf_counter() - start


def files(lines: int) -> tuple[Path, Path]:
    contacts = min(lines // 5, MAX_XLSX_ROWS)
    csv_path, xlsx_path = DATA / f"ventes_{lines}.csv", DATA / f"clients_{contacts}.xlsx"
    DATA.mkdir(parents=True, exist_ok=True)
    if not csv_path.exists():
        generate_big.write_csv(generate_big.sales(lines), csv_path)
    if not xlsx_path.exists():
        generate_big.write_xlsx(contacts, xlsx_path)
    return csv_path, xlsx_path


def bare_read_csv(path: Path) -> float:
    """DuckDB alone on the same rows: transcode to UTF-8 first (not timed), then read_csv."""
    with tempfile.TemporaryDirectory() as tmp:
        utf8 = Path(tmp) / "utf8.csv"
        utf8.write_text(path.read_bytes().decode("cp1252"), encoding="utf-8")
        con = duckdb.connect()
        seconds = timed(con.execute, "create table t as select * from read_csv($p, delim=';', header=true)",
                        {"p": str(utf8)})
        con.close()
    return seconds


def bare_calamine(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    def read() -> None:
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()

    return timed(read)


def import_process(path: Path, db: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `python -m ingest` in a fresh process, without its refit of
    the forecasts (``refit_timing``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    script = "import sys; from ingest.cli import main; sys.exit(main(sys.argv[1:]))"
    subprocess.run([sys.executable, "-c", script, str(path), "--db", str(db)], cwd=ROOT,
                   check=True, capture_output=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def refit_timing(db: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds of the forecasts' refit that follows an import, and its line."""
    con = store.connect(db)
    start, cpu = time.perf_counter(), time.process_time()
    words = clv.refit_after_change(con)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    con.close()
    return seconds, cpu, words["en"]


def metric_timings(db: Path) -> list[tuple[str, float]]:
    con = store.connect(db)
    week = dates.default_week(con)
    as_of = dates.latest_order_date(con)
    rows = [
        ("kpis.weekly_kpis", timed(kpis.weekly_kpis, con, week)),
        ("kpis.weekly_trend", timed(kpis.weekly_trend, con, week)),
        ("cohorts.cohorts (month)", timed(cohorts.cohorts, con, "month")),
        ("cohorts.cohorts (week)", timed(cohorts.cohorts, con, "week")),
        ("repeat.repeat_summary", timed(repeat.repeat_summary, con)),
        ("repeat.orders_per_customer", timed(repeat.orders_per_customer, con)),
        ("repeat.days_to_second_order", timed(repeat.days_to_second_order, con)),
        ("repeat.second_order_within", timed(repeat.second_order_within, con)),
        ("repeat.repeat_rate_by_first_product", timed(repeat.repeat_rate_by_first_product, con)),
        ("repeat.repeat_rate_trend", timed(repeat.repeat_rate_trend, con)),
        ("rfm.rfm", timed(rfm.rfm, con)),
        ("rfm.segment_movement", timed(rfm.segment_movement, con, as_of - timedelta(days=7), as_of)),
        ("channels.channel_figures", timed(channels.channel_figures, con, as_of)),
        ("channels.channel_customers", timed(channels.channel_customers, con, as_of)),
        ("first_cohorts.first_cohorts (first_product)",
         timed(first_cohorts.first_cohorts, con, "first_product", as_of)),
        ("first_cohorts.first_cohorts (discount)",
         timed(first_cohorts.first_cohorts, con, "discount", as_of)),
        ("repeat.order_gaps", timed(repeat.order_gaps, con, as_of)),
        ("kpis.period_kpis (quarter)", timed(kpis.period_kpis, con, "quarter", as_of)),
        ("clv.customer_value (3 purchase models backtested on 52 weeks, the chosen one refitted)",
         timed(clv.customer_value, con)),
        ("clv.backtest (3 purchase models, 26 weekly predictions)", timed(clv.backtest, con)),
    ]
    con.close()
    return rows


def page_timings(db: Path) -> list[tuple[str, float, float]]:
    from streamlit.testing.v1 import AppTest

    os.environ[store.db.DB_ENV_VAR] = str(db)
    rows = []
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        first = timed(lambda: at.switch_page(page).run()) if page != PAGES[0] else timed(at.run)
        again = timed(at.run)
        rows.append((page, first, again))
    return rows


def clv_timing(n: int = 1_000_000) -> float:
    """The three purchase models' and Gamma-Gamma's fits and predictions for n simulated
    customers (wall clock)."""
    timings, _ = bench_clv.step_timings(bench_clv.simulated_shop(n))
    return sum(seconds for _, seconds, _ in timings)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))) / 1024 / 1024
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, DuckDB {duckdb.__version__}"


def import_rows(lines: int, db: Path, tmp: Path) -> list[str]:
    """The table's import lines: the generated CSV into ``db``, the forecasts' refit after it,
    and the xlsx into a scratch database in ``tmp``."""
    csv_path, xlsx_path = files(lines)
    bare = bare_read_csv(csv_path)
    seconds, peak = import_process(csv_path, db)
    memory_target = "≤ 1.5 GB" if lines >= 10_000_000 else "≤ 600 MB"
    rows = [f"| CSV import end to end | {seconds:.2f} s ({seconds / bare:.1f}× bare read_csv {bare:.2f} s) | ≤ 2× |",
            f"| CSV import peak memory (max RSS) | {peak:.0f} MB | {memory_target} |"]
    refit, refit_cpu, said = refit_timing(db)
    rows.append(f"| forecasts' refit after the import ({said}) | {refit:.2f} s "
                f"({refit_cpu:.2f} s CPU) | (pages read it) |")
    bare_x = bare_calamine(xlsx_path)
    x_seconds, _ = import_process(xlsx_path, tmp / "xlsx.duckdb")
    rows.append(f"| xlsx import ({min(lines // 5, MAX_XLSX_ROWS):,} rows) | {x_seconds:.2f} s ({x_seconds / bare_x:.1f}× bare calamine {bare_x:.2f} s) | ≤ 2× |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python bench/run.py",
                                     description="Measure Comptoir against its speed targets.")
    parser.add_argument("lines", nargs="?", type=int, default=1_000_000,
                        help="order lines of the generated shop (default 1,000,000)")
    parser.add_argument("--write", action="store_true", help="add the table to bench/RESULTS.md")
    parser.add_argument("--db", type=Path,
                        help="keep the imported shop in this database; when it exists already, "
                        "time only the metrics and pages on it (a 10M-line import takes minutes)")
    args = parser.parse_args()
    lines = args.lines
    out = [f"## {lines:,} order lines — {machine()}", "", "| what | measured | target |", "|---|---:|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            out += import_rows(lines, db, Path(tmp))
        for name, sec in metric_timings(db):
            out.append(f"| metric {name} | {sec:.3f} s | ≤ 0.5 s |")
        page_target = "≤ 3 s first run" if lines >= 10_000_000 else "≤ 1.5 s first run"
        for page, first, again in page_timings(db):
            out.append(f"| page {page} (first run / cached rerun) | {first:.2f} s / {again:.2f} s | {page_target} |")
    out.append(f"| BG/NBD, MBG/NBD, Pareto/NBD + Gamma-Gamma fits + predictions, 1M customers | {clv_timing():.2f} s | ≤ 2 s per model |")
    table = "\n".join(out)
    print(table)
    if args.write:
        results = ROOT / "bench" / "RESULTS.md"
        previous = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
        results.write_text(previous.rstrip() + "\n\n" + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
