"""A form's answers without a score question and e-mail-tool audiences that do not say their
consent are neither sales nor customers nor after-sales: each is named and refused, the database
unchanged, instead of becoming customers. (Reviews, surveys and tickets are imported:
tests/ingest/test_after_sale_import.py; unsubscribe and bounce files: test_consent_files.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import FileRejected
from ingest.pipeline import import_file, preview
from ingest.read import first_line_cells
from tests.ingest.test_pipeline import snapshot

AFTER_SALE = Path(__file__).resolve().parents[2].parent / "shared" / "real-data" / "after-sale"

HAND_MADE = {
    "formulaire.csv": ("Horodateur,Votre avis,Adresse e-mail\n"
                       "02/03/2024 10:00:00,Bien,lea@x.fr\n", "form_answers", "formulaire"),
    "mailchimp.csv": ('"Email Address",MEMBER_RATING,OPTIN_TIME,OPTIN_IP,LEID,EUID\n'
                      "lea@x.fr,2,2023-01-01 10:00:00,1.2.3.4,5,e1\n",
                      "email_audience", "e-mailing"),
}


@pytest.mark.parametrize("name", sorted(HAND_MADE))
def test_each_kind_is_named_and_refused_leaving_the_database_unchanged(con, name):
    text, source, words = HAND_MADE[name]
    assert preview(text.encode(), name).source.name == source
    before = snapshot(con)
    with pytest.raises(FileRejected) as refused:
        import_file(con, text.encode(), name)
    assert words in refused.value.message("fr")
    assert "rien n'a été importé" in refused.value.message("fr")
    assert snapshot(con) == before


def test_a_tills_own_timestamp_column_is_still_sales(con):
    report = import_file(con, b"Timestamp;Date;Total;E-mail\n1709373600;02/03/2024;12,50;"
                         b"lea@x.fr\n", "caisse.csv")
    assert (report.source.name, report.orders_new) == ("generic", 1)


@pytest.mark.skipif(not AFTER_SALE.is_dir(), reason=f"{AFTER_SALE} missing")
@pytest.mark.parametrize("name, source", [
    ("google_forms_fr_rse_responses.csv", "form_answers"),
    ("subscribed_email_audience_export_e6074aaf6f.csv", "email_audience"),
])
def test_the_real_after_sale_exports_are_recognised_as_what_they_are(con, name, source):
    data = (AFTER_SALE / name).read_bytes()
    assert preview(data, name).source.name == source
    with pytest.raises(FileRejected, match="ni des ventes ni un fichier clients"):
        import_file(con, data, name)


@pytest.mark.skipif(not AFTER_SALE.is_dir(), reason=f"{AFTER_SALE} missing")
def test_an_undecodable_audience_is_named_by_its_first_line(con):
    """A file no encoding reads whole (here Mailchimp's, with a DOS byte) is still named by its
    header."""
    data = (AFTER_SALE / "subscribed_email_audience_export_e6074aaf6f.csv").read_bytes()
    data = data.replace(b"\n", b"\n\x82\x90\xff", 1)
    with pytest.raises(FileRejected, match="outil d'e-mailing"):
        import_file(con, data, "audience.csv")


def test_the_first_line_is_read_whatever_the_bytes_after_it():
    data = b'\xef\xbb\xbf"","id","nps","satisfaction"\r\n1;\x82\x90\xff\n'
    assert first_line_cells(data) == ["", "id", "nps", "satisfaction"]
