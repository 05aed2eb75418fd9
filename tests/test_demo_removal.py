"""'Retirer la démo': the demo shop goes, the owner's own imports stay as if it had never been."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

import store
from identity import decisions as identity
from ingest import remove
from ingest.sql_files import run
from ingest.pipeline import import_file
from metrics import kpis
from metrics.contacts import log_contacts
from sample_data import demo
from store import backup
from tests.conftest import database_before
from tests.trust import database_state

# The owner's own sales: two people no demo customer resembles, an anonymous till sale, a
# refund, a row refused (no such day).
OWN_FILE = """N° de commande;Date;Nom;Prénom;E-mail;Téléphone;Code postal;Montant TTC;Statut
R-1;05/10/2026;Quarante;Zéphyrine;zephyrine.quarante@exemple.fr;;75011;42,50;Payée
R-2;12/10/2026;Quarante;Zéphyrine;zephyrine.quarante@exemple.fr;;75011;18,00;Payée
R-3;20/10/2026;Brisebois;Anatole;anatole.brisebois@exemple.fr;06 11 22 33 44;69003;30,00;Payée
R-4;02/11/2026;;;;;;12,00;Payée
R-5;03/11/2026;Brisebois;Anatole;anatole.brisebois@exemple.fr;;69003;25,00;Remboursée
R-6;31/02/2026;Brisebois;Anatole;anatole.brisebois@exemple.fr;;69003;9,00;Payée
""".encode("utf-8")
# Laura Da Silva of the demo (l.dasilva@gmail.com, +33659558518, 4 demo orders) is also a real
# customer of the owner's, with another phone: the e-mail key is shared.
SHARED_FILE = OWN_FILE + """R-7;10/11/2026;Da Silva;Laura;l.dasilva@gmail.com;07 98 76 54 32;69006;55,00;Payée
""".encode("utf-8")
WEEK = date(2026, 11, 2)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    con = store.connect(path)
    demo.load_demo(con)
    con.close()
    return path


@pytest.fixture
def with_demo(demo_file: Path, tmp_path: Path):
    path = tmp_path / "shop.duckdb"
    shutil.copy(demo_file, path)
    con = store.connect(path)
    yield con
    con.close()


def own_base(data: bytes):
    con = store.connect(":memory:")
    import_file(con, data, "ventes.csv")
    return con


def contents(con) -> dict[str, pd.DataFrame]:
    """Every table the owner's file fills, ids replaced by what they point to."""
    queries = {
        "imports": "select file_name, sha256, source, rows_read, rows_loaded, rows_rejected,"
                   " orders_new, customers_new from imports",
        "orders": "select o.source, o.lineage, o.source_order_id, c.email, o.ordered_at,"
                  " o.currency, o.amount, o.refunded_amount, o.status, o.channel"
                  " from orders o left join customers c using (customer_id)",
        "lines": "select o.source_order_id, l.line_number, l.product, l.quantity, l.line_amount"
                 " from order_lines l join orders o using (order_id)",
        "customers": "select email, phone, first_name, last_name, full_name, postal_code, city,"
                     " country, email_consent, consent_source, first_seen from customers",
        "keys": "select k.kind, k.value, c.email from customer_keys k"
                " join customers c using (customer_id)",
        "rejects": "select row_number, reason, raw from rejects",
        "suppressions": "select email, source from suppressions",
        "merges": "select action from customer_merges",
        "consent": "select address, channel, consent, stated_at, source from consent_channels",
        "contacts": "select c.email, l.channel, l.list_name from contact_log l"
                    " join customers c using (customer_id)",
        "contacts_of_nobody": "select count(*) from contact_log"
                              " where customer_id not in (select customer_id from customers)",
    }
    return {name: con.execute(f"select * from ({sql}) order by all").df()
            for name, sql in queries.items()}


def test_removal_leaves_the_base_the_owners_file_alone_builds(with_demo) -> None:
    import_file(with_demo, OWN_FILE, "ventes.csv")
    demo_people = [row[0] for row in with_demo.execute(
        "select customer_id from customers order by customer_id limit 3").fetchall()]
    log_contacts(with_demo, demo_people, datetime(2026, 11, 20), "email", "Relance")
    removed = demo.remove_demo(with_demo)
    alone = own_base(OWN_FILE)
    assert removed == demo.Removed(imports=2, orders=6125, customers=3306, customers_kept=0)
    got, expected = contents(with_demo), contents(alone)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)
    assert len(got["orders"]) == 5
    pd.testing.assert_frame_equal(kpis.weekly_kpis(with_demo, WEEK), kpis.weekly_kpis(alone, WEEK))
    assert kpis.weekly_kpis(with_demo, WEEK).loc["revenue", "this_week"] == 12
    assert demo.demo_imports(with_demo) == []


