"""Gamma-Gamma model of the spend per purchase occasion.

Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
Journal of Marketing Research 42(4), 415-430; Fader & Hardie (2013), "The Gamma-Gamma model of
monetary value" (note 025). Each occasion's spend z ~ Gamma(p, nu) around a customer's own mean,
with nu ~ Gamma(q, gamma) across customers; the mean z_bar of x occasions is then sufficient.
The model assumes spend does not depend on how often a customer buys: check that before use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import minimize
from scipy.special import digamma, gammaln

from metrics import blas

# Same meaning as in metrics.bgnbd: an optimum on the edge of the search box is not a fit.
LOG_BOUND = 20.0


@dataclass(frozen=True)
class GammaGammaParams:
    """Fitted population parameters; gamma is in the currency of the spend it was fitted on."""

    p: float
    q: float
    gamma: float
    log_likelihood: float
    n_customers: int
    converged: bool


def _log_likelihood_and_gradient(
    params: NDArray[np.float64],
    x_values: NDArray[np.float64],
    count_by_x: NDArray[np.float64],
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    sum_x_log_y: float,
    sum_log_m: float,
) -> tuple[float, NDArray[np.float64]]:
    """Log-likelihood of the mean spends and its gradient with respect to (p, q, gamma).

    Density of z_bar given x (note 025): G(px+q) / (G(px) G(q)) gamma^q z_bar^(px-1) x^(px) /
    (gamma + x z_bar)^(px+q). With y = x z_bar the terms in z_bar reduce to p sum(x ln y) -
    sum(ln z_bar) - sum((px+q) ln(gamma+y)); only the last one is evaluated per customer, the
    special functions once per distinct x.
    """
    p, q, gamma = params
    n = count_by_x.sum()
    px = p * x_values
    log_gy = np.log(gamma + y)
    inv_gy = 1.0 / (gamma + y)
    # sum((px+q) f) = p sum(x f) + q sum(f); einsum, not BLAS (see metrics.bgnbd._weighted_sum).
    x_log_gy, sum_log_gy = np.einsum("i,i->", x, log_gy), log_gy.sum()
    x_inv_gy, sum_inv_gy = np.einsum("i,i->", x, inv_gy), inv_gy.sum()
    value = (
        count_by_x @ (gammaln(px + q) - gammaln(px))
        - n * gammaln(q)
        + n * q * np.log(gamma)
        + p * sum_x_log_y
        - sum_log_m
        - p * x_log_gy
        - q * sum_log_gy
    )
    psi_pxq = digamma(px + q)
    d_p = count_by_x @ (x_values * (psi_pxq - digamma(px))) + sum_x_log_y - x_log_gy
    d_q = count_by_x @ psi_pxq - n * digamma(q) + n * np.log(gamma) - sum_log_gy
    d_gamma = n * q / gamma - p * x_inv_gy - q * sum_inv_gy
    return float(value), np.array([d_p, d_q, d_gamma])


def _repeat(frequency: ArrayLike, monetary_value: ArrayLike) -> tuple[NDArray, NDArray]:
    """Frequencies and mean spends of the repeat customers, checked."""
    x_all = np.asarray(frequency, dtype=float)
    m_all = np.asarray(monetary_value, dtype=float)
    repeat = x_all > 0
    x, m = x_all[repeat], m_all[repeat]
    if len(x) == 0:
        raise ValueError("the Gamma-Gamma model needs at least one repeat customer")
    if not (np.isfinite(m).all() and (m > 0).all() and (x == np.round(x)).all()):
        raise ValueError("repeat customers need a whole frequency and a finite mean spend > 0")
    return x, m


def _prepared(x: NDArray, spend: NDArray) -> tuple:
    """The arguments of ``_log_likelihood_and_gradient`` after the parameters."""
    x_values, x_index = np.unique(x, return_inverse=True)
    count_by_x = np.bincount(x_index, minlength=len(x_values)).astype(float)
    y = x * spend
    sum_x_log_y = float(np.einsum("i,i->", x, np.log(y)))
    return x_values, count_by_x, x, y, sum_x_log_y, float(np.log(spend).sum())


def gradient_function(
    frequency: ArrayLike, monetary_value: ArrayLike
) -> Callable[[NDArray[np.float64]], NDArray[np.float64]]:
    """The gradient of the log-likelihood of the repeat customers' mean spends as a function of
    (p, q, gamma): what metrics.uncertainty differentiates once more."""
    data = _prepared(*_repeat(frequency, monetary_value))
    return lambda params: _log_likelihood_and_gradient(params, *data)[1]


def fit(frequency: ArrayLike, monetary_value: ArrayLike) -> GammaGammaParams:
    """Maximum-likelihood Gamma-Gamma parameters from repeat customers.

    ``monetary_value`` is each customer's mean spend over their repeat occasions (the first
    purchase is left out, as in the paper); customers with frequency 0 are ignored. Spend is
    divided by its mean before the search (start at p = q = gamma = 1) and gamma scaled back.
    """
    x, m = _repeat(frequency, monetary_value)
    scale = float(m.mean())
    scaled = _prepared(x, m / scale)

    def objective(log_params: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        params = np.exp(log_params)
        value, gradient = _log_likelihood_and_gradient(params, *scaled)
        return -value / len(x), -gradient * params / len(x)

    with blas.one_thread():
        result = minimize(
            objective,
            x0=np.zeros(3),
            jac=True,
            method="L-BFGS-B",
            bounds=[(-LOG_BOUND, LOG_BOUND)] * 3,
            options={"maxiter": 2000, "ftol": 1e-13, "gtol": 1e-9},
        )
    p, q, gamma_scaled = np.exp(result.x)
    gamma = gamma_scaled * scale
    log_likelihood, _ = _log_likelihood_and_gradient(np.array([p, q, gamma]), *_prepared(x, m))
    interior = bool((np.abs(result.x) < LOG_BOUND - 1.0).all())
    return GammaGammaParams(
        p=float(p),
        q=float(q),
        gamma=float(gamma),
        log_likelihood=log_likelihood,
        n_customers=len(x),
        converged=bool(result.success) and interior and bool(np.isfinite(log_likelihood)),
    )


def expected_spend(
    params: GammaGammaParams, frequency: ArrayLike, monetary_value: ArrayLike
) -> NDArray:
    """Expected mean spend of a customer's future occasions given x occasions averaging z_bar.

    Note 025, eq. 5: (gamma + x z_bar) p / (p x + q - 1), a weighted average of the population
    mean p gamma / (q - 1) and the customer's own z_bar, the weight on z_bar growing with x.
    Customers with x = 0 get the population mean (their ``monetary_value`` is not used, it may be
    missing); that mean exists only when q > 1, and the conditional one when p x + q > 1.
    """
    x = np.asarray(frequency, dtype=float)
    m = np.where(x > 0, np.asarray(monetary_value, dtype=float), 0.0)
    p, q, gamma = params.p, params.q, params.gamma
    if (x < 0).any() or ((x > 0) & ~(m >= 0)).any():
        raise ValueError("frequency must be >= 0 and mean spend >= 0 for repeat customers")
    denominator = p * x + q - 1.0
    if (denominator <= 0).any():
        raise ValueError("p x + q <= 1: the expected spend is infinite for these customers")
    return (gamma + x * m) * p / denominator
