"""Suspected duplicates on a hand-written customer table (identity.duplicates)."""

from __future__ import annotations

import pandas as pd
import pytest

from identity import decisions as identity
from identity import duplicates
from tests.metrics.factories import insert_orders

#  id  first  last    email                  phone         postcode  valid orders
#   1  Marie  Dupont  marie.dupont@gmail.com +33611111111  69001     2 (30 + 20)
#   2  Marie  DUPONT  -                      +33611111111  -         1 (15)
#   3  Jean   Martin  jean.martin@free.fr    -             38000     1 (40)
#   4  Jean   Martin  jean.martin@orange.fr  -             38000     3 (10 each)
#   5  Paul   Durand  -                      -             69002     0
#   6  PAUL   durand  p.durand@sfr.fr        -             69002     1 (25)
#   7  Luc    Petit   l.petit@x.fr           -             75001     0
#   8  Luc    Petit   -                      -             69003     0   (two postcodes: apart)
#   9  Anne   Roux    anne@x.fr              -             -         0
#  10  Anne   Roux    anne@x.fr              -             -         0
#  11  Ève    Blanc   -                      -             -         0
#  12  Eve    BLANC   -                      -             -         0
PEOPLE = [
    (1, "Marie", "Dupont", "marie.dupont@gmail.com", "+33611111111", "69001"),
    (2, "Marie", "DUPONT", None, "+33611111111", None),
    (3, "Jean", "Martin", "jean.martin@free.fr", None, "38000"),
    (4, "Jean", "Martin", "jean.martin@orange.fr", None, "38000"),
    (5, "Paul", "Durand", None, None, "69002"),
    (6, "PAUL", "durand", "p.durand@sfr.fr", None, "69002"),
    (7, "Luc", "Petit", "l.petit@x.fr", None, "75001"),
    (8, "Luc", "Petit", None, None, "69003"),
    (9, "Anne", "Roux", "anne@x.fr", None, None),
    (10, "Anne", "Roux", "anne@x.fr", None, None),
    (11, "Ève", "Blanc", None, None, None),
    (12, "Eve", "BLANC", None, None, None),
]
ORDERS = [
    {"customer_id": 1, "ordered_at": "2024-01-05 10:00", "amount": 30.0},
    {"customer_id": 1, "ordered_at": "2024-02-05 10:00", "amount": 20.0},
    {"customer_id": 2, "ordered_at": "2024-03-05 10:00", "amount": 15.0, "channel": "shop"},
    {"customer_id": 3, "ordered_at": "2024-01-10 10:00", "amount": 40.0},
    {"customer_id": 4, "ordered_at": "2024-01-11 10:00", "amount": 10.0},
    {"customer_id": 4, "ordered_at": "2024-01-12 10:00", "amount": 10.0},
    {"customer_id": 4, "ordered_at": "2024-01-13 10:00", "amount": 10.0},
    {"customer_id": 5, "ordered_at": "2024-01-14 10:00", "amount": 50.0, "status": "cancelled"},
    {"customer_id": 6, "ordered_at": "2024-01-15 10:00", "amount": 25.0},
]
# kept, merged, score = 1 - prod(1 - weight), reasons strongest first
EXPECTED = [
    (9, 10, 0.95, ["same_email"]),
    (1, 2, 0.94, ["same_phone", "name_no_email"]),  # 1 - 0.1 x 0.6
    (4, 3, 0.85, ["email_local_name", "name_postcode_other_email"]),  # 1 - 0.3 x 0.5; 4 buys more
    (6, 5, 0.8, ["name_postcode_no_email"]),  # 6 has the email
    (11, 12, 0.4, ["name_no_email"]),  # accents and capitals do not matter
]


def insert_customers(con, frame: pd.DataFrame) -> None:
    """Customers (customer_id, first_name, last_name, email, phone, postal_code) as they are."""
    cur = con.cursor()
    cur.register("people", frame)
    cur.execute(
        "insert into customers (customer_id, first_name, last_name, email, phone, postal_code,"
        " first_seen, import_id) select *, timestamp '2024-01-01', 1 from people")
    cur.close()


