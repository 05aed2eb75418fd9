"""``python -m metrics aftersales`` and the segment export's open complaints, on a database file
holding the hand-computed after-sales shop of test_aftersales."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import store
from metrics.cli import main
from tests.metrics.test_aftersales import after_sales_shop


@pytest.fixture
def shop_db(tmp_path):
    path = tmp_path / "shop.duckdb"
    con = store.connect(path)
    after_sales_shop(con)
    con.close()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_the_issues_keys(capsys, shop_db):
    code, out, _ = run(capsys, "aftersales", "--db", shop_db, "--as-of", "2025-06-30",
                       "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["since"], report["as_of"], report["currency"]) == (
        "2024-07-01", "2025-06-30", "EUR")
    assert report["refund_rate_orders"] == 0.5
    assert report["refund_rate_revenue"] == pytest.approx(100 / 530)
    assert report["nps"] == pytest.approx(100 / 6)
    assert report["csat"] == 0.5
    assert report["tickets_per_100_orders"] == 50.0
    # refunded customers 1 (10/01 then refund 14/02), 2, 5: none bought on a later day
    assert report["repeat_rate_after_refund"] == 0.0
    assert report["refunded_customers"] == 3
    assert "repeat_rate_without_refund" in report
    assert [row["event"] for row in report["loyalty"]] == ["refund", "ticket", "low_score"]


def test_csv_is_one_row_of_figures(capsys, shop_db):
    code, out, _ = run(capsys, "aftersales", "--db", shop_db, "--as-of", "2025-06-30",
                       "--format", "csv")
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["refund_rate_orders"], row["csat"], row["tickets_per_100_orders"]) == (
        0.5, 0.5, 50.0)
    assert pd.isna(row["repeat_rate_without_refund"])  # nobody comparable in this tiny shop
    assert row["currency"] == "EUR"


def test_table_names_each_figure_by_its_glossary_term(capsys, shop_db):
    code, out, _ = run(capsys, "aftersales", "--db", shop_db, "--as-of", "2025-06-30")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "12 derniers mois, du 01/07/2024 au 30/06/2025"
    assert "Taux de remboursement (commandes) : 50,0\u00a0% (3 remboursements sur 6 commandes)" in lines
    assert "NPS : 16,7 (6 réponses)" in lines
    assert "Délai de remboursement : 7 jours (2 remboursements datés)" in lines
    # no sales file says which items came back (docs/formats-after-sale.md): said, not a 0 %
    assert lines[lines.index("Délai de remboursement : 7 jours (2 remboursements datés)") + 1] == (
        "Retours : vos fichiers de ventes disent ce qui a été remboursé, pas quels articles sont "
        "revenus ; aucun taux de retour n'est donc calculé. Un article renvoyé et remboursé compte "
        "dans le taux de remboursement.")
    assert not any(line.startswith("Taux de retour") for line in lines)
    assert "Délai de première réponse : 4 heures" in lines
    assert lines[-1].startswith("Une association, pas une preuve")


def test_segment_export_leaves_open_complaints_out_unless_asked(capsys, shop_db, tmp_path,
                                                              monkeypatch):
    # customer 3's ticket is open today (no resolution)
    out_file = tmp_path / "liste.csv"
    code, out, _ = run(capsys, "segment", "--db", shop_db, "--no-consent-only", "--format",
                       "csv", "--out", str(out_file))
    assert code == 0
    assert "1 client laissé de côté pour une réclamation ouverte" in out
    exported = out_file.read_text(encoding="utf-8-sig")
    assert "client3@example.fr" not in exported and "client1@example.fr" in exported
    code, out, _ = run(capsys, "segment", "--db", shop_db, "--no-consent-only", "--format",
                       "csv", "--out", str(out_file), "--open-complaints")
    assert code == 0
    assert "réclamation" not in out
    assert "client3@example.fr" in out_file.read_text(encoding="utf-8-sig")
    code, out, _ = run(capsys, "segment", "--db", shop_db, "--no-consent-only", "--format",
                       "json")
    assert json.loads(out)["open_complaints_left_out"] == 1
