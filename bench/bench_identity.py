"""Time the identity-key steps: ``python bench/bench_identity.py [LINES]``.

Run by hand. phonenumbers reads one number in Python (some microseconds), so the phone step costs
about that much per distinct (number, country) pair: this times normalise_phone and
normalise_email on the bench shop's columns (LINES lines, default 1M: ~78k distinct phones) and
on 100,000 distinct phones spread over 1M cells, wall and CPU time, best of three.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate_big  # noqa: E402
from ingest.parse import normalise_email, normalise_phone  # noqa: E402

DATA = ROOT / "bench" / "data"


def best_of_three(func: Callable[[pd.Series], object], column: pd.Series) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest of three runs: the machine may be shared."""
    runs = []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        func(column)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(runs)


def distinct_phones(count: int, cells: int) -> pd.Series:
    """`count` distinct French mobiles written '06 12 34 56 78', spread over `cells` cells."""
    rng = np.random.default_rng(3)
    digits = pd.Series(rng.choice(10**8, count, replace=False)).astype("str").str.zfill(8)
    spaced = "06 " + digits.str.replace(r"(\d\d)(?=\d)", r"\1 ", regex=True)
    return spaced.iloc[rng.integers(0, count, cells)].reset_index(drop=True).astype("str")


def main(lines: int) -> None:
    path = DATA / f"ventes_{lines}.csv"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        generate_big.write_csv(generate_big.sales(lines), path)
    shop = pd.read_csv(path, sep=";", encoding="cp1252", dtype="str",
                       usecols=["E-mail", "Téléphone"]).astype("str")
    cases = [("phones, bench shop", normalise_phone, shop["Téléphone"]),
             ("e-mails, bench shop", normalise_email, shop["E-mail"]),
             ("100k distinct phones", normalise_phone, distinct_phones(100_000, lines))]
    for name, func, column in cases:
        wall, cpu = best_of_three(func, column)
        print(f"{name}: {len(column):,} cells, {column.nunique():,} distinct: "
              f"{wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
