"""BG/NBD: the published CDNOW fit, recovery of simulated parameters, and invariants."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import hyp2f1

from bench.bench_clv import simulate_bgnbd
from metrics import bgnbd
from metrics.bgnbd import BGNBDParams

CDNOW = Path(__file__).resolve().parent.parent / "fixtures" / "cdnow" / "CDNOW_sample.txt"
CALIBRATION_END = pd.Timestamp("1997-09-30")
# Fader, Hardie & Lee (2005), CDNOW sample, 39-week calibration period.
PUBLISHED = BGNBDParams(
    r=0.243, alpha=4.414, a=0.793, b=2.426, log_likelihood=-9582.4, n_customers=2357, converged=True
)


def cdnow_occasions() -> pd.DataFrame:
    """CDNOW sample purchase occasions: one row per customer and day, amounts of the day summed.

    The file has one transaction per line: master id, customer id (1..2357), date YYYYMMDD,
    number of CDs, dollar amount.
    """
    raw = pd.read_csv(
        CDNOW, sep=r"\s+", header=None, names=["master_id", "customer", "date", "cds", "amount"],
        dtype={"date": str},
    )
    raw["day"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    return raw.groupby(["customer", "day"], as_index=False)["amount"].sum()


def rfm_summary(occasions: pd.DataFrame, end: pd.Timestamp) -> pd.DataFrame:
    """frequency (repeat occasions), recency and T in weeks, mean spend of repeat occasions."""
    seen = occasions[occasions["day"] <= end]
    by_customer = seen.groupby("customer")["day"]
    first, last = by_customer.min(), by_customer.max()
    summary = pd.DataFrame(
        {
            "frequency": by_customer.size() - 1,
            "recency": (last - first).dt.days / 7.0,
            "T": (end - first).dt.days / 7.0,
        }
    )
    repeat = seen[seen["day"] > seen["customer"].map(first)]
    summary["monetary_value"] = repeat.groupby("customer")["amount"].mean()
    return summary


def test_cdnow_reproduces_the_published_fit():
    """Fader, Hardie & Lee (2005), section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
    LL = -9582.4 on the 2,357 customers of the CDNOW sample.

    Details needed to get there: transactions of one customer on one day are one occasion
    (counting the 6,919 lines separately gives 959 repeat customers and r = 0.218); every day
    counts, including the eight $0.00 first purchases; the calibration period ends on
    1997-09-30 (39 weeks after 1997-01-01), inclusive; T = days from the first purchase to
    1997-09-30, divided by 7. Asserted to half a unit of the published last digit.
    """
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)
    assert len(summary) == 2357
    assert (summary["frequency"] > 0).sum() == 946

    fitted = bgnbd.fit(summary["frequency"], summary["recency"], summary["T"])

    assert fitted.converged
    assert fitted.n_customers == 2357
    assert abs(fitted.r - 0.243) < 0.0005
    assert abs(fitted.alpha - 4.414) < 0.0005
    assert abs(fitted.a - 0.793) < 0.0005
    assert abs(fitted.b - 2.426) < 0.0005
    assert abs(fitted.log_likelihood - (-9582.4)) < 0.05


def test_cdnow_published_conditional_expectation():
    """The paper's worked example: with the published parameters, a customer with x = 2,
    t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in the next 39 weeks (eq. 10)."""
    expected = bgnbd.expected_purchases(PUBLISHED, 39, 2, 30.43, 38.86)
    assert abs(float(expected) - 1.226) < 0.0005


def test_unconditional_expectation_matches_the_textbook_formula():
    """Eq. 9 as printed, straight from scipy's hyp2f1, where it is well conditioned."""
    r, alpha, a, b = PUBLISHED.r, PUBLISHED.alpha, PUBLISHED.a, PUBLISHED.b
    t = np.array([1.0, 13.0, 39.0, 78.0])
    hypergeometric = hyp2f1(r, b, a + b - 1, t / (alpha + t))
    printed = (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hypergeometric)
    np.testing.assert_allclose(bgnbd.expected_purchases_new(PUBLISHED, t), printed, rtol=1e-12)


def test_conditional_expectation_matches_the_textbook_formula():
    """Eq. 10 as printed (before Euler's transformation) for ordinary histories."""
    r, alpha, a, b = PUBLISHED.r, PUBLISHED.alpha, PUBLISHED.a, PUBLISHED.b
    x = np.array([0.0, 1.0, 2.0, 5.0, 12.0])
    t_x = np.array([0.0, 1.71, 30.43, 20.0, 35.5])
    T = np.array([38.86, 38.86, 38.86, 32.0, 36.0])
    t = 39.0
    z = t / (alpha + T + t)
    numerator = (a + b + x - 1) / (a - 1) * (
        1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    )
    odds = (x > 0) * a / (b + np.maximum(x, 1) - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x)
    denominator = 1 + odds
    np.testing.assert_allclose(
        bgnbd.expected_purchases(PUBLISHED, t, x, t_x, T), numerator / denominator, rtol=1e-10
    )


