"""``python -m metrics products replenishment|affinity``, ``seasonal`` and ``segment --saved``
on temporary database files holding the hand-computed shops of products_shop.py and
test_seasonal.py (their figures are explained there)."""

from __future__ import annotations

import json

import pytest

import store
from metrics import replenishment
from metrics.cli import main
from metrics.saved_segments import load_segment
from metrics.segment import SegmentFilter
from tests.metrics.products_shop import insert_products_shop
from tests.metrics.test_seasonal import insert_seasons_shop


@pytest.fixture
def products_db(tmp_path, monkeypatch):
    """The products shop with one repurchase enough for a usual delay (its delays are known)."""
    monkeypatch.setattr(replenishment, "MIN_REPURCHASES", 1)
    path = tmp_path / "products.duckdb"
    con = store.connect(path)
    insert_products_shop(con)
    con.close()
    return str(path)


def run_json(capsys, *argv: str) -> dict:
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_replenishment_per_product(capsys, products_db):
    report = run_json(capsys, "products", "replenishment", "--db", products_db,
                      "--as-of", "2024-03-05")
    assert report["due_window_days"] == 30
    assert [(row["product"], row["repurchases"], row["median_days"], row["due"])
            for row in report["products"]] == [
        ("Savon", 3, 30.0, 1), ("Bougie", 1, 20.0, 1), ("Coffret", 1, 20.0, 1)]


def test_replenishment_of_one_product_lists_who_is_due(capsys, products_db, tmp_path):
    out = tmp_path / "due.json"
    assert main(["products", "replenishment", "--product", "Savon", "--db", products_db,
                 "--as-of", "2024-03-05", "--format", "json", "--out", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert (report["product"], report["median_days"], report["due"]) == ("Savon", 30.0, 1)
    [person] = report["customers"]
    assert (person["customer_id"], person["days_since"], person["last_bought"],
            person["email"]) == (3, 33, "2024-02-01", "client3@example.fr")


def test_affinity_holds_both_relations(capsys, products_db):
    report = run_json(capsys, "products", "affinity", "--product", "Savon", "--db", products_db,
                      "--as-of", "2024-03-05")
    # Pairs and next products seen at least 3 times: Savon with Bougie in 3 orders, Savon
    # followed by Savon 3 times.
    assert [(row["other_product"], row["orders"], row["lift"])
            for row in report["bought_together"]] == [("Bougie", 3, 0.75)]
    assert [(row["next_product"], row["times"], row["share"])
            for row in report["bought_next"]] == [("Savon", 3, 1.0)]
    assert main(["products", "affinity", "--product", "Savon", "--db", products_db,
                 "--as-of", "2024-03-05", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "relation,product,with_product,count,base,share,lift",
        "together,Savon,Bougie,3,8,0.375,0.75",
        "next,Savon,Savon,3,3,1.0,1.3333333333333333",
    ]


def test_products_without_a_view_says_which(capsys, products_db):
    assert main(["products", "--db", products_db]) == 2
    assert "python -m metrics products replenishment | affinity" in capsys.readouterr().err


def test_seasonal(capsys, tmp_path):
    path = tmp_path / "seasons.duckdb"
    con = store.connect(path)
    insert_seasons_shop(con)
    con.close()
    report = run_json(capsys, "seasonal", "--db", str(path), "--as-of", "2026-03-15")
    assert [(row["season"], row["season_name"], row["buyers"], row["waiting"])
            for row in report["seasons"]] == [
        ("year_end", "Fêtes de fin d'année (novembre-décembre)", 3, 2),
        ("mothers_day", "Fêtes des mères et des pères (mai-juin)", 1, 1)]
    assert main(["seasonal", "--customers", "--db", str(path), "--as-of", "2026-03-15",
                 "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [row.split(",")[:2] for row in rows[1:]] == [
        ["1", "year_end"], ["2", "year_end"], ["3", "mothers_day"], ["6", "year_end"]]


def test_segment_saved_and_reused(capsys, products_db):
    assert main(["segment", "--save", "Bougies", "--due-for", "Bougie", "--sales-channel", "web",
                 "--db", products_db]) == 0
    assert capsys.readouterr().out == (
        "Liste « Bougies » enregistrée : achète sur le site ; à relancer pour Bougie.\n")
    con = store.connect(products_db)
    assert load_segment(con, "Bougies") == SegmentFilter(sales_channels=("web",),
                                                          due_for="Bougie")
    con.close()
    report = run_json(capsys, "segment", "--saved", "Bougies", "--no-consent-only",
                      "--db", products_db, "--as-of", "2024-03-05")
    assert report["people"] == 1  # customer 4 (test_replenishment.py)
    assert report["description"] == "achète sur le site ; à relancer pour Bougie"
    # A question given on the command line is answered as given: Savon instead of Bougie.
    report = run_json(capsys, "segment", "--saved", "Bougies", "--due-for", "Savon",
                      "--no-consent-only", "--db", products_db, "--as-of", "2024-03-05")
    assert report["description"] == "achète sur le site ; à relancer pour Savon"


def test_an_unknown_saved_segment_is_one_sentence(capsys, products_db):
    assert main(["segment", "--saved", "Inconnue", "--db", products_db]) == 2
    assert capsys.readouterr().err == (
        "Aucune liste enregistrée ne s'appelle « Inconnue ». Listes enregistrées : —.\n")


def test_a_saved_segment_is_deleted_and_an_unknown_one_is_one_sentence(capsys, products_db):
    assert main(["segment", "--save", "Bougies", "--due-for", "Bougie", "--db", products_db]) == 0
    capsys.readouterr()
    assert main(["segment", "--delete-saved", " Bougies ", "--db", products_db]) == 0
    assert capsys.readouterr().out == "Liste « Bougies » supprimée.\n"
    assert main(["segment", "--delete-saved", "Bougies", "--db", products_db,
                 "--lang", "en"]) == 2
    assert capsys.readouterr().err == "No saved list is called 'Bougies'. Saved lists: —.\n"
