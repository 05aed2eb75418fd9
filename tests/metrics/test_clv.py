"""Customer value from the database: occasion rules, as-of cut-off, fallbacks, CDNOW end to end."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

import store
from ingest import cli
from metrics import bgnbd, clv, gamma_gamma, pareto_nbd
from metrics.sql_files import run_sql
from tests.conftest import ROOT
from tests.metrics.factories import insert_orders, insert_shop
from tests.metrics.test_bgnbd import CALIBRATION_END, CDNOW, cdnow_occasions, rfm_summary

DEMO_SALES = ROOT / "sample_data" / "ventes_boutique.csv"
SUMMARY_COLUMNS = [
    "customer_id", "frequency", "recency_weeks", "T_weeks", "monetary_value", "historic_value"
]


def clv_summary(con, as_of: date) -> pd.DataFrame:
    return run_sql(con, "clv_summary", as_of=as_of).sort_values("customer_id", ignore_index=True)


def test_summary_applies_the_occasion_rules(con):
    """The shared shop of factories.py as of its last order, 2024-03-05.

    A: 12-04 50, 12-28 20, 01-09 35 + 15 (one occasion of 50), 03-05 25 -> x = 3, last and
       first 92 days apart, repeat spend (20 + 50 + 25) / 3, historic 145.
    B: 12-20 30, 01-14 22 (the cancelled 01-03 order is ignored) -> x = 1, 25 days, T 76 days.
    C: 01-02 40, 02-15 30 -> x = 1, 44 days, T 63 days.
    D: the fully refunded 01-10 order is no occasion, 01-11 net 50 is -> x = 0, T 54 days.
    E: 02-20 70 -> x = 0, T 14 days. F (pending only) and the anonymous sale are not customers.
    """
    insert_shop(con)
    expected = pd.DataFrame(
        {
            "customer_id": [1, 2, 3, 4, 5],
            "frequency": [3, 1, 1, 0, 0],
            "recency_weeks": [92 / 7, 25 / 7, 44 / 7, 0.0, 0.0],
            "T_weeks": [92 / 7, 76 / 7, 63 / 7, 54 / 7, 14 / 7],
            "monetary_value": [95 / 3, 22.0, 30.0, np.nan, np.nan],
            "historic_value": [145.0, 52.0, 70.0, 50.0, 70.0],
        }
    )
    summary = clv_summary(con, date(2024, 3, 5))
    pd.testing.assert_frame_equal(summary[SUMMARY_COLUMNS], expected, check_dtype=False)

    table = clv.customer_value(con).table
    pd.testing.assert_frame_equal(
        table[["customer_id", "frequency", "recency_weeks", "T_weeks", "historic_value"]],
        expected.drop(columns="monetary_value"),
        check_dtype=False,
    )


def test_as_of_keeps_the_whole_day_and_nothing_after(con):
    """As of 2024-01-09: A's two orders of that day (10:00 and 18:00) count as one occasion;
    D's 01-11 order, E's and A's March order are later. A: x = 2, 36 days, repeat spend
    (20 + 50) / 2; B: x = 0, T 20 days; C: x = 0, T 7 days."""
    insert_shop(con)
    expected = pd.DataFrame(
        {
            "customer_id": [1, 2, 3],
            "frequency": [2, 0, 0],
            "recency_weeks": [36 / 7, 0.0, 0.0],
            "T_weeks": [36 / 7, 20 / 7, 1.0],
            "monetary_value": [35.0, np.nan, np.nan],
            "historic_value": [120.0, 30.0, 40.0],
        }
    )
    summary = clv_summary(con, date(2024, 1, 9))
    pd.testing.assert_frame_equal(summary[SUMMARY_COLUMNS], expected, check_dtype=False)


def test_histories_from_the_per_customer_tables_equal_those_from_the_orders(con):
    """clv_summary_current.sql (customer_summary and customer_repeat_spend) gives exactly the
    rows of clv_summary.sql whenever no order is later than the day: the shared shop (two orders
    on one day, a cancelled, a refunded, a pending and an anonymous one) with a credit note of A's
    and one of a contact who never bought, on the last order's day and a month later. Earlier,
    _rfm_summary reads the orders (the tables know only the latest data)."""
    insert_shop(con)
    insert_orders(con, [
        {"customer_id": 1, "ordered_at": "2024-03-05 12:00", "amount": -7.5,
         "status": "credit_note"},
        {"customer_id": 6, "ordered_at": "2024-02-01 12:00", "amount": -3.0,
         "status": "credit_note"},
    ])
    for day in (date(2024, 3, 5), date(2024, 4, 5)):
        from_orders = clv_summary(con, day)
        from_tables = run_sql(con, "clv_summary_current", as_of=day).sort_values(
            "customer_id", ignore_index=True)
        pd.testing.assert_frame_equal(from_tables, from_orders)
        pd.testing.assert_frame_equal(clv._rfm_summary(con, day), from_orders)
    assert from_orders["monetary_value"].tolist()[:3] == [95 / 3, 22.0, 30.0]
    assert from_orders["historic_value"].tolist() == [137.5, 52.0, 70.0, 50.0, 70.0]
    read = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clv, "run_sql", lambda con, name, **params: read.append(name) or run_sql(
            con, name, **params))
        clv._rfm_summary(con, date(2024, 3, 4))
        clv._rfm_summary(con, date(2024, 3, 5))
    assert read == ["clv_summary", "clv_summary_current"]


def test_too_few_repeat_customers_fall_back_to_historic_figures(con):
    insert_shop(con)

    result = clv.customer_value(con)

    assert result.status == "too_few_repeat"
    assert "3" in result.explanation["fr"] and "20" in result.explanation["fr"]
    assert "Too few customers came back to buy (3)" in result.explanation["en"]
    assert result.table["historic_value"].tolist() == [145.0, 52.0, 70.0, 50.0, 70.0]
    for column in clv.PREDICTIONS:
        assert result.table[column].dtype == "Float64"
        assert result.table[column].isna().all()
    assert result.summary["as_of"] == "2024-03-05"
    assert result.summary["n_customers"] == 5
    assert result.summary["n_repeat_customers"] == 3
    assert result.summary["params"] == {"time_unit": "week", "gamma_gamma": None}
    assert result.summary["model"] is None and result.summary["horizon_weeks"] is None
    assert result.summary["backtest"] is None and result.backtest is None
    json.dumps(result.summary, allow_nan=False)


def test_empty_database_has_nothing_to_predict(con):
    result = clv.customer_value(con)
    assert result.status == "no_data"
    assert result.table.empty
    assert list(result.table.columns) == [
        "customer_id", "frequency", "recency_weeks", "T_weeks", "historic_value", *clv.PREDICTIONS
    ]
    assert result.summary["as_of"] is None
    assert clv.backtest(con).figures is None


def test_backtest_counts_holdout_occasions_of_calibration_customers(con):
    """Holdout of 4 weeks before 2024-03-05, so calibration ends 2024-02-06. Known then: A, B,
    C, D. In the holdout C buys on 02-15 (day 9: week 2) and A on 03-05 (day 28: week 4); E is a
    newcomer and does not count. Too few repeat customers to fit: actual figures, no predictions."""
    insert_shop(con)

    result = clv.backtest(con, as_of=date(2024, 3, 5), holdout_weeks=4)

    assert result.calibration_end == date(2024, 2, 6)
    assert result.customers["customer_id"].tolist() == [1, 2, 3, 4]
    assert result.customers["actual"].tolist() == [1, 0, 1, 0]
    assert result.customers["predicted"].isna().all()
    assert result.weekly["week"].tolist() == [1, 2, 3, 4]
    assert result.weekly["week_end"].tolist() == [
        date(2024, 2, 13), date(2024, 2, 20), date(2024, 2, 27), date(2024, 3, 5)
    ]
    assert result.weekly["actual_cumulative"].tolist() == [0, 1, 1, 2]
    assert result.status == "too_few_repeat"
    assert result.figures is None


def test_regular_buyers_give_no_stable_purchase_model(con):
    """30 customers buying every 7 days, none ever stopping: no heterogeneity or dropout to
    estimate, the likelihood keeps improving towards infinite parameters."""
    start = date(2024, 1, 1)
    orders = [
        {"customer_id": c, "ordered_at": f"{start + timedelta(days=c % 7 + 7 * k)} 10:00"}
        for c in range(1, 31)
        for k in range(10)
    ]
    insert_orders(con, [{**order, "amount": 20.0} for order in orders])

    result = clv.customer_value(con)

    assert result.status == "purchases_not_converged"
    assert result.explanation["en"].startswith("No purchase model (BG/NBD, MBG/NBD, Pareto/NBD)")
    for column in clv.PREDICTIONS:
        assert result.table[column].isna().all()
    assert result.table["historic_value"].tolist() == [200.0] * 30
    assert result.summary["model"] is None and result.summary["params"] == {
        "time_unit": "week", "gamma_gamma": None
    }


@pytest.mark.parametrize("weeks", [0, -3, 2.5, True, "52"])
def test_horizon_and_holdout_must_be_whole_weeks(con, weeks):
    with pytest.raises(clv.ClvOptionError) as horizon_error:
        clv.customer_value(con, horizon_weeks=weeks)
    assert "semaines" in horizon_error.value.fr and "weeks" in horizon_error.value.en
    with pytest.raises(clv.ClvOptionError):
        clv.backtest(con, holdout_weeks=weeks)


def cdnow_orders(amount: Callable[[pd.DataFrame], pd.Series] | None = None) -> list[dict]:
    """Each CDNOW transaction as a paid order at noon, ``amount(raw)`` replacing the amounts."""
    raw = pd.read_csv(
        CDNOW, sep=r"\s+", header=None, names=["master_id", "customer_id", "date", "cds", "amount"],
        dtype={"date": str},
    )
    raw["ordered_at"] = pd.to_datetime(raw["date"], format="%Y%m%d").dt.strftime("%Y-%m-%d 12:00")
    if amount is not None:
        raw["amount"] = amount(raw)
    return raw[["customer_id", "ordered_at", "amount"]].to_dict("records")


@pytest.fixture(scope="module")
def cdnow_db():
    connection = store.connect(":memory:")
    insert_orders(connection, cdnow_orders())
    yield connection
    connection.close()


def paid_occasions() -> pd.DataFrame:
    """CDNOW occasions that are Comptoir occasions: positive spend. Eight customers' only
    purchase is $0.00, so they are not customers here (2,349 instead of the paper's 2,357)."""
    occasions = cdnow_occasions()
    return occasions[occasions["amount"] > 0]


def test_cdnow_through_the_database_matches_the_models(cdnow_db):
    """The SQL summary equals the pandas one, so the fits are those of the model tests: the
    published Gamma-Gamma parameters exactly (repeat customers are the same 946), and BG/NBD
    parameters within 0.01 of the published ones (without the eight $0.00 customers).

    Asked for 39 weeks on 39 weeks of history, the forecast is shortened to the 19 weeks its
    backtest can check (calibration up to 1997-06-10, holdout the last 19 weeks), where BG/NBD
    comes closest; it is then refitted on the whole 39 weeks."""
    result = clv.customer_value(cdnow_db, as_of=date(1997, 9, 30), horizon_weeks=39)

    assert result.status == "ok" and result.explanation is None
    summary = rfm_summary(paid_occasions(), CALIBRATION_END)
    table = result.table.set_index("customer_id")
    assert list(table.index) == list(summary.index)
    assert (table["frequency"] == summary["frequency"]).all()
    np.testing.assert_allclose(table["recency_weeks"], summary["recency"], rtol=1e-12)
    np.testing.assert_allclose(table["T_weeks"], summary["T"], rtol=1e-12)

    assert result.summary["n_customers"] == 2349
    assert result.summary["n_repeat_customers"] == 946
    assert result.summary["requested_horizon_weeks"] == 39
    assert result.summary["horizon_weeks"] == result.summary["holdout_weeks"] == 19
    assert "19 semaines au lieu de 39" in result.summary["horizon_note"]["fr"]
    assert result.summary["model"] == result.backtest.model == "bg_nbd"
    assert result.summary["model_reason"]["fr"].startswith("BG/NBD retenu : sur les 19 dernières")
    params = result.summary["params"]
    assert set(params) == {"time_unit", "bg_nbd", "gamma_gamma"}
    direct = bgnbd.fit(summary["frequency"], summary["recency"], summary["T"])
    for name, published in {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}.items():
        assert params["bg_nbd"][name] == pytest.approx(getattr(direct, name), rel=1e-9)
        assert params["bg_nbd"][name] == pytest.approx(published, rel=0.01)
    assert abs(params["gamma_gamma"]["p"] - 6.25) < 0.005
    assert abs(params["gamma_gamma"]["q"] - 3.74) < 0.005
    assert abs(params["gamma_gamma"]["gamma"] - 15.44) < 0.005
    assert result.summary["spend_frequency_correlation"] == pytest.approx(0.1139, abs=5e-5)
    json.dumps(result.summary, allow_nan=False)

    alive = table["p_alive"].to_numpy(dtype=float)
    assert ((alive >= 0) & (alive <= 1)).all()
    assert (alive[table["frequency"] == 0] == 1.0).all()
    np.testing.assert_allclose(
        table["expected_revenue"].to_numpy(float),
        table["expected_purchases"].to_numpy(float) * table["expected_spend"].to_numpy(float),
        rtol=1e-12,
    )
    gg = params["gamma_gamma"]
    one_timers = table.loc[table["frequency"] == 0, "expected_spend"].to_numpy(float)
    np.testing.assert_allclose(one_timers, gg["p"] * gg["gamma"] / (gg["q"] - 1), rtol=1e-12)
    np.testing.assert_allclose(
        table["expected_purchases"].to_numpy(float),
        bgnbd.expected_purchases(direct, 19, summary["frequency"], summary["recency"],
                                 summary["T"]),
        rtol=1e-9,
    )


def test_too_short_a_history_gets_a_warning_not_an_unchecked_forecast(cdnow_db):
    """Seven weeks after the first CDNOW purchase: 3 weeks to check, below the 4-week minimum."""
    result = clv.customer_value(cdnow_db, as_of=date(1997, 2, 19), horizon_weeks=52)

    assert result.status == "history_too_short"
    assert "7 semaines" in result.explanation["fr"] and "7 weeks" in result.explanation["en"]
    assert result.table["expected_purchases"].isna().all()
    assert result.summary["horizon_weeks"] is None and result.backtest is None


def test_cdnow_backtest_on_the_papers_holdout(cdnow_db):
    """Weeks 40-78 of the paper as the holdout: calibration ends 1997-09-30. Each model's
    figures are its own fit's; Pareto/NBD's total comes closest to the actual 1,882 and is
    chosen; revenue is its expectations x Gamma-Gamma's expected spend."""
    result = clv.backtest(cdnow_db, as_of=date(1998, 6, 30), holdout_weeks=39)

    assert result.status == "ok"
    assert result.calibration_end == date(1997, 9, 30)
    occasions = paid_occasions()
    known = occasions.loc[occasions["day"] <= CALIBRATION_END, "customer"].unique()
    later = occasions[(occasions["day"] > CALIBRATION_END) & occasions["customer"].isin(known)]
    assert result.figures["actual_total"] == len(later) == 1882
    assert result.figures["actual_revenue"] == pytest.approx(later["amount"].sum(), rel=1e-12)
    assert result.customers["actual"].tolist() == (
        later.groupby("customer").size()
        .reindex(result.customers["customer_id"], fill_value=0).tolist()
    )

    summary = rfm_summary(occasions, CALIBRATION_END)
    x, t_x, T = summary["frequency"], summary["recency"], summary["T"]
    errors = {}
    for key, module in clv.PURCHASE_MODELS.items():
        predicted = module.expected_purchases(module.fit(x, t_x, T), 39, x, t_x, T)
        errors[key] = predicted.sum() / 1882 - 1
        figures = result.figures["models"][key]
        assert figures["relative_error"] == pytest.approx(errors[key], rel=1e-9)
        mae = np.abs(predicted - result.customers["actual"]).mean()
        assert figures["mae"] == pytest.approx(mae, rel=1e-9)
    assert result.model == result.figures["model"] == min(errors, key=lambda k: abs(errors[k]))
    assert result.model == "pareto_nbd"
    chosen = pareto_nbd.expected_purchases(pareto_nbd.fit(x, t_x, T), 39, x, t_x, T)
    assert result.figures["n_customers"] == 2349
    assert result.figures["predicted_total"] == pytest.approx(chosen.sum(), rel=1e-9)
    assert result.figures["relative_error"] == pytest.approx(chosen.sum() / 1882 - 1, rel=1e-9)
    spend = gamma_gamma.fit(x, summary["monetary_value"])
    revenue = chosen @ gamma_gamma.expected_spend(spend, x, summary["monetary_value"])
    assert result.figures["predicted_revenue"] == pytest.approx(revenue, rel=1e-6)
    assert result.figures["revenue_relative_error"] == pytest.approx(
        revenue / later["amount"].sum() - 1, rel=1e-6)

    error = round(abs(result.figures["relative_error"]) * 100)
    verb_fr, verb_en = ("surestimé", "over-estimated") if errors["pareto_nbd"] > 0 else (
        "sous-estimé", "under-estimated")
    assert result.words["fr"].startswith(
        f"Sur les 39 dernières semaines, ces prévisions auraient {verb_fr} vos achats de {error} %"
    )
    assert result.words["en"].startswith(
        f"Over the last 39 weeks, these forecasts would have {verb_en} your purchases by {error}%"
    )
    assert result.reason["en"].startswith("Pareto/NBD chosen: over the last 39 weeks")

    weekly = result.weekly
    assert len(weekly) == 39 and weekly["week_end"].iloc[-1] == date(1998, 6, 30)
    assert weekly["actual_cumulative"].iloc[-1] == 1882
    cumulative = weekly["predicted_cumulative"].to_numpy(float)
    assert (np.diff(cumulative) > 0).all()
    assert cumulative[-1] == pytest.approx(chosen.sum(), rel=1e-9)
    json.dumps(result.figures, allow_nan=False)


def test_spend_that_grows_with_frequency_keeps_only_purchase_predictions():
    """Every order of a customer priced 10 x their number of orders: Gamma-Gamma's independence
    assumption fails, purchases are still predicted."""
    connection = store.connect(":memory:")
    def ten_times_orders(raw: pd.DataFrame) -> pd.Series:
        return 10.0 * raw.groupby("customer_id")["customer_id"].transform("size")

    insert_orders(connection, cdnow_orders(ten_times_orders))

    result = clv.customer_value(connection, as_of=date(1997, 9, 30))

    assert result.status == "spend_depends_on_frequency"
    correlation = result.summary["spend_frequency_correlation"]
    assert correlation > clv.MAX_SPEND_FREQUENCY_CORRELATION
    assert f"{correlation:.2f}" in result.explanation["en"]
    table = result.table
    assert table["p_alive"].notna().all() and table["expected_purchases"].notna().all()
    assert table["expected_spend"].isna().all() and table["expected_revenue"].isna().all()
    assert result.summary["params"]["gamma_gamma"] is None
    assert result.summary["backtest"] is not None
    assert result.summary["backtest"]["predicted_revenue"] is None
    connection.close()


def test_fits_are_kept_per_data_version_and_predictions_recomputed_from_them():
    """The first call fits and keeps one row; the second reads it (no fitting: the models are
    made to fail) and recomputes the same predictions from the kept parameters; an import
    (a new data version) drops the row of the old one."""
    connection = store.connect(":memory:")
    insert_orders(connection, cdnow_orders())
    as_of = date(1997, 9, 30)
    fitted = clv.kept_customer_value(connection, as_of, 39)
    rows = connection.execute("select as_of, horizon_weeks from clv_fits").fetchall()
    assert rows == [(as_of, 39)]

    def no_fit(*args, **kwargs):
        raise AssertionError("refitted")

    with pytest.MonkeyPatch.context() as patch:
        for module in clv.PURCHASE_MODELS.values():
            patch.setattr(module, "fit", no_fit)
        patch.setattr(gamma_gamma, "fit", no_fit)
        kept = clv.kept_customer_value(connection, as_of, 39)
    assert kept.summary == json.loads(json.dumps(fitted.summary))
    assert (kept.status, kept.explanation) == (fitted.status, fitted.explanation)
    pd.testing.assert_frame_equal(kept.table, fitted.table, check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(kept.backtest.weekly, fitted.backtest.weekly)
    for field in ("status", "as_of", "calibration_end", "holdout_weeks", "figures", "model",
                  "words", "reason"):
        assert getattr(kept.backtest, field) == getattr(fitted.backtest, field)
    assert kept.backtest.customers.empty

    insert_orders(connection, [{"customer_id": 1, "ordered_at": "1997-09-30 15:00",
                                "amount": 10.0}])
    clv.kept_customer_value(connection, as_of, 39)
    versions = connection.execute("select distinct import_version from clv_fits").fetchall()
    assert versions == [(store.data_version(connection)[0],)]
    connection.close()


def not_computable(*args, **kwargs):
    """What metrics.pareto_nbd raises where scipy's hyp2f1 gives NaN (pareto_nbd._check_tail)."""
    raise FloatingPointError("Pareto/NBD likelihood not computable for these parameters and "
                             "histories (r=0.5, alpha=10, s=0.6, beta=12)")


def test_a_model_that_cannot_be_computed_is_left_out_of_the_backtest_with_its_reason(cdnow_db):
    """The paper's holdout, where Pareto/NBD would be chosen (test above): with its likelihood
    not computable, the backtest chooses among the two others and says why in its JSON."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pareto_nbd, "fit", not_computable)
        result = clv.backtest(cdnow_db, as_of=date(1998, 6, 30), holdout_weeks=39)

    assert result.status == "ok" and result.model in ("bg_nbd", "mbg_nbd")
    assert result.figures["models"]["pareto_nbd"] is None
    assert result.figures["not_fitted"] == {
        "pareto_nbd": "not computable: Pareto/NBD likelihood not computable for these "
        "parameters and histories (r=0.5, alpha=10, s=0.6, beta=12)"}
    assert "Pareto/NBD" not in result.reason["fr"]
    json.dumps(result.figures, allow_nan=False)


def test_the_next_model_predicts_when_the_chosen_one_cannot_be_computed_on_the_whole_history(
        cdnow_db):
    """As of 1998-06-30 over 39 weeks the backtest chooses Pareto/NBD; made not computable on
    the whole history (its second fit), the model next in the backtest predicts, and the
    summary says so instead of showing no forecast."""
    real_fit, calls = pareto_nbd.fit, []

    def second_fails(*args, **kwargs):
        calls.append(1)
        return real_fit(*args, **kwargs) if len(calls) == 1 else not_computable()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pareto_nbd, "fit", second_fails)
        result = clv.customer_value(cdnow_db, as_of=date(1998, 6, 30), horizon_weeks=39)

    assert result.backtest.model == "pareto_nbd"
    ranked = sorted(("bg_nbd", "mbg_nbd"),
                    key=lambda k: abs(result.backtest.figures["models"][k]["relative_error"]))
    assert result.status == "ok" and result.summary["model"] == ranked[0]
    assert result.table["expected_purchases"].notna().all()
    assert list(result.summary["models_not_used"]) == ["pareto_nbd"]
    assert result.summary["models_not_used"]["pareto_nbd"].startswith("not computable: ")
    assert result.summary["model_reason"]["fr"].endswith(
        f"Pareto/NBD ne se calcule pas sur tout l'historique : {clv.MODEL_NAMES[ranked[0]]}, "
        "le suivant du test, fait les prévisions.")
    json.dumps(result.summary, allow_nan=False)


def test_forecasts_are_refitted_and_kept_for_both_horizons_after_a_change():
    """refit_after_change keeps the fits of the latest day over 52 and 13 weeks (CDNOW's 78
    weeks: 39 and 13 checked), which the pages then read without fitting; a failure says so in
    one line and keeps nothing."""
    connection = store.connect(":memory:")
    insert_orders(connection, cdnow_orders())

    words = clv.refit_after_change(connection)

    assert words["fr"].startswith("Prévisions recalculées (modèle ")
    assert words["en"].startswith("Forecasts refreshed (")
    assert connection.execute(
        "select as_of, horizon_weeks from clv_fits order by horizon_weeks").fetchall() == [
        (date(1998, 6, 30), 13), (date(1998, 6, 30), 52)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clv, "customer_value", not_computable)
        for weeks in clv.KEPT_HORIZONS:
            assert clv.kept_customer_value(connection, None, weeks).status == "ok"

    connection.execute("delete from clv_fits")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clv, "customer_value", not_computable)
        failed = clv.refit_after_change(connection)
    assert failed["fr"] == ("Prévisions non recalculées maintenant : la page Valeur client les "
                            "calculera à son ouverture.")
    assert failed["en"].startswith("Forecasts not refreshed now (FloatingPointError: ")
    assert connection.execute("select count(*) from clv_fits").fetchone()[0] == 0
    connection.close()


def test_a_refit_whose_second_fit_cannot_be_written_keeps_neither():
    """Both horizons' fits are written in one transaction: the first was written on a cursor of
    its own and stayed when the second failed."""
    connection = store.connect(":memory:")
    insert_orders(connection, cdnow_orders())
    written, real = [], clv.run

    def failing_second(cur, name, **params):
        if name == "clv_fit_keep":
            written.append(name)
            if len(written) == 2:
                raise OSError("disk gone")
        return real(cur, name, **params)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clv, "run", failing_second)
        failed = clv.refit_after_change(connection)

    assert failed["en"].startswith("Forecasts not refreshed now (OSError: ")
    assert connection.execute("select count(*) from clv_fits").fetchone()[0] == 0
    connection.close()


def test_a_refit_reads_the_whole_history_once_for_both_horizons():
    """The customers' histories as of the latest day are the same for 52 and 13 weeks: one
    clv_summary query serves both (the backtests read theirs at their calibration dates)."""
    connection = store.connect(":memory:")
    insert_orders(connection, cdnow_orders())
    read, real = [], clv._rfm_summary

    def recording(con, as_of):
        read.append(as_of)
        return real(con, as_of)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clv, "_rfm_summary", recording)
        clv.refit_after_change(connection)

    assert read.count(date(1998, 6, 30)) == 1
    assert len(read) == 3
    assert date(1998, 6, 30) - timedelta(weeks=13) in read
    connection.close()


def test_a_failed_refit_leaves_the_import_done_and_its_exit_code_zero(tmp_path, capsys):
    db = tmp_path / "refit.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clv, "customer_value", not_computable)
        code = cli.main([str(DEMO_SALES), "--db", str(db)], after_import=clv.refit_after_change)

    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Prévisions non recalculées")
    with store.connect(db) as connection:
        assert connection.execute("select count(*) from orders").fetchone()[0] == 6125
        assert connection.execute("select count(*) from clv_fits").fetchone()[0] == 0


def test_a_missing_range_is_said_in_a_sentence():
    table = pd.DataFrame({"expected_purchases": [1.0, 2.0], "expected_revenue": [10.0, 20.0]})
    forecast = clv._forecast(table, None)
    assert forecast["expected_purchases_range"] is None
    assert forecast["range_note"]["fr"].startswith("Pas de fourchette pour cette prévision : ")
    assert forecast["range_note"]["en"].startswith("No range for this forecast: ")


def test_progress_names_each_model_as_it_is_fitted(cdnow_db):
    """What the page's bar says while nothing is kept: the three purchase models and
    Gamma-Gamma on the backtest's weeks, then the chosen one on the whole history, then its
    ranges, at growing fractions of the work."""
    heard = []
    result = clv.customer_value(cdnow_db, as_of=date(1997, 9, 30), horizon_weeks=39,
                                progress=lambda fraction, stage, model: heard.append(
                                    (fraction, stage, model)))
    assert [(stage, model) for _, stage, model in heard] == [
        ("backtest", "BG/NBD"), ("backtest", "MBG/NBD"), ("backtest", "Pareto/NBD"),
        ("backtest", "Gamma-Gamma"), ("fit", "BG/NBD"), ("fit", "Gamma-Gamma"),
        ("ranges", "BG/NBD")]
    assert result.summary["model"] == "bg_nbd"
    fractions = [fraction for fraction, _, _ in heard]
    assert fractions == sorted(fractions) and 0.0 <= fractions[0] and fractions[-1] < 1.0


@pytest.mark.parametrize("model", list(clv.PURCHASE_MODELS))
def test_expected_purchases_given_p_alive_are_the_same(model):
    """_table passes each customer's P(alive) to the expectation instead of computing it twice:
    the figures are exactly those computed inside."""
    module = clv.PURCHASE_MODELS[model]
    params = clv.PARAM_TYPES[model](0.55, 10.6, 0.8, 2.4, -1.0, 4, True)
    x, t_x, age = np.array([0.0, 1, 3, 7]), np.array([0.0, 2, 10, 30]), np.array([5.0, 8, 20, 40])
    alive = module.p_alive(params, x, t_x, age)
    np.testing.assert_array_equal(
        module.expected_purchases(params, 13.0, x, t_x, age, alive=alive),
        module.expected_purchases(params, 13.0, x, t_x, age))