def test_p_alive_follows_the_note_021_formula():
    x, t_x, T = np.array([0, 1, 2, 7]), np.array([0.0, 1.71, 30.43, 10.0]), np.full(4, 38.86)
    r, alpha, a, b = PUBLISHED.r, PUBLISHED.alpha, PUBLISHED.a, PUBLISHED.b
    odds = (x > 0) * a / (b + np.maximum(x, 1) - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x)
    formula = 1 / (1 + odds)
    alive = bgnbd.p_alive(PUBLISHED, x, t_x, T)
    assert alive[0] == 1.0
    np.testing.assert_allclose(alive, formula, rtol=1e-12)


def test_compressed_fit_equals_the_fit_on_every_customer():
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)
    grouped = summary.groupby(["frequency", "recency", "T"], as_index=False).size()
    assert len(grouped) < len(summary)

    each = bgnbd.fit(summary["frequency"], summary["recency"], summary["T"])
    weighted = bgnbd.fit(
        grouped["frequency"], grouped["recency"], grouped["T"], weights=grouped["size"]
    )

    assert weighted.n_customers == each.n_customers == 2357
    assert weighted.log_likelihood == pytest.approx(each.log_likelihood, rel=1e-12)
    for name in ("r", "alpha", "a", "b"):
        assert getattr(weighted, name) == pytest.approx(getattr(each, name), rel=1e-6)


def test_fit_does_not_depend_on_the_time_unit():
    """Days instead of weeks: same r, a, b, alpha x 7, a log-likelihood shifted by the Jacobian
    of the x purchase times (- ln 7 per repeat purchase)."""
    summary = rfm_summary(cdnow_occasions(), CALIBRATION_END)
    weeks = bgnbd.fit(summary["frequency"], summary["recency"], summary["T"])
    days = bgnbd.fit(summary["frequency"], summary["recency"] * 7, summary["T"] * 7)
    assert days.r == pytest.approx(weeks.r, rel=1e-6)
    assert days.a == pytest.approx(weeks.a, rel=1e-6)
    assert days.b == pytest.approx(weeks.b, rel=1e-6)
    assert days.alpha == pytest.approx(7 * weeks.alpha, rel=1e-6)
    shift = -np.log(7) * summary["frequency"].sum()
    assert days.log_likelihood == pytest.approx(weeks.log_likelihood + shift, rel=1e-9)


def test_analytic_gradient_matches_finite_differences():
    rng = np.random.default_rng(7)
    data = simulate_bgnbd(rng.uniform(0, 50, 3000), r=0.5, alpha=3.0, a=1.5, b=2.5, rng=rng)
    patterns = bgnbd._compress(
        data["frequency"].to_numpy(float),
        data["recency"].to_numpy(),
        data["T"].to_numpy(),
        np.ones(len(data)),
    )
    for point in ([0.3, 2.0, 0.7, 3.0], [2.0, 10.0, 3.0, 0.5]):
        params = np.array(point)
        _, gradient = bgnbd._log_likelihood_and_gradient(params, patterns)
        step = 1e-6 * params
        central = [
            (
                bgnbd._log_likelihood_and_gradient(params + step * unit, patterns)[0]
                - bgnbd._log_likelihood_and_gradient(params - step * unit, patterns)[0]
            )
            / (2 * step @ unit)
            for unit in np.eye(4)
        ]
        np.testing.assert_allclose(gradient, central, rtol=1e-5)


def test_fit_recovers_simulated_parameters():
    """20,000 customers observed 26 to 78 weeks. Over 12 seeds the largest relative errors were
    3% for r and alpha and 9% for a and b (about 3 standard errors): tolerances 6% and 15%."""
    rng = np.random.default_rng(20050401)
    true = {"r": 0.5, "alpha": 5.0, "a": 0.8, "b": 2.5}
    data = simulate_bgnbd(rng.uniform(26, 78, 20_000), **true, rng=rng)

    fitted = bgnbd.fit(data["frequency"], data["recency"], data["T"])

    assert fitted.converged
    assert fitted.r == pytest.approx(true["r"], rel=0.06)
    assert fitted.alpha == pytest.approx(true["alpha"], rel=0.06)
    assert fitted.a == pytest.approx(true["a"], rel=0.15)
    assert fitted.b == pytest.approx(true["b"], rel=0.15)


