"""The models' searches run BLAS on one thread and give the threads back afterwards."""

from __future__ import annotations

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from bench.bench_clv import CDNOW_BGNBD, CDNOW_GAMMA_GAMMA, simulate_bgnbd, simulate_gamma_gamma
from metrics import bgnbd, gamma_gamma


def blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_the_fits_search_on_one_blas_thread(monkeypatch):
    """Set to two threads around the fits (what a two-core machine has by default), BLAS has one
    during BG/NBD's and Gamma-Gamma's L-BFGS-B searches and two again after them."""
    seen = []
    for module in (bgnbd, gamma_gamma):
        def recording(*args, real=module.minimize, **kwargs):
            seen.append(blas_threads())
            return real(*args, **kwargs)

        monkeypatch.setattr(module, "minimize", recording)
    rng = np.random.default_rng(5)
    shop = simulate_bgnbd(rng.uniform(20, 80, 2000), **CDNOW_BGNBD, rng=rng)
    spend = simulate_gamma_gamma(shop["frequency"].to_numpy(), **CDNOW_GAMMA_GAMMA, rng=rng)

    with threadpool_limits(2, user_api="blas"):
        bgnbd.fit(shop["frequency"], shop["recency"], shop["T"])
        gamma_gamma.fit(shop["frequency"], spend)
        after = blas_threads()

    assert seen == [{1}, {1}]
    assert after == {2}
