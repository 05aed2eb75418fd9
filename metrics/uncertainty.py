"""How sure the shop-level forecast is: a range for the expected purchases and revenue.

Method (the normal approximation to the maximum-likelihood estimate, e.g. Pawitan 2001, "In
All Likelihood", ch. 9): near its maximum the log-likelihood is about quadratic in the
log-parameters theta, so theta-hat is about normal with covariance (-H)^-1, H the Hessian of
the log-likelihood at theta-hat in the log-parameters. H is taken as central differences (step
HESSIAN_STEP) of the models' analytic gradients (``gradient_function`` of metrics.bgnbd,
metrics.mbgnbd, metrics.pareto_nbd and metrics.gamma_gamma). The shop totals (expected occasions
over the horizon, and times the expected spend per occasion) are then about normal too (the
delta method, ibid. ch. 4): their standard deviation is that of their linearisation, whose
slope along each principal direction of the covariance is the central difference over one
standard deviation either way (the purchase model's and Gamma-Gamma's estimates independent);
the range is the forecast -/+ Z_90 standard deviations, its 5th to 95th percentiles. That is
nine predictions of every customer (the estimate, and two per direction) where 200 random
draws of the parameters took 200 predictions (bench/RESULTS.md). It
measures how far the fit could move with another sample of customers like these, not the luck
of which customers actually buy, nor a change in their habits; so it narrows as the shop grows. Where a prediction cannot be computed (an infinite Gamma-Gamma
mean, q <= 1, or a scipy special-function corner) or the Hessian is not negative definite (a
flat likelihood), there is no range.

A purchase model fitted at an edge of its parameter space (Pareto/NBD with s -> 0 and beta -> oo:
nobody ever leaves) has directions the data do not locate at all: the likelihood is flat there,
its curvature ~1e-10, so a standard deviation of e^(1e5). Directions whose standard deviation
exceeds FLAT_LOG_SD in the log-parameters (a factor e^10) are held at the estimate, which is
right only if the forecast does not depend on them: it must move by less than MAX_HELD_SHIFT
when the parameters move FLAT_LOG_SD along each of them, or there is no range.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from metrics import gamma_gamma

LOW_PERCENTILE, HIGH_PERCENTILE = 5.0, 95.0
Z_90 = 1.6448536269514722  # the standard normal's 95th percentile
HESSIAN_STEP = 1e-4
FLAT_LOG_SD = 10.0
MAX_HELD_SHIFT = 1e-3
SPEND_NAMES = ("p", "q", "gamma")


@dataclass(frozen=True)
class ForecastRange:
    """5th-95th percentile of the shop's expected purchase occasions and revenue over the
    horizon (revenue None without a spend model)."""

    purchases_low: float
    purchases_high: float
    revenue_low: float | None
    revenue_high: float | None


def log_covariance(
    gradient: Callable[[NDArray[np.float64]], NDArray[np.float64]], estimate: NDArray[np.float64]
) -> NDArray[np.float64] | None:
    """(-H)^-1 in the log-parameters at ``estimate`` (``log_information``); None when -H is not
    positive definite or cannot be computed."""
    information = log_information(gradient, estimate)
    if information is None or (np.linalg.eigvalsh(information) <= 0).any():
        return None
    return np.linalg.inv(information)


def log_information(
    gradient: Callable[[NDArray[np.float64]], NDArray[np.float64]], estimate: NDArray[np.float64]
) -> NDArray[np.float64] | None:
    """-H in the log-parameters at ``estimate`` (the parameters themselves), H from central
    differences of ``gradient`` (d loglik / d params, chained to d / d log-params), symmetrised;
    None where a special function cannot be computed."""
    theta = np.log(np.asarray(estimate, dtype=float))
    n = len(theta)

    def log_gradient(at: NDArray[np.float64]) -> NDArray[np.float64]:
        params = np.exp(at)
        return gradient(params) * params

    hessian = np.empty((n, n))
    try:
        for j in range(n):
            step = np.zeros(n)
            step[j] = HESSIAN_STEP
            hessian[:, j] = (log_gradient(theta + step) - log_gradient(theta - step)) / (
                2.0 * HESSIAN_STEP)
    except FloatingPointError:
        return None
    information = -(hessian + hessian.T) / 2.0
    return information if np.isfinite(information).all() else None


def _located_steps(
    information: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """One standard deviation along each principal direction the data locate (steps x
    parameters, in the log-parameters; a standard deviation below FLAT_LOG_SD), and the
    directions held at the estimate (parameters x directions)."""
    values, vectors = np.linalg.eigh(information)
    located = values > 1.0 / FLAT_LOG_SD**2
    return (vectors[:, located] / np.sqrt(values[located])).T, vectors[:, ~located]


def _held_directions_matter(
    total_at: Callable[[NDArray[np.float64]], float],
    estimate: NDArray[np.float64],
    held: NDArray[np.float64],
) -> bool:
    """Whether the forecast moves by MAX_HELD_SHIFT or more (or cannot be computed) when the
    parameters move FLAT_LOG_SD along a held direction, either way."""
    centre = total_at(estimate)
    for direction in held.T:
        for sign in (-1.0, 1.0):
            try:
                moved = total_at(estimate * np.exp(sign * FLAT_LOG_SD * direction))
            except FloatingPointError:
                return True
            if not abs(moved - centre) < MAX_HELD_SHIFT * abs(centre):
                return True
    return False


def purchase_information(
    module: ModuleType, names: tuple[str, ...], purchases: object, summary: pd.DataFrame
) -> NDArray[np.float64] | None:
    """``log_information`` of the fitted ``purchases`` of ``module`` on ``summary``: the costly
    part of ``forecast_range`` (eight gradients), the same for every horizon."""
    estimate = np.array([getattr(purchases, name) for name in names])
    gradient = module.gradient_function(
        summary["frequency"], summary["recency_weeks"], summary["T_weeks"])
    return log_information(gradient, estimate)


def forecast_range(
    module: ModuleType,
    names: tuple[str, ...],
    purchases: object,
    spend: gamma_gamma.GammaGammaParams | None,
    summary: pd.DataFrame,
    horizon: float,
    information: NDArray[np.float64] | None = None,
) -> ForecastRange | None:
    """The range of the shop's expected occasions (and revenue with ``spend``) over ``horizon``
    weeks for the fitted ``purchases`` of ``module`` (metrics.bgnbd, mbgnbd or pareto_nbd), whose
    parameters are ``names``, on ``summary``
    (frequency, recency_weeks, T_weeks, monetary_value per customer; clv_summary.sql), as
    described in the module docstring; None when the data locate no direction of the
    parameters, the forecast depends on one they do not locate, or cannot be computed.
    ``information``: ``purchase_information``, computed here unless given."""
    # Customers sharing a history share their expectation: one row per distinct (x, t_x, T),
    # with its count and the sum of the mean spends (what the revenue needs, linear in them).
    histories = (
        summary.assign(spend=summary["monetary_value"].fillna(0.0), n=1)
        .groupby(["frequency", "recency_weeks", "T_weeks"], as_index=False, sort=False)
        .agg(n=("n", "sum"), spend=("spend", "sum"))
    )
    hx, ht, hT = (histories[c].to_numpy(float) for c in ("frequency", "recency_weeks", "T_weeks"))
    count, spend_sum = histories["n"].to_numpy(float), histories["spend"].to_numpy(float)

    estimate = np.array([getattr(purchases, name) for name in names])
    if information is None:
        information = purchase_information(module, names, purchases, summary)
    if information is None:
        return None
    steps, held = _located_steps(information)

    def expected_at(values: NDArray[np.float64]) -> NDArray[np.float64]:
        drawn = dataclasses.replace(purchases, **dict(zip(names, values)))
        return module.expected_purchases(drawn, horizon, hx, ht, hT)

    def total_at(values: NDArray[np.float64]) -> float:
        return float(expected_at(values) @ count)

    def spend_at(values: NDArray[np.float64]) -> NDArray[np.float64]:
        p, q, gamma = values
        # sum over a history's customers of (gamma + x m) p / (p x + q - 1), note 025 eq. 5
        with np.errstate(divide="ignore"):
            return (count * gamma + hx * spend_sum) * p / (p * hx + q - 1.0) if q > 1.0 \
                else np.full(len(hx), np.inf)

    try:
        if len(steps) == 0 or (len(held.T) and _held_directions_matter(total_at, estimate,
                                                                       held)):
            return None
        expected = expected_at(estimate)
        moved = [(expected_at(estimate * np.exp(step)), expected_at(estimate * np.exp(-step)))
                 for step in steps]
    except FloatingPointError:
        return None
    purchases_sd = np.sqrt(sum(((up - down) @ count / 2.0) ** 2 for up, down in moved))
    total = float(expected @ count)
    revenue_low = revenue_high = None
    spend_estimate = None if spend is None else np.array(
        [getattr(spend, name) for name in SPEND_NAMES])
    spend_covariance = None if spend is None else log_covariance(
        gamma_gamma.gradient_function(summary["frequency"], summary["monetary_value"]),
        spend_estimate)
    if spend_covariance is not None:
        per_history = spend_at(spend_estimate)
        spend_steps, _ = _located_steps(np.linalg.inv(spend_covariance))
        slopes = [(up - down) @ per_history / 2.0 for up, down in moved] + [
            expected @ (spend_at(spend_estimate * np.exp(step))
                        - spend_at(spend_estimate * np.exp(-step))) / 2.0
            for step in spend_steps]
        revenue_sd = np.sqrt(np.sum(np.square(slopes)))
        if np.isfinite(revenue_sd):
            revenue = float(expected @ per_history)
            revenue_low, revenue_high = revenue - Z_90 * revenue_sd, revenue + Z_90 * revenue_sd
    if not np.isfinite(purchases_sd):
        return None
    low, high = total - Z_90 * purchases_sd, total + Z_90 * purchases_sd
    return ForecastRange(
        purchases_low=float(low),
        purchases_high=float(high),
        revenue_low=None if revenue_low is None else float(revenue_low),
        revenue_high=None if revenue_high is None else float(revenue_high),
    )
