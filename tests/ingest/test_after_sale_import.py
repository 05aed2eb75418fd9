"""Review, survey and ticket files: each format recognised without being told, every row loaded or
rejected with its line, linked to the customer it is about by e-mail, order number or customer
number (or to nobody, counted), all or nothing, the same file twice changing nothing."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from ingest import aftersale_load
from ingest.aftersale import scale_unsure
from ingest.doubts import UnsureImport
from ingest.errors import FileRejected
from ingest.pipeline import ImportOptions, import_file, preview

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "after_sale"
AFTER_SALE = Path(__file__).resolve().parents[2].parent / "shared" / "real-data" / "after-sale"
SHOP = ("N° de commande;Date;N° client;Prénom;Nom;E-mail;Montant\n"
        "W-1001;01/03/2026;C-0001;Léa;Martin;lea.martin@example.fr;25,00\n"
        "W-1002;02/03/2026;C-0001;Léa;Martin;lea.martin@example.fr;12,00\n"
        "W-1003;03/03/2026;C-0002;Paul;Durand;paul.durand@example.fr;30,00\n"
        "W-1004;04/03/2026;C-0003;Marc;Petit;marc.petit@example.fr;18,00\n").encode()
TABLE = {"reviews": "reviews", "survey": "survey_answers", "tickets": "tickets"}
KEY = {"reviews": "review_id", "survey": "answer_id", "tickets": "ticket_id"}
# file -> (source, kind, the customer of each loaded row in the file's order (None: nobody))
FORMATS = {
    "trustpilot_reviews.csv": ("trustpilot", "reviews", ["Léa", "Léa", None]),
    "avis_verifies_reviews.csv": ("avis_verifies", "reviews", ["Léa", "Paul", None]),
    "judgeme_reviews.csv": ("judgeme", "reviews", ["Léa", "Paul"]),
    "woocommerce_product_reviews.csv": ("woocommerce_reviews", "reviews", ["Léa", "Marc"]),
    "google_reviews.csv": ("google_reviews", "reviews", [None, None, None]),
    "google_forms_nps_fr.csv": ("google_forms", "survey", ["Léa", "Paul", None]),
    "google_forms_nps_en.csv": ("google_forms", "survey", ["Léa", "Marc", "Paul"]),
    "google_forms_recommend_1_5_fr.csv": ("google_forms", "survey", ["Léa", "Marc"]),
    "typeform_nps.csv": ("typeform", "survey", ["Léa", "Paul", None]),
    "tally_nps.csv": ("tally", "survey", ["Léa", "Marc"]),
    "zendesk_tickets.csv": ("zendesk", "tickets", ["Léa", "Paul", None]),
    "freshdesk_tickets.csv": ("freshdesk", "tickets", ["Léa", "Paul", None]),
    "gorgias_tickets.csv": ("gorgias", "tickets", ["Marc", "Léa"]),
    "fiche_sav.csv": ("fiche_sav", "tickets", ["Léa", "Paul", "Paul", None]),
}


@pytest.fixture
def shop(con):
    import_file(con, SHOP, "ventes.csv")
    return con


def linked_names(con, kind: str) -> list[str | None]:
    rows = con.execute(
        f"select c.first_name from {TABLE[kind]} as t left join customers as c using (customer_id)"
        f" order by t.{KEY[kind]}").fetchall()
    return [row[0] for row in rows]


def test_every_format_has_its_fixture():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_is_recognised_and_linked_without_being_told(shop, name):
    source, kind, names = FORMATS[name]
    data = (FIXTURES / name).read_bytes()
    assert preview(data, name).source.name == source
    report = import_file(shop, data, name)
    assert (report.kind, report.rows_loaded) == (kind, len(names))
    assert report.after_sale.new == len(names)
    assert linked_names(shop, kind) == names
    unmatched = names.count(None)
    assert (report.after_sale.linked, report.after_sale.unmatched) == (len(names) - unmatched,
                                                                       unmatched)
    if unmatched:
        assert any(f"{unmatched} ligne" in fr and "aucun client connu" in fr
                   for fr, _ in report.notes)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_same_file_twice_changes_nothing(shop, name):
    data = (FIXTURES / name).read_bytes()
    kind = FORMATS[name][1]
    import_file(shop, data, name)
    before = shop.execute(f"select * exclude (import_id) from {TABLE[kind]} order by all"
                          ).fetchall()
    again = import_file(shop, data, name)
    assert (again.after_sale.new, again.after_sale.updated) == (0, 0)
    assert again.after_sale.unchanged == len(FORMATS[name][2])
    assert shop.execute(f"select * exclude (import_id) from {TABLE[kind]} order by all"
                        ).fetchall() == before


def test_review_values_as_the_file_gives_them(shop):
    import_file(shop, (FIXTURES / "trustpilot_reviews.csv").read_bytes(), "t.csv")
    assert shop.execute(
        "select source, source_review_id, order_ref, reviewed_at, rating, title, replied_at "
        "from reviews order by review_id limit 1").fetchone() == (
        "trustpilot", "663d40378de0a14c26c2f63c", "W-1001", datetime(2026, 3, 9, 23, 29),
        Decimal("5.0"), "Très bon savon", datetime(2026, 3, 10, 8, 12))


def test_stars_out_of_10_are_brought_back_to_5(con):
    data = ("title,body,rating,review_date,reviewer_name,reviewer_email,product_handle,curated\n"
            "a,b,6,2025-01-01,R***y.,r@x.fr,savon,ok\n"
            "c,d,10,2025-01-01,M***e.,m@x.fr,savon,ok\n").encode()
    report = import_file(con, data, "judgeme_import.csv")
    assert [r[0] for r in con.execute("select rating from reviews order by review_id").fetchall()
            ] == [Decimal("3.0"), Decimal("5.0")]
    assert any("sur 10" in fr for fr, _ in report.notes)


def test_survey_scales_and_words(shop):
    import_file(shop, (FIXTURES / "google_forms_nps_en.csv").read_bytes(), "en.csv")
    import_file(shop, (FIXTURES / "google_forms_recommend_1_5_fr.csv").read_bytes(), "fr.csv")
    rows = shop.execute("select answered_at, nps_score, recommend_5, csat_score, comment "
                        "from survey_answers order by answer_id").fetchall()
    assert rows == [
        (datetime(2026, 3, 15, 10, 23, 45), 9, None, 5, "Lovely soaps"),
        (datetime(2026, 3, 16, 15, 5, 10), 3, None, 2, "Broken candle"),
        (datetime(2026, 3, 17, 9, 0), 7, None, 4, None),
        (datetime(2026, 3, 20, 10, 0), None, 5, 5, None),
        (datetime(2026, 3, 21, 11, 0), None, 2, 2, "Bougie cassée"),
    ]


def test_a_recommendation_answered_only_from_0_to_5_asks_its_scale(con):
    data = ("Horodateur,Adresse e-mail,Recommanderiez-vous notre boutique ?\n"
            "20/03/2026 10:00:00,a@x.fr,4\n20/03/2026 11:00:00,b@x.fr,2\n").encode()
    found = preview(data, "avis.csv")
    assert scale_unsure(found.table, found.source, found.mapping)  # the preview asks already
    with pytest.raises(UnsureImport) as unsure:
        import_file(con, data, "avis.csv")
    assert [d.topic for d in unsure.value.doubts] == ["scale"]
    assert con.execute("select count(*) from survey_answers").fetchone() == (0,)
    import_file(con, data, "avis.csv", ImportOptions(scale="10"))
    assert con.execute("select nps_score, recommend_5 from survey_answers order by 1"
                       ).fetchall() == [(2, None), (4, None)]


@pytest.mark.parametrize("name", ["google_forms_nps_fr.csv", "google_forms_recommend_1_5_fr.csv",
                                  "trustpilot_reviews.csv"])
def test_the_preview_asks_no_scale_when_the_file_tells(name):
    found = preview((FIXTURES / name).read_bytes(), name)
    assert not scale_unsure(found.table, found.source, found.mapping)


def test_ticket_values_and_first_contact(shop):
    import_file(shop, (FIXTURES / "zendesk_tickets.csv").read_bytes(), "z.csv")
    import_file(shop, (FIXTURES / "freshdesk_tickets.csv").read_bytes(), "f.csv")
    rows = shop.execute("select source_ticket_id, opened_at, first_response_at, resolved_at, "
                        "status, reason, one_touch from tickets order by ticket_id").fetchall()
    assert rows == [
        ("101", datetime(2026, 3, 2, 10, 15), datetime(2026, 3, 2, 11, 0),
         datetime(2026, 3, 3, 9, 0), "solved", "Colis abîmé", True),
        ("102", datetime(2026, 3, 5, 16, 0), None, None, "open", "Retard de livraison", None),
        ("103", datetime(2026, 3, 6, 9, 0), datetime(2026, 3, 6, 11, 0),
         datetime(2026, 3, 9, 9, 0), "closed", "Remboursement", False),
        ("1", datetime(2026, 3, 3, 16, 29, 8), None, datetime(2026, 3, 4, 10, 0), "solved",
         "Savon cassé à la livraison", None),
        ("2", datetime(2026, 3, 4, 11, 38, 4), None, None, "pending", "Où est ma commande ?",
         None),
        ("3", datetime(2026, 3, 5, 9, 0), None, None, "open", "Question sur un parfum", None),
    ]


def test_a_bad_row_is_rejected_with_its_line_and_the_rest_loaded(shop):
    report = import_file(shop, (FIXTURES / "fiche_sav.csv").read_bytes(), "fiche_sav.csv")
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (5, 4, 1)
    assert report.rejects[["row_number", "reason_fr"]].values.tolist() == [
        [5, "date illisible dans « Date »"]]
    assert shop.execute("select row_number, reason from rejects").fetchall() == [
        (5, "date illisible dans « Date »")]
    assert shop.execute("select status, resolved_at, order_ref from tickets order by ticket_id"
                        ).fetchall() == [("solved", datetime(2026, 3, 4), None),
                                         ("open", None, "W-1003"),
                                         ("closed", datetime(2026, 3, 9), None),  # C-0002: a client
                                         ("open", None, None)]


def test_all_or_nothing(shop, monkeypatch):
    """A failure after the first rows are written leaves no import, row or reject behind."""
    before = {t: shop.execute(f"select count(*) from {t}").fetchone()
              for t in ("imports", "tickets", "rejects")}

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(aftersale_load, "link_notes", broken)
    with pytest.raises(RuntimeError):
        import_file(shop, (FIXTURES / "fiche_sav.csv").read_bytes(), "fiche_sav.csv")
    assert {t: shop.execute(f"select count(*) from {t}").fetchone()
            for t in ("imports", "tickets", "rejects")} == before


def test_a_later_export_updates_what_changed(shop):
    first = ("Ticket ID,Subject,Status,Created time,Resolved time,Email\n"
             "7,Colis,Open,2026-03-02 10:00:00,,lea.martin@example.fr\n").encode()
    later = ("Ticket ID,Subject,Status,Created time,Resolved time,Email\n"
             "7,Colis,Resolved,2026-03-02 10:00:00,2026-03-03 10:00:00,lea.martin@example.fr\n"
             "8,Retour,Open,2026-03-04 10:00:00,,paul.durand@example.fr\n").encode()
    import_file(shop, first, "tickets_mars.csv")
    report = import_file(shop, later, "tickets_avril.csv")
    assert (report.after_sale.new, report.after_sale.updated, report.after_sale.unchanged) == (
        1, 1, 0)
    assert shop.execute("select source_ticket_id, status from tickets order by 1").fetchall() == [
        ("7", "solved"), ("8", "open")]


def test_an_order_number_of_several_customers_links_nobody(con):
    import_file(con, b"N\xc2\xb0 de commande;Date;E-mail;Montant\n"
                     b"1855;01/03/2026;a@x.fr;10,00\n", "caisse_a.csv")
    import_file(con, b"N\xc2\xb0 de commande;Date;E-mail;Montant\n"
                     b"1855;02/03/2026;b@x.fr;11,00\n", "caisse_b.csv",
                ImportOptions(order_ids="separate"))
    report = import_file(con, ("id_review;order_ref;review_date;review;rate\n"
                               "1;#1855;15/03/2026 10:12;Bien;4\n").encode(), "avis.csv")
    assert (report.after_sale.linked, report.after_sale.unmatched) == (0, 1)


def test_a_workbook_survey(shop):
    """Typeform and Google Forms also download as XLSX: the same answers from a workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    lines = (FIXTURES / "typeform_nps.csv").read_text(encoding="utf-8").splitlines()
    for row in csv.reader(lines):
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    report = import_file(shop, buffer.getvalue(), "responses.xlsx")
    assert (report.source.name, report.rows_loaded) == ("typeform", 3)
    assert linked_names(shop, "survey") == ["Léa", "Paul", None]


