"""Pareto/NBD model of repeat purchase occasions.

Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what will
they do next?", Management Science 33(1), 1-24. While alive a customer buys at Poisson rate
lambda ~ Gamma(r, alpha); their lifetime is exponential with rate mu ~ Gamma(s, beta), so that
they can be gone at any moment, a one-time buyer included. Likelihood and P(alive) as derived by
Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions"
(sections 3 and 5); the conditional expectation as in their section 6 (eq. 22 of SMC 1987, the
form used by Fader, Hardie & Lee 2005 and the BTYD and lifetimes implementations). Same inputs
as metrics.bgnbd: x, t_x and T measured from the first purchase, in weeks in Comptoir.

Both the likelihood and P(alive) need, for each history, G(x, y) = integral from y to infinity
of (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau at y = t_x and y = T: Fader & Hardie's A_0 is
(r+s+x) (G(x, t_x) - G(x, T)). ``_log_tail`` evaluates ln G through the Gauss hypergeometric
function; G depends on (x, y) only, so it is computed once per distinct (x, y), far fewer than
the distinct (x, t_x, T).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy.special import digamma, expit, gammaln, gammasgn, hyp2f1

from metrics import bgnbd

# Relative step of the central differences of ln G in r and s (error ~1e-10, see _pair_terms).
SHAPE_STEP = 1e-5
# Where _log_tail sums its series from 1 - z (``_log_tail_near_one``): 1 - z and P (1 - z) at
# most NEAR_ONE_W, the other exponent Q at most NEAR_ONE_MAX_EXPONENT and this far from a whole
# number (larger Q, more purchases, are fast in scipy).
NEAR_ONE_W = 0.05
NEAR_ONE_MAX_EXPONENT = 10.0
NEAR_ONE_POLE_DISTANCE = 0.01


@dataclass(frozen=True)
class ParetoNBDParams:
    """Fitted population parameters; alpha and beta are in the time unit of the data."""

    r: float
    alpha: float
    s: float
    beta: float
    log_likelihood: float
    n_customers: int
    converged: bool


class _Pairs(NamedTuple):
    """Distinct (x, y), y being a t_x or a T, and where each history finds its two."""

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    last: NDArray[np.intp]  # history -> its (x, t_x)
    end: NDArray[np.intp]  # history -> its (x, T)


def _pairs(x: NDArray, t_x: NDArray, T: NDArray) -> _Pairs:
    # (x, y) as one complex number: pandas hashes them, where np.unique would sort (bench/RESULTS.md).
    codes, distinct = pd.factorize(np.concatenate([x + 1j * t_x, x + 1j * T]))
    return _Pairs(distinct.real, distinct.imag, codes[: len(x)], codes[len(x) :])


def _log_tail(p: NDArray, q: float, alpha: float, beta: float, y: NDArray) -> NDArray:
    """ln of the integral from y to infinity of (alpha+tau)^-p (beta+tau)^-q dtau (p > 0, q > 1).

    Fader & Hardie's expressions for A_0 (note, section 3): with c = p + q, for alpha >= beta
    (alpha+y)^(1-c) 2F1(q, c-1; c; (alpha-beta)/(alpha+y)) / (c-1), for alpha < beta the same
    with alpha and beta, p and q swapped. There 2F1 diverges as its argument nears 1 (c-a-b =
    1-q < 0), so Euler's transformation is used: 2F1(q, c-1; c; z) = (1-z)^(1-q) 2F1(1, p; c; z),
    whose series has positive terms below z^k and converges up to z = 1. Checked against mpmath
    (40 digits) at 3,000 random points with p up to 155, q up to 7, alpha from 0.01 to 1,000,
    beta/alpha from 0.001 to 1,000 and y up to 1,000: relative error below 1e-9 everywhere.
    Beyond (hundreds of purchases and alpha/beta past 1e4), scipy's hyp2f1 may give NaN.
    Where z is near 1 and c small, scipy's evaluation is slow (the no-dropout edge of a fit, with
    beta far above alpha, sits there): ``_log_tail_near_one`` gives the same integral from 1 - z.
    """
    if alpha >= beta:
        big, small, e_big, e_small = alpha, beta, p, q
    else:
        big, small, e_big, e_small = beta, alpha, q, p
    e_big, e_small, y = np.broadcast_arrays(
        np.asarray(e_big, dtype=float), np.asarray(e_small, dtype=float), np.asarray(y, dtype=float))
    w = (small + y) / (big + y)
    near = (w <= NEAR_ONE_W) & (e_big * w <= NEAR_ONE_W) & (e_small <= NEAR_ONE_MAX_EXPONENT) & (
        np.abs(e_small - np.round(e_small)) >= NEAR_ONE_POLE_DISTANCE)
    out = np.empty(w.shape)
    far = ~near
    b, s, yf = e_big[far], e_small[far], y[far]
    out[far] = (-b * np.log(big + yf) + (1.0 - s) * np.log(small + yf)
                + np.log(hyp2f1(1.0, b, b + s, (big - small) / (big + yf))) - np.log(b + s - 1.0))
    if near.any():
        out[near] = _log_tail_near_one(e_big[near], e_small[near], big, small, y[near], w[near])
    return out


def _log_tail_near_one(
    e_big: NDArray, e_small: NDArray, big: float, small: float, y: NDArray, w: NDArray
) -> NDArray:
    """``_log_tail`` where w = (small+y)/(big+y) = 1 - z is small, big >= small being alpha and
    beta and e_big, e_small their exponents (P, Q below), c = P + Q.

    The connection formula from z to 1 - z (Abramowitz & Stegun 15.3.6) applied to
    2F1(1, P; c; z), with 2F1(c-1, Q; Q; 1-z) = z^(1-c), gives
    G = (big-small)^(1-c) Gamma(c-1) Gamma(1-Q) / Gamma(P)
      + (big+y)^-P (small+y)^(1-Q) / (Q-1) F,  F = sum over k of (P)_k / (2-Q)_k w^k,
    the first term being the whole integral from tau = -small (continued to Q >= 1). The ratio
    of F's successive terms, w (P+k) / (2-Q+k), tends to w <= NEAR_ONE_W, so a few terms do;
    both terms of G have poles at whole Q that cancel, so Q within NEAR_ONE_POLE_DISTANCE of a
    whole number is left to scipy. Checked against mpmath in tests/metrics/test_pareto_nbd.py.
    """
    log_front = -e_big * np.log(big + y) + (1.0 - e_small) * np.log(small + y)
    log_whole = ((1.0 - e_big - e_small) * np.log(big - small) + gammaln(e_big + e_small - 1.0)
                 + gammaln(1.0 - e_small) - gammaln(e_big))
    term = np.ones_like(w)
    series = np.ones_like(w)
    k = 0
    while (np.abs(term) > 1e-17 * np.abs(series)).any():
        term = term * (e_big + k) / (2.0 - e_small + k) * w
        series = series + term
        k += 1
    whole = gammasgn(1.0 - e_small) * np.exp(log_whole - log_front)
    return log_front + np.log(whole + series / (e_small - 1.0))


def _log_odds_alive(
    r: float, alpha: float, s: float, beta: float, pairs: _Pairs, log_tail: NDArray
) -> tuple[NDArray, NDArray, NDArray]:
    """u, v and ln G(x,T) - ln G(x,t_x) <= 0 per history: the likelihood's two terms are
    e^u = (alpha+T)^-(r+x) (beta+T)^-s (alive at T) and e^v = s (G(x,t_x) - G(x,T)) (gone in
    (t_x, T]), both without the common factor G(r+x) alpha^r beta^s / G(r)."""
    x_end, T = pairs.x[pairs.end], pairs.y[pairs.end]
    u = -(r + x_end) * np.log(alpha + T) - s * np.log(beta + T)
    last = log_tail[pairs.last]
    log_ratio = np.minimum(log_tail[pairs.end] - last, 0.0)
    with np.errstate(divide="ignore"):  # t_x = T: nothing between them, v = -inf
        v = np.log(s) + last + np.log(-np.expm1(log_ratio))
    return u, v, log_ratio


def _check_tail(log_tail: NDArray, r: float, alpha: float, s: float, beta: float) -> None:
    if not np.isfinite(log_tail).all():
        raise FloatingPointError(
            "Pareto/NBD likelihood not computable for these parameters and histories "
            f"(r={r:.4g}, alpha={alpha:.4g}, s={s:.4g}, beta={beta:.4g})"
        )


class _Histories(NamedTuple):
    """Distinct histories with their weights (bgnbd's patterns) and their (x, y) pairs."""

    patterns: bgnbd._Patterns
    pairs: _Pairs


def _pair_terms(
    params: NDArray[np.float64], pairs: _Pairs
) -> tuple[NDArray, NDArray, NDArray]:
    """ln G per pair, its derivatives with respect to (r, alpha, s, beta) (4 x pairs), and those
    of u = -(r+x) ln(alpha+y) - s ln(beta+y) (4 x pairs).

    d G / d alpha = -(r+x) G with r+x+1, d G / d beta = -(s+1) G with s+2 (differentiating under
    the integral); the derivatives in r and s (integrals of a logarithm, no closed form) are
    central differences of ln G with step SHAPE_STEP x (r+x) and SHAPE_STEP x (s+1).
    """
    r, alpha, s, beta = params
    p, y = r + pairs.x, pairs.y
    q = s + 1.0
    log_tail = _log_tail(p, q, alpha, beta, y)
    _check_tail(log_tail, r, alpha, s, beta)
    step_p, step_q = SHAPE_STEP * p, SHAPE_STEP * q
    d_log_tail = np.stack(
        [
            (_log_tail(p + step_p, q, alpha, beta, y) - _log_tail(p - step_p, q, alpha, beta, y))
            / (2.0 * step_p),
            -p * np.exp(_log_tail(p + 1.0, q, alpha, beta, y) - log_tail),
            (_log_tail(p, q + step_q, alpha, beta, y) - _log_tail(p, q - step_q, alpha, beta, y))
            / (2.0 * step_q),
            -q * np.exp(_log_tail(p, q + 1.0, alpha, beta, y) - log_tail),
        ]
    )
    d_u = np.stack(
        [-np.log(alpha + y), -p / (alpha + y), -np.log(beta + y), np.broadcast_to(-s / (beta + y), y.shape)]
    )
    return log_tail, d_log_tail, d_u


def _log_likelihood_and_gradient(
    params: NDArray[np.float64], data: _Histories
) -> tuple[float, NDArray[np.float64]]:
    """Total log-likelihood and its gradient with respect to (r, alpha, s, beta).

    Fader & Hardie's L = G(r+x) alpha^r beta^s / G(r) [e^u + e^v] (``_log_odds_alive``), summed
    in logs as ln(e^u + e^v) = max + log1p(e^-|u-v|) so that no power overflows. The gradient
    of v per history is (d G(x,t_x) - d G(x,T)) / (G(x,t_x) - G(x,T)); its weighted sum is
    gathered back onto the pairs with two bincounts, so the per-history work does not grow with
    the number of parameters.
    """
    r, alpha, s, beta = params
    patterns, pairs = data
    w = patterns.weight
    total = w.sum()
    xv = patterns.x_values
    log_tail, d_log_tail, d_u = _pair_terms(params, pairs)
    u, v, log_ratio = _log_odds_alive(r, alpha, s, beta, pairs, log_tail)
    log_sum = np.logaddexp(u, v)
    share_u = np.exp(u - log_sum)
    share_v = 1.0 - share_u
    # d v = (rho_last - rho_end ratio) / (1 - ratio), rho = d ln G, ratio = G(x,T) / G(x,t_x);
    # w share_v / (1 - ratio) = w e^(v - log_sum) / (1 - ratio) = w s G(x,t_x) / e^log_sum.
    ratio = np.exp(log_ratio)
    per_last = w * np.exp(np.log(s) + log_tail[pairs.last] - log_sum)
    n_pairs = len(pairs.x)
    on_last = np.bincount(pairs.last, weights=per_last, minlength=n_pairs)
    on_end = np.bincount(pairs.end, weights=per_last * ratio, minlength=n_pairs)
    u_on_end = np.bincount(pairs.end, weights=w * share_u, minlength=n_pairs)

    by_x = gammaln(r + xv) - gammaln(r)
    value = (
        patterns.weight_by_x @ by_x
        + total * (r * np.log(alpha) + s * np.log(beta))
        + bgnbd._weighted_sum(w, log_sum)
    )
    gradient = d_log_tail @ (on_last - on_end) + d_u @ u_on_end
    gradient += np.array(
        [
            patterns.weight_by_x @ (digamma(r + xv) - digamma(r)) + total * np.log(alpha),
            total * r / alpha,
            total * np.log(beta) + bgnbd._weighted_sum(w, share_v) / s,
            total * s / beta,
        ]
    )
    return float(value), gradient


def fit(
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    weights: ArrayLike | None = None,
) -> ParetoNBDParams:
    """Maximum-likelihood Pareto/NBD parameters.

    As ``bgnbd.fit``: one weighted term per distinct (x, t_x, T) (``weights`` counts customers
    per row when the input is already grouped), time rescaled so that max T = 10 and the search
    started at all parameters 1, L-BFGS-B on log-parameters with the gradient of
    ``_log_likelihood_and_gradient``; alpha and beta scaled back afterwards.
    """
    original, scale = bgnbd.prepared(frequency, recency, T, weights)
    scaled = original._replace(t_x=original.t_x * scale, T=original.T * scale)
    data = _Histories(scaled, _pairs(scaled.x, scaled.t_x, scaled.T))
    (r, alpha_scaled, s, beta_scaled), converged = bgnbd.maximise(
        lambda params: _log_likelihood_and_gradient(params, data),
        n_params=4,
        total=scaled.weight.sum(),
    )
    alpha, beta = alpha_scaled / scale, beta_scaled / scale
    log_likelihood, _ = _log_likelihood_and_gradient(
        np.array([r, alpha, s, beta]),
        _Histories(original, _pairs(original.x, original.t_x, original.T)),
    )
    return ParetoNBDParams(
        r=float(r),
        alpha=float(alpha),
        s=float(s),
        beta=float(beta),
        log_likelihood=log_likelihood,
        n_customers=int(round(original.weight.sum())),
        converged=converged and bool(np.isfinite(log_likelihood)),
    )


def gradient_function(
    frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> Callable[[NDArray[np.float64]], NDArray[np.float64]]:
    """The gradient of the log-likelihood of these histories as a function of (r, alpha, s,
    beta): what metrics.uncertainty differentiates once more."""
    patterns, _ = bgnbd.prepared(frequency, recency, T, None)
    data = _Histories(patterns, _pairs(patterns.x, patterns.t_x, patterns.T))
    return lambda params: _log_likelihood_and_gradient(params, data)[1]


def p_alive(
    params: ParetoNBDParams, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> NDArray:
    """Probability that a customer with history (x, t_x, T) is still alive at T.

    Fader & Hardie's note, section 5: 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A_0) =
    e^u / (e^u + e^v) in the terms of ``_log_odds_alive``, a logistic of u - v. Unlike BG/NBD
    a one-time buyer's P(alive) falls as time passes since their purchase.
    """
    x, t_x, age = bgnbd._check(frequency, recency, T)
    x, t_x, age = (np.atleast_1d(a) for a in (x, t_x, age))
    r, alpha, s, beta = params.r, params.alpha, params.s, params.beta
    pairs = _pairs(x.ravel(), t_x.ravel(), age.ravel())
    log_tail = _log_tail(r + pairs.x, s + 1.0, alpha, beta, pairs.y)
    _check_tail(log_tail, r, alpha, s, beta)
    u, v, _ = _log_odds_alive(r, alpha, s, beta, pairs, log_tail)
    alive = expit(u - v).reshape(x.shape)
    return alive if np.ndim(frequency) or np.ndim(recency) or np.ndim(T) else alive[0]


def expected_purchases(
    params: ParetoNBDParams, t: ArrayLike, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike,
    alive: ArrayLike | None = None,
) -> NDArray:
    """Expected purchase occasions in the next ``t`` time units given history (x, t_x, T).

    Fader & Hardie's note, section 6 (SMC 1987, eq. 22): (r+x)(beta+T) / ((alpha+T)(s-1))
    [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive). The bracket over (s-1) is computed as
    -expm1((s-1) ln k) / (s-1), k = (beta+T)/(beta+T+t), whose limit at s = 1 is -ln k.
    Broadcasts over t and the customers like ``bgnbd.expected_purchases``; ``alive`` as there.
    """
    x, t_x, age = bgnbd._check(frequency, recency, T)
    horizon = np.asarray(t, dtype=float)
    if (horizon < 0).any() or not np.isfinite(horizon).all():
        raise ValueError("the horizon t must be finite and >= 0")
    r, alpha, s, beta = params.r, params.alpha, params.s, params.beta
    log_k = np.log(beta + age) - np.log(beta + age + horizon)
    if s == 1.0:
        share = -log_k
    else:
        share = -np.expm1((s - 1.0) * log_k) / (s - 1.0)
    rate = (r + x) * (beta + age) / (alpha + age)
    alive = p_alive(params, x, t_x, age) if alive is None else alive
    return rate * share * alive
