"""The per-customer summary (store/summary.py, migration 010) after each write that changes a
person: it equals the definition computed from scratch, with the hand-computed figures below."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from identity import decisions as identity
from ingest.pipeline import import_file

# Ana buys on the web, in the shop, then through a marketplace (a refund-only order of hers does
# not count), and accepts e-mails. Ben buys once on the web with another address of Ana's name;
# Cléo buys twice the same day in the shop and gets a 5.00 credit note; Dan's order is cancelled.
SALES = """N° de commande;Date;Nom;Prénom;E-mail;Montant TTC;Remboursé;Statut;Canal;Consentement email
A-1;05/02/2024;Arnaud;Ana;ana@exemple.fr;30,00;0;Payée;site;oui
A-2;10/02/2024;Arnaud;Ana;ana@exemple.fr;20,00;0;Payée;magasin;oui
A-3;20/02/2024;Arnaud;Ana;ana@exemple.fr;15,00;5,00;Payée;etsy;oui
A-4;21/02/2024;Arnaud;Ana;ana@exemple.fr;12,00;12,00;Remboursée;site;oui
B-1;07/02/2024;Bernard;Ben;ben@exemple.fr;40,00;0;Payée;site;non
C-1;08/02/2024;Colin;Cléo;cleo@exemple.fr;10,00;0;Payée;magasin;
C-2;08/02/2024;Colin;Cléo;cleo@exemple.fr;25,00;0;Payée;magasin;
C-3;09/02/2024;Colin;Cléo;cleo@exemple.fr;-5,00;0;Avoir;magasin;
D-1;09/02/2024;Durand;Dan;dan@exemple.fr;60,00;0;Annulée;site;
""".encode("utf-8")
LATER = (SALES.decode("utf-8").splitlines()[0] + """
B-2;01/03/2024;Bernard;Ben;ben@exemple.fr;18,50;0;Payée;site;non
""").encode("utf-8")
NOW = datetime(2024, 4, 1, 12, 0)
COLUMNS = ["valid_orders", "first_ordered_at", "second_ordered_at", "last_ordered_at",
           "purchase_days", "net_spend", "currency", "web_orders", "shop_orders",
           "marketplace_orders", "email_consent"]


def summary(con) -> pd.DataFrame:
    return con.execute("select * from customer_summary order by customer_id").df()


def from_scratch(con) -> pd.DataFrame:
    return con.execute(
        "select facts.*, customers.email_consent"
        " from customer_facts_until(date '9999-12-30') as facts"
        " join customers using (customer_id) order by customer_id").df()


def by_email(con) -> dict[str, int]:
    return dict(con.execute("select email, customer_id from customers").fetchall())


def row(con, email: str) -> list:
    table = summary(con).set_index("customer_id")
    values = table.loc[by_email(con)[email], COLUMNS]
    return [None if pd.isna(v) else v for v in values.tolist()]


@pytest.fixture
def shop(con):
    import_file(con, SALES, "ventes.csv")
    return con


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def test_an_import_fills_the_summary_with_the_hand_computed_figures(shop):
    pd.testing.assert_frame_equal(summary(shop), from_scratch(shop))
    assert row(shop, "ana@exemple.fr") == [
        3, day("2024-02-05"), day("2024-02-10"), day("2024-02-20"), 3, 60.0, "EUR", 1, 1, 1, True]
    assert row(shop, "ben@exemple.fr") == [
        1, day("2024-02-07"), None, day("2024-02-07"), 1, 40.0, "EUR", 1, 0, 0, False]
    # Two orders of one day are two valid orders and one purchase day; the credit note lowers
    # the spend and is no order.
    assert row(shop, "cleo@exemple.fr") == [
        2, day("2024-02-08"), day("2024-02-08"), day("2024-02-08"), 1, 30.0, "EUR", 0, 2, 0, None]
    # A person whose only order is cancelled is a contact, not a customer: no row.
    assert by_email(shop)["dan@exemple.fr"] not in summary(shop)["customer_id"].tolist()


def test_a_later_import_refreshes_the_person_it_touches(shop):
    import_file(shop, LATER, "ventes_mars.csv")
    pd.testing.assert_frame_equal(summary(shop), from_scratch(shop))
    assert row(shop, "ben@exemple.fr") == [
        2, day("2024-02-07"), day("2024-03-01"), day("2024-03-01"), 2, 58.5, "EUR", 2, 0, 0, False]


def test_merge_and_split_refresh_both_people(shop):
    ids = by_email(shop)
    ana, ben = ids["ana@exemple.fr"], ids["ben@exemple.fr"]
    before = summary(shop)
    identity.merge(shop, ana, ben, now=NOW)
    pd.testing.assert_frame_equal(summary(shop), from_scratch(shop))
    assert ben not in summary(shop)["customer_id"].tolist()
    # Ben's "no" to e-mails wins over Ana's "yes" (the merge keeps a refusal).
    assert row(shop, "ana@exemple.fr") == [
        4, day("2024-02-05"), day("2024-02-07"), day("2024-02-20"), 4, 100.0, "EUR", 2, 1, 1, False]
    identity.split(shop, ben, now=NOW)
    pd.testing.assert_frame_equal(summary(shop), from_scratch(shop))
    pd.testing.assert_frame_equal(summary(shop), before)


def test_forget_leaves_no_row_of_the_person(shop):
    cleo = by_email(shop)["cleo@exemple.fr"]
    others = summary(shop).query("customer_id != @cleo").reset_index(drop=True)
    identity.forget(shop, cleo, now=NOW)
    assert cleo not in summary(shop)["customer_id"].tolist()
    pd.testing.assert_frame_equal(summary(shop), from_scratch(shop))
    # (without Cléo's unknown consent the column holds plain bools)
    pd.testing.assert_frame_equal(summary(shop), others, check_dtype=False)


def test_an_old_database_gains_a_filled_summary_when_migrated(shop):
    import store

    expected = summary(shop)
    shop.execute("delete from customer_summary")
    migrations_010_to_012 = ("customer_summary", "currency_rates", "key_sightings")
    shop.execute("delete from schema_version where version between $v and 12",
                 {"v": store.db.SUMMARY_VERSION})
    for table in migrations_010_to_012:
        shop.execute(f"drop table {table}")
    store.migrate(shop)
    pd.testing.assert_frame_equal(summary(shop), expected)


def test_metrics_read_the_summary_only_when_it_covers_their_date(shop):
    from datetime import date

    from metrics.dates import facts_as_of
    from metrics.sql_files import run_sql

    assert facts_as_of(shop, date(2024, 2, 21)) == {"as_of": date(2024, 2, 21),
                                                   "summary_current": True}
    assert facts_as_of(shop, date(2024, 2, 20))["summary_current"] is False
    for name in ("rfm_totals", "report_customer_facts"):
        pd.testing.assert_frame_equal(
            run_sql(shop, name, as_of=date(2024, 2, 21), summary_current=True),
            run_sql(shop, name, as_of=date(2024, 2, 21), summary_current=False))
    # Before Ana's third order the figures come from the orders, not from the summary.
    rfm = run_sql(shop, "rfm_totals", **facts_as_of(shop, date(2024, 2, 19))).set_index(
        "customer_id")
    assert rfm.loc[by_email(shop)["ana@exemple.fr"], ["frequency", "monetary"]].tolist() == [
        2, 50.0]


def test_every_day_reads_the_definition_from_the_summary_and_the_later_buyers(shop):
    """customer_facts_as_of on any day is customer_facts_until on that day: the summary's rows
    of those without money after it, the others computed again from their orders (a week back,
    the few who bought since instead of every order)."""
    from datetime import date, timedelta

    from metrics.dates import facts_as_of

    import_file(shop, LATER, "ventes_mars.csv")
    for offset in range(-1, 27):  # 4 February to 2 March 2024
        params = facts_as_of(shop, date(2024, 2, 5) + timedelta(days=offset))
        read = shop.execute("select * from customer_facts_as_of($as_of, $summary_current)"
                            " order by customer_id", params).df()
        defined = shop.execute("select * from customer_facts_until($as_of) order by customer_id",
                               {"as_of": params["as_of"]}).df()
        pd.testing.assert_frame_equal(read, defined)


def test_a_database_migrated_past_a_gap_gains_the_missing_migration(shop):
    """A base at 012 without 010 (branches merged in another order) gets 010 and a filled
    summary: the migrator applies what is missing, not only what is newer."""
    import store

    expected = summary(shop)
    shop.execute("delete from schema_version where version = $v", {"v": store.db.SUMMARY_VERSION})
    shop.execute("drop table customer_summary")
    assert store.migrate(shop) == max(version for version, _ in store.db.migrations())
    pd.testing.assert_frame_equal(summary(shop), expected)


def repeat_spend(con) -> pd.DataFrame:
    return con.execute("select * from customer_repeat_spend order by customer_id").df()


def repeat_spend_from_scratch(con) -> pd.DataFrame:
    return con.execute(
        "select customer_id, repeat_spend"
        " from customer_occasions_until(date '9999-12-30') where occasions > 1"
        " order by customer_id").df()


def repeat_spend_by_email(con) -> dict[str, float]:
    names = {customer_id: email for email, customer_id in by_email(con).items()}
    table = repeat_spend(con)
    return {names[c]: float(s) for c, s in zip(table["customer_id"], table["repeat_spend"])}


def test_repeat_spend_is_the_spend_after_the_first_purchase_day(shop):
    """Ana's days after 5 February (20.00, then 15.00 less 5.00 refunded; her refund-only order
    is none); Ben and Cléo (two orders on one day, then a credit note) have one occasion: no row."""
    pd.testing.assert_frame_equal(repeat_spend(shop), repeat_spend_from_scratch(shop))
    assert repeat_spend_by_email(shop) == {"ana@exemple.fr": 30.0}


def test_repeat_spend_follows_import_merge_split_and_forget(shop):
    import_file(shop, LATER, "ventes_mars.csv")
    pd.testing.assert_frame_equal(repeat_spend(shop), repeat_spend_from_scratch(shop))
    assert repeat_spend_by_email(shop) == {"ana@exemple.fr": 30.0, "ben@exemple.fr": 18.5}
    ids = by_email(shop)
    ana, ben = ids["ana@exemple.fr"], ids["ben@exemple.fr"]
    before = repeat_spend(shop)
    # Merged, Ana's days are 5, 7, 10, 20 February and 1 March: all but the 30.00 of the first.
    identity.merge(shop, ana, ben, now=NOW)
    pd.testing.assert_frame_equal(repeat_spend(shop), repeat_spend_from_scratch(shop))
    assert repeat_spend_by_email(shop) == {"ana@exemple.fr": 30.0 + 40.0 + 18.5}
    identity.split(shop, ben, now=NOW)
    pd.testing.assert_frame_equal(repeat_spend(shop), before)
    identity.forget(shop, ana, now=NOW)
    pd.testing.assert_frame_equal(repeat_spend(shop), repeat_spend_from_scratch(shop))
    assert repeat_spend_by_email(shop) == {"ben@exemple.fr": 18.5}


def test_a_database_gains_a_filled_repeat_spend_when_migrated(shop):
    import store

    expected = repeat_spend(shop)
    shop.execute("delete from schema_version where version = $v",
                 {"v": store.db.REPEAT_SPEND_VERSION})
    shop.execute("drop table customer_repeat_spend")
    store.migrate(shop)
    pd.testing.assert_frame_equal(repeat_spend(shop), expected)
