"""``python -m metrics`` on a temporary database file holding the hand-computed shop."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import store
from metrics.cli import main, neutralise_formulas
from store.errors import ComptoirError
from sample_data.demo import load_demo
from tests.metrics.factories import insert_orders, insert_shop

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shop_db(tmp_path):
    path = tmp_path / "shop.duckdb"
    con = store.connect(path)
    insert_shop(con)
    con.close()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_kpis_json(capsys, shop_db):
    code, out, _ = run(capsys, "kpis", "--db", shop_db, "--week", "2024-01-10", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["week_start"] == "2024-01-08"  # any day picks its ISO week
    assert list(report["metrics"]) == [
        "revenue", "orders", "customers", "new_customers", "returning_customers",
        "average_basket", "repeat_rate",
    ]
    assert report["metrics"]["revenue"] == {
        "this_week": 134.0, "last_week": 40.0, "last_year": 0.0,
        "change_last_week": 2.35, "change_last_year": None,
    }
    assert report["metrics"]["repeat_rate"]["last_week"] == 0.3333  # 1/3 rounded to 4 decimals
    # a rate's change is a difference (1/2 - 1/3), 4 decimals so a 0.4 point move shows
    assert report["metrics"]["repeat_rate"]["change_last_week"] == 0.1667
    assert report["metrics"]["average_basket"]["last_year"] is None


def test_kpis_default_week_and_as_of(capsys, shop_db):
    code, out, _ = run(capsys, "kpis", "--db", shop_db)
    assert code == 0
    assert out.splitlines()[0] == "Début de semaine : 04/03/2024"  # week of the latest order
    assert out.splitlines()[4].split() == [
        "Chiffre", "d'affaires", "25", "0", "0", "–", "–", "EUR"]
    assert out.splitlines()[10].split() == [
        "Taux", "de", "réachat", "0,6", "0,6", "–", "0", "–", "–"]
    code, out, _ = run(capsys, "kpis", "--db", shop_db, "--lang", "en")
    assert out.splitlines()[:3] == [
        "Week start : 2024-03-04",
        "Currency : EUR",
        "                     This week  Last week  Last year  Change on last week  "
        "Change on last year Currency"]
    code, out, _ = run(capsys, "kpis", "--db", shop_db, "--as-of", "2024-01-14", "--format", "json")
    assert json.loads(out)["week_start"] == "2024-01-08"


def test_cohorts_csv(capsys, shop_db):
    code, out, _ = run(capsys, "cohorts", "--db", shop_db, "--period", "quarter", "--format", "csv")
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert table["cohort"].tolist() == ["2023-10-01", "2023-10-01", "2024-01-01"]
    assert table["period_index"].tolist() == [0, 1, 0]
    assert table["cumulative_revenue_per_customer"].tolist() == [50.0, 98.5, 63.33]


def test_repeat_json(capsys, shop_db):
    code, out, _ = run(
        capsys, "repeat", "--db", shop_db, "--as-of", "2024-03-05", "--format", "json"
    )
    assert code == 0
    report = json.loads(out)
    headline = ("as_of", "customers", "repeat_customers", "repeat_rate")
    assert {key: report[key] for key in headline} == {
        "as_of": "2024-03-05", "customers": 5, "repeat_customers": 3, "repeat_rate": 0.6
    }
    assert [row["customers"] for row in report["orders_per_customer"]] == [2, 2, 0, 0, 1]
    assert report["repeat_rate_by_cohort"][0] == {
        "cohort": "2023-12-01", "customers": 2, "repeat_customers": 2, "repeat_rate": 1.0
    }


@pytest.fixture
def twenty_db(tmp_path):
    """20 customers (MIN_RANKED_CUSTOMERS), one order each, on 20 days of March 2024."""
    path = tmp_path / "twenty.duckdb"
    con = store.connect(path)
    insert_orders(con, [{"customer_id": i, "ordered_at": f"2024-03-{i:02d} 10:00", "amount": 10.0}
                        for i in range(1, 21)])
    con.close()
    return str(path)


def test_rfm_json_carries_customers_only_in_a_file(capsys, twenty_db, tmp_path):
    code, out, _ = run(capsys, "rfm", "--db", twenty_db, "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert "customers" not in report and "note" not in report
    assert len(report["segments"]) == 11
    out_file = tmp_path / "rfm.json"
    code, out, _ = run(capsys, "rfm", "--db", twenty_db, "--format", "json", "--out", str(out_file))
    assert (code, out) == (0, "")
    customers = json.loads(out_file.read_text(encoding="utf-8"))["customers"]
    # As of 20 March everyone bought within 30 days: R 4 or 5 by rank, one order: F1.
    assert {row["segment"] for row in customers} == {"new", "promising"}
    assert customers[0]["segment_fr"] == "Prometteurs"


def test_rfm_of_a_small_shop_lists_customers_by_last_order(capsys, shop_db, tmp_path):
    code, out, _ = run(capsys, "rfm", "--db", shop_db)
    assert code == 0
    assert ("Note : Pas encore assez de clients pour des segments par rang (il en faut 20, vous "
            "en avez 5). Voici vos clients par date du dernier achat.") in out
    out_file = tmp_path / "rfm.csv"
    code, _, _ = run(capsys, "rfm", "--db", shop_db, "--format", "csv", "--out", str(out_file))
    assert code == 0
    table = pd.read_csv(out_file)
    assert table.columns.tolist() == [
        "customer_id", "recency_days", "frequency", "monetary", "currency"]
    assert table["customer_id"].tolist() == [1, 5, 3, 2, 4]
    assert table["recency_days"].tolist() == [0, 14, 19, 51, 54]


@pytest.fixture
def fake_clv(monkeypatch):
    """Stand-in for metrics.clv with the contract the CLI relies on (records its calls)."""
    calls = []

    def customer_value(con, as_of=None):
        calls.append(as_of)
        if as_of == date(2000, 1, 1):
            raise ComptoirError("Date d'analyse avant toute commande.", "Date before any order.")
        table = pd.DataFrame({"customer_id": [1, 2], "note": ["=HYPERLINK(\"x\")", "ok"]})
        return types.SimpleNamespace(summary={"status": "ok", "n_customers": 2}, table=table)

    def customer_rows(result):
        return result.table

    fake = types.SimpleNamespace(kept_customer_value=customer_value, customer_rows=customer_rows)
    monkeypatch.setitem(sys.modules, "metrics.clv", fake)
    return calls


def test_clv_formats(capsys, shop_db, tmp_path, fake_clv):
    code, out, _ = run(capsys, "clv", "--db", shop_db, "--as-of", "2024-02-01", "--format", "json")
    assert (code, json.loads(out)) == (0, {"status": "ok", "n_customers": 2, "currency": "EUR"})
    assert fake_clv == [date(2024, 2, 1)]
    out_file = tmp_path / "clv.json"
    run(capsys, "clv", "--db", shop_db, "--format", "json", "--out", str(out_file))
    assert json.loads(out_file.read_text(encoding="utf-8"))["customers"][0]["customer_id"] == 1
    code, out, _ = run(capsys, "clv", "--db", shop_db, "--format", "csv")
    assert out.splitlines()[1] == '1,"\'=HYPERLINK(""x"")"'  # never a live formula in Excel


def test_clv_customers_without_predictions_keep_the_historic_values(capsys, shop_db):
    """The hand-computed shop (factories.py): 3 repeat customers, too few to fit a model, so
    every prediction and the model are empty and the historic values are the spend to date."""
    code, out, _ = run(capsys, "clv", "--db", shop_db, "--customers", "--format", "csv")
    assert code == 0
    rows = pd.read_csv(io.StringIO(out))
    assert list(rows.columns) == [
        "customer_id", "model", "p_alive", "expected_purchases", "expected_spend",
        "predicted_value", "days_overdue", "historic_value", "frequency", "recency_weeks",
        "T_weeks", "currency",
    ]
    assert rows["customer_id"].tolist() == [1, 2, 3, 4, 5]
    assert rows["historic_value"].tolist() == [145.0, 52.0, 70.0, 50.0, 70.0]
    assert rows["frequency"].tolist() == [3, 1, 1, 0, 0]
    assert rows[["model", "p_alive", "predicted_value"]].isna().all().all()

    code, out, _ = run(capsys, "clv", "--db", shop_db, "--customers", "--format", "json")
    payload = json.loads(out)
    assert (payload["status"], payload["model"], payload["horizon_weeks"]) == (
        "too_few_repeat", None, None)
    assert payload["customers"][0] == {
        "customer_id": 1, "model": None, "p_alive": None, "expected_purchases": None,
        "expected_spend": None, "predicted_value": None, "days_overdue": None,
        "historic_value": 145.0,
        "frequency": 3, "recency_weeks": pytest.approx(92 / 7), "T_weeks": pytest.approx(92 / 7),
    }


@pytest.fixture(scope="module")
def cdnow_file(tmp_path_factory):
    from tests.metrics.test_clv import cdnow_orders
    from tests.metrics.factories import insert_orders

    path = tmp_path_factory.mktemp("cdnow") / "cdnow.duckdb"
    con = store.connect(path)
    insert_orders(con, cdnow_orders())
    con.close()
    return str(path)


def test_clv_customers_and_parameters_on_cdnow(capsys, cdnow_file, tmp_path):
    """CDNOW as of 1997-09-30 (the paper's calibration end): BG/NBD chosen over 19 weeks
    (tests/metrics/test_clv.py). The JSON carries its four parameters under "bg_nbd", the
    horizon and the backtest's holdout; each customer's row is clv.customer_value's, and its
    P(alive) is the formula of Fader, Hardie & Lee (note 021) on those parameters."""
    code, out, _ = run(capsys, "clv", "--db", cdnow_file, "--as-of", "1997-09-30",
                       "--format", "json")
    summary = json.loads(out)
    assert code == 0 and summary["model"] == "bg_nbd"
    assert (summary["horizon_weeks"], summary["holdout_weeks"]) == (19, 19)
    params = summary["params"]["bg_nbd"]
    assert set(params) == {"r", "alpha", "a", "b"}

    out_file = tmp_path / "clients.csv"
    code, _, _ = run(capsys, "clv", "--db", cdnow_file, "--as-of", "1997-09-30", "--customers",
                     "--format", "csv", "--out", str(out_file))
    rows = pd.read_csv(out_file)
    con = store.connect(cdnow_file)
    try:
        from metrics.clv import customer_value

        table = customer_value(con, date(1997, 9, 30)).table
    finally:
        con.close()
    assert code == 0 and len(rows) == 2349 and (rows["model"] == "bg_nbd").all()
    assert rows["customer_id"].tolist() == table["customer_id"].tolist()
    for shown, column in [("p_alive", "p_alive"), ("expected_purchases", "expected_purchases"),
                          ("predicted_value", "expected_revenue")]:
        assert rows[shown].to_numpy() == pytest.approx(table[column].to_numpy(float), rel=1e-12)
    # Customer 1 bought on 1997-01-01, 01-18 and 08-02 up to 1997-09-30: x = 2 repeat
    # occasions, the last 213 days after the first, T = 272 days.
    first = rows.iloc[0]
    assert (first["frequency"], first["recency_weeks"], first["T_weeks"]) == pytest.approx(
        (2, 213 / 7, 272 / 7))
    r, alpha, a, b = params["r"], params["alpha"], params["a"], params["b"]
    odds = a / (b + 1) * ((alpha + 272 / 7) / (alpha + 213 / 7)) ** (r + 2)
    assert first["p_alive"] == pytest.approx(1 / (1 + odds), rel=1e-9)


def test_user_error_prints_french_sentence_and_exits_2(capsys, shop_db, fake_clv):
    code, out, err = run(capsys, "clv", "--db", shop_db, "--as-of", "2000-01-01")
    assert (code, out, err) == (2, "", "Date d'analyse avant toute commande.\n")


def test_unreadable_database_exits_2(capsys, tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("pas une base", encoding="utf-8")
    code, out, err = run(capsys, "rfm", "--db", str(bad))
    assert (code, out) == (2, "")
    assert err.startswith("Impossible d'ouvrir la base") and err.count("\n") == 1


def test_empty_database(capsys, tmp_path, monkeypatch):
    for command in ("kpis", "cohorts", "repeat", "rfm", "clv"):
        code, out, _ = run(capsys, command, "--db", str(tmp_path / "new.duckdb"))
        assert (code, out) == (0, "La base ne contient encore aucune commande : importez un "
                               "fichier de commandes avec « python -m ingest FICHIER », puis "
                               "relancez cette commande.\n")
    monkeypatch.setenv("COMPTOIR_LANG", "en")
    code, out, _ = run(capsys, "kpis", "--db", str(tmp_path / "new.duckdb"))
    assert (code, out) == (0, "The database holds no order yet: import a file of orders with "
                           "“python -m ingest FILE”, then run this command again.\n")


def test_bad_date_is_rejected_in_the_language_asked(capsys, shop_db):
    with pytest.raises(SystemExit) as exit_info:
        main(["kpis", "--db", shop_db, "--as-of", "31/03/2024"])
    assert exit_info.value.code == 2
    assert "date invalide « 31/03/2024 » : écrivez-la AAAA-MM-JJ" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["kpis", "--db", shop_db, "--as-of", "31/03/2024", "--lang", "en"])
    assert "invalid date “31/03/2024”: write it YYYY-MM-DD" in capsys.readouterr().err


def test_neutralise_formulas():
    table = pd.DataFrame(
        {"name": ["=1+1", "+33 6", "-x", "@a", "\tb", "Zoé = moi", None], "n": range(7)}
    )
    safe = neutralise_formulas(table)
    assert safe["name"].iloc[:6].tolist() == ["'=1+1", "'+33 6", "'-x", "'@a", "'\tb", "Zoé = moi"]
    assert pd.isna(safe["name"].iloc[6])
    assert safe["n"].tolist() == list(range(7))


def test_python_dash_m(shop_db):
    result = subprocess.run(
        [sys.executable, "-m", "metrics", "repeat", "--db", shop_db, "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["median_days_between_orders"] == 24.5


@pytest.mark.parametrize("command", [["kpis", "--format", "csv"], ["report", "--week", "2026-W46"]])
def test_unwritable_out_file_is_one_sentence_not_a_traceback(tmp_path, capsys, command):
    """Regression: an --out path in a missing folder raised FileNotFoundError."""
    db = tmp_path / "shop.duckdb"
    con = store.connect(db)
    load_demo(con)
    con.close()
    target = tmp_path / "missing" / "out.html"
    assert main([*command, "--db", str(db), "--out", str(target)]) == 2
    assert capsys.readouterr().err.startswith(f"Impossible d'écrire « {target} »")


def test_segment_win_back_options(capsys, shop_db):
    """Too few repeat customers in the hand-computed shop for the models: nobody has a
    P(alive), so nobody passes --min-p-alive, and the list says which filters were asked."""
    code, out, _ = run(capsys, "segment", "--db", shop_db, "--no-consent-only", "--min-p-alive",
                       "0.5", "--min-predicted-value", "100", "--min-days-overdue", "30",
                       "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["people"] == 0
    assert payload["description"] == ("probabilité d'être actif d'au moins 0,5 ; valeur prévue "
                                       "d'au moins 100\u00a0€ ; en retard d'au moins 30 jours")
