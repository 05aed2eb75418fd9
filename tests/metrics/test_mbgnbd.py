"""MBG/NBD: the published CDNOW fit, formulas as printed, recovery of simulated parameters."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import betaln, gammaln, hyp2f1

from bench.bench_clv import simulate_bgnbd
from metrics import mbgnbd
from metrics.mbgnbd import MBGNBDParams
from tests.metrics.test_bgnbd import CALIBRATION_END, cdnow_occasions, rfm_summary

PUBLISHED = MBGNBDParams(
    r=0.525, alpha=6.183, a=0.891, b=1.614, log_likelihood=-9582.1, n_customers=2357,
    converged=True,
)


def test_cdnow_reproduces_the_published_fit():
    """MBG/NBD on the CDNOW sample, 39-week calibration: r = 0.525, alpha = 6.183, a = 0.891,
    b = 1.614, LL = -9582.1, to half a unit of the last digit."""
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)

    fitted = mbgnbd.fit(summary["frequency"], summary["recency"], summary["T"])

    assert fitted.converged
    assert fitted.n_customers == 2357
    assert abs(fitted.r - 0.525) < 0.0005
    assert abs(fitted.alpha - 6.183) < 0.0005
    assert abs(fitted.a - 0.891) < 0.0005
    assert abs(fitted.b - 1.614) < 0.0005
    assert abs(fitted.log_likelihood - (-9582.1)) < 0.05


def test_likelihood_p_alive_and_expectation_follow_the_printed_formulas():
    """Batislam et al. (2007) as printed, straight from scipy, against the fitted model's
    log-likelihood and predictions."""
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)
    x, t_x, T = (summary[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    fitted = mbgnbd.fit(x, t_x, T)
    r, alpha, a, b = fitted.r, fitted.alpha, fitted.a, fitted.b
    likelihood = (
        np.exp(gammaln(r + x) - gammaln(r) + betaln(a, b + x + 1) - betaln(a, b)) * alpha**r
        * ((alpha + T) ** -(r + x) + a / (b + x) * (alpha + t_x) ** -(r + x))
    )
    assert fitted.log_likelihood == pytest.approx(np.log(likelihood).sum(), rel=1e-12)

    alive = 1 / (1 + a / (b + x) * ((alpha + T) / (alpha + t_x)) ** (r + x))
    np.testing.assert_allclose(mbgnbd.p_alive(fitted, x, t_x, T), alive, rtol=1e-12)
    t = 39.0
    z = t / (alpha + T + t)
    expected = (a + b + x) / (a - 1) * (
        1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x + 1, a + b + x, z)
    ) * alive
    np.testing.assert_allclose(
        mbgnbd.expected_purchases(fitted, t, x, t_x, T), expected, rtol=1e-9
    )


def test_fit_recovers_simulated_parameters():
    """50,000 customers observed 52 to 156 weeks. Over 12 seeds the largest relative errors were
    5.0% for r, 3.6% for alpha, 4.3% for a and 9.9% for b: tolerances about twice that."""
    rng = np.random.default_rng(20070301)
    true = {"r": 0.5, "alpha": 6.0, "a": 0.9, "b": 1.6}
    data = simulate_bgnbd(rng.uniform(52, 156, 50_000), **true, rng=rng, drop_at_first=True)

    fitted = mbgnbd.fit(data["frequency"], data["recency"], data["T"])

    assert fitted.converged
    assert fitted.r == pytest.approx(true["r"], rel=0.10)
    assert fitted.alpha == pytest.approx(true["alpha"], rel=0.08)
    assert fitted.a == pytest.approx(true["a"], rel=0.09)
    assert fitted.b == pytest.approx(true["b"], rel=0.20)


parameters = st.builds(
    MBGNBDParams,
    r=st.floats(0.01, 20),
    alpha=st.floats(0.01, 500),
    a=st.floats(0.01, 20),
    b=st.floats(0.01, 20),
    log_likelihood=st.just(0.0),
    n_customers=st.just(1),
    converged=st.just(True),
)


@settings(max_examples=300, deadline=None)
@given(params=parameters, ages=st.lists(st.floats(0, 520), min_size=2, max_size=2, unique=True))
def test_a_one_time_buyer_fades_with_time(params, ages):
    """Unlike BG/NBD (always 1), a one-time buyer's P(alive) does not grow with the time since
    their purchase, and starts below 1 (they may have dropped out right after it)."""
    earlier, later = sorted(ages)
    alive = mbgnbd.p_alive(params, [0, 0], [0.0, 0.0], [earlier, later])
    assert 0.0 <= alive[1] <= alive[0] < 1.0
