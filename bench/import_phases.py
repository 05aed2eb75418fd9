"""Where one import spends its time and memory, phase by phase: ``python bench/import_phases.py
FILE [--trim]``.

Imports FILE by its path, as ``python -m ingest`` does, into a fresh database in a scratch
directory (``--yes``, no forecasts' refit) and prints, for each phase as it ends (reading: the
file's bytes, the encoding found, the body written as UTF-8 slice by slice, DuckDB's split;
parsing, currency, shaping orders, matching, writing orders, the customer summary), its wall
and CPU seconds (all threads, DuckDB's included), the resident memory when it ends and the most
it reached meanwhile (sampled every 20 ms). ``--trim`` hands freed memory back to the system as
each phase ends (glibc's malloc_trim and Arrow's pool): the difference from a run without it is
memory the allocators keep, not memory in use. Run by hand, like the benchmarks.
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import gc
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store  # noqa: E402
from identity import match  # noqa: E402
from ingest import canonical, currency, load, pipeline, read, text_body  # noqa: E402
from store import summary  # noqa: E402

PHASES = ((pipeline, "file_bytes"), (read, "encoded"), (text_body, "write_body"),
          (read, "_duckdb_read"), (pipeline, "preview"),
          (canonical.currency, "from_amounts"), (canonical, "shape_orders"), (pipeline, "load"),
          (canonical, "build"), (currency, "settle_currency"), (load, "order_lineage"),
          (load, "match_people"), (load, "load_orders"), (summary, "refresh"))


def rss_mb() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() // 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--trim", action="store_true", help="give freed memory back per phase")
    args = parser.parse_args()
    peaks: dict[int, list[int]] = {}  # one per phase under way (phases nest)

    def sample() -> None:
        while True:
            now = rss_mb()
            for peak in list(peaks.values()):
                peak[0] = max(peak[0], now)
            time.sleep(0.02)

    def timed(module: object, name: str) -> None:
        func = getattr(module, name)

        @functools.wraps(func)
        def phase(*a: object, **k: object) -> object:
            peak = [rss_mb()]
            peaks[id(peak)] = peak
            wall, cpu = time.perf_counter(), time.process_time()
            result = func(*a, **k)
            del peaks[id(peak)]
            print(f"{name:16s} wall {time.perf_counter() - wall:6.2f} s  "
                  f"cpu {time.process_time() - cpu:6.2f} s  rss {rss_mb():5d} MB  "
                  f"peak {peak[0]:5d} MB", flush=True)
            if args.trim:
                gc.collect()
                ctypes.CDLL("libc.so.6").malloc_trim(0)
                pa.default_memory_pool().release_unused()
            return result

        setattr(module, name, phase)

    for module, name in PHASES:
        timed(module, name)
    threading.Thread(target=sample, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        con = store.connect(Path(tmp) / "shop.duckdb")
        wall, cpu = time.perf_counter(), time.process_time()
        pipeline.import_file(con, args.file, args.file.name,  # by path, as `python -m ingest`
                             pipeline.ImportOptions(accept_guesses=True))
        print(f"{'import':16s} wall {time.perf_counter() - wall:6.2f} s  "
              f"cpu {time.process_time() - cpu:6.2f} s  max rss "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
