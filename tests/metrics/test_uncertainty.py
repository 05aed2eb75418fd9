"""Ranges of the shop-level forecast from the fits' uncertainty (metrics.uncertainty)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from bench.bench_clv import simulate_pareto_nbd, simulated_shop
from metrics import bgnbd, clv, gamma_gamma, pareto_nbd, uncertainty
from tests.metrics.test_clv import cdnow_db  # noqa: F401 (the fixture)


def test_covariance_of_a_poisson_rate_in_logs():
    """k = 40 events in an exposure of c = 8: l(p) = k ln p - c p, maximum at p = k / c = 5. In
    theta = ln p, l = k theta - c e^theta, whose second derivative at the maximum is -c p = -k:
    the variance of theta-hat is 1 / k = 0.025."""
    covariance = uncertainty.log_covariance(lambda p: 40.0 / p - 8.0, np.array([5.0]))
    assert covariance == pytest.approx(np.array([[0.025]]), rel=1e-7)


def test_a_flat_likelihood_has_no_covariance():
    assert uncertainty.log_covariance(lambda p: np.zeros(2), np.array([1.0, 2.0])) is None


def shop_range(n_customers: int) -> tuple[uncertainty.ForecastRange, float, float]:
    """Range, and the point forecasts of occasions and revenue over 52 weeks, for a shop of
    ``n_customers`` drawn from the CDNOW BG/NBD and Gamma-Gamma parameters."""
    shop = simulated_shop(n_customers).rename(
        columns={"recency": "recency_weeks", "T": "T_weeks"})
    x, t_x, age, m = (shop[c] for c in ("frequency", "recency_weeks", "T_weeks",
                                        "monetary_value"))
    purchases, spend = bgnbd.fit(x, t_x, age), gamma_gamma.fit(x, m)
    expected = bgnbd.expected_purchases(purchases, 52, x, t_x, age)
    revenue = expected @ gamma_gamma.expected_spend(spend, x, m)
    ranges = uncertainty.forecast_range(
        bgnbd, clv.PARAM_NAMES["bg_nbd"], purchases, spend, shop, 52.0)
    return ranges, float(expected.sum()), float(revenue)


def test_the_range_holds_the_forecast_and_narrows_as_the_shop_grows():
    """16 times more customers from the same parameters: the estimates' standard errors shrink
    about 4 times, and so does the range relative to the forecast (at least halved here)."""
    small, small_purchases, small_revenue = shop_range(1_000)
    big, big_purchases, big_revenue = shop_range(16_000)
    for ranges, purchases, revenue in [(small, small_purchases, small_revenue),
                                       (big, big_purchases, big_revenue)]:
        assert ranges.purchases_low < purchases < ranges.purchases_high
        assert ranges.revenue_low < revenue < ranges.revenue_high
    small_width = (small.purchases_high - small.purchases_low) / small_purchases
    big_width = (big.purchases_high - big.purchases_low) / big_purchases
    assert big_width < small_width / 2
    small_width = (small.revenue_high - small.revenue_low) / small_revenue
    big_width = (big.revenue_high - big.revenue_low) / big_revenue
    assert big_width < small_width / 2
    assert shop_range(1_000)[0] == small  # no randomness: the same range every time


def test_customer_value_carries_the_ranges(cdnow_db):
    """CDNOW as of 1997-09-30, BG/NBD over 19 weeks: the forecast totals are the table's sums,
    inside their ranges."""
    result = clv.customer_value(cdnow_db, as_of=date(1997, 9, 30), horizon_weeks=39)
    forecast = result.summary["forecast"]
    table = result.table
    assert forecast["expected_purchases"] == pytest.approx(
        table["expected_purchases"].astype(float).sum(), rel=1e-12)
    assert forecast["expected_revenue"] == pytest.approx(
        table["expected_revenue"].astype(float).sum(), rel=1e-12)
    low, high = forecast["expected_purchases_range"]
    assert low < forecast["expected_purchases"] < high
    low, high = forecast["expected_revenue_range"]
    assert low < forecast["expected_revenue"] < high
    assert forecast["range_percentiles"] == [5.0, 95.0]


def test_a_fit_at_the_no_dropout_edge_still_gets_a_range():
    """500 customers who never leave (Pareto/NBD with a mean dropout rate of 5e-8 a week): the
    fit goes to the edge s -> 0, where the likelihood is flat in (s, beta) and normal draws
    along those directions overflowed, leaving the 1M bench shop without a range. Held at the
    estimate (the forecast does not move along them), the other directions give one."""
    rng = np.random.default_rng(7)
    shop = simulate_pareto_nbd(rng.integers(7, 7 * 52, size=500) / 7.0, r=0.6, alpha=5.0,
                               s=0.5, beta=1e7, rng=rng)
    shop = shop.assign(recency=np.minimum(np.ceil(shop["recency"] * 7) / 7, shop["T"]),
                       monetary_value=np.nan)
    shop = shop.rename(columns={"recency": "recency_weeks", "T": "T_weeks"})
    x, t_x, age = shop["frequency"], shop["recency_weeks"], shop["T_weeks"]
    fitted = pareto_nbd.fit(x, t_x, age)
    assert fitted.converged and fitted.s < 1e-6

    ranges = uncertainty.forecast_range(
        pareto_nbd, clv.PARAM_NAMES["pareto_nbd"], fitted, None, shop, 26.0)

    expected = pareto_nbd.expected_purchases(fitted, 26.0, x, t_x, age).sum()
    assert ranges.purchases_low < expected < ranges.purchases_high
    assert ranges.revenue_low is None


def test_a_held_direction_the_forecast_depends_on_gives_no_range():
    def total_at(values):
        return 100.0 * values[0]

    estimate = np.array([2.0, 3.0])
    assert uncertainty._held_directions_matter(total_at, estimate, np.array([[0.0], [1.0]])) \
        is False
    assert uncertainty._held_directions_matter(total_at, estimate, np.array([[1.0], [0.0]]))
