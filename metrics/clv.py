"""Customer lifetime value: how many more purchases, how much per purchase, and how sure we are.

DESIGN.md "CLV": historic value = net spend to date; predictive value = expected purchase
occasions x Gamma-Gamma expected spend per occasion (metrics.gamma_gamma), both fitted on the
shop's own data up to the as-of date. The purchase model is the one of BG/NBD, MBG/NBD and
Pareto/NBD (metrics.bgnbd, metrics.mbgnbd, metrics.pareto_nbd) that the shop's own backtest
favours over the forecast's horizon: fit on the weeks before, predict the last ``horizon``
weeks, keep the smallest error on total purchases. A horizon longer than half the history is
shortened to it (the backtest needs as many weeks before the holdout as in it); below
MIN_HORIZON_WEEKS nothing is predicted.
When the data cannot support a model the figures fall back to the historic ones, the prediction
columns are missing values (never NaN or 0 posing as a forecast) and ``explanation`` says why,
in French and English.
"""

from __future__ import annotations

import json
import operator
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import duckdb
import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from metrics import aftersales, bgnbd, gamma_gamma, mbgnbd, pareto_nbd, uncertainty
from metrics.dates import facts_as_of, resolve_as_of
from metrics.sql_files import run, run_sql
from store.db import data_version, transaction
from store.errors import ComptoirError

# Below this many returning customers the fitted parameters are mostly noise.
MIN_REPEAT_CUSTOMERS = 20
# Gamma-Gamma assumes spend per occasion is independent of purchase frequency. Fader & Hardie
# (note 025) accept the 0.11 correlation of CDNOW; above a moderate 0.3 we do not.
MAX_SPEND_FREQUENCY_CORRELATION = 0.3
DEFAULT_HOLDOUT_WEEKS = 26
# The horizons the app shows: Valeur client and the segments (52 weeks), the Fiche client (13).
DEFAULT_HORIZON_WEEKS = 52
CARD_HORIZON_WEEKS = 13
KEPT_HORIZONS = (DEFAULT_HORIZON_WEEKS, CARD_HORIZON_WEEKS)
# The shortest forecast a backtest can check with some meaning.
MIN_HORIZON_WEEKS = 4
# Purchase models by the key used in summaries and the CLI, with their shown name.
PURCHASE_MODELS = {"bg_nbd": bgnbd, "mbg_nbd": mbgnbd, "pareto_nbd": pareto_nbd}
PARAM_TYPES = {
    "bg_nbd": bgnbd.BGNBDParams, "mbg_nbd": mbgnbd.MBGNBDParams,
    "pareto_nbd": pareto_nbd.ParetoNBDParams,
}
MODEL_NAMES = {"bg_nbd": "BG/NBD", "mbg_nbd": "MBG/NBD", "pareto_nbd": "Pareto/NBD"}
PARAM_NAMES = {
    "bg_nbd": ("r", "alpha", "a", "b"),
    "mbg_nbd": ("r", "alpha", "a", "b"),
    "pareto_nbd": ("r", "alpha", "s", "beta"),
}
# progress(fraction done, stage, model name): stage "backtest" (fitting on the weeks before the
# holdout), "fit" (on the whole history) or "ranges"; the model as MODEL_NAMES or "Gamma-Gamma".
Progress = Callable[[float, str, str], None]
HISTORIC = ["customer_id", "frequency", "recency_weeks", "T_weeks", "historic_value"]
PREDICTIONS = ["p_alive", "expected_purchases", "expected_spend", "expected_revenue"]
# One row per customer for the CLI and exports (customer_rows).
CUSTOMER_COLUMNS = [
    "customer_id", "model", "p_alive", "expected_purchases", "expected_spend", "predicted_value",
    "days_overdue", "historic_value", "frequency", "recency_weeks", "T_weeks",
]

