"""``python -m ingest`` speaks the language it is given (--lang, else $COMPTOIR_LANG, else
French), with plural forms and the reader's numbers."""

from __future__ import annotations

import re

import pytest

from ingest import cli

SALES = ("N° de commande;Date;Montant;E-mail;Téléphone\n"
         "C1;15/03/2024;12,50;a@exemple.fr;abc\n"
         "C2;16/03/2024;oops;b@exemple.fr;0612345678\n")
SECONDS = re.compile(r"\d+[,.]\d")


@pytest.fixture
def sales_file(tmp_path):
    path = tmp_path / "ventes.csv"
    path.write_text(SALES, encoding="utf-8")
    return path


def summary(capsys) -> list[str]:
    return SECONDS.sub("N", capsys.readouterr().out).splitlines()


def test_french_by_default(capsys, sales_file, tmp_path):
    assert cli.main([str(sales_file), "--db", str(tmp_path / "c.duckdb")]) == 0
    assert summary(capsys) == [
        "ventes.csv : Fichier générique (colonnes reconnues par leur nom) (encodage utf-8, "
        "séparateur « ; », en-tête ligne 1)",
        "  colonnes : N° de commande → order_id, E-mail → email, Téléphone → phone, "
        "Montant → line_amount, Date → order_date",
        "  2 lignes lues, 1 importée, 1 rejetée",
        "  commandes : 1 nouvelle, 0 mise à jour, 0 inchangée ; nouvelles fiches clients : 1",
        "  durée : N s",
        "  - dates de « Date » lues en jour/mois/année",
        "  - 1 téléphone illisible laissé vide",
        "  - 1 commande sans devise dans le fichier : lue en EUR (par défaut pour un premier "
        "fichier) ; si c'est faux, ajoutez une colonne Devise au fichier",
        "  ! ligne 3 : « Montant » illisible",
    ]


def test_english_from_the_environment(capsys, sales_file, tmp_path, monkeypatch):
    monkeypatch.setenv("COMPTOIR_LANG", "en")
    assert cli.main([str(sales_file), "--db", str(tmp_path / "c.duckdb")]) == 0
    assert summary(capsys) == [
        "ventes.csv: Generic file (columns recognised by name) (encoding utf-8, delimiter “;”, "
        "header on row 1)",
        "  columns: N° de commande → order_id, E-mail → email, Téléphone → phone, "
        "Montant → line_amount, Date → order_date",
        "  2 rows read, 1 imported, 1 rejected",
        "  orders: 1 new, 0 updated, 0 unchanged; new customer records: 1",
        "  time: N s",
        "  - dates in “Date” read as day/month/year",
        "  - 1 unreadable phone number left blank",
        "  - 1 order with no currency in the file: read as EUR (the default for a first file); "
        "if that is wrong, add a Currency column to the file",
        "  ! row 3: “Montant” unreadable",
    ]


def test_lang_option_wins_and_speaks_in_argument_errors(capsys, sales_file, tmp_path,
                                                        monkeypatch):
    monkeypatch.setenv("COMPTOIR_LANG", "fr")
    with pytest.raises(SystemExit):
        cli.main([str(sales_file), "--lang", "en", "--map", "Montant"])
    assert "“Montant”: write COLUMN=FIELD, the field among order_id" in capsys.readouterr().err
    assert cli.main([str(tmp_path / "absent.csv"), "--db", str(tmp_path / "c.duckdb"),
                     "--lang", "en"]) == 1
    assert capsys.readouterr().err == (
        f"“{tmp_path / 'absent.csv'}”: file not found or unreadable (No such file or "
        "directory).\n")
