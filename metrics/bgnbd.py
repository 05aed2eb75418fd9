"""BG/NBD model of repeat purchase occasions.

Fader, Hardie & Lee (2005), "'Counting your customers' the easy way: an alternative to the
Pareto/NBD model", Marketing Science 24(2), 275-284. While alive a customer buys at Poisson rate
lambda ~ Gamma(r, alpha); after each repeat purchase they drop out with probability p ~ Beta(a, b).
Per customer the model needs only x (repeat purchases), t_x (time of the last one) and T (time
since the first purchase), all measured from the first purchase in one time unit (Comptoir uses
weeks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import minimize
from scipy.special import betaln, digamma, expit, gammaln, hyp2f1

from metrics import blas

# Log-parameters are searched in [-LOG_BOUND, LOG_BOUND]; an optimum on that edge means the data
# do not identify the model (e.g. nobody ever came back), so the fit is reported as not converged.
LOG_BOUND = 20.0
# The expectations have a removable singularity at a = 1 where (a-1) cancels; closer than this,
# they are interpolated linearly between a = 1 -/+ A_NEAR_ONE (relative error below 1e-7,
# measured against mpmath at 40 digits).
A_NEAR_ONE = 1e-4


@dataclass(frozen=True)
class BGNBDParams:
    """Fitted population parameters; alpha is in the time unit of the data it was fitted on."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    n_customers: int
    converged: bool


class _Patterns(NamedTuple):
    """Distinct (x, t_x, T) with their customer counts, and the distinct x (special functions of
    the parameters and x only are evaluated once per distinct x)."""

    x: NDArray[np.float64]
    t_x: NDArray[np.float64]
    T: NDArray[np.float64]
    weight: NDArray[np.float64]
    x_values: NDArray[np.float64]
    x_index: NDArray[np.intp]
    weight_by_x: NDArray[np.float64]


