"""The Données page run by AppTest on the demo shop and on an empty database."""

from __future__ import annotations

import codecs
import csv
import io
import shutil

import pytest
from streamlit.testing.v1 import AppTest

import store
from identity import decisions as identity
from identity import duplicates
from ingest import history
from ingest.pipeline import import_file
from tests.ui.conftest import app, connected, shown_metrics
from ui import data_page, format

TIMEOUT = 90
PAGE = "views/data.py"
# An export with one good row and two bad ones; the first bad one tries a formula.
BAD_FILE = """N° de commande;Date;Nom;Prénom;E-mail;Montant TTC;Statut
X-1;05/02/2024;Test;Anna;anna.test@exemple.fr;10,00;Payée
=1+2;31/02/2024;Test;Anna;anna.test@exemple.fr;10,00;Payée
X-3;;Test;Anna;anna.test@exemple.fr;10,00;Payée
""".encode("utf-8")


@pytest.fixture(scope="module")
def demo_facts(demo_db):
    with connected(demo_db) as con:
        return {
            "log": history.imports_log(con),
            "pairs": duplicates.suspected_pairs(con),
            "merges": duplicates.standing_merges(con),
            "contact": con.execute(
                "select customer_id, first_name || ' ' || last_name, email from customers"
                " where email is not null and first_name is not null and last_name is not null"
                " order by customer_id limit 1").fetchone(),
        }


