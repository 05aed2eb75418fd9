"""Benchmark of the lifetime value models on a million simulated customers, and their generator.

Run by hand: ``python bench/bench_clv.py [n_customers]``. Customers are drawn from known BG/NBD
and Gamma-Gamma parameters (the CDNOW estimates, time in weeks), acquired over two years and
observed on a daily grid like clv_summary.sql produces; the script times each purchase model's
fit and predictions (BG/NBD, MBG/NBD, Pareto/NBD) and the spend model's, and prints the fitted
parameters next to the true ones. The generators are also what
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

from metrics import bgnbd, gamma_gamma, mbgnbd, pareto_nbd  # noqa: E402

CDNOW_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
CDNOW_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "gamma": 15.44}


def simulate_bgnbd(
    T: np.ndarray,
    r: float,
    alpha: float,
    a: float,
    b: float,
    rng: np.random.Generator,
    drop_at_first: bool = False,
) -> pd.DataFrame:
    """(frequency, recency, T) of customers observed for T after their first purchase.

    The BG/NBD story (Fader, Hardie & Lee 2005, section 3), drawn without loops: lambda ~
    Gamma(r, scale 1/alpha) and p ~ Beta(a, b) per customer; the customer drops out right after
    repeat purchase number L ~ Geometric(p); if never dropping out they would make N ~
    Poisson(lambda T) purchases in (0, T], so x = min(N, L), and the x-th of N uniform arrival
    times is T x Beta(x, N - x + 1). With ``drop_at_first`` (MBG/NBD, Batislam et al. 2007) the
    first purchase is a dropout chance too: at most L - 1 repeat purchases.
    """
    T = np.asarray(T, dtype=float)
    n = len(T)
    rate = rng.gamma(shape=r, scale=1.0 / alpha, size=n)
    dropout = np.clip(rng.beta(a, b, size=n), 1e-12, 1.0)
    lifetime_purchases = rng.geometric(dropout) - int(drop_at_first)
    arrivals = rng.poisson(rate * T)
    x = np.minimum(arrivals, lifetime_purchases)
    last = T * rng.beta(np.maximum(x, 1), arrivals - x + 1)
    return pd.DataFrame({"frequency": x, "recency": np.where(x > 0, last, 0.0), "T": T})


def simulate_pareto_nbd(
    T: np.ndarray, r: float, alpha: float, s: float, beta: float, rng: np.random.Generator
) -> pd.DataFrame:
    """(frequency, recency, T) under Pareto/NBD (Schmittlein et al. 1987): lambda ~ Gamma(r,
    scale 1/alpha), mu ~ Gamma(s, scale 1/beta), lifetime ~ Exponential(mu); x ~ Poisson(lambda
    min(lifetime, T)) purchases, the last one the largest of x uniform times in that span,
    min(lifetime, T) x Beta(x, 1)."""
    T = np.asarray(T, dtype=float)
    n = len(T)
    rate = rng.gamma(shape=r, scale=1.0 / alpha, size=n)
    death = rng.gamma(shape=s, scale=1.0 / beta, size=n)
    observed = np.minimum(rng.exponential(1.0 / death), T)
    x = rng.poisson(rate * observed)
    last = observed * rng.beta(np.maximum(x, 1), 1.0)
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


PURCHASE_MODELS = {"BG/NBD": bgnbd, "MBG/NBD": mbgnbd, "Pareto/NBD": pareto_nbd}


def step_timings(
    shop: pd.DataFrame,
) -> tuple[list[tuple[str, float, float]], dict[str, object]]:
    """Wall-clock and CPU seconds of each step of the fits and predictions on ``shop``, and the
    fitted models. CPU time is this process's own: on a busy shared machine it is what the wall
    clock would show on an idle one (the models run on one thread)."""
    x, t_x, T, m = shop["frequency"], shop["recency"], shop["T"], shop["monetary_value"]
    timings = []

    def timed(step: str, run):
        start, cpu = time.perf_counter(), time.process_time()
        value = run()
        timings.append((step, time.perf_counter() - start, time.process_time() - cpu))
        return value

    fitted = {}
    for name, model in PURCHASE_MODELS.items():
        params = fitted[name] = timed(f"{name} fit", lambda: model.fit(x, t_x, T))
        timed(f"{name} p_alive", lambda: model.p_alive(params, x, t_x, T))
        expected = timed(
            f"{name} expected (52 w)", lambda: model.expected_purchases(params, 52, x, t_x, T)
        )
    spend = fitted["Gamma-Gamma"] = timed("Gamma-Gamma fit", lambda: gamma_gamma.fit(x, m))
    timed("expected_spend x revenue", lambda: expected * gamma_gamma.expected_spend(spend, x, m))
    return timings, fitted


def main(n_customers: int = 1_000_000) -> None:
    shop = simulated_shop(n_customers)
    timings, fitted = step_timings(shop)
    print(f"{n_customers:,} customers, {int((shop['frequency'] > 0).sum()):,} repeat customers")
    print(f"{'step':<30}{'wall s':>9}{'CPU s':>9}")
    for step, seconds, cpu in timings:
        print(f"{step:<30}{seconds:>9.3f}{cpu:>9.3f}")
    for name in PURCHASE_MODELS:
        steps = [(s, c) for step, s, c in timings if step.startswith(f"{name} ")]
        wall, cpu = (sum(column) for column in zip(*steps))
        print(f"{name + ' fit + predictions':<30}{wall:>9.3f}{cpu:>9.3f}")
    print(f"\n{'parameter':<16}{'true':>9}{'fitted':>11}")
    truths = {"BG/NBD": CDNOW_BGNBD, "Gamma-Gamma": CDNOW_GAMMA_GAMMA}
    for model, params in fitted.items():
        names = [n for n in ("r", "alpha", "a", "b", "s", "beta", "p", "q", "gamma")
                 if hasattr(params, n)]
        for name in names:
            true = truths.get(model, {}).get(name)
            shown = "" if true is None else f"{true:.3f}"
            print(f"{model + ' ' + name:<16}{shown:>9}{getattr(params, name):>11.3f}")
    print("converged: " + ", ".join(f"{model} {params.converged}" for model, params in fitted.items()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
