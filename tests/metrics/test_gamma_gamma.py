"""Gamma-Gamma: the published CDNOW fit, recovery of simulated parameters, expected spend."""

from __future__ import annotations

import numpy as np
import pytest

from bench.bench_clv import simulate_bgnbd, simulate_gamma_gamma
from metrics import gamma_gamma
from metrics.gamma_gamma import GammaGammaParams
from tests.metrics.test_bgnbd import CALIBRATION_END, cdnow_occasions, rfm_summary

PUBLISHED = GammaGammaParams(
    p=6.25, q=3.74, gamma=15.44, log_likelihood=0.0, n_customers=946, converged=True
)


def test_cdnow_reproduces_the_published_fit():
    """Fader & Hardie (2013), note 025: p = 6.25, q = 3.74, gamma = 15.44 on the 946 customers
    with repeat purchases in the 39-week calibration period of the CDNOW sample.

    The monetary value is the mean dollar amount of each customer's repeat occasions in the
    calibration period (first purchase excluded, same-day transactions summed), as in the note.
    Asserted to half a unit of the published last digit.
    """
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)

    fitted = gamma_gamma.fit(summary["frequency"], summary["monetary_value"])

    assert fitted.converged
    assert fitted.n_customers == 946
    assert abs(fitted.p - 6.25) < 0.005
    assert abs(fitted.q - 3.74) < 0.005
    assert abs(fitted.gamma - 15.44) < 0.005


def test_expected_spend_is_the_credibility_weighted_mean():
    """Note 025, eq. 5 with the published parameters, hand-computed:
    population mean = 6.25 x 15.44 / 2.74 = 35.2189...; a customer with 2 repeat occasions
    averaging 22.35 gets (15.44 + 44.70) x 6.25 / 15.24 = 24.6637...; one with 10 occasions
    averaging 50 gets (15.44 + 500) x 6.25 / 65.24 = 49.3791...
    """
    spend = gamma_gamma.expected_spend(PUBLISHED, [0, 2, 10], [np.nan, 22.35, 50.0])
    np.testing.assert_allclose(spend, [96.5 / 2.74, 375.875 / 15.24, 3221.5 / 65.24], rtol=1e-12)
    weight = 2 * 6.25 / (2 * 6.25 + 3.74 - 1)
    assert spend[1] == pytest.approx(weight * 22.35 + (1 - weight) * spend[0], rel=1e-12)


def test_spend_scale_only_moves_gamma():
    """Spend in cents instead of euros: same p and q, gamma x 100."""
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)
    euros = gamma_gamma.fit(summary["frequency"], summary["monetary_value"])
    cents = gamma_gamma.fit(summary["frequency"], summary["monetary_value"] * 100)
    assert cents.p == pytest.approx(euros.p, rel=1e-6)
    assert cents.q == pytest.approx(euros.q, rel=1e-6)
    assert cents.gamma == pytest.approx(100 * euros.gamma, rel=1e-6)


def test_analytic_gradient_matches_finite_differences():
    rng = np.random.default_rng(11)
    x = rng.integers(1, 15, 2000).astype(float)
    m = simulate_gamma_gamma(x, p=6.0, q=4.0, gamma=15.0, rng=rng)
    x_values, x_index = np.unique(x, return_inverse=True)
    counts = np.bincount(x_index).astype(float)
    data = (x_values, counts, x, x * m, float(x @ np.log(x * m)), float(np.log(m).sum()))
    for point in ([6.0, 4.0, 15.0], [1.0, 2.0, 3.0]):
        params = np.array(point)
        _, gradient = gamma_gamma._log_likelihood_and_gradient(params, *data)
        step = 1e-6 * params
        central = [
            (
                gamma_gamma._log_likelihood_and_gradient(params + step * unit, *data)[0]
                - gamma_gamma._log_likelihood_and_gradient(params - step * unit, *data)[0]
            )
            / (2 * step @ unit)
            for unit in np.eye(3)
        ]
        np.testing.assert_allclose(gradient, central, rtol=1e-5)


def test_fit_recovers_simulated_parameters():
    """About 14,000 repeat customers out of 20,000 BG/NBD customers. p and gamma trade off
    (over 12 seeds errors up to 14%, 4% for q); their combination, the population mean spend
    p gamma / (q - 1), is sharp. Tolerances: 25% for p and gamma, 8% for q, 3% for the mean."""
    rng = np.random.default_rng(20130901)
    customers = simulate_bgnbd(rng.uniform(26, 78, 20_000), r=0.5, alpha=5.0, a=0.8, b=2.5, rng=rng)
    x = customers["frequency"].to_numpy()
    m = simulate_gamma_gamma(x, p=6.0, q=4.0, gamma=15.0, rng=rng)

    fitted = gamma_gamma.fit(x, m)

    assert fitted.converged
    assert fitted.n_customers == int((x > 0).sum())
    assert fitted.p == pytest.approx(6.0, rel=0.25)
    assert fitted.q == pytest.approx(4.0, rel=0.08)
    assert fitted.gamma == pytest.approx(15.0, rel=0.25)
    assert fitted.p * fitted.gamma / (fitted.q - 1) == pytest.approx(6.0 * 15.0 / 3.0, rel=0.03)


def test_one_time_buyers_are_ignored_by_the_fit():
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)
    repeat = summary[summary["frequency"] > 0]
    everyone = gamma_gamma.fit(summary["frequency"], summary["monetary_value"])
    only_repeat = gamma_gamma.fit(repeat["frequency"], repeat["monetary_value"])
    assert everyone == only_repeat


def test_infinite_expected_spend_is_refused():
    heavy_tailed = GammaGammaParams(0.5, 0.9, 10.0, log_likelihood=0.0, n_customers=1,
                                    converged=True)
    spend = gamma_gamma.expected_spend(heavy_tailed, [3], [20.0])
    assert spend == pytest.approx((10 + 60) * 0.5 / 1.4)
    with pytest.raises(ValueError, match="infinite"):
        gamma_gamma.expected_spend(heavy_tailed, [0, 3], [np.nan, 20.0])


def test_a_repeat_customer_without_spend_is_rejected():
    with pytest.raises(ValueError):
        gamma_gamma.fit([1, 2], [10.0, 0.0])