def test_a_file_without_a_score_is_refused_saying_what_to_map(con):
    with pytest.raises(FileRejected, match="aucune colonne de note"):
        import_file(con, b"Review ID,Review Created (UTC),Review Title\n1,2026-03-01,a\n",
                    "avis.csv", ImportOptions(source="trustpilot"))


@pytest.mark.skipif(not AFTER_SALE.is_dir(), reason=f"{AFTER_SALE} missing")
@pytest.mark.parametrize("name, source, rows", [
    ("trustpilot_puregym_reviews.xlsx", "trustpilot", 11000),
    ("google_reviews_puregym.xlsx", "google_reviews", 21000),
    ("freshdesk_trial_tickets.csv", "freshdesk", None),
])
def test_the_real_exports_import(con, name, source, rows):
    """Real files read in place: every row loaded or rejected, none linked (no customer known)."""
    data = (AFTER_SALE / name).read_bytes()
    report = import_file(con, data, name)
    assert report.source.name == source
    assert report.rows_loaded + report.rows_rejected == report.rows_read
    if rows is not None:
        assert report.rows_read == rows
    assert report.after_sale.unmatched == report.rows_loaded


def test_rows_without_an_id_are_the_same_rows_from_the_workbook_copy(shop):
    """A Google Forms sheet has no answer id: its rows are keyed by their content, so the same
    answers downloaded again as XLSX are recognised, not added twice."""
    name = "google_forms_nps_en.csv"
    import_file(shop, (FIXTURES / name).read_bytes(), name)
    book = openpyxl.Workbook()
    for row in csv.reader((FIXTURES / name).read_text(encoding="utf-8").splitlines()):
        book.active.append([int(cell) if cell.isdigit() else cell for cell in row])  # numbers
    buffer = BytesIO()
    book.save(buffer)
    again = import_file(shop, buffer.getvalue(), "reponses.xlsx")
    assert (again.after_sale.new, again.after_sale.unchanged) == (0, 3)


@pytest.mark.skipif(not AFTER_SALE.is_dir(), reason=f"{AFTER_SALE} missing")
def test_the_real_trustpilot_export_as_a_plain_read_sees_it(con):
    """Its reviews, stars and replies counted by a plain read of the workbook: 5 reviews are
    listed twice, identical; the second copy of each is rejected with the line of the first."""
    path = AFTER_SALE / "trustpilot_puregym_reviews.xlsx"
    header, *body = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    first: dict = {}
    for row in body:
        first.setdefault(row[header.index("Review ID")], row)
    stars = [float(row[header.index("Review Stars")]) for row in first.values()]
    replied = sum(row[header.index("Company Reply Date (UTC)")] not in ("", None)
                  for row in first.values())
    report = import_file(con, path.read_bytes(), path.name)
    assert (report.rows_loaded, report.rows_rejected) == (len(first), len(body) - len(first))
    assert report.rejects["reason_fr"].str.startswith("même identifiant qu'à la ligne").all()
    count, mean, replies = con.execute(
        "select count(*), avg(rating)::double, count(replied_at) from reviews").fetchone()
    assert (count, replies) == (len(first), replied)
    assert mean == pytest.approx(sum(stars) / len(stars), abs=1e-12)
