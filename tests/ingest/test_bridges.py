"""A record that shows two known customers to be one person merges them at import (the same
person's till tickets and web orders, joined by their customer-file record), so an orders file
and a customers file give the same customers in either order; the owner's decisions win."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store
from ingest import identity
from ingest.pipeline import import_file
from tests.ingest.people import customers_as_people

# Virginie buys on the web with her email, at the till with her phone, and at the till again
# giving only her name and postcode: three customers, nothing links them. Her customer-file
# record has all three keys.
SALES = """N° de commande;Date;Nom;Prénom;E-mail;Téléphone;Code postal;Montant
W1;01/03/2024;Caron;Virginie;v.caron@x.fr;;;20
T1;02/03/2024;CARON;Virginie;;07 15 11 33 66;;9
T2;03/03/2024;CARON;Virginie;;;69002;5
""".encode()
CUSTOMERS = """E-mail;Téléphone;Nom;Prénom;Code postal;Newsletter
v.caron@x.fr;0715113366;Caron;Virginie;69002;oui
""".encode()
WEB, PHONE, NAME = 1, 2, 3  # customer ids the sales file gives


def owners(con) -> dict[str, int]:
    return dict(con.execute("select source_order_id, customer_id from orders").fetchall())


def decisions(con) -> list[tuple]:
    return con.execute("select action, kept_customer_id, merged_customer_id from customer_merges "
                       "order by all").fetchall()


def test_the_sales_file_alone_gives_three_customers(con):
    import_file(con, SALES, "ventes.csv")
    assert owners(con) == {"W1": WEB, "T1": PHONE, "T2": NAME}


def test_the_customer_file_merges_the_three_into_the_oldest(con):
    import_file(con, SALES, "ventes.csv")
    report = import_file(con, CUSTOMERS, "clients.csv")
    assert (report.customers_new, report.customers_merged) == (0, 2)
    assert owners(con) == {"W1": WEB, "T1": WEB, "T2": WEB}
    assert con.execute("select customer_id, email, phone, postal_code, email_consent "
                       "from customers").fetchall() == [
        (WEB, "v.caron@x.fr", "+33715113366", "69002", True)]
    assert decisions(con) == [("auto", WEB, PHONE), ("auto", WEB, NAME)]
    assert report.notes[-1][0].startswith("2 clients déjà connus réunis à un autre")
    again = import_file(con, CUSTOMERS, "clients.csv")
    assert again.customers_merged == 0 and owners(con) == {"W1": WEB, "T1": WEB, "T2": WEB}


def test_either_order_gives_the_same_customers(con):
    import_file(con, SALES, "ventes.csv")
    import_file(con, CUSTOMERS, "clients.csv")
    reverse = store.connect(":memory:")
    import_file(reverse, CUSTOMERS, "clients.csv")
    assert import_file(reverse, SALES, "ventes.csv").customers_merged == 0
    assert customers_as_people(reverse) == customers_as_people(con)
    reverse.close()


def test_an_automatic_merge_split_by_the_owner_is_not_made_again(con):
    import_file(con, SALES, "ventes.csv")
    import_file(con, CUSTOMERS, "clients.csv")
    assert identity.split(con, PHONE) == WEB
    assert import_file(con, CUSTOMERS, "clients.csv").customers_merged == 0
    assert owners(con) == {"W1": WEB, "T1": PHONE, "T2": WEB}


def test_customers_kept_apart_are_not_merged_and_the_rest_is(con):
    import_file(con, SALES, "ventes.csv")
    identity.keep_apart(con, WEB, NAME)
    report = import_file(con, CUSTOMERS, "clients.csv")
    assert report.customers_merged == 1
    assert owners(con) == {"W1": WEB, "T1": WEB, "T2": NAME}
    assert decisions(con) == [("auto", WEB, PHONE), ("distinct", WEB, NAME)]


def test_a_record_joining_customers_kept_apart_merges_none_of_its_customers(con):
    """The record joins all three; two of them are different people, so the record is no
    evidence for the rest either."""
    import_file(con, SALES, "ventes.csv")
    identity.keep_apart(con, PHONE, WEB)
    assert import_file(con, CUSTOMERS, "clients.csv").customers_merged == 0
    assert owners(con) == {"W1": WEB, "T1": PHONE, "T2": NAME}


def test_a_bare_row_does_not_merge_namesakes_with_different_emails(con):
    import_file(con, ("E-mail;Nom;Prénom;Code postal\nm1@x.fr;Martin;Marie;69001\n"
                      "m2@x.fr;MARTIN;Marie;69001\n").encode(), "clients.csv")
    report = import_file(con, "N° ticket;Date;Nom;Prénom;Code postal;Montant\n"
                         "T1;01/03/2024;Martin;Marie;69001;9\n".encode(), "caisse.csv")
    assert report.customers_merged == 0
    assert con.execute("select count(*) from customers").fetchone()[0] == 3


# People drawn from a few emails, phones, names and postcodes, so that records collide often.
RECORD = st.fixed_dictionaries({
    "email": st.sampled_from(["", "a@x.fr", "b@x.fr"]),
    "phone": st.sampled_from(["", "0611111111", "0622222222"]),
    "name": st.sampled_from(["Martin;Marie", "Petit;Jean"]),
    "postcode": st.sampled_from(["", "69001"]),
})


def orders_file(records: list[dict]) -> bytes:
    rows = [f"C{i};0{1 + i % 9}/03/2024;{r['name']};{r['email']};{r['phone']};{r['postcode']};10"
            for i, r in enumerate(records)]
    return ("N° de commande;Date;Nom;Prénom;E-mail;Téléphone;Code postal;Montant\n"
            + "\n".join(rows) + "\n").encode()


def customers_file(records: list[dict]) -> bytes:
    rows = [f"{r['email']};{r['phone']};{r['name']};{r['postcode']}" for r in records]
    return ("E-mail;Téléphone;Nom;Prénom;Code postal\n" + "\n".join(rows) + "\n").encode()


def identified(records: list[dict]) -> list[dict]:
    return [r for r in records if r["email"] or r["phone"] or r["postcode"]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(orders=st.lists(RECORD, min_size=1, max_size=6),
       contacts=st.lists(RECORD, min_size=1, max_size=4).map(identified).filter(bool))
def test_orders_and_customers_in_either_order_give_the_same_customers(orders, contacts):
    results = []
    for files in ([(orders_file(orders), "ventes.csv"), (customers_file(contacts), "clients.csv")],
                  [(customers_file(contacts), "clients.csv"), (orders_file(orders), "ventes.csv")]):
        con = store.connect(":memory:")
        for data, name in files:
            import_file(con, data, name)
        results.append(customers_as_people(con))
        con.close()
    assert results[0] == results[1]