_EXPLANATIONS = {
    "no_data": (
        "Aucune commande valide d'un client identifié jusqu'à cette date : pas de valeur client "
        "à calculer. Importez des commandes qui portent l'e-mail ou le numéro des clients.",
        "No valid order from an identified customer up to this date: no customer value to "
        "compute. Import orders that carry the customers' email or number.",
    ),
    "too_few_repeat": (
        "Trop peu de clients sont revenus acheter ({n_repeat}) ; il en faut au moins {minimum} "
        "pour estimer les modèles. Seules les valeurs historiques sont affichées : importez un "
        "historique plus long ou revenez plus tard.",
        "Too few customers came back to buy ({n_repeat}); the models need at least {minimum}. Only "
        "historic values are shown: import a longer history or come back later.",
    ),
    "purchases_not_converged": (
        "Aucun modèle des achats (BG/NBD, MBG/NBD, Pareto/NBD) ne trouve de paramètres stables "
        "sur ces données : seules les valeurs historiques sont affichées.",
        "No purchase model (BG/NBD, MBG/NBD, Pareto/NBD) finds stable parameters on this data: "
        "only historic values are shown.",
    ),
    "history_too_short": (
        "L'historique ne couvre que {history} semaines : trop court pour vérifier une prévision "
        "d'au moins {minimum_weeks} semaines sur les semaines passées. Seules les valeurs "
        "historiques sont affichées.",
        "The history covers only {history} weeks: too short to check a forecast of at least "
        "{minimum_weeks} weeks against the past weeks. Only historic values are shown.",
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

# Said when a forecast is shown without a range (metrics.uncertainty.forecast_range gives none).
_NO_RANGE = {
    "fr": "Pas de fourchette pour cette prévision : vos données ne suffisent pas à mesurer la "
    "précision du modèle (certains de ses paramètres restent indéterminés).",
    "en": "No range for this forecast: your data are not enough to measure how precise the "
    "model is (some of its parameters stay undetermined).",
}


@dataclass
class WholeFits:
    """What is fitted on the whole history as of one day, shared by the horizons asked because
    it does not depend on them: the customers' histories (clv_summary.sql) and, by model key,
    the purchase models' parameters and the information matrices of their ranges
    (uncertainty.purchase_information)."""

    params: dict[str, object] = field(default_factory=dict)
    information: dict[str, NDArray | None] = field(default_factory=dict)
    summary: pd.DataFrame | None = None


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
    backtest: BacktestResult | None


@dataclass(frozen=True)
class BacktestResult:
    """Predicted vs actual purchase occasions and revenue over the held-out weeks.

    Every purchase model is fitted on the calibration weeks; ``model`` is the one whose total
    purchases came closest (None if none could be fitted) and ``customers`` and ``weekly`` are
    its. ``customers``: customer_id, predicted, actual (calibration customers). ``weekly``:
    week, week_end, predicted_cumulative, actual_cumulative. ``figures`` (JSON-able, None
    unless status is "ok"): model, n_customers, predicted_total, actual_total, relative_error
    (predicted / actual - 1, None when nothing was bought), mae (mean absolute error per
    customer), predicted_revenue, actual_revenue, revenue_relative_error (None without a spend
    model or revenue), and ``models``: each model's relative_error and mae (None if not
    fitted). ``words`` says the chosen model's error, ``reason`` why it was chosen, in French
    and English.
    """

    status: str
    explanation: dict[str, str] | None
    as_of: date | None
    calibration_end: date | None
    holdout_weeks: int
    customers: pd.DataFrame
    weekly: pd.DataFrame
    figures: dict | None
    model: str | None = None
    words: dict[str, str] | None = None
    reason: dict[str, str] | None = None


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


def _explain(
    status: str, n_repeat: int, correlation: float | None = None, history: int = 0
) -> dict[str, str] | None:
    """The explanation of a status in both languages (None for "ok")."""
    if status == "ok":
        return None
    fr, en = _EXPLANATIONS[status]
    shown = f"{correlation or 0.0:.2f}"
    values = {"n_repeat": n_repeat, "minimum": MIN_REPEAT_CUSTOMERS, "history": history,
              "minimum_weeks": MIN_HORIZON_WEEKS}
    return {
        "fr": fr.format(**values, correlation=shown.replace(".", ",")),
        "en": en.format(**values, correlation=shown),
    }


def _rfm_summary(con: duckdb.DuckDBPyConnection, as_of: date | None) -> pd.DataFrame:
    """clv_summary.sql as of ``as_of``, by customer_id: the same rows read from the per-customer
    tables (clv_summary_current.sql) when no order is later than ``as_of``, as on the pages'
    "today", instead of every order.

    ``as_of`` is None only on a database without any valid order, where every date gives the
    same empty frame.
    """
    as_of = as_of or date.min
    current = facts_as_of(con, as_of)["summary_current"]
    return run_sql(con, "clv_summary_current" if current else "clv_summary", as_of=as_of)


def _purchase_model(
    summary: pd.DataFrame, horizons: np.ndarray, model: str = "bg_nbd", params: object = None
) -> tuple[object | None, np.ndarray | None, str, str | None]:
    """``model`` (a key of PURCHASE_MODELS) fitted on ``summary`` (unless its ``params`` are
    given) with its conditional expectations over ``horizons`` weeks (a column of horizons gives
    horizons x customers), or None, the status and, for a model that could not be used, why in
    a few technical words for the summary's JSON ("not converged", "not computable: ...")."""
    if summary.empty:
        return None, None, "no_data", None
    if (summary["frequency"] > 0).sum() < MIN_REPEAT_CUSTOMERS:
        return None, None, "too_few_repeat", None
    module = PURCHASE_MODELS[model]
    x, t_x, age = summary["frequency"], summary["recency_weeks"], summary["T_weeks"]
    try:
        if params is None:
            params = module.fit(x, t_x, age)
        if not params.converged:
            return None, None, "purchases_not_converged", "not converged"
        expected = module.expected_purchases(
            params, horizons, x.to_numpy(), t_x.to_numpy(), age.to_numpy()
        )
    except FloatingPointError as error:  # scipy's special functions fail in some corners
        return None, None, "purchases_not_converged", f"not computable: {error}"
    return params, expected, "ok", None


def _model_params(model: str, params: object) -> dict[str, float]:
    return {name: getattr(params, name) for name in PARAM_NAMES[model]}


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
    horizon_weeks: int = DEFAULT_HORIZON_WEEKS,
    progress: Progress | None = None,
    whole_fits: WholeFits | None = None,
) -> ClvResult:
    """Historic and predicted value of every customer as of ``as_of`` (default: latest order day).

    Predictions cover the next ``horizon_weeks`` weeks, or half the shop's history if that is
    shorter (the backtest must check that horizon: ``summary["horizon_note"]`` says so):
    p_alive now, expected_purchases (occasions) from the purchase model its ``backtest`` over
    that horizon chose, expected_spend per occasion (Gamma-Gamma) and expected_revenue =
    expected_purchases x expected_spend. The summary carries the chosen model and why, its
    parameters under its key (alpha and beta per week), log-likelihoods, counts, ``forecast``
    (the shop's expected occasions and revenue over the horizon with their 5th-95th percentile
    ranges from the fits' uncertainty, metrics.uncertainty; None without a model), the
    backtest's figures and its error in words.

    ``progress`` hears which model is being fitted. ``whole_fits`` keeps what is fitted on the
    whole history as of ``as_of``, reused and completed across calls: a fit on the same
    customers does not change with the horizon asked, only the model chosen does. If the
    chosen model cannot be computed on the whole history, the next best of the backtest is
    used, ``models_not_used`` says why and ``model_reason`` says so in words.
    """
    requested = _whole_weeks(horizon_weeks, "L'horizon", "horizon")
    report = progress or (lambda fraction, stage, model: None)
    whole_fits = WholeFits() if whole_fits is None else whole_fits
    as_of = resolve_as_of(con, as_of)
    if whole_fits.summary is None:
        whole_fits.summary = _rfm_summary(con, as_of)
    summary = whole_fits.summary
    n = len(summary)
    n_repeat = int((summary["frequency"] > 0).sum())
    history = int(summary["T_weeks"].max()) if n else 0
    horizon = min(requested, history // 2)

    test, model, purchases, spend, correlation = None, None, None, None, None
    if n == 0:
        status = "no_data"
    elif n_repeat < MIN_REPEAT_CUSTOMERS:
        status = "too_few_repeat"
    elif horizon < MIN_HORIZON_WEEKS:
        status = "history_too_short"
    else:
        test = backtest(con, as_of, horizon, progress=lambda f, stage, name: report(
            0.6 * f, stage, name))
        status = test.status
    not_used = {}
    for candidate in [] if test is None or test.figures is None else _ranked(test.figures):
        report(0.6, "fit", MODEL_NAMES[candidate])
        purchases, _, status, why = _purchase_model(
            summary, np.array(float(horizon)), candidate, whole_fits.params.get(candidate))
        if purchases is not None:
            model, whole_fits.params[candidate] = candidate, purchases
            break
        not_used[candidate] = why
    if purchases is not None:
        report(0.75, "fit", "Gamma-Gamma")
        spend, status, correlation = _spend_model(summary)
    table = _table(summary, model if purchases is not None else None, purchases, spend, horizon)
    forecast = None
    if purchases is not None:
        report(0.85, "ranges", MODEL_NAMES[model])
        module, names = PURCHASE_MODELS[model], PARAM_NAMES[model]
        if model not in whole_fits.information:
            whole_fits.information[model] = uncertainty.purchase_information(
                module, names, purchases, summary)
        ranges = uncertainty.forecast_range(module, names, purchases, spend, summary,
                                            float(horizon), whole_fits.information[model])
        forecast = _forecast(table, ranges)

    explanation = _explain(status, n_repeat, correlation, history)
    params: dict = {"time_unit": "week"}
    if purchases is not None:
        params[model] = _model_params(model, purchases)
    params["gamma_gamma"] = None if spend is None else {
        "p": spend.p, "q": spend.q, "gamma": spend.gamma
    }
    result_summary = {
        "status": status,
        "explanation": explanation,
        "as_of": as_of.isoformat() if as_of is not None else None,
        "horizon_weeks": horizon if purchases is not None else None,
        "requested_horizon_weeks": requested,
        "horizon_note": _horizon_note(requested, horizon, history) if purchases else None,
        "holdout_weeks": None if test is None else test.holdout_weeks,
        "model": model if purchases is not None else None,
        "model_reason": None if purchases is None else _fallback_reason(test.reason, not_used,
                                                                         model),
        "n_customers": n,
        "n_repeat_customers": n_repeat,
        "params": params,
        "log_likelihood": {
            model or "purchases": None if purchases is None else purchases.log_likelihood,
            "gamma_gamma": None if spend is None else spend.log_likelihood,
        },
        "spend_frequency_correlation": correlation,
        "forecast": forecast,
        "backtest": None if test is None else test.figures,
        "backtest_words": None if test is None else test.words,
        "models_not_used": not_used,
    }
    return ClvResult(table, result_summary, status, explanation, test)


def _table(
    summary: pd.DataFrame,
    model: str | None,
    purchases: object | None,
    spend: gamma_gamma.GammaGammaParams | None,
    horizon: int | None,
) -> pd.DataFrame:
    """Each customer's history and predictions over ``horizon`` weeks from fitted parameters
    (``model``'s ``purchases``, Gamma-Gamma's ``spend``): vectorised formulas, no fitting.
    Predictions without their model are missing values."""
    table = summary[HISTORIC].copy()
    for column in PREDICTIONS:
        table[column] = _missing(len(summary))
    if model is None:
        return table
    module = PURCHASE_MODELS[model]
    x, t_x, age = (summary[c].to_numpy(float) for c in ("frequency", "recency_weeks", "T_weeks"))
    alive = module.p_alive(purchases, x, t_x, age)
    expected = module.expected_purchases(purchases, float(horizon), x, t_x, age, alive=alive)
    table["p_alive"] = pd.array(alive, dtype="Float64")
    table["expected_purchases"] = pd.array(expected, dtype="Float64")
    if spend is not None:
        per_occasion = gamma_gamma.expected_spend(spend, x, summary["monetary_value"])
        table["expected_spend"] = pd.array(per_occasion, dtype="Float64")
        table["expected_revenue"] = pd.array(expected * per_occasion, dtype="Float64")
    return table


def kept_customer_value(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    horizon_weeks: int = DEFAULT_HORIZON_WEEKS,
) -> ClvResult:
    """``customer_value`` with its fits kept in the database (clv_fits, store/migrations/009),
    one row per data version, as-of date and horizon asked.

    The first call of a data version fits, backtests and keeps the summary (``keep_fit``). Later
    calls, in this process or the next, read that row and recompute each customer's predictions
    from the kept parameters (clv_summary.sql and the models' closed forms, ``_table``) rather
    than storing a row per customer: a second of vectorised arithmetic at a million customers
    against a table that would grow by a million rows for every week looked at. Read back, the
    backtest has no per-customer rows (``customers`` is empty): only the fit needs them.
    """
    requested = _whole_weeks(horizon_weeks, "L'horizon", "horizon")
    as_of = resolve_as_of(con, as_of)
    if as_of is None:  # nothing to fit or keep
        return customer_value(con, as_of, requested)
    fitted = keep_fit(con, as_of, requested)
    if fitted is not None:
        return fitted
    kept = run_sql(con, "clv_fit_kept", **_fit_key(con, as_of, requested))
    result_summary = json.loads(kept["summary"].iloc[0])
    model = result_summary["model"]
    purchases, spend = _kept_params(result_summary)
    table = _table(_rfm_summary(con, as_of), model, purchases, spend,
                   result_summary["horizon_weeks"])
    return ClvResult(table, result_summary, result_summary["status"],
                     result_summary["explanation"],
                     _backtest_from(json.loads(kept["backtest"].iloc[0])))


def _fit_key(con: duckdb.DuckDBPyConnection, as_of: date, horizon_weeks: int) -> dict:
    """The columns that identify a kept fit: the data version, the as-of date, the horizon."""
    version = dict(zip(("import_version", "merges", "customers"), data_version(con)))
    return {**version, "as_of": as_of, "horizon_weeks": horizon_weeks}


def _fit_to_keep(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None,
    horizon_weeks: int,
    progress: Progress | None,
    whole_fits: WholeFits | None,
) -> tuple[dict, ClvResult] | None:
    """``customer_value`` and the key it is kept under, or None when one is kept for this data
    version, as-of date and horizon already, or there is nothing to fit."""
    requested = _whole_weeks(horizon_weeks, "L'horizon", "horizon")
    as_of = resolve_as_of(con, as_of)
    if as_of is None:
        return None
    key = _fit_key(con, as_of, requested)
    if not run_sql(con, "clv_fit_kept", **key).empty:
        return None
    return key, customer_value(con, as_of, requested, progress, whole_fits)


def _keep(con: duckdb.DuckDBPyConnection, fits: list[tuple[dict, ClvResult]]) -> None:
    """Keep ``fits`` in one transaction, dropping rows of older data versions: a process killed
    meanwhile leaves all of them kept or none."""
    with transaction(con) as cur:
        for key, result in fits:
            run(cur, "clv_fit_forget_older", **{k: key[k] for k in
                                                ("import_version", "merges", "customers")})
            run(cur, "clv_fit_keep", **key, fitted_at=datetime.now(),
                summary=json.dumps(result.summary, allow_nan=False),
                backtest=json.dumps(_backtest_record(result.backtest), allow_nan=False))


def keep_fit(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    horizon_weeks: int = DEFAULT_HORIZON_WEEKS,
    progress: Progress | None = None,
    whole_fits: WholeFits | None = None,
) -> ClvResult | None:
    """Fit and keep ``customer_value``'s summary (chosen model, its parameters, Gamma-Gamma's,
    the ranges, the backtest's figures, words and weekly series) unless one is kept for this
    data version, as-of date and horizon; rows of older data versions are dropped then. The
    fresh result, or None when there was one already or nothing to fit. ``progress`` and
    ``whole_fits`` as in ``customer_value``."""
    fit = _fit_to_keep(con, as_of, horizon_weeks, progress, whole_fits)
    if fit is None:
        return None
    _keep(con, [fit])
    return fit[1]


def refit_after_change(
    con: duckdb.DuckDBPyConnection, progress: Progress | None = None
) -> dict[str, str]:
    """Fit and keep the forecasts the app shows first (as of the latest order day, over each of
    KEPT_HORIZONS) right after an import, a merge, a split or a forget changed the data, so that
    Valeur client and the Fiche client only read them (``keep_fit``), and the after-sales loyalty
    comparison (``aftersales.kept_loyalty``) for the Après-vente page and its command; what
    happened in one line, French and English.

    The data change is already committed when this runs, and a fit that fails must not make it
    look failed: whatever goes wrong is said in the line, nothing is kept, and the pages fit
    when first shown, as before.
    """
    start = time.perf_counter()
    whole_fits = WholeFits()
    fits = []
    try:
        for i, weeks in enumerate(KEPT_HORIZONS):
            def step(fraction: float, stage: str, model: str, i: int = i) -> None:
                if progress is not None:
                    progress((i + fraction) / len(KEPT_HORIZONS), stage, model)

            fits.append(_fit_to_keep(con, None, weeks, step, whole_fits))
        _keep(con, [fit for fit in fits if fit is not None])  # both horizons, or none
    except Exception as error:  # noqa: BLE001 (any failure: see the docstring)
        return {
            "fr": "Prévisions non recalculées maintenant : la page Valeur client les calculera "
            "à son ouverture.",
            "en": f"Forecasts not refreshed now ({type(error).__name__}: {error}): the Customer "
            "value page will compute them when opened.",
        }
    seconds = time.perf_counter() - start
    line = _forecasts_line(fits, seconds)
    try:
        aftersales.kept_loyalty(con)
    except Exception as error:  # noqa: BLE001 (as the forecasts: nothing kept, computed later)
        return {
            "fr": f"{line['fr']} Comparaison après-vente non enregistrée : la page Après-vente "
            "la calculera à son ouverture.",
            "en": f"{line['en']} After-sales comparison not kept ({type(error).__name__}: "
            f"{error}): the After-sales page will compute it when opened.",
        }
    return line


def _forecasts_line(fits: list, seconds: float) -> dict[str, str]:
    """What the refit did, in one line (French and English)."""
    shown = f"{seconds:.1f}"
    if fits[0] is None:  # kept already, or no order at all
        return {"fr": "Prévisions à jour.", "en": "Forecasts up to date."}
    model = fits[0][1].summary["model"]
    if model is None:
        return {"fr": f"Prévisions recalculées ({shown.replace('.', ',')} s) : valeurs "
                "historiques seulement.",
                "en": f"Forecasts refreshed ({shown} s): historic values only."}
    return {"fr": f"Prévisions recalculées (modèle {MODEL_NAMES[model]}, "
            f"{shown.replace('.', ',')} s).",
            "en": f"Forecasts refreshed ({MODEL_NAMES[model]} model, {shown} s)."}


def _kept_params(
    result_summary: dict,
) -> tuple[object | None, gamma_gamma.GammaGammaParams | None]:
    """The fitted parameter objects of a kept summary (None where there was no fit)."""
    model, params = result_summary["model"], result_summary["params"]
    log_likelihood = result_summary["log_likelihood"]
    purchases = None if model is None else PARAM_TYPES[model](
        **params[model], log_likelihood=log_likelihood[model],
        n_customers=result_summary["n_customers"], converged=True,
    )
    spend = None if params["gamma_gamma"] is None else gamma_gamma.GammaGammaParams(
        **params["gamma_gamma"], log_likelihood=log_likelihood["gamma_gamma"],
        n_customers=result_summary["n_repeat_customers"], converged=True,
    )
    return purchases, spend


def _backtest_record(test: BacktestResult | None) -> dict | None:
    """A backtest as JSON-able data, without its per-customer rows."""
    if test is None:
        return None
    weekly = test.weekly.assign(
        week_end=[None if day is None else day.isoformat() for day in test.weekly["week_end"]],
        predicted_cumulative=test.weekly["predicted_cumulative"].astype(object).where(
            test.weekly["predicted_cumulative"].notna(), None),
    )
    return {
        "status": test.status,
        "explanation": test.explanation,
        "as_of": None if test.as_of is None else test.as_of.isoformat(),
        "calibration_end": None if test.calibration_end is None
        else test.calibration_end.isoformat(),
        "holdout_weeks": test.holdout_weeks,
        "weekly": weekly.to_dict("list"),
        "figures": test.figures,
        "model": test.model,
        "words": test.words,
        "reason": test.reason,
    }


def _backtest_from(record: dict | None) -> BacktestResult | None:
    """The BacktestResult of ``_backtest_record`` (with an empty ``customers``)."""
    if record is None:
        return None
    weekly = pd.DataFrame(record["weekly"])
    weekly["week_end"] = [None if day is None else date.fromisoformat(day)
                          for day in weekly["week_end"]]
    weekly["predicted_cumulative"] = pd.array(weekly["predicted_cumulative"], dtype="Float64")
    customers = pd.DataFrame({"customer_id": pd.Series(dtype="int64"),
                              "predicted": pd.array([], dtype="Float64"),
                              "actual": pd.Series(dtype="int64")})
    day = {key: None if record[key] is None else date.fromisoformat(record[key])
           for key in ("as_of", "calibration_end")}
    return BacktestResult(
        status=record["status"], explanation=record["explanation"], as_of=day["as_of"],
        calibration_end=day["calibration_end"], holdout_weeks=record["holdout_weeks"],
        customers=customers, weekly=weekly, figures=record["figures"], model=record["model"],
        words=record["words"], reason=record["reason"],
    )


def _forecast(table: pd.DataFrame, ranges: uncertainty.ForecastRange | None) -> dict:
    """The shop's expected occasions and revenue over the horizon with their ranges
    (metrics.uncertainty; None where there is none, and then ``range_note`` says why)."""
    revenue = table["expected_revenue"]
    has_revenue = ranges is not None and ranges.revenue_low is not None
    shows_revenue = bool(revenue.notna().all())
    return {
        "expected_purchases": float(table["expected_purchases"].sum()),
        "expected_purchases_range": None if ranges is None else [
            ranges.purchases_low, ranges.purchases_high],
        "expected_revenue": float(revenue.sum()) if shows_revenue else None,
        "expected_revenue_range": [ranges.revenue_low, ranges.revenue_high]
        if has_revenue and shows_revenue else None,
        "range_percentiles": [uncertainty.LOW_PERCENTILE, uncertainty.HIGH_PERCENTILE],
        "range_note": None if ranges is not None and (has_revenue or not shows_revenue)
        else _NO_RANGE,
    }


def weeks_to_next_purchase(
    result_summary: dict, frequency: ArrayLike, recency_weeks: ArrayLike
) -> NDArray | None:
    """Median weeks from a customer's last purchase to their next one if they are still buying,
    under the chosen model (None without one).

    All three purchase models share the Poisson rate lambda ~ Gamma(r, alpha); after x repeat
    purchases by t_x, a customer still buying has lambda ~ Gamma(r+x, alpha+t_x) (the
    posterior given the purchases up to the last one), so the chance of no purchase in the s
    weeks after it is ((alpha+t_x)/(alpha+t_x+s))^(r+x), and the median s solves it = 1/2:
    s = (alpha+t_x) (2^(1/(r+x)) - 1). Measured from the last purchase rather than from today,
    so that a date already past says the customer is late against their own pace; whether
    they are gone is P(alive)'s question, not this one's.
    """
    model = result_summary["model"]
    if model is None:
        return None
    params = result_summary["params"][model]
    r, alpha = params["r"], params["alpha"]
    x = np.asarray(frequency, dtype=float)
    return (alpha + np.asarray(recency_weeks, dtype=float)) * np.expm1(np.log(2.0) / (r + x))


def days_overdue(result: ClvResult) -> pd.Series:
    """Days since each customer's expected next purchase (``weeks_to_next_purchase``) at the
    as-of date, negative while it is still to come, rounded to whole days; missing without a
    model. The last purchase is T - t_x weeks before the as-of date."""
    table = result.table
    weeks = weeks_to_next_purchase(result.summary, table["frequency"], table["recency_weeks"])
    if weeks is None:
        return pd.Series(_missing(len(table)), index=table.index, name="days_overdue")
    since_last = table["T_weeks"].to_numpy(float) - table["recency_weeks"].to_numpy(float)
    days = np.round(7.0 * (since_last - weeks))
    return pd.Series(pd.array(days, dtype="Float64"), index=table.index, name="days_overdue")


def customer_rows(result: ClvResult) -> pd.DataFrame:
    """One row per customer (CUSTOMER_COLUMNS): the model that predicted it (key of
    PURCHASE_MODELS, missing when none could), P(alive), expected purchase occasions and spend
    per occasion, predicted_value (expected revenue over ``summary["horizon_weeks"]``),
    days_overdue (``days_overdue``), the historic value and the history (frequency = repeat occasions, recency and age in weeks).
    Predictions the models could not make are missing, never 0."""
    table = result.table.rename(columns={"expected_revenue": "predicted_value"})
    table.insert(1, "model", pd.array([result.summary["model"]] * len(table), dtype="string"))
    table["days_overdue"] = days_overdue(result)
    return table[CUSTOMER_COLUMNS]


def _horizon_note(requested: int, horizon: int, history: int) -> dict[str, str] | None:
    """Why the forecast is shorter than asked, None when it is not."""
    if horizon == requested:
        return None
    return {
        "fr": f"Prévision sur {horizon} semaines au lieu de {requested} : l'historique couvre "
        f"{history} semaines, et une prévision n'est montrée que si elle a pu être vérifiée sur "
        "autant de semaines passées.",
        "en": f"Forecast over {horizon} weeks instead of {requested}: the history covers "
        f"{history} weeks, and a forecast is shown only if it could be checked against as many "
        "past weeks.",
    }


def _period(weeks: int) -> tuple[str, str]:
    """'les 12 derniers mois' / 'the last 12 months' for 52 weeks, else in weeks."""
    if weeks == 52:
        return "sur les 12 derniers mois", "over the last 12 months"
    return f"sur les {weeks} dernières semaines", f"over the last {weeks} weeks"


def _percent(error: float, lang: str, decimals: int = 0) -> str:
    shown = f"{abs(error) * 100:.{decimals}f}"
    return f"{shown.replace('.', ',')} %" if lang == "fr" else f"{shown}%"


def _error_words(error: float | None, fr_what: str, en_what: str) -> tuple[str, str]:
    """'sous-estimé vos ventes de 28 %' / 'under-estimated your sales by 28%'."""
    if error is None:
        return "", ""
    if round(abs(error) * 100) == 0:
        return f"vu juste pour {fr_what}", f"been right about {en_what}"
    fr_verb, en_verb = ("surestimé", "over-estimated") if error > 0 else (
        "sous-estimé", "under-estimated")
    return (f"{fr_verb} {fr_what} de {_percent(error, 'fr')}",
            f"{en_verb} {en_what} by {_percent(error, 'en')}")


def _backtest_words(figures: dict) -> dict[str, str]:
    """The chosen model's backtest error in plain words, purchases and revenue."""
    fr_period, en_period = _period(figures["holdout_weeks"])
    if figures["relative_error"] is None:
        return {"fr": f"{fr_period.capitalize()}, vos clients n'ont rien racheté : pas d'erreur "
                "à mesurer.",
                "en": f"{en_period.capitalize()}, your customers bought nothing again: no error "
                "to measure."}
    purchases = _error_words(figures["relative_error"], "vos achats", "your purchases")
    revenue = _error_words(figures["revenue_relative_error"], "votre chiffre d'affaires",
                           "your revenue")
    fr = f"{fr_period.capitalize()}, ces prévisions auraient {purchases[0]}"
    en = f"{en_period.capitalize()}, these forecasts would have {purchases[1]}"
    if revenue[0]:
        fr, en = f"{fr} et {revenue[0]}", f"{en} and {revenue[1]}"
    return {"fr": fr + ".", "en": en + "."}


def _model_reason(figures: dict) -> dict[str, str]:
    """Why the chosen model: its error on the holdout against the other models'."""
    chosen = figures["model"]
    others = {k: v for k, v in figures["models"].items() if k != chosen and v is not None}
    fr_period, en_period = _period(figures["holdout_weeks"])
    by = "relative_error" if figures["relative_error"] is not None else "mae"

    def shown(key: str, lang: str) -> str:
        value = figures["models"][key][by]
        if by == "mae":
            return f"{value:.2f}".replace(".", "," if lang == "fr" else ".")
        return _percent(value, lang, decimals=1)

    what_fr = "l'écart sur les achats" if by == "relative_error" else "l'écart moyen par client"
    what_en = "the error on purchases" if by == "relative_error" else "the mean error per customer"
    fr = (f"{MODEL_NAMES[chosen]} retenu : {fr_period}, c'est le modèle dont {what_fr} est le "
          f"plus faible ({shown(chosen, 'fr')}")
    en = (f"{MODEL_NAMES[chosen]} chosen: {en_period}, it is the model with the smallest "
          f"{what_en.removeprefix('the ')} ({shown(chosen, 'en')}")
    if others:
        fr += ", contre " + ", ".join(f"{shown(k, 'fr')} pour {MODEL_NAMES[k]}" for k in others)
        en += ", against " + ", ".join(f"{shown(k, 'en')} for {MODEL_NAMES[k]}" for k in others)
    return {"fr": fr + ").", "en": en + ")."}


def _ranked(figures: dict) -> list[str]:
    """The backtested models, closest total first (by the mean absolute error per customer when
    nobody bought in the holdout)."""
    def error(key: str) -> float:
        score = figures["models"][key]
        return abs(score["relative_error"]) if figures["actual_total"] else score["mae"]

    return sorted((key for key, score in figures["models"].items() if score is not None),
                  key=error)


def _fallback_reason(
    reason: dict[str, str], not_used: dict[str, str], model: str
) -> dict[str, str]:
    """The backtest's reason, and why another model than its choice predicts if one does."""
    if not not_used:
        return reason
    skipped = ", ".join(MODEL_NAMES[key] for key in not_used)
    return {
        "fr": f"{reason['fr']} {skipped} ne se calcule pas sur tout l'historique : "
        f"{MODEL_NAMES[model]}, le suivant du test, fait les prévisions.",
        "en": f"{reason['en']} {skipped} cannot be computed on the whole history: "
        f"{MODEL_NAMES[model]}, next in the backtest, makes the forecasts.",
    }


def backtest(
    con: duckdb.DuckDBPyConnection,
    as_of: date | None = None,
    holdout_weeks: int = DEFAULT_HOLDOUT_WEEKS,
    progress: Progress | None = None,
) -> BacktestResult:
    """Fit on the data up to ``as_of`` - ``holdout_weeks`` weeks, predict the held-out weeks.

    Each purchase model gives each customer known at the end of calibration its conditional
    expectation of their occasions in the holdout, compared with what they really did; the
    model whose total is closest to the actual one (by the mean absolute error per customer if
    nobody bought) is chosen. Revenue: its expectations x the Gamma-Gamma expected spend fitted
    on the calibration weeks, against the actual net spend. The weekly series is the sum of the
    chosen model's per-customer conditional expectations for horizons 1..H weeks against the
    actual cumulative occasions of those customers (not the unconditional "tracking" curve, so
    its last point equals the predicted total). Newcomers of the holdout are left out: no model
    predicts them. A model that cannot be fitted or computed is left out of the choice, and
    ``figures["not_fitted"]`` says why (``_purchase_model``). ``progress`` as in
    ``customer_value``.
    """
    weeks = _whole_weeks(holdout_weeks, "La période de test", "holdout")
    as_of = resolve_as_of(con, as_of)
    calibration_end = None if as_of is None else as_of - timedelta(weeks=weeks)
    summary = _rfm_summary(con, calibration_end)
    holdout = run_sql(
        con, "clv_holdout", calibration_end=calibration_end or date.min, as_of=as_of or date.min
    )
    week_numbers = np.arange(1, weeks + 1)
    by_customer = holdout.groupby("customer_id")[["occasions", "revenue"]].sum().reindex(
        summary["customer_id"], fill_value=0
    )
    actual = by_customer["occasions"].to_numpy(dtype=int)
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
    actual_total = int(actual.sum())
    fitted, scores, statuses, not_fitted = {}, {}, [], {}
    for i, key in enumerate(PURCHASE_MODELS):
        if progress is not None:
            progress(i / (len(PURCHASE_MODELS) + 1), "backtest", MODEL_NAMES[key])
        _, expected, status, why = _purchase_model(summary, week_numbers[:, np.newaxis], key)
        statuses.append(status)
        scores[key] = None
        if why is not None:
            not_fitted[key] = why
        if expected is not None:
            fitted[key] = expected
            scores[key] = {
                "relative_error": float(expected[-1].sum()) / actual_total - 1.0
                if actual_total else None,
                "mae": float(np.abs(expected[-1] - actual).mean()),
            }
    if not fitted:  # the same reason for every model: no data, too few repeat, no stable fit
        n_repeat = int((summary["frequency"] > 0).sum())
        return BacktestResult(statuses[0], _explain(statuses[0], n_repeat), as_of,
                              calibration_end, weeks, customers, weekly, None)

    model = _ranked({"models": scores, "actual_total": actual_total})[0]
    expected = fitted[model]
    customers["predicted"] = pd.array(expected[-1], dtype="Float64")
    weekly["predicted_cumulative"] = pd.array(expected.sum(axis=1), dtype="Float64")
    predicted_total = float(expected[-1].sum())
    if progress is not None:
        progress(len(PURCHASE_MODELS) / (len(PURCHASE_MODELS) + 1), "backtest", "Gamma-Gamma")
    spend, _, _ = _spend_model(summary)
    actual_revenue = float(by_customer["revenue"].sum())
    predicted_revenue, revenue_error = None, None
    if spend is not None:
        per_occasion = gamma_gamma.expected_spend(
            spend, summary["frequency"], summary["monetary_value"]
        )
        predicted_revenue = float(expected[-1] @ per_occasion)
        if actual_revenue > 0:
            revenue_error = predicted_revenue / actual_revenue - 1.0
    figures = {
        "as_of": as_of.isoformat(),
        "calibration_end": calibration_end.isoformat(),
        "holdout_weeks": weeks,
        "model": model,
        "n_customers": len(summary),
        "predicted_total": predicted_total,
        "actual_total": actual_total,
        "relative_error": scores[model]["relative_error"],
        "mae": scores[model]["mae"],
        "predicted_revenue": predicted_revenue,
        "actual_revenue": actual_revenue,
        "revenue_relative_error": revenue_error,
        "models": scores,
        "not_fitted": not_fitted,
    }
    return BacktestResult(
        status="ok",
        explanation=None,
        as_of=as_of,
        calibration_end=calibration_end,
        holdout_weeks=weeks,
        customers=customers,
        weekly=weekly,
        figures=figures,
        model=model,
        words=_backtest_words(figures),
        reason=_model_reason(figures),
    )
