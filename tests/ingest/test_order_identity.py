"""Order identity across files (issue 12, class 2): an order number is unique within its lineage;
a collision with other content is a question, never a silent replacement; the same data in
another form is recognised."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pytest

import store
from ingest.doubts import Doubt, UnsureImport
from ingest import load as load_module
from ingest.errors import FileRejected
from ingest.pipeline import ImportOptions, import_file
from tests.conftest import ROOT, database_before

TILL_A = ("N° commande;Date;E-mail;Montant\n"
          "1001;02/03/2024;marie@exemple.fr;12,50\n"
          "1002;03/03/2024;paul@exemple.fr;30,00\n").encode()
TILL_B = ("N° commande;Date;E-mail;Montant\n"
          "1001;15/04/2024;lea@exemple.fr;8,00\n"
          "1002;16/04/2024;jean@exemple.fr;45,00\n").encode()
TABLES = ("imports", "customers", "customer_keys", "orders", "order_lines", "rejects")


def snapshot(con) -> dict[str, list]:
    return {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}


def stored(con) -> list[tuple]:
    return con.execute("select lineage, source_order_id, ordered_at::date::varchar, amount "
                       "from orders order by all").fetchall()


def refused_second(con, first: bytes, second: bytes) -> UnsureImport:
    """The refusal of the second file, checking that it left the database unchanged."""
    import_file(con, first, "caisse1.csv")
    before = snapshot(con)
    with pytest.raises(UnsureImport) as refused:
        import_file(con, second, "caisse2.csv")
    assert snapshot(con) == before
    return refused.value


def test_a_second_till_numbering_the_same_orders_is_refused_with_the_question(con):
    (doubt,) = refused_second(con, TILL_A, TILL_B).doubts
    assert (doubt.topic, doubt.option) == ("order_ids", "--orders")
    assert doubt.fr.startswith(
        "2 numéros de commande du fichier sont déjà importés, dont 2 avec une autre date ou un "
        "autre montant (n° 1001 : 02/03/2024 12,50 enregistrée, 15/04/2024 8,00 dans le fichier, "
        "n° 1002 : 03/03/2024 30,00 enregistrée, 16/04/2024 45,00 dans le fichier)")
    assert "no. 1001: 2024-03-02 12.50 stored, 2024-04-15 8.00 in the file" in doubt.en


def test_separate_keeps_both_tills_orders(con):
    import_file(con, TILL_A, "caisse1.csv")
    second = import_file(con, TILL_B, "caisse2.csv", ImportOptions(order_ids="separate"))
    assert (second.orders_new, second.orders_updated) == (2, 0)
    assert stored(con) == [
        (0, "1001", "2024-03-02", Decimal("12.50")), (0, "1002", "2024-03-03", Decimal("30.00")),
        (second.import_id, "1001", "2024-04-15", Decimal("8.00")),
        (second.import_id, "1002", "2024-04-16", Decimal("45.00")),
    ]
    assert con.execute("select sum(net_amount) from valid_orders").fetchone()[0] == Decimal(
        "95.50")


def test_accepting_the_guesses_keeps_them_apart_and_says_so(con):
    import_file(con, TILL_A, "caisse1.csv")
    second = import_file(con, TILL_B, "caisse2.csv", ImportOptions(accept_guesses=True))
    assert second.orders_new == 2
    assert con.execute("select count(*) from orders").fetchone()[0] == 4
    assert any(fr.startswith("choix accepté : 2 numéros de commande") for fr, _ in second.notes)


def test_same_makes_them_updates_of_the_stored_orders(con):
    import_file(con, TILL_A, "caisse1.csv")
    second = import_file(con, TILL_B, "caisse2.csv", ImportOptions(order_ids="same"))
    assert (second.orders_new, second.orders_updated) == (0, 2)
    assert stored(con) == [(0, "1001", "2024-04-15", Decimal("8.00")),
                           (0, "1002", "2024-04-16", Decimal("45.00"))]


def test_the_next_file_of_the_second_till_continues_its_own_orders(con):
    import_file(con, TILL_A, "caisse1.csv")
    second = import_file(con, TILL_B, "caisse2.csv", ImportOptions(order_ids="separate"))
    later = ("N° commande;Date;E-mail;Montant\n"
             "1002;16/04/2024;jean@exemple.fr;45,00\n"
             "1003;17/04/2024;lea@exemple.fr;9,90\n").encode()
    third = import_file(con, later, "caisse2-suite.csv")
    assert (third.orders_new, third.orders_updated, third.orders_unchanged) == (1, 0, 1)
    assert con.execute("select source_order_id, ordered_at::date::varchar from orders "
                       "where lineage = $l order by 1", {"l": second.import_id}).fetchall() == [
        ("1001", "2024-04-15"), ("1002", "2024-04-16"), ("1003", "2024-04-17")]
    assert con.execute("select count(*) from orders where lineage = 0").fetchone()[0] == 2


def test_an_export_downloaded_again_updates_refunds_without_a_question(con):
    first = "N° commande;Date;E-mail;Montant;Statut\n1;01/03/2024;a@x.fr;10,00;Payée\n" \
            "2;02/03/2024;b@x.fr;20,00;Payée\n"
    again = "N° commande;Date;E-mail;Montant;Statut;Montant remboursé\n" \
            "1;01/03/2024;a@x.fr;10,00;Payée;\n2;02/03/2024;b@x.fr;20,00;Remboursée;20,00\n"
    import_file(con, first.encode(), "export.csv")
    report = import_file(con, again.encode(), "export-bis.csv")
    assert (report.orders_new, report.orders_updated, report.orders_unchanged) == (0, 1, 1)
    assert con.execute("select lineage, source_order_id, status from orders order by 2"
                       ).fetchall() == [(0, "1", "paid"), (0, "2", "refunded")]


def test_one_changed_order_of_two_is_an_update_not_another_till(con):
    import_file(con, TILL_A, "caisse1.csv")
    edited = TILL_A.replace(b"30,00", b"32,00")
    report = import_file(con, edited, "caisse1-corrigee.csv")
    assert (report.orders_new, report.orders_updated, report.orders_unchanged) == (0, 1, 1)
    assert stored(con)[1] == (0, "1002", "2024-03-03", Decimal("32.00"))


def test_a_workbook_and_then_its_csv_copy_are_the_same_sales(con):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Client", "Montant"])
    sheet.append([datetime.datetime(2024, 3, 2, 14, 30), "marie@exemple.fr", 12.5])
    sheet.append([datetime.datetime(2024, 3, 3), "paul@exemple.fr", 30])
    sheet.append([datetime.datetime(2024, 3, 3), "paul@exemple.fr", 30])
    workbook = io.BytesIO()
    book.save(workbook)
    copy = ("Date;Client;Montant\n02/03/2024;marie@exemple.fr;12,50\n"
            "03/03/2024;paul@exemple.fr;30,00\n03/03/2024;paul@exemple.fr;30,00\n").encode()
    first = import_file(con, workbook.getvalue(), "ventes.xlsx")
    second = import_file(con, copy, "ventes.csv")
    assert first.orders_new == 3
    assert (second.orders_new, second.orders_updated, second.orders_unchanged) == (0, 1, 2)
    assert con.execute("select count(*), sum(amount) from orders").fetchone() == (
        3, Decimal("72.50"))


def test_a_growing_hand_made_file_adds_only_its_new_rows(con):
    march = "Date;Client;Montant\n01/03/2024;Marie Dupont;10,00\n02/03/2024;Jean Martin;7,50\n"
    import_file(con, march.encode(), "cahier.csv")
    april = march + "03/04/2024;Marie Dupont;4,20\n"
    report = import_file(con, april.encode(), "cahier.csv")
    assert (report.orders_new, report.orders_unchanged) == (1, 2)


ANONYMOUS_A = ("Date;Montant\n01/03/2024;3,50\n02/03/2024;4,00\n03/03/2024;2,80\n"
               "04/03/2024;6,10\n").encode()
ANONYMOUS_B = ("Date;Montant\n01/03/2024;3,50\n02/03/2024;5,20\n04/03/2024;1,90\n").encode()


def test_anonymous_sales_of_another_till_matching_by_chance_are_a_question(con):
    refused = refused_second(con, ANONYMOUS_A, ANONYMOUS_B)
    assert refused.doubts[0].fr.startswith(
        "1 ventes sans numéro de commande du fichier sont identiques à des ventes déjà importées, "
        "mais 3 autres ventes importées de la même période n'y sont pas")
    report = import_file(con, ANONYMOUS_B, "caisse2.csv", ImportOptions(order_ids="separate"))
    assert report.orders_new == 3
    assert con.execute("select count(*), sum(amount) from orders").fetchone() == (
        7, Decimal("27.00"))


def test_an_unknown_order_ids_choice_is_refused(con):
    with pytest.raises(FileRejected, match="same ou separate"):
        import_file(con, TILL_A, "caisse1.csv", ImportOptions(order_ids="both"))


def test_migration_keeps_the_orders_stored_before_lineages():
    con = database_before(7)
    con.execute("insert into orders (source, source_order_id, ordered_at, amount, status, "
                "import_id) values ('generic', '1001', '2024-03-02', 12.50, 'paid', 1)")
    store.migrate(con)
    assert con.execute("select order_id, lineage, source_order_id, amount from orders"
                       ).fetchall() == [(1, 0, "1001", Decimal("12.50"))]
    con.execute("insert into orders (source, lineage, source_order_id, ordered_at, amount, "
                "status, import_id) values ('generic', 2, '1001', '2024-04-15', 8, 'paid', 2)")
    assert con.execute("select list(order_id order by 1) from valid_orders").fetchone()[0] == [
        1, 2]


def test_cli_orders_option_settles_the_question(tmp_path):
    for name, data in (("caisse1.csv", TILL_A), ("caisse2.csv", TILL_B)):
        (tmp_path / name).write_bytes(data)
    db = str(tmp_path / "base.duckdb")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ingest", *args, "--db", db], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    assert run(str(tmp_path / "caisse1.csv")).returncode == 0
    asked = run(str(tmp_path / "caisse2.csv"))
    assert asked.returncode == 1 and "Précisez-le (--orders)" in asked.stderr
    settled = run(str(tmp_path / "caisse2.csv"), "--orders", "separate")
    assert settled.returncode == 0, settled.stderr
    assert "commandes : 2 nouvelles, 0 mise à jour, 0 inchangée" in settled.stdout


def test_the_import_page_asks_same_or_separate_only_for_files_asked_about_order_numbers(con):
    from ui.importing import order_id_questions

    tills = refused_second(con, TILL_A, TILL_B)
    other = UnsureImport("feuille.xlsx", [Doubt("sheet", "feuille ?", "sheet?", "--sheet X")])
    assert order_id_questions([tills, other, "refusé"]) == {"caisse2.csv"}


SALES = ("Date;E-mail;Montant\n02/03/2024;marie@exemple.fr;12,50\n"
         "02/03/2024;lea@exemple.fr;12,50\n03/03/2024;paul@exemple.fr;30,00\n"
         "03/03/2024;paul@exemple.fr;30,00\n04/03/2024;;7,20\n").encode()


def keyed_as_before_content_keys(con) -> None:
    """What a database filled before content keys holds: key-less sales under 'ligne-' keys."""
    con.execute("update orders set source_order_id = 'ligne-' || left(md5(source_order_id), 16) "
                "|| '-0' where starts_with(source_order_id, 'contenu-')")


def totals(con) -> tuple:
    """Orders, their sum, and how many still have an old-style key."""
    return con.execute("select count(*), sum(amount), count(*) filter (where starts_with("
                       "source_order_id, 'ligne-')) from orders").fetchone()


def orders_and_lines(con) -> list[tuple]:
    return con.execute("select o.order_id, o.lineage, o.source_order_id, o.customer_id, "
                       "o.ordered_at, o.amount, o.status, o.import_id, l.line_number, "
                       "l.line_amount from orders as o left join order_lines as l using (order_id) "
                       "order by all").fetchall()


def test_sales_imported_before_content_keys_are_adopted_not_added_again(con):
    first = import_file(con, SALES, "ventes.csv")
    keyed = orders_and_lines(con)
    assert first.orders_new == 5 and all(k.startswith("contenu-") for _, _, k, *_ in keyed)
    keyed_as_before_content_keys(con)
    again = import_file(con, SALES, "ventes.csv")
    assert (again.orders_new, again.orders_updated, again.orders_unchanged) == (0, 0, 5)
    assert orders_and_lines(con) == keyed  # same ids, customers and lines, the new keys
    assert ("5 ventes sans numéro de commande importées avant la mise à jour de Comptoir "
            "reconnues à leur jour et leur montant : mises à jour, pas ajoutées une seconde fois"
            ) in [fr for fr, _ in again.notes]
    assert con.execute("select messages from imports where import_id = $i",
                       {"i": again.import_id}).fetchone()[0].count("avant la mise à jour") == 1
    third = import_file(con, SALES, "ventes.csv")  # now met by key
    assert (third.orders_new, third.orders_unchanged) == (0, 5) and not any(
        "avant la mise à jour" in fr for fr, _ in third.notes)


def test_a_grown_file_after_the_update_adds_only_its_new_sales_to_the_old_ones(con):
    import_file(con, SALES, "ventes.csv")
    keyed_as_before_content_keys(con)
    grown = SALES + b"03/03/2024;paul@exemple.fr;30,00\n05/03/2024;jean@exemple.fr;9,90\n"
    report = import_file(con, grown, "ventes.csv")
    assert (report.orders_new, report.orders_updated, report.orders_unchanged) == (2, 0, 5)
    assert totals(con) == (7, Decimal("132.10"), 0)


def test_a_different_key_less_file_on_other_days_is_imported_beside_old_sales(con):
    import_file(con, SALES, "ventes.csv")
    keyed_as_before_content_keys(con)
    april = ("Date;E-mail;Montant\n02/04/2024;marie@exemple.fr;12,50\n"
             "03/04/2024;paul@exemple.fr;30,00\n").encode()
    report = import_file(con, april, "avril.csv")
    assert (report.orders_new, report.orders_updated, report.orders_unchanged) == (2, 0, 0)
    assert con.execute("select lineage, ordered_at::date::varchar, amount from orders where "
                       "starts_with(source_order_id, 'contenu-') order by all").fetchall() == [
        (0, "2024-04-02", Decimal("12.50")), (0, "2024-04-03", Decimal("30.00"))]
    assert totals(con) == (7, Decimal("134.70"), 5)


def test_old_sales_matching_another_tills_by_chance_are_a_question(con):
    import_file(con, ANONYMOUS_A, "caisse1.csv")
    keyed_as_before_content_keys(con)
    before = snapshot(con)
    with pytest.raises(UnsureImport) as asked:
        import_file(con, ANONYMOUS_B, "caisse2.csv")
    assert snapshot(con) == before
    assert asked.value.doubts[0].fr.startswith(
        "1 ventes sans numéro de commande du fichier sont identiques à des ventes déjà importées "
        "(dont 1 seulement par leur jour et leur montant : importées avant la mise à jour de "
        "Comptoir), mais 3 autres ventes importées de la même période n'y sont pas")
    same = import_file(con, ANONYMOUS_B, "caisse2.csv", ImportOptions(order_ids="same"))
    assert (same.orders_new, same.orders_unchanged) == (2, 1)
    assert con.execute("select count(*), sum(amount) from orders").fetchone() == (
        6, Decimal("23.50"))


def test_a_failed_import_leaves_the_old_keys_as_they_were(con, monkeypatch):
    import_file(con, SALES, "ventes.csv")
    keyed_as_before_content_keys(con)
    before = snapshot(con)
    real = load_module.sql_text

    def failing(name: str) -> str:
        if name == "load_finish_import":
            raise RuntimeError("coupure")
        return real(name)

    monkeypatch.setattr(load_module, "sql_text", failing)
    with pytest.raises(RuntimeError, match="coupure"):
        import_file(con, SALES, "ventes.csv")
    assert snapshot(con) == before
