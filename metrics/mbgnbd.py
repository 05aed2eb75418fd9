"""MBG/NBD model of repeat purchase occasions: BG/NBD in which a one-time buyer can be gone.

Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models for
customer base analysis", International Journal of Research in Marketing 24(3), 201-209. As in
BG/NBD (metrics.bgnbd) a customer buys at Poisson rate lambda ~ Gamma(r, alpha) while alive and
drops out with probability p ~ Beta(a, b) right after each repeat purchase, but also right after
the first one (time 0): a customer who never came back may be gone, whereas BG/NBD gives them
P(alive) = 1 whatever the time since their purchase.

A customer with x repeat purchases has had x + 1 chances to drop out instead of x, and every
MBG/NBD expression of the paper is the BG/NBD one with that change: the likelihood carries
B(a, b+x+1) / B(a, b) and the dropout odds a/(b+x) for every x, and the expectation while alive
(the numerator of the conditional expectation) is BG/NBD's with b+1 in place of b, which is how
it is computed here. The same expressions as lifetimes' ModifiedBetaGeoFitter.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import expit

from metrics import bgnbd


class MBGNBDParams(bgnbd.BGNBDParams):
    """Fitted population parameters, the same four as BG/NBD's with this model's meaning; alpha
    is in the time unit of the data it was fitted on."""


def fit(
    frequency: ArrayLike,
    recency: ArrayLike,
    T: ArrayLike,
    weights: ArrayLike | None = None,
) -> MBGNBDParams:
    """Maximum-likelihood MBG/NBD parameters, searched as ``bgnbd.fit`` does: one
    weighted term per distinct (x, t_x, T), time rescaled, L-BFGS-B on log-parameters with the
    analytic gradient."""
    return MBGNBDParams(*bgnbd.fit_beta_geometric(frequency, recency, T, weights, drop_at_first=True))


def gradient_function(
    frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> Callable[[NDArray[np.float64]], NDArray[np.float64]]:
    """The gradient of the log-likelihood as a function of (r, alpha, a, b) (bgnbd's)."""
    return bgnbd.gradient_function(frequency, recency, T, drop_at_first=True)


def p_alive(
    params: MBGNBDParams, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike
) -> NDArray:
    """Probability that a customer with history (x, t_x, T) has not dropped out.

    1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x)), as a logistic of the log odds. For a
    one-time buyer (x = 0, t_x = 0) it falls from 1/(1 + a/b) at T = 0 as T grows.
    """
    x, t_x, age = bgnbd._check(frequency, recency, T)
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    log_odds_dead = (
        np.log(a) - np.log(b + x) + (r + x) * (np.log(alpha + age) - np.log(alpha + t_x))
    )
    return expit(-log_odds_dead)


def expected_purchases(
    params: MBGNBDParams, t: ArrayLike, frequency: ArrayLike, recency: ArrayLike, T: ArrayLike,
    alive: ArrayLike | None = None,
) -> NDArray:
    """Expected purchase occasions in the next ``t`` time units given history (x, t_x, T).

    (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] x
    P(alive), z = t/(alpha+T+t): the bracket is BG/NBD's eq. 10 numerator with b+1, computed by
    ``bgnbd._expected_while_alive`` (same broadcasting over t, same checks). ``alive`` as in
    ``bgnbd.expected_purchases``.
    """
    x, t_x, age = bgnbd._check(frequency, recency, T)
    shifted = bgnbd.BGNBDParams(
        params.r, params.alpha, params.a, params.b + 1.0,
        params.log_likelihood, params.n_customers, params.converged,
    )
    alive = p_alive(params, x, t_x, age) if alive is None else alive
    return alive * bgnbd._expected_while_alive(shifted, x, age, t)