def test_expectations_are_continuous_through_a_equal_one():
    """a = 1 is a removable singularity of eq. 9 and 10 (0/0), interpolated near it."""
    x, t_x, T = np.array([0, 3, 40]), np.array([0.0, 20.0, 50.0]), np.array([30.0, 30.0, 52.0])

    def at(a: float) -> np.ndarray:
        params = BGNBDParams(0.5, 6.0, a, 2.0, 0.0, 1, True)
        return bgnbd.expected_purchases(params, 52.0, x, t_x, T)

    def symmetric_mean(h: float) -> np.ndarray:
        return (at(1 - h) + at(1 + h)) / 2

    # Richardson extrapolation from points outside the interpolated band: the value at a = 1.
    limit = (4 * symmetric_mean(1e-3) - symmetric_mean(2e-3)) / 3
    for a in (1.0, 1 - 1e-9, 1 + 1e-12):
        np.testing.assert_allclose(at(a), limit, rtol=2e-6)


def test_no_repeat_purchase_cannot_be_fitted():
    with pytest.raises(ValueError, match="repeat purchase"):
        bgnbd.fit([0, 0], [0.0, 0.0], [5.0, 3.0])


@pytest.mark.parametrize(
    ("frequency", "recency", "T"),
    [
        ([1], [6.0], [5.0]),
        ([0], [1.0], [5.0]),
        ([1.5], [1.0], [5.0]),
        ([-1], [0.0], [5.0]),
        ([1], [np.nan], [5.0]),
    ],
)
def test_inconsistent_histories_are_rejected(frequency, recency, T):
    with pytest.raises(ValueError):
        bgnbd.p_alive(PUBLISHED, frequency, recency, T)


parameters = st.builds(
    BGNBDParams,
    r=st.floats(0.01, 20),
    alpha=st.floats(0.01, 500),
    a=st.floats(0.01, 20),
    b=st.floats(0.01, 20),
    log_likelihood=st.just(0.0),
    n_customers=st.just(1),
    converged=st.just(True),
)


@st.composite
def histories(draw):
    x = draw(st.integers(0, 300))
    T = draw(st.floats(0, 520))
    t_x = draw(st.floats(0, 1)) * T if x > 0 else 0.0
    return x, t_x, T


@settings(max_examples=300, deadline=None)
@given(
    params=parameters,
    history=histories(),
    horizons=st.lists(st.floats(0, 520), min_size=2, max_size=2),
)
def test_predictions_are_probabilities_and_growing_counts(params, history, horizons):
    x, t_x, T = history
    short, long = sorted(horizons)

    alive = float(bgnbd.p_alive(params, x, t_x, T))
    soon = float(bgnbd.expected_purchases(params, short, x, t_x, T))
    later = float(bgnbd.expected_purchases(params, long, x, t_x, T))
    new_soon, new_later = bgnbd.expected_purchases_new(params, [short, long])

    assert 0.0 <= alive <= 1.0
    assert np.isfinite([soon, later, new_soon, new_later]).all()
    assert 0.0 <= soon <= later * (1 + 1e-9) + 1e-12
    assert 0.0 <= new_soon <= new_later * (1 + 1e-9) + 1e-12


def test_a_corner_scipy_cannot_compute_raises_instead_of_returning_nan():
    """scipy 1.17's hyp2f1 gives NaN for both forms of eq. 10 here (true value finite)."""
    extreme = BGNBDParams(68.5, 10.0, 25.0, 1.0, log_likelihood=0.0, n_customers=1, converged=True)
    with pytest.raises(FloatingPointError):
        bgnbd.expected_purchases(extreme, 149.0, 153, 0.0, 0.0)


@settings(max_examples=100, deadline=None)
@given(params=parameters, people=st.lists(histories(), min_size=1, max_size=12),
       horizons=st.lists(st.floats(0, 520), min_size=2, max_size=5))
def test_a_column_of_horizons_gives_each_horizon_alone(params, people, horizons):
    """Several horizons compute each distinct history once: the same figures, customer by
    customer, as one horizon at a time (histories repeat, as a shop's customers share them)."""
    x, t_x, T = (np.array(column * 2, dtype=float) for column in zip(*people))
    together = bgnbd.expected_purchases(params, np.array(horizons)[:, np.newaxis], x, t_x, T)
    alone = np.stack([bgnbd.expected_purchases(params, h, x, t_x, T) for h in horizons])
    np.testing.assert_array_equal(together, alone)