def _check(
    frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> tuple[NDArray, NDArray, NDArray]:
    """Float arrays of a consistent history: whole x >= 0, 0 <= t_x <= T, t_x = 0 when x = 0."""
    x = np.asarray(frequency, dtype=float)
    t_x = np.asarray(recency, dtype=float)
    age = np.asarray(T, dtype=float)
    x, t_x, age = np.broadcast_arrays(x, t_x, age)
    if not (np.isfinite(x).all() and np.isfinite(t_x).all() and np.isfinite(age).all()):
        raise ValueError("frequency, recency and T must be finite")
    if (x < 0).any() or (x != np.round(x)).any():
        raise ValueError("frequency must be a whole number >= 0")
    if (t_x < 0).any() or (t_x > age).any():
        raise ValueError("recency must lie between 0 and T")
    if ((x == 0) & (t_x != 0)).any():
        raise ValueError("recency must be 0 when frequency is 0")
    return x, t_x, age


def _compress(x: NDArray, t_x: NDArray, T: NDArray, weights: NDArray) -> _Patterns:
    """One likelihood term per distinct (x, t_x, T), weighted by its customer count."""
    frame = pd.DataFrame({"x": x, "t_x": t_x, "T": T, "weight": weights})
    grouped = frame[frame["weight"] > 0].groupby(["x", "t_x", "T"], sort=False, as_index=False)
    patterns = grouped["weight"].sum()
    px = patterns["x"].to_numpy(dtype=float)
    weight = patterns["weight"].to_numpy(dtype=float)
    x_values, x_index = np.unique(px, return_inverse=True)
    return _Patterns(
        x=px,
        t_x=patterns["t_x"].to_numpy(dtype=float),
        T=patterns["T"].to_numpy(dtype=float),
        weight=weight,
        x_values=x_values,
        x_index=x_index,
        weight_by_x=np.bincount(x_index, weights=weight, minlength=len(x_values)),
    )


def _weighted_sum(weights: NDArray[np.float64], values: NDArray[np.float64]) -> float:
    """Sum of weights x values with einsum rather than BLAS: on one long vector OpenBLAS threads
    cost more than they save (bench/RESULTS.md)."""
    return float(np.einsum("i,i->", weights, values))


def _log_likelihood_and_gradient(
    params: NDArray[np.float64], data: _Patterns, drop_at_first: bool = False
) -> tuple[float, NDArray[np.float64]]:
    """Total log-likelihood and its gradient with respect to (r, alpha, a, b).

    The paper's likelihood L = A [ (alpha+T)^-(r+x) + [x>0] a/(b+x-1) (alpha+t_x)^-(r+x) ] with
    ln A = ln G(r+x) - ln G(r) + r ln alpha + ln B(a, b+x) - ln B(a, b), evaluated as
    ln A - (r+x) ln(alpha+t_x) + ln(e^u + e^v), u = (r+x) ln((alpha+t_x)/(alpha+T)) <= 0 and
    v = ln(a/(b+x-1)) (-inf when x = 0), so that no power overflows (Fader & Hardie 2013,
    "Overcoming the BG/NBD model's #NUM! error problem", note 027, expression 4).

    ``drop_at_first`` gives the MBG/NBD likelihood (Batislam, Denizel & Filiztekin 2007; see
    metrics.mbgnbd): the same expression with x + 1 in place of x in B(a, b+x) and in the
    dropout odds a/(b+x), which then also apply to x = 0.
    """
    r, alpha, a, b = params
    xv = data.x_values
    w = data.weight
    total = w.sum()
    # Dropout chances taken by a customer who made x repeat purchases: x, or x + 1 in MBG/NBD.
    xd = xv + 1.0 if drop_at_first else xv
    # Terms in the parameters and x only, once per distinct x.
    by_x = gammaln(r + xv) - gammaln(r) + betaln(a, b + xd) - betaln(a, b)
    d_r_by_x = digamma(r + xv) - digamma(r)
    d_a_by_x = digamma(a + b) - digamma(a + b + xd)
    d_b_by_x = digamma(b + xd) - digamma(b) + d_a_by_x
    log_drop = np.where(xd > 0, np.log(a) - np.log(b + np.maximum(xd, 1.0) - 1.0), -np.inf)

    rx = r + data.x
    log_at_x = np.log(alpha + data.t_x)
    log_gap = log_at_x - np.log(alpha + data.T)
    u = rx * log_gap
    v = log_drop[data.x_index]
    # ln(e^u + e^v) and the share e^u / (e^u + e^v) from one exponential; the share of e^v is
    # 1 - share_u, used only inside sums where its rounding is negligible against the total.
    smaller = np.exp(-np.abs(u - v))
    log_sum = np.maximum(u, v) + np.log1p(smaller)
    minor_share = smaller / (1.0 + smaller)
    share_u = np.where(u >= v, 1.0 - minor_share, minor_share)
    inv_drop_by_x = 1.0 / (b + np.maximum(xd, 1.0) - 1.0)

    inv_x = 1.0 / (alpha + data.t_x)
    inv_T = 1.0 / (alpha + data.T)
    value = (
        data.weight_by_x @ by_x
        + total * r * np.log(alpha)
        + _weighted_sum(w, log_sum - rx * log_at_x)
    )
    d_r = (
        data.weight_by_x @ d_r_by_x
        + total * np.log(alpha)
        + _weighted_sum(w, share_u * log_gap - log_at_x)
    )
    d_alpha = total * r / alpha + _weighted_sum(w, rx * (share_u * (inv_x - inv_T) - inv_x))
    # sum(w share_v g) = sum(w g) - sum(w share_u g) for g = 1 and 1/(b+x-1); customers with
    # without a dropout chance (BG/NBD's x = 0, share_u = 1) cancel out of both.
    sum_share_v = total - _weighted_sum(w, share_u)
    sum_share_v_drop = data.weight_by_x @ inv_drop_by_x - _weighted_sum(
        w, share_u * inv_drop_by_x[data.x_index]
    )
    d_a = data.weight_by_x @ d_a_by_x + sum_share_v / a
    d_b = data.weight_by_x @ d_b_by_x - sum_share_v_drop
    return float(value), np.array([d_r, d_alpha, d_a, d_b])


def fit(
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    weights: ArrayLike | None = None,
) -> BGNBDParams:
    """Maximum-likelihood BG/NBD parameters.

    Customers with the same (x, t_x, T) share one weighted likelihood term (``weights`` counts
    customers per row when the input is already grouped). Time is rescaled so that max T = 10
    before the search, which makes the starting point (all parameters 1) reasonable whatever
    the time unit; alpha is scaled back afterwards. L-BFGS-B runs on log-parameters with the
    analytic gradient of ``_log_likelihood_and_gradient``.
    """
    return BGNBDParams(*fit_beta_geometric(frequency, recency, T, weights, drop_at_first=False))


def fit_beta_geometric(
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    weights: ArrayLike | None,
    *,
    drop_at_first: bool,
) -> tuple[float, float, float, float, float, int, bool]:
    """(r, alpha, a, b, log-likelihood, customers, converged) of BG/NBD, or of MBG/NBD when
    ``drop_at_first`` (metrics.mbgnbd), as described in ``fit``."""
    original, scale = prepared(frequency, recency, T, weights)
    data = original._replace(t_x=original.t_x * scale, T=original.T * scale)
    (r, alpha_scaled, a, b), converged = maximise(
        lambda params: _log_likelihood_and_gradient(params, data, drop_at_first),
        n_params=4,
        total=data.weight.sum(),
    )
    alpha = alpha_scaled / scale
    log_likelihood, _ = _log_likelihood_and_gradient(
        np.array([r, alpha, a, b]), original, drop_at_first
    )
    return (
        float(r),
        float(alpha),
        float(a),
        float(b),
        log_likelihood,
        int(round(original.weight.sum())),
        converged and bool(np.isfinite(log_likelihood)),
    )


def gradient_function(
    frequency: ArrayLike, recency: ArrayLike, T: ArrayLike, *, drop_at_first: bool = False
) -> Callable[[NDArray[np.float64]], NDArray[np.float64]]:
    """The gradient of the log-likelihood of these histories as a function of (r, alpha, a, b)
    (MBG/NBD's with ``drop_at_first``): what metrics.uncertainty differentiates once more."""
    data, _ = prepared(frequency, recency, T, None)
    return lambda params: _log_likelihood_and_gradient(params, data, drop_at_first)[1]


def prepared(
    frequency: ArrayLike, recency: ArrayLike, T: ArrayLike, weights: ArrayLike | None
) -> tuple[_Patterns, float]:
    """Checked histories compressed to one weighted row per distinct (x, t_x, T), and the time
    scale (max T = 10) in which a search from all parameters 1 starts near the data whatever
    the time unit (shared by the purchase models)."""
    x, t_x, age = _check(frequency, recency, T)
    w = np.ones_like(x) if weights is None else np.broadcast_to(np.asarray(weights, float), x.shape)
    if (w < 0).any() or not np.isfinite(w).all():
        raise ValueError("weights must be finite and >= 0")
    if not ((x > 0) & (t_x > 0) & (w > 0)).any():
        raise ValueError("the model needs at least one repeat purchase after the first")
    return _compress(x, t_x, age, w), 10.0 / age.max()


def maximise(
    log_likelihood_and_gradient: Callable[[NDArray[np.float64]], tuple[float, NDArray]],
    n_params: int,
    total: float,
) -> tuple[NDArray[np.float64], bool]:
    """The parameters maximising a log-likelihood, and whether the search converged inside the
    box: L-BFGS-B on the log-parameters from 0 (all parameters 1) with the analytic gradient,
    on the mean over ``total`` customers, BLAS on one thread (metrics.blas). A point where a special function cannot be computed
    (FloatingPointError) counts as infinitely bad, so the line search steps back from it."""

    def objective(log_params: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        params = np.exp(log_params)
        try:
            value, gradient = log_likelihood_and_gradient(params)
        except FloatingPointError:
            return np.inf, np.zeros(n_params)
        return -value / total, -gradient * params / total

    with blas.one_thread():
        result = minimize(
            objective,
            x0=np.zeros(n_params),
            jac=True,
            method="L-BFGS-B",
            bounds=[(-LOG_BOUND, LOG_BOUND)] * n_params,
            options={"maxiter": 2000, "ftol": 1e-13, "gtol": 1e-9},
        )
    interior = bool((np.abs(result.x) < LOG_BOUND - 1.0).all())
    return np.exp(result.x), bool(result.success) and interior


def p_alive(params: BGNBDParams, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike) -> NDArray:
    """Probability that a customer with history (x, t_x, T) has not dropped out.

    1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)) (Fader, Hardie & Lee 2008,
    "Computing P(alive) using the BG/NBD model", note 021), computed as a logistic of the log
    odds so that it stays in [0, 1]. In BG/NBD a customer can only drop out right after a repeat
    purchase, so x = 0 gives exactly 1.
    """
    x, t_x, age = _check(frequency, recency, T)
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    log_odds_dead = (
        np.log(a)
        - np.log(b + np.maximum(x, 1.0) - 1.0)
        + (r + x) * (np.log(alpha + age) - np.log(alpha + t_x))
    )
    return np.where(x > 0, expit(-log_odds_dead), 1.0)


def _expected_if_alive(
    r: float, alpha: float, a: float, b: float, x: NDArray, T: NDArray, t: NDArray
) -> NDArray:
    """(a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)].

    With z = t/(alpha+T+t): the numerator of eq. 10 (eq. 9 when x = 0, T = 0). Near z = 1,
    2F1(A, B; C; z) grows like (1-z)^(C-A-B) when C-A-B < 0 and the power in front has to cancel
    it, which overflows. So where C-A-B = a-1-r-x < 0 (heavy buyers) Euler's transformation
    2F1(A, B; C; z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z) is used instead: the product becomes
    ((alpha+T)/(alpha+T+t))^(a-1) 2F1(a+b-1-r, a-1; C; z), whose C-A-B = x+r-a+1 > 0 (lifetimes
    switches forms only after an overflow; choosing by the sign avoids it).
    """
    c = a + b + x - 1.0
    # c = 0 (x = 0 and a + b = 1) is a removable pole of c * 2F1(.; c; z): step next to it.
    c = np.where(c == 0.0, 1e-12, c)
    if abs((r - a) - round(r - a)) < 1e-9:
        # Then C-A-B is a whole number and scipy's hyp2f1 takes a branch that overflows for
        # large C and z near 1 (2F1(1, 1; 101; 10/11) = inf, truly 1.00917); moving C by 1e-9
        # leaves that branch and the value within ~1e-9.
        c = c + 1e-9
    euler = x + r + 1.0 > a
    upper_1 = np.where(euler, a + b - 1.0 - r, r + x)
    upper_2 = np.where(euler, a - 1.0, b + x)
    power = np.where(euler, a - 1.0, r + x)
    z = t / (alpha + T + t)
    log_ratio = np.log(alpha + T) - np.log(alpha + T + t)
    product = np.exp(power * log_ratio) * hyp2f1(upper_1, upper_2, c, z)
    return c / (a - 1.0) * (1.0 - product)


def _expected_while_alive(params: BGNBDParams, x: NDArray, T: NDArray, t: ArrayLike) -> NDArray:
    """``_expected_if_alive`` for any a (interpolated across a = 1), checked and never negative.

    Checked against mpmath at 50 digits on 4,000 random points with r, a, b up to 90, alpha from
    0.001 to 8,000 and x, T, t up to 1,800: worst relative error 1e-6. scipy's hyp2f1 still has
    corners where it returns inf or NaN (e.g. r = 68.5, alpha = 10, a = 25, b = 1 and x = 153
    repeat purchases at T = 0); those raise FloatingPointError instead of giving NaN.
    """
    horizon = np.asarray(t, dtype=float)
    if (horizon < 0).any() or not np.isfinite(horizon).all():
        raise ValueError("the horizon t must be finite and >= 0")
    if (horizon.ndim == 0 or horizon.shape[1:] == (1,)) and np.ndim(x) == np.ndim(T) == 1:
        # One horizon, or a column of them (a backtest week by week), for a row of customers:
        # each distinct history (x, T) once, as customers share them (T counts whole days).
        pairs = np.stack([x, T], axis=1).astype(float).view(np.complex128).ravel()  # 1-D: fast
        histories, inverse = np.unique(pairs, return_inverse=True)
        expected = _expected_checked(params, histories.real, histories.imag, horizon)
        return expected[..., inverse.reshape(-1)]
    return _expected_checked(params, x, T, horizon)


def _expected_checked(params: BGNBDParams, x: NDArray, T: NDArray, horizon: NDArray) -> NDArray:
    """The expectation of each (x, T) over `horizon`, interpolated across a = 1 and checked."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    if abs(a - 1.0) >= A_NEAR_ONE:
        expected = _expected_if_alive(r, alpha, a, b, x, T, horizon)
    else:
        below = _expected_if_alive(r, alpha, 1.0 - A_NEAR_ONE, b, x, T, horizon)
        above = _expected_if_alive(r, alpha, 1.0 + A_NEAR_ONE, b, x, T, horizon)
        expected = below + (a - (1.0 - A_NEAR_ONE)) / (2.0 * A_NEAR_ONE) * (above - below)
    if not np.isfinite(expected).all():
        raise FloatingPointError(
            "BG/NBD expectation not computable for these parameters and histories "
            f"(r={r:.4g}, alpha={alpha:.4g}, a={a:.4g}, b={b:.4g})"
        )
    return np.maximum(expected, 0.0)


def expected_purchases(
    params: BGNBDParams, t: ArrayLike, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike,
    alive: ArrayLike | None = None,
) -> NDArray:
    """Expected purchase occasions in the next ``t`` time units given history (x, t_x, T).

    Eq. 10 of the paper: E[Y(t) | x, t_x, T] = P(alive) x the eq. 9 expectation of a customer
    still alive after x purchases by age T. Broadcasts over t and the customers (pass a column
    of horizons for a horizons x customers matrix). Never negative; FloatingPointError in the
    extreme ranges described in ``_expected_while_alive`` rather than NaN. ``alive``: these
    customers' ``p_alive`` when the caller has it already (not computed twice).
    """
    x, t_x, age = _check(frequency, recency, T)
    alive = p_alive(params, x, t_x, age) if alive is None else alive
    return alive * _expected_while_alive(params, x, age, t)


def expected_purchases_new(params: BGNBDParams, t: ArrayLike) -> NDArray:
    """Expected repeat occasions in (0, t] of a customer who has just made a first purchase.

    Eq. 9 of the paper: E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1;
    t/(alpha+t))]. The building block of the "tracking" curve of a cohort.
    """
    zero = np.zeros_like(np.asarray(t, dtype=float))
    return _expected_while_alive(params, zero, zero, t)
