"""Import notes around a count take the count's plural form (issue 13: "2 téléphone
illisibles", "1 lignes ignorées" were shown)."""

from __future__ import annotations

import pytest

from ingest.pipeline import import_file

HEADER = "N° de commande;Date;Montant;E-mail;Téléphone\n"


def sales(*phones: str) -> bytes:
    rows = [f"C{i};15/03/2024;12,50;client{i}@exemple.fr;{phone}\n" for i, phone in
            enumerate(phones)]
    return (HEADER + "".join(rows)).encode("utf-8")


@pytest.mark.parametrize(("phones", "fr", "en"), [
    (("abc", "06 12 34 56 78", "07 12 34 56 78"),
     "1 téléphone illisible laissé vide", "1 unreadable phone number left blank"),
    (("abc", "xyz", "07 12 34 56 78"),
     "2 téléphones illisibles laissés vides", "2 unreadable phone numbers left blank"),
])
def test_unreadable_phones_note_agrees_with_its_count(con, phones, fr, en):
    report = import_file(con, sales(*phones), "ventes.csv")
    assert (fr, en) in report.notes