@pytest.fixture
def own_copy(demo_file, tmp_path, use_db):
    """A copy of the demo database the test may change."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(demo_file, path)
    (tmp_path / "backups").mkdir()
    shutil.copy(demo_file, tmp_path / "backups" / "copy-20240101-000000-000000.duckdb")
    use_db(path)
    return path


def data_page_run() -> AppTest:
    at = app(timeout=TIMEOUT).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_figures_and_imports_log_are_the_database_s(demo_db, demo_facts, use_db):
    use_db(demo_db)
    at = data_page_run()
    log, pairs = demo_facts["log"], demo_facts["pairs"]
    assert at.title[0].value == "Données"
    assert shown_metrics(at) == {
        "Fichiers importés": "2",
        "Lignes rejetées": format.number(int(log["rows_rejected"].sum())),
        "Doublons à examiner": format.number(len(pairs)),
        "Fusions en cours": "16",  # the customer file joins 16 till customers to web customers
    }
    table = at.dataframe[0].value
    assert table["Fichier"].tolist() == ["clients.xlsx", "ventes_boutique.csv"]
    assert table["Lignes lues"].tolist() == [format.number(n) for n in log["rows_read"]]
    assert table["Commandes nouvelles"].tolist() == [format.number(n) for n in log["orders_new"]]
    assert table["Nouvelles fiches clients"].tolist() == [
        format.number(n) for n in log["customers_new"]]
    assert table["Contenu"].tolist() == ["clients", "commandes"]
    assert table["Source"].tolist() == ["Fichier générique (colonnes reconnues par leur nom)"] * 2
    assert "9\u202f194" in table["Lignes lues"].tolist()
    assert at.success[0].value.startswith("Aucune ligne rejetée")
    assert any(e.label == "Définitions" for e in at.expander)


def test_duplicates_are_listed_with_their_reasons(demo_db, demo_facts, use_db):
    use_db(demo_db)
    at = data_page_run()
    pairs = demo_facts["pairs"]
    assert len(pairs) > 0  # the demo shop has real duplicates (till sales with a name only)
    listed = at.dataframe[1].value
    assert len(listed) == len(pairs)
    assert listed["Ressemblance"].tolist() == [format.percent(s, "fr", 0) for s in pairs["score"]]
    first = pairs.iloc[0]
    pick = next(s for s in at.selectbox if s.label == "Paire à examiner")
    assert pick.options[0] == (
        f"{first['kept_name']} (n° {first['kept_id']}) ↔ {first['merged_name']} "
        f"(n° {first['merged_id']}) — {format.percent(first['score'], 'fr', 0)}")
    detail = at.dataframe[2].value
    assert detail.loc["N° client"].tolist() == [str(first["kept_id"]), str(first["merged_id"])]
    merges = at.dataframe[3].value
    assert len(merges) == len(demo_facts["merges"]) == 16
    assert set(merges["Fusion faite par"]) == {"l'import (même personne dans un fichier)"}


def test_only_the_most_likely_pairs_are_listed(demo_db, demo_facts, use_db, monkeypatch):
    """A big shop's namesakes give a hundred thousand pairs: the page lists the most likely and
    says how many there are (all of them made the page take minutes)."""
    use_db(demo_db)
    monkeypatch.setattr(data_page, "PAIRS_SHOWN", 3)
    at = data_page_run()
    pairs = demo_facts["pairs"]
    assert len(pairs) > 3
    assert shown_metrics(at)["Doublons à examiner"] == format.number(len(pairs))
    listed = at.dataframe[1].value
    assert listed["Ressemblance"].tolist() == [
        format.percent(s, "fr", 0) for s in pairs["score"].head(3)]
    assert len(next(s for s in at.selectbox if s.label == "Paire à examiner").options) == 3
    said = f"Les 3 paires les plus probables sur {format.number(len(pairs))} :"
    assert any(caption.value.startswith(said) for caption in at.caption)


def test_merge_then_split_from_the_page(own_copy, demo_facts):
    pairs = demo_facts["pairs"]
    first = pairs.iloc[0]
    at = data_page_run()
    next(b for b in at.button if b.label == "Fusionner ces deux fiches").click().run()
    assert not at.exception
    assert at.success[0].value == (
        f"Fiches fusionnées : {first['merged_name']} (n° {first['merged_id']}) fait désormais "
        f"partie de {first['kept_name']} (n° {first['kept_id']}).")
    figures = shown_metrics(at)
    assert figures["Doublons à examiner"] == format.number(len(pairs) - 1)
    assert figures["Fusions en cours"] == "17"
    assert at.dataframe[3].value["Fusion faite par"].iloc[0] == "vous"
    con = store.connect(own_copy)
    assert con.execute("select count(*) from customers where customer_id = $id",
                       {"id": int(first["merged_id"])}).fetchone()[0] == 0

    next(b for b in at.button if b.label == "Séparer").click().run()
    assert not at.exception
    assert at.success[0].value == (
        f"Fusion défaite : {first['merged_name']} (n° {first['merged_id']}) est de nouveau une "
        "fiche à part.")
    assert shown_metrics(at)["Fusions en cours"] == "16"
    assert shown_metrics(at)["Doublons à examiner"] == format.number(len(pairs) - 1)
    assert con.execute("select count(*) from customers where customer_id = $id",
                       {"id": int(first["merged_id"])}).fetchone()[0] == 1


def test_two_different_people_are_no_longer_suggested(own_copy, demo_facts):
    pairs = demo_facts["pairs"]
    at = data_page_run()
    next(b for b in at.button if b.label == "Ce sont deux personnes différentes").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Noté : ")
    assert shown_metrics(at)["Doublons à examiner"] == format.number(len(pairs) - 1)
    assert shown_metrics(at)["Fusions en cours"] == "16"


def test_forget_a_customer_from_the_page(own_copy, demo_facts):
    customer_id, name, email = demo_facts["contact"]
    assert email.encode() in own_copy.read_bytes()
    at = data_page_run()
    at.text_input(key="data_forget_text").input(email).run()
    pick = next(s for s in at.selectbox if s.label == "Client à oublier")
    assert pick.value is not None and pick.options == [f"{name} — {email} — n° {customer_id}"]
    button = next(b for b in at.button if b.label == "Oublier ce client")
    assert button.disabled
    at.checkbox(key=f"data_forget_ok_{customer_id}").check().run()
    next(b for b in at.button if b.label == "Oublier ce client").click().run()
    assert not at.exception
    assert at.success[0].value.startswith(f"Effacement terminé pour {name} : ")
    assert at.success[0].value.endswith(
        "Le fichier de la base et ses 1 sauvegarde(s) d'avant import ont été réécrits sans ces "
        "données.")
    assert at.text_input(key="data_forget_text").value == ""
    assert email.encode() not in own_copy.read_bytes()
    assert email.encode() not in next((own_copy.parent / "backups").iterdir()).read_bytes()
    con = store.connect(own_copy)
    assert con.execute("select count(*) from customers where customer_id = $id",
                       {"id": customer_id}).fetchone()[0] == 0


def test_a_search_that_finds_nobody_says_so(demo_db, use_db):
    use_db(demo_db)
    at = data_page_run()
    at.text_input(key="data_forget_text").input("personne.inconnue@nulle-part.fr").run()
    assert at.info[-1].value == "Aucun client ne correspond à « personne.inconnue@nulle-part.fr »."


def test_rejected_rows_of_an_import_and_their_csv(own_copy):
    con = store.connect(own_copy)
    report = import_file(con, BAD_FILE, "mauvais.csv")
    rejects = history.import_rejects(con, report.import_id)
    con.close()
    at = data_page_run()
    assert shown_metrics(at)["Lignes rejetées"] == "2"
    pick = next(s for s in at.selectbox if s.label == "Import")
    assert pick.options[0].startswith("mauvais.csv — ")
    assert pick.options[0].endswith("(2 lignes rejetées)")
    shown = next(d.value for d in at.dataframe if "Motif" in d.value.columns)
    assert shown["Ligne"].tolist() == [3, 4]
    assert shown["Contenu de la ligne"].iloc[0].startswith("=1+2;31/02/2024")

    content = data_page.rejects_csv(rejects)
    assert content.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Ligne", "Motif", "Contenu de la ligne"]
    assert rows[1][:2] == ["3", "date illisible"]
    assert rows[1][2].startswith("'=1+2;31/02/2024;")  # neutralised: no spreadsheet runs it
    assert [row[0] for row in rows[1:]] == ["3", "4"]


def test_remove_the_demo_from_the_page_keeps_the_owners_import(own_copy):
    con = store.connect(own_copy)
    import_file(con, BAD_FILE, "mauvais.csv")
    con.close()
    at = data_page_run()
    assert at.info[0].value.startswith("La boutique de démonstration (Savonnerie du Marais")
    button = at.button(key="demo_remove_data")
    assert button.label == "Retirer la démo" and button.disabled
    at.checkbox(key="demo_remove_ok_data").check().run()
    at.button(key="demo_remove_data").click().run()
    assert not at.exception
    said = at.success[0].value
    assert said.startswith(
        "Boutique de démonstration retirée : 6\u202f125 commandes et 3\u202f306 clients inventés "
        "supprimés. Vos imports sont intacts. Prévisions recalculées (")
    assert said.endswith(" s) : valeurs historiques seulement.")  # one order: too few to model
    assert shown_metrics(at)["Fichiers importés"] == "1"
    assert not [b for b in at.button if b.label == "Retirer la démo"]
    con = store.connect(own_copy)
    assert con.execute("select file_name from imports").fetchall() == [("mauvais.csv",)]
    assert con.execute("select source_order_id from orders").fetchall() == [("X-1",)]
    con.close()


def test_the_page_in_english(demo_db, use_db):
    # The page alone: AppTest replays the sidebar's week with French labels after switch_page.
    use_db(demo_db)
    at = app(PAGE, TIMEOUT)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Data"
    assert set(shown_metrics(at)) == {"Files imported", "Rejected rows", "Duplicates to review",
                                      "Merges in place"}


def test_empty_database_offers_the_demo_shop(tmp_path, use_db):
    use_db(tmp_path / "empty.duckdb")
    at = data_page_run()
    assert "Votre base est vide" in at.info[0].value
    assert not at.metric
    next(b for b in at.button if b.label == "Charger la boutique de démonstration").click().run()
    assert not at.exception
    at.switch_page(PAGE).run()
    assert shown_metrics(at)["Fichiers importés"] == "5"  # sales, customers, reviews, survey, tickets


def test_the_imports_log_names_a_consent_file(tmp_path, use_db):
    """An unsubscribe export (ingest/consent.py) is logged as its own kind; the page named
    only sales and customer files and stopped on it (KeyError 'data_kind_consent')."""
    path = tmp_path / "shop.duckdb"
    with connected(path) as con:
        import_file(con, "N° de commande;Date;E-mail;Montant\nA-1;01/03/2026;lea@x.fr;10,00\n"
                    .encode(), "ventes.csv")
        import_file(con, b'"Email Address",MEMBER_RATING,OPTIN_TIME,OPTIN_IP,UNSUB_TIME,LEID,EUID'
                    b"\nlea@x.fr,2,2023-01-01 10:00:00,1.2.3.4,2024-03-02 10:00:00,5,e1\n",
                    "desinscrits.csv")
    use_db(path)
    at = data_page_run()
    assert not at.exception
    log = at.dataframe[0].value.set_index("Fichier")
    assert log.loc["desinscrits.csv", "Contenu"] == "consentements et désinscriptions"
