"""Customer lifetime value: how many more purchases, how much per purchase, and how sure we are.

DESIGN.md "CLV": historic value = net spend to date; predictive value = BG/NBD expected purchase
occasions (metrics.bgnbd) x Gamma-Gamma expected spend per occasion (metrics.gamma_gamma), both
fitted on the shop's own data up to the as-of date, always with a backtest on held-out weeks.
When the data cannot support a model the figures fall back to the historic ones, the prediction
columns are missing values (never NaN or 0 posing as a forecast) and ``explanation`` says why,
in French and English.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from metrics import bgnbd, gamma_gamma
from metrics.dates import resolve_as_of
from metrics.sql_files import run_sql
from store.errors import ComptoirError

# Below this many returning customers the fitted parameters are mostly noise.
MIN_REPEAT_CUSTOMERS = 20
# Gamma-Gamma assumes spend per occasion is independent of purchase frequency. Fader & Hardie
# (note 025) accept the 0.11 correlation of CDNOW; above a moderate 0.3 we do not.
MAX_SPEND_FREQUENCY_CORRELATION = 0.3
DEFAULT_HOLDOUT_WEEKS = 26
HISTORIC = ["customer_id", "frequency", "recency_weeks", "T_weeks", "historic_value"]
PREDICTIONS = ["p_alive", "expected_purchases", "expected_spend", "expected_revenue"]

_EXPLANATIONS = {
    "no_data": (
        "Aucune commande valide d'un client identifié jusqu'à cette date : pas de valeur client "
        "à calculer. Importez des commandes qui portent l'e-mail ou le numéro des clients.",
        "No valid order from an identified customer up to this date: no customer value to "
        "compute. Import orders that carry the customers' email or number.",
    ),
    "too_few_repeat": (
        "Seuls {n_repeat} clients sont revenus acheter ; il en faut au moins {minimum} pour "
        "estimer les modèles. Seules les valeurs historiques sont affichées : importez un "
        "historique plus long ou revenez plus tard.",
        "Only {n_repeat} customers came back to buy; the models need at least {minimum}. Only "
        "historic values are shown: import a longer history or come back later.",
    ),
    "purchases_not_converged": (
        "Le modèle des achats (BG/NBD) ne trouve pas de paramètres stables sur ces données : "
        "seules les valeurs historiques sont affichées.",
        "The purchase model (BG/NBD) finds no stable parameters on this data: only historic "
        "values are shown.",
    ),
    "spend_depends_on_frequency": (
        "Le panier moyen dépend de la fréquence d'achat (corrélation {correlation}) alors "
        "que le modèle du panier (Gamma-Gamma) suppose le contraire : les achats attendus sont "
        "affichés, pas le chiffre d'affaires attendu.",
        "Average spend depends on purchase frequency (correlation {correlation}) while the "
        "spend model (Gamma-Gamma) assumes it does not: expected purchases are shown, expected "
        "revenue is not.",
    ),
    "spend_not_converged": (
        "Le modèle du panier (Gamma-Gamma) ne trouve pas de paramètres utilisables sur ces "
        "données : les achats attendus sont affichés, pas le chiffre d'affaires attendu.",
        "The spend model (Gamma-Gamma) finds no usable parameters on this data: expected "
        "purchases are shown, expected revenue is not.",
    ),
}


class ClvOptionError(ComptoirError):
    """A horizon or holdout that is not a positive whole number of weeks."""


@dataclass(frozen=True)
class ClvResult:
    """Per-customer table, a JSON-able summary, and why predictions are missing if they are.

    ``status`` is "ok" or a key of the explanations: "no_data", "too_few_repeat" and
    "purchases_not_converged" leave every prediction column missing; "spend_depends_on_frequency"
    and "spend_not_converged" keep p_alive and expected_purchases and leave expected_spend and
    expected_revenue missing.
    """

    table: pd.DataFrame
    summary: dict
    status: str
    explanation: dict[str, str] | None


@dataclass(frozen=True)
class BacktestResult:
    """Predicted vs actual purchase occasions over the held-out weeks.

    ``customers``: customer_id, predicted, actual (calibration customers). ``weekly``: week,
    week_end, predicted_cumulative, actual_cumulative. ``figures`` (JSON-able, None unless
    status is "ok"): n_customers, predicted_total, actual_total, relative_error (predicted /
    actual - 1, None when nothing was bought), mae (mean absolute error per customer).
    """

    status: str
    explanation: dict[str, str] | None
    as_of: date | None
    calibration_end: date | None
    holdout_weeks: int
    customers: pd.DataFrame
    weekly: pd.DataFrame
    figures: dict | None


def _whole_weeks(value: int, what_fr: str, what_en: str) -> int:
    try:
        weeks = operator.index(value)
    except TypeError:
        weeks = 0
    if isinstance(value, bool) or weeks < 1:
        raise ClvOptionError(
            f"{what_fr} doit être un nombre entier de semaines (1 ou plus), pas « {value} ».",
            f"The {what_en} must be a whole number of weeks (1 or more), not '{value}'.",
        )
    return weeks


def _explain(status: str, n_repeat: int, correlation: float | None = None) -> dict[str, str] | None:
    """The explanation of a status in both languages (None for "ok")."""
    if status == "ok":
        return None
    fr, en = _EXPLANATIONS[status]
    shown = f"{correlation or 0.0:.2f}"
    values = {"n_repeat": n_repeat, "minimum": MIN_REPEAT_CUSTOMERS}
    return {
        "fr": fr.format(**values, correlation=shown.replace(".", ",")),
        "en": en.format(**values, correlation=shown),
    }


def _rfm_summary(con: duckdb.DuckDBPyConnection, as_of: date | None) -> pd.DataFrame:
    """clv_summary.sql as of ``as_of``, by customer_id.

    ``as_of`` is None only on a database without any valid order, where every date gives the
    same empty frame.
    """
    frame = run_sql(con, "clv_summary", as_of=as_of or date.min)
    return frame.sort_values("customer_id", ignore_index=True)


def _purchase_model(
    summary: pd.DataFrame, horizons: np.ndarray
) -> tuple[bgnbd.BGNBDParams | None, np.ndarray | None, str]:
    """BG/NBD fitted on ``summary`` with its eq. 10 expectations over ``horizons`` weeks (a column
    of horizons gives horizons x customers), or None and the reason there are none."""
    if summary.empty:
        return None, None, "no_data"
    if (summary["frequency"] > 0).sum() < MIN_REPEAT_CUSTOMERS:
        return None, None, "too_few_repeat"
    x, t_x, age = summary["frequency"], summary["recency_weeks"], summary["T_weeks"]
    params = bgnbd.fit(x, t_x, age)
    if not params.converged:
        return None, None, "purchases_not_converged"
    try:
        expected = bgnbd.expected_purchases(
            params, horizons, x.to_numpy(), t_x.to_numpy(), age.to_numpy()
        )
    except FloatingPointError:  # rare parameter corners, see bgnbd._expected_while_alive
        return None, None, "purchases_not_converged"
    return params, expected, "ok"


def _correlation(x: pd.Series, y: pd.Series) -> float | None:
    """Pearson correlation, None when either side does not vary (nothing to measure)."""
    if x.std() == 0 or y.std() == 0:
        return None
    return float(np.corrcoef(x.to_numpy(float), y.to_numpy(float))[0, 1])


def _spend_model(
    summary: pd.DataFrame,
) -> tuple[gamma_gamma.GammaGammaParams | None, str, float | None]:
    """Gamma-Gamma fitted on the repeat customers, the status and the spend-frequency
    correlation checked before fitting."""
    repeat = summary[summary["frequency"] > 0]
    correlation = _correlation(repeat["frequency"], repeat["monetary_value"])
    if correlation is not None and abs(correlation) > MAX_SPEND_FREQUENCY_CORRELATION:
        return None, "spend_depends_on_frequency", correlation
    params = gamma_gamma.fit(repeat["frequency"], repeat["monetary_value"])
    # q <= 1 leaves new and one-time customers with an infinite expected spend.
    if not params.converged or params.q <= 1.0:
        return None, "spend_not_converged", correlation
    return params, "ok", correlation


def _missing(n: int) -> pd.arrays.FloatingArray:
    return pd.arrays.FloatingArray(np.zeros(n), np.ones(n, dtype=bool))


def customer_value(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    horizon_weeks: int = 52,
    *,
    with_backtest: bool = True,
) -> ClvResult:
    """Historic and predicted value of every customer as of ``as_of`` (default: latest order day).

    Predictions cover the next ``horizon_weeks`` weeks: p_alive now, expected_purchases
    (occasions, eq. 10 of BG/NBD), expected_spend per occasion (Gamma-Gamma) and
    expected_revenue = expected_purchases x expected_spend. The summary carries the parameters
    (alpha per week), log-likelihoods, counts and the figures of ``backtest`` with its default
    holdout (None when the purchase model is not usable or the history is too short for it, or
    not asked for: a view that shows the backtest itself calls ``backtest``, and the models are
    then fitted once each).
    """
    horizon = _whole_weeks(horizon_weeks, "L'horizon", "horizon")
    as_of = resolve_as_of(con, as_of)
    summary = _rfm_summary(con, as_of)
    n = len(summary)
    table = summary[HISTORIC].copy()
    for column in PREDICTIONS:
        table[column] = _missing(n)
    x, t_x, age = summary["frequency"], summary["recency_weeks"], summary["T_weeks"]

    purchases, expected, status = _purchase_model(summary, np.array(float(horizon)))
    spend, correlation = None, None
    if purchases is not None:
        table["p_alive"] = pd.array(bgnbd.p_alive(purchases, x, t_x, age), dtype="Float64")
        table["expected_purchases"] = pd.array(expected, dtype="Float64")
        spend, status, correlation = _spend_model(summary)
    if spend is not None:
        per_occasion = gamma_gamma.expected_spend(spend, x, summary["monetary_value"])
        table["expected_spend"] = pd.array(per_occasion, dtype="Float64")
        table["expected_revenue"] = pd.array(expected * per_occasion, dtype="Float64")

    n_repeat = int((summary["frequency"] > 0).sum())
    explanation = _explain(status, n_repeat, correlation)
    backtest_figures = None
    if with_backtest and purchases is not None:
        backtest_figures = backtest(con, as_of).figures
    result_summary = {
        "status": status,
        "explanation": explanation,
        "as_of": as_of.isoformat() if as_of is not None else None,
        "horizon_weeks": horizon,
        "n_customers": n,
        "n_repeat_customers": n_repeat,
        "params": {
            "time_unit": "week",
            "bgnbd": None if purchases is None else {
                "r": purchases.r, "alpha": purchases.alpha, "a": purchases.a, "b": purchases.b
            },
            "gamma_gamma": None if spend is None else {
                "p": spend.p, "q": spend.q, "gamma": spend.gamma
            },
        },
        "log_likelihood": {
            "bgnbd": None if purchases is None else purchases.log_likelihood,
            "gamma_gamma": None if spend is None else spend.log_likelihood,
        },
        "spend_frequency_correlation": correlation,
        "backtest": backtest_figures,
    }
    return ClvResult(table=table, summary=result_summary, status=status, explanation=explanation)


def backtest(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    holdout_weeks: int = DEFAULT_HOLDOUT_WEEKS,
) -> BacktestResult:
    """Fit on the data up to ``as_of`` - ``holdout_weeks`` weeks, predict the held-out weeks.

    Each customer known at the end of calibration gets the BG/NBD conditional expectation
    (eq. 10) of their occasions in the holdout, compared with what they really did. The weekly
    series is the sum of the same per-customer conditional expectations for horizons 1..H weeks
    against the actual cumulative occasions of those customers (not the unconditional eq. 9
    "tracking" curve, so its last point equals the predicted total). Newcomers of the holdout
    are left out: no model predicts them.
    """
    weeks = _whole_weeks(holdout_weeks, "La période de test", "holdout")
    as_of = resolve_as_of(con, as_of)
    calibration_end = None if as_of is None else as_of - timedelta(weeks=weeks)
    summary = _rfm_summary(con, calibration_end)
    holdout = run_sql(
        con, "clv_holdout", calibration_end=calibration_end or date.min, as_of=as_of or date.min
    )
    week_numbers = np.arange(1, weeks + 1)
    actual = (
        holdout.groupby("customer_id")["occasions"].sum()
        .reindex(summary["customer_id"], fill_value=0).to_numpy(dtype=int)
    )
    actual_weekly = holdout.groupby("week")["occasions"].sum().reindex(week_numbers, fill_value=0)
    customers = pd.DataFrame(
        {
            "customer_id": summary["customer_id"],
            "predicted": _missing(len(summary)),
            "actual": actual,
        }
    )
    weekly = pd.DataFrame(
        {
            "week": week_numbers,
            "week_end": [calibration_end + timedelta(weeks=int(k)) for k in week_numbers]
            if calibration_end is not None else [None] * weeks,
            "predicted_cumulative": _missing(weeks),
            "actual_cumulative": actual_weekly.cumsum().to_numpy(dtype=int),
        }
    )
    _, expected, status = _purchase_model(summary, week_numbers[:, np.newaxis])
    figures = None
    if expected is not None:
        customers["predicted"] = pd.array(expected[-1], dtype="Float64")
        weekly["predicted_cumulative"] = pd.array(expected.sum(axis=1), dtype="Float64")
        predicted_total = float(expected[-1].sum())
        actual_total = int(actual.sum())
        figures = {
            "as_of": as_of.isoformat(),
            "calibration_end": calibration_end.isoformat(),
            "holdout_weeks": weeks,
            "n_customers": len(summary),
            "predicted_total": predicted_total,
            "actual_total": actual_total,
            "relative_error": predicted_total / actual_total - 1.0 if actual_total else None,
            "mae": float(np.abs(expected[-1] - actual).mean()),
        }
    n_repeat = int((summary["frequency"] > 0).sum())
    return BacktestResult(
        status=status,
        explanation=_explain(status, n_repeat),
        as_of=as_of,
        calibration_end=calibration_end,
        holdout_weeks=weeks,
        customers=customers,
        weekly=weekly,
        figures=figures,
    )
