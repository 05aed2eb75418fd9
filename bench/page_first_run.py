"""One page's first run and cached rerun on a database you have, with CPU time beside wall time
(a shared machine inflates wall time): ``python bench/page_first_run.py DB [views/page.py]``.

As bench/run.py's page_timings: AppTest runs the app (the overview), then switches to the page,
then reruns it. CPU is the process's user + system time, DuckDB's threads included. Run it on a
copy of the database: the app's connection migrates it and may write to it.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    db, page = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "views/segments.py"
    os.environ["COMPTOIR_DB"] = db
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    shown = []
    for label, step in (("first run", lambda: at.switch_page(page).run()), ("rerun", at.run)):
        wall, cpu = time.perf_counter(), cpu_seconds()
        step()
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].message}")
        shown.append(f"{label} {time.perf_counter() - wall:.2f} s wall, "
                     f"{cpu_seconds() - cpu:.2f} s CPU")
    print(f"{page}: {'; '.join(shown)} (load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
