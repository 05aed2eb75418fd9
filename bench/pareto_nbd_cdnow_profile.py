"""Where the CDNOW Pareto/NBD maximum lies in s, by an independent high-precision likelihood.

Run by hand: ``python bench/pareto_nbd_cdnow_profile.py`` (about two minutes). The exact
log-likelihood of Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
expressions", section 3: L = G(r+x) alpha^r beta^s / G(r) [(alpha+T)^-(r+x) (beta+T)^-s
+ s integral from t_x to T of (alpha+tau)^-(r+x) (beta+tau)^-(s+1) dtau], the integral taken
by mpmath.quad at 30 digits (not through metrics.pareto_nbd's hypergeometric form). It is
evaluated at metrics.pareto_nbd's fit and on the profile of s (r, alpha, beta re-maximised with
s held, by metrics.pareto_nbd's likelihood); a parabola through the profile locates the maximum.
"""

from __future__ import annotations

import sys
from pathlib import Path

import mpmath
import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from metrics import bgnbd, pareto_nbd  # noqa: E402
from tests.metrics.test_bgnbd import CALIBRATION_END, cdnow_occasions, rfm_summary  # noqa: E402

PROFILE_S = (0.6059, 0.6060, 0.6061, 0.6062, 0.6063)
mpmath.mp.dps = 30


def exact_log_likelihood(params: np.ndarray, patterns: bgnbd._Patterns) -> mpmath.mpf:
    """The note's log-likelihood of (r, alpha, s, beta), one term per distinct history."""
    r, alpha, s, beta = (mpmath.mpf(float(v)) for v in params)
    total = mpmath.mpf(0)
    for x, t_x, T, w in zip(patterns.x, patterns.t_x, patterns.T, patterns.weight):
        x, t_x, T = mpmath.mpf(float(x)), mpmath.mpf(float(t_x)), mpmath.mpf(float(T))
        alive = (alpha + T) ** -(r + x) * (beta + T) ** -s
        gone = s * mpmath.quad(lambda tau: (alpha + tau) ** -(r + x) * (beta + tau) ** -(s + 1),
                               [t_x, T]) if T > t_x else 0
        front = (mpmath.loggamma(r + x) - mpmath.loggamma(r) + r * mpmath.log(alpha)
                 + s * mpmath.log(beta))
        total += w * (front + mpmath.log(alive + gone))
    return total


def with_s_held(s: float, start: np.ndarray, data: pareto_nbd._Histories) -> np.ndarray:
    """(r, alpha, s, beta) maximising metrics.pareto_nbd's likelihood with s held."""
    def objective(log_rab):
        params = np.array([*np.exp(log_rab[:2]), s, np.exp(log_rab[2])])
        value, gradient = pareto_nbd._log_likelihood_and_gradient(params, data)
        return -value, -(gradient * params)[[0, 1, 3]]

    found = minimize(objective, np.log(start[[0, 1, 3]]), jac=True, method="L-BFGS-B",
                     options={"ftol": 1e-16, "gtol": 1e-11, "maxiter": 5000})
    return np.array([*np.exp(found.x[:2]), s, np.exp(found.x[2])])


def main() -> None:
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)
    x, t_x, T = (summary[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    fitted = pareto_nbd.fit(x, t_x, T)
    patterns, _ = bgnbd.prepared(x, t_x, T, None)
    data = pareto_nbd._Histories(patterns, pareto_nbd._pairs(patterns.x, patterns.t_x, patterns.T))
    ours = np.array([fitted.r, fitted.alpha, fitted.s, fitted.beta])
    print(f"our fit {ours}: LL double {fitted.log_likelihood:.9f}, "
          f"exact {mpmath.nstr(exact_log_likelihood(ours, patterns), 15)}")
    values = []
    for s in PROFILE_S:
        held = with_s_held(s, ours, data)
        exact = exact_log_likelihood(held, patterns)
        values.append(float(exact + 9594))
        print(f"s = {s}: r, alpha, beta = {held[0]:.6f}, {held[1]:.5f}, {held[3]:.5f}; "
              f"LL double {pareto_nbd._log_likelihood_and_gradient(held, data)[0]:.9f}, "
              f"exact {mpmath.nstr(exact, 15)}")
    a, b, _ = np.polyfit(np.array(PROFILE_S) - 0.6061, values, 2)
    print(f"profile parabola: maximum at s = {0.6061 - b / (2 * a):.6f}")


if __name__ == "__main__":
    main()
