"""Benchmark of the lifetime value models on a million simulated customers, and their generator.

Run by hand: ``python bench/bench_clv.py [n_customers]``. Customers are drawn from known BG/NBD
and Gamma-Gamma parameters (the CDNOW estimates, time in weeks), acquired over two years and
observed on a daily grid like clv_summary.sql produces; the script times each fit and the
predictions and prints the fitted parameters next to the true ones. The generators are also what
tests/metrics check parameter recovery with.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from metrics import bgnbd, gamma_gamma  # noqa: E402

CDNOW_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
CDNOW_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "gamma": 15.44}


def simulate_bgnbd(
    T: np.ndarray, r: float, alpha: float, a: float, b: float, rng: np.random.Generator
) -> pd.DataFrame:
    """(frequency, recency, T) of customers observed for T after their first purchase.

    The BG/NBD story (Fader, Hardie & Lee 2005, section 3), drawn without loops: lambda ~
    Gamma(r, scale 1/alpha) and p ~ Beta(a, b) per customer; the customer drops out right after
    repeat purchase number L ~ Geometric(p); if never dropping out they would make N ~
    Poisson(lambda T) purchases in (0, T], so x = min(N, L), and the x-th of N uniform arrival
    times is T x Beta(x, N - x + 1).
    """
    T = np.asarray(T, dtype=float)
    n = len(T)
    rate = rng.gamma(shape=r, scale=1.0 / alpha, size=n)
    dropout = np.clip(rng.beta(a, b, size=n), 1e-12, 1.0)
    lifetime_purchases = rng.geometric(dropout)
    arrivals = rng.poisson(rate * T)
    x = np.minimum(arrivals, lifetime_purchases)
    last = T * rng.beta(np.maximum(x, 1), arrivals - x + 1)
    return pd.DataFrame({"frequency": x, "recency": np.where(x > 0, last, 0.0), "T": T})


def simulate_gamma_gamma(
    frequency: np.ndarray, p: float, q: float, gamma: float, rng: np.random.Generator
) -> np.ndarray:
    """Mean spend of each customer's ``frequency`` occasions (NaN when there are none).

    Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV"): nu ~ Gamma(q, scale 1/gamma) per
    customer, each spend ~ Gamma(p, scale 1/nu), so the mean of x of them ~ Gamma(p x, scale
    1/(nu x)).
    """
    x = np.asarray(frequency, dtype=float)
    nu = rng.gamma(shape=q, scale=1.0 / gamma, size=len(x))
    repeat = x > 0
    spend = np.full(len(x), np.nan)
    spend[repeat] = rng.gamma(shape=p * x[repeat], scale=1.0 / (nu[repeat] * x[repeat]))
    return spend


def simulated_shop(n_customers: int, seed: int = 2005) -> pd.DataFrame:
    """CDNOW-like customers acquired uniformly over 104 weeks, on a daily grid (weeks = days/7)."""
    rng = np.random.default_rng(seed)
    T = rng.integers(0, 7 * 104, size=n_customers) / 7.0
    frame = simulate_bgnbd(T, **CDNOW_BGNBD, rng=rng)
    frame["recency"] = np.minimum(np.ceil(frame["recency"] * 7.0) / 7.0, frame["T"])
    frame["monetary_value"] = simulate_gamma_gamma(frame["frequency"], **CDNOW_GAMMA_GAMMA, rng=rng)
    return frame


def step_timings(
    shop: pd.DataFrame,
) -> tuple[list[tuple[str, float]], bgnbd.BGNBDParams, gamma_gamma.GammaGammaParams]:
    """Seconds of each step of the fits and predictions on ``shop``, and the fitted models."""
    x, t_x, T, m = shop["frequency"], shop["recency"], shop["T"], shop["monetary_value"]
    timings = []

    def timed(step: str, run):
        start = time.perf_counter()
        value = run()
        timings.append((step, time.perf_counter() - start))
        return value

    purchases = timed("BG/NBD fit", lambda: bgnbd.fit(x, t_x, T))
    spend = timed("Gamma-Gamma fit", lambda: gamma_gamma.fit(x, m))
    timed("p_alive", lambda: bgnbd.p_alive(purchases, x, t_x, T))
    expected = timed(
        "expected_purchases (52 w)", lambda: bgnbd.expected_purchases(purchases, 52, x, t_x, T)
    )
    timed("expected_spend x revenue", lambda: expected * gamma_gamma.expected_spend(spend, x, m))
    return timings, purchases, spend


def main(n_customers: int = 1_000_000) -> None:
    shop = simulated_shop(n_customers)
    timings, purchases, spend = step_timings(shop)
    print(f"{n_customers:,} customers, {int((shop['frequency'] > 0).sum()):,} repeat customers")
    print(f"{'step':<28}{'seconds':>9}")
    for step, seconds in timings:
        print(f"{step:<28}{seconds:>9.3f}")
    print(f"{'total':<28}{sum(s for _, s in timings):>9.3f}")
    print(f"\n{'parameter':<10}{'true':>9}{'fitted':>11}")
    for model, true_values in ((purchases, CDNOW_BGNBD), (spend, CDNOW_GAMMA_GAMMA)):
        for name, true in true_values.items():
            print(f"{name:<10}{true:>9.3f}{getattr(model, name):>11.3f}")
    print(f"converged: BG/NBD {purchases.converged}, Gamma-Gamma {spend.converged}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
