"""The Fiche client shows what happened after the sale: the customer's refunds, tickets, reviews
and survey answers (metrics.customer_aftersale, ui.customer_after_sale)."""

from __future__ import annotations

from datetime import datetime

from ingest.pipeline import import_file
from metrics.customer_aftersale import customer_after_sale
from tests.ingest.test_after_sale_import import FIXTURES, SHOP
from tests.ui.conftest import app, connected

FILES = ("fiche_sav.csv", "trustpilot_reviews.csv", "google_forms_nps_fr.csv")
REFUND = ("N° de commande;Date;Prénom;Nom;E-mail;Montant;Montant remboursé\n"
          "W-1005;06/03/2026;Léa;Martin;lea.martin@example.fr;40,00;15,00\n").encode()


def shop(path):
    with connected(path) as con:
        import_file(con, SHOP, "ventes.csv")
        import_file(con, REFUND, "remboursement.csv")
        for name in FILES:
            import_file(con, (FIXTURES / name).read_bytes(), name)


def test_one_customers_history(tmp_path):
    path = tmp_path / "shop.duckdb"
    shop(path)
    with connected(path) as con:
        found = customer_after_sale(con, 1)
        assert found.refunds[["source_order_id", "refunded"]].values.tolist() == [["W-1005", 15.0]]
        assert found.tickets[["opened_at", "reason", "status"]].values.tolist() == [
            [datetime(2026, 3, 2), "Colis abîmé", "solved"]]
        assert found.reviews[["rating", "title"]].values.tolist() == [
            [2.0, "Colis abîmé"], [5.0, "Très bon savon"]]
        assert found.answers[["nps_score", "comment"]].values.tolist() == [
            [10, "Des savons parfaits"]]
        assert customer_after_sale(con, 3).empty  # Marc: nothing after the sale


def test_the_customer_page_shows_it(tmp_path, use_db):
    path = tmp_path / "shop.duckdb"
    shop(path)
    use_db(path)
    at = app()
    at.switch_page("views/customer.py").run()
    at.text_input(key="cust_search").input("lea.martin@").run()
    assert not at.exception
    assert "Après-vente" in [header.value for header in at.subheader]
    titles = [block.value for block in at.markdown]
    for title in ("**1 remboursement**", "**1 ticket SAV**", "**2 avis**",
                  "**1 réponse à une enquête**"):
        assert title in titles
    tables = [frame.value for frame in at.dataframe]
    assert any("Colis abîmé" in list(table.get("Motif", [])) for table in tables)
    assert any("10/10" in list(table.get("Recommandation", [])) for table in tables)
    assert any(text.startswith("- ★★☆☆☆ 12/03/2026 — **Colis abîmé** Le flacon est arrivé cassé\\.")
               and "\n- ★★★★★ 09/03/2026 — **Très bon savon**" in text for text in titles)


def test_the_data_pages_import_log_names_after_sale_files(tmp_path, use_db):
    path = tmp_path / "shop.duckdb"
    shop(path)
    use_db(path)
    at = app()
    at.switch_page("views/data.py").run(timeout=90)
    assert not at.exception
    log = at.dataframe[0].value.set_index("Fichier")
    assert log.loc[list(FILES), "Contenu"].tolist() == [
        "tickets SAV", "avis clients", "réponses à une enquête"]
    assert log.loc["trustpilot_reviews.csv", "Source"] == "Trustpilot — export des avis"