@pytest.fixture
def people(con):
    insert_customers(con, pd.DataFrame(PEOPLE, columns=["customer_id", "first_name", "last_name",
                                                        "email", "phone", "postal_code"]))
    insert_orders(con, ORDERS)
    return con


def pairs(con) -> list[tuple]:
    found = duplicates.suspected_pairs(con)
    return [(k, m, s, list(r)) for k, m, s, r in
            zip(found["kept_id"], found["merged_id"], found["score"], found["reasons"])]


def test_pairs_reasons_scores_and_the_customer_to_keep(people):
    assert pairs(people) == EXPECTED


def test_each_side_is_described_with_its_valid_orders_and_net_spend(people):
    found = duplicates.suspected_pairs(people).set_index(["kept_id", "merged_id"])
    row = found.loc[(4, 3)]
    assert (row["kept_name"], row["kept_email"], row["kept_postal_code"]) == (
        "Jean Martin", "jean.martin@orange.fr", "38000")
    assert (row["kept_orders"], float(row["kept_spend"])) == (3, 30.0)
    assert (row["merged_orders"], float(row["merged_spend"])) == (1, 40.0)
    paul = found.loc[(6, 5)]
    assert (paul["merged_orders"], float(paul["merged_spend"])) == (0, 0.0)  # cancelled only


def test_a_credit_note_lowers_its_customer_s_spend_not_their_orders(people):
    insert_orders(people, [{"customer_id": 4, "ordered_at": "2024-02-01 10:00", "amount": -5.0,
                            "status": "credit_note"}])
    row = duplicates.suspected_pairs(people).set_index(["kept_id", "merged_id"]).loc[(4, 3)]
    assert (row["kept_orders"], float(row["kept_spend"])) == (3, 25.0)


def test_pairs_the_owner_decided_about_are_not_suggested_again(people):
    identity.keep_apart(people, 12, 11)
    identity.merge(people, 1, 2)
    identity.merge(people, 4, 3)
    identity.split(people, 3)
    assert pairs(people) == [EXPECTED[0], EXPECTED[3]]


def test_standing_merges_say_what_moved_and_whether_a_split_is_possible(people):
    identity.merge(people, 1, 2)
    identity.merge(people, 6, 5)
    merges = duplicates.standing_merges(people).set_index("merged_id")
    assert merges.loc[2, ["kept_id", "kept_name", "merged_name", "merged_phone", "orders_moved",
                          "can_split"]].tolist() == [1, "Marie Dupont", "Marie DUPONT",
                                                     "+33611111111", 1, True]
    assert merges.loc[5, "orders_moved"] == 1  # the cancelled order moves too
    identity.merge(people, 9, 1)
    merges = duplicates.standing_merges(people).set_index("merged_id")
    assert merges.loc[[2, 1], "can_split"].tolist() == [False, True]


def test_an_empty_database_has_no_pairs(con):
    assert duplicates.suspected_pairs(con).empty
    assert duplicates.standing_merges(con).empty


def namesakes(con, count: int) -> pd.DataFrame:
    """`count` customers named Marie Martin in 75011, each with an email of her own."""
    insert_customers(con, pd.DataFrame({
        "customer_id": range(1, count + 1), "first_name": "Marie", "last_name": "Martin",
        "email": [f"m{i}@x.fr" for i in range(count)], "phone": None, "postal_code": "75011"}))
    return duplicates.suspected_pairs(con)


def test_ten_namesakes_are_paired(con):
    found = namesakes(con, 10)
    assert len(found) == 45  # 10 x 9 / 2
    assert set(found["reasons"].map(tuple)) == {("name_postcode_other_email",)}


def test_a_common_name_is_not_a_clue(con):
    """Eleven Marie Martin with their own emails at one postcode are eleven people: the name
    alone no longer suggests 55 pairs (a big shop's namesakes made hundreds of thousands)."""
    assert namesakes(con, 11).empty


def test_the_first_pairs_and_how_many_there_are(people):
    found = duplicates.suspected_pairs(people, limit=2)
    first_two = [(kept, merged) for kept, merged, _, _ in EXPECTED[:2]]
    assert list(zip(found["kept_id"], found["merged_id"])) == first_two
    assert found["pairs_total"].tolist() == [len(EXPECTED)] * 2
