"""The owner's choices over the detection (encoding, header row, column mapping), and doubts:
an import with an unsettled guess is refused, database unchanged, until the owner settles it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ingest.doubts import Doubt, UnsureImport, settle
from ingest.pipeline import ImportOptions, import_file, preview
from tests.conftest import ROOT

TITLED = (
    "Boutique du Port;;\n"
    "Clients fidèles;Liste;2024\n"
    "Commande;Date;Montant\n"
    "A1;02/03/2024;10,50\n"
    "A2;03/03/2024;20,00\n"
).encode("cp1252")


def test_settle_refuses_until_the_doubts_are_accepted():
    doubt = Doubt("encoding", "encodage deviné : Mac Roman", "encoding guessed: Mac Roman",
                  "--encoding")
    with pytest.raises(UnsureImport) as caught:
        settle("f.csv", [doubt], accepted=False)
    assert caught.value.doubts == [doubt]
    assert "encodage deviné : Mac Roman" in caught.value.message("fr")
    assert caught.value.options() == "--encoding"
    assert settle("f.csv", [doubt], accepted=True) == [
        ("choix accepté : encodage deviné : Mac Roman",
         "accepted choice: encoding guessed: Mac Roman")]
    assert settle("f.csv", [], accepted=False) == []


def test_header_row_chosen_by_the_owner_wins_over_the_detection():
    chosen = preview(TITLED, "titre.csv", ImportOptions(header_row=3))
    assert chosen.table.header_row == 3
    assert chosen.table.headers == ["Commande", "Date", "Montant"]
    assert chosen.table.row_numbers.tolist() == [4, 5]


def test_encoding_chosen_by_the_owner_is_used_and_an_unknown_one_refused():
    data = "Nom;Ville\nLéger;Nîmes\n".encode("mac_roman")
    table = preview(data, "mac.csv", ImportOptions(encoding="mac_roman")).table
    assert table.encoding == "mac_roman"
    assert table.frame.iloc[0].tolist() == ["Léger", "Nîmes"]
    with pytest.raises(Exception, match="encodage « klingon » inconnu"):
        preview(data, "mac.csv", ImportOptions(encoding="klingon"))


def test_remap_changes_only_the_columns_named(con):
    data = b"Ref,Jour,Prix,Remarque\nA1,2024-03-02,10.50,x\nA2,2024-03-03,20.00,y\n"
    detected = preview(data, "ventes.csv").mapping
    assert "order_id" not in detected
    mapping = preview(data, "ventes.csv", ImportOptions(
        remap=(("Ref", "order_id"), ("Jour", "order_date"), ("Prix", "order_total")))).mapping
    assert mapping == {"order_id": "Ref", "order_date": "Jour", "order_total": "Prix"}
    report = import_file(con, data, "ventes.csv", ImportOptions(
        remap=(("Ref", "order_id"), ("Jour", "order_date"), ("Prix", "order_total"))))
    assert report.orders_new == 2
    assert con.execute("select list(source_order_id order by 1) from orders").fetchone()[0] == [
        "A1", "A2"]


def test_cli_options_reach_the_import(tmp_path):
    path = tmp_path / "titre.csv"
    path.write_bytes(TITLED)
    db = tmp_path / "base.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "ingest", str(path), "--db", str(db), "--header-row", "3",
         "--encoding", "cp1252", "--map", "Commande=order_id"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "en-tête ligne 3" in run.stdout
    assert "2 lignes lues, 2 importées, 0 rejetée" in run.stdout.splitlines()[2]
    bad = subprocess.run(
        [sys.executable, "-m", "ingest", str(path), "--db", str(db), "--map", "Commande"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert bad.returncode == 2 and "COLONNE=CHAMP" in bad.stderr