def test_customer_shared_with_the_demo_keeps_only_the_owners_orders_and_keys(with_demo) -> None:
    laura = with_demo.execute(
        "select customer_id from customers where email = 'l.dasilva@gmail.com'").fetchone()[0]
    import_file(with_demo, SHARED_FILE, "ventes.csv")
    assert with_demo.execute("select count(*) from orders where customer_id = $id",
                             {"id": laura}).fetchone()[0] == 5  # 4 demo orders + R-7
    removed = demo.remove_demo(with_demo)
    assert removed.customers_kept == 1
    assert with_demo.execute(
        "select source_order_id, amount from orders where customer_id = $id", {"id": laura}
    ).fetchall() == [("R-7", 55)]
    assert with_demo.execute(
        "select kind, value from customer_keys where customer_id = $id order by all", {"id": laura}
    ).fetchall() == [("email", "l.dasilva@gmail.com"), ("phone", "+33798765432")]
    assert with_demo.execute(
        "select email, phone, email_consent, import_id from customers where customer_id = $id",
        {"id": laura},
    ).fetchone() == ("l.dasilva@gmail.com", "+33798765432", None, 3)
    alone = own_base(SHARED_FILE)
    got, expected = contents(with_demo), contents(alone)
    for name in ("imports", "orders", "keys", "rejects"):
        if name == "imports":  # Laura was known when the file came: one new customer fewer
            expected[name]["customers_new"] -= 1
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)
    pd.testing.assert_frame_equal(kpis.weekly_kpis(with_demo, WEEK), kpis.weekly_kpis(alone, WEEK))


def test_removal_forgets_merges_and_exports_of_demo_people(with_demo) -> None:
    first, second = (row[0] for row in with_demo.execute(
        "select customer_id from customers where last_name = 'Roche' order by 1 limit 2"
    ).fetchall())
    identity.merge(with_demo, first, second)
    with_demo.execute("insert into export_log (exported_at, description, format, consent_only,"
                      " rows_exported, rows_left_out, file_name) values ($now, 'À risque', 'csv',"
                      " true, 12, 3, 'clients_a_risque.csv')", {"now": datetime.now()})
    import_file(with_demo, OWN_FILE, "ventes.csv")
    demo.remove_demo(with_demo)
    for table in ("customer_merges", "merged_customers", "customer_merge_moves", "export_log",
                  "clv_fits"):
        assert with_demo.execute(f"select count(*) from {table}").fetchone()[0] == 0, table
    assert with_demo.execute("select count(*) from key_sightings").fetchone()[0] == 3


def test_command_line_removes_the_demo_after_a_backup(demo_file: Path, tmp_path: Path,
                                                      capsys) -> None:
    path = tmp_path / "shop.duckdb"
    shutil.copy(demo_file, path)
    assert demo.main(["--remove", str(path)]) == 0
    assert capsys.readouterr().out == (
        "Boutique de démonstration retirée : 6125 commandes et 3306 clients inventés supprimés. "
        "Vos imports sont intacts.\n")
    assert len(backup.backups(path)) == 1
    assert demo.main(["--remove", str(path)]) == 0
    assert capsys.readouterr().out == (
        "La boutique de démonstration n'est pas dans cette base : rien à retirer.\n")
    con = store.connect(path)
    try:
        assert con.execute("select count(*) from customers").fetchone()[0] == 0
    finally:
        con.close()


def test_migration_012_knows_the_import_that_created_each_key():
    con = database_before(12)
    con.execute("insert into customer_keys values ('email', 'anna@exemple.fr', 1, 2),"
                " ('name_postcode', 'anna test 69001', 1, null)")  # an alias a merge gave
    store.migrate(con)
    assert con.execute("select * from key_sightings").fetchall() == [("email", "anna@exemple.fr", 2)]


def test_a_removal_that_fails_midway_changes_nothing(with_demo, monkeypatch) -> None:
    import_file(with_demo, SHARED_FILE, "ventes.csv")
    before = database_state(with_demo)

    def failing(cur, name: str, **params):
        if name == "remove_delete_customers":  # after orders, keys and merges are deleted
            raise OSError("disk gone")
        return run(cur, name, **params)

    monkeypatch.setattr(remove, "run", failing)
    with pytest.raises(OSError, match="disk gone"):
        demo.remove_demo(with_demo)
    assert database_state(with_demo) == before


def test_a_base_that_loaded_the_former_demo_file_still_has_its_demo(con) -> None:
    # The sales file before its Code promo column: its hash is what such a base recorded.
    import_id = con.execute(
        "insert into imports (file_name, sha256, source, file_kind, status, started_at)"
        " values ('ventes_boutique.csv', $sha, 'generic', 'orders', 'loaded', now())"
        " returning import_id", {"sha": demo.FORMER_HASHES[0]}).fetchone()[0]
    assert demo.demo_imports(con) == [import_id]
