"""Suppression files recognised without being told (docs/formats-consent.md), each row's
statement stored against its address; and "an unsubscribe wins over any older yes" whatever the
order the files are imported in (store/definitions/10_channel_consent.sql)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store
from ingest.doubts import UnsureImport
from ingest.pipeline import ImportOptions, import_file
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "consent"
REAL = ROOT.parent / "shared" / "real-data" / "after-sale"


def stored(con) -> list[tuple]:
    return con.execute("select address, channel, consent, stated_at from consent_channels"
                       " order by all").fetchall()


def load(con, name: str, **options) -> object:
    return import_file(con, (FIXTURES / name).read_bytes(), name, ImportOptions(**options))


@pytest.mark.parametrize(("name", "source", "rows"), [
    ("mailchimp_unsubscribed.csv", "mailchimp_unsubscribed", [
        ("bruno.petit@exemple.fr", "email", False, datetime(2025, 10, 2, 9, 0)),
        ("claire.martin@exemple.fr", "email", False, datetime(2025, 11, 27, 14, 16, 54)),
    ]),
    ("mailchimp_cleaned.csv", "mailchimp_cleaned", [
        ("adresse.morte@exemple.fr", "email", False, datetime(2025, 8, 19, 11, 0, 14)),
    ]),
    ("brevo_blocklist_status.csv", "brevo_blocklist", [
        ("+33612345678", "sms", False, None),
        ("denise.roux@exemple.fr", "email", False, None),
    ]),
    ("klaviyo_profiles.csv", "klaviyo_consent", [
        ("claire.martin@exemple.fr", "email", True, datetime(2024, 5, 1, 8, 0)),
        ("eric.blanc@exemple.fr", "email", False, datetime(2025, 2, 3, 12, 30)),
        ("fanny.noir@exemple.fr", "email", False, None),  # suppressed (hard bounce)
    ]),  # gilles.vert: NEVER_SUBSCRIBED says nothing
    ("klaviyo_suppressed.csv", "klaviyo_suppressed", [
        ("hugo.gris@exemple.fr", "email", False, datetime(2025, 6, 1)),
    ]),
    ("desinscrits.csv", "unsubscribed_list", [
        ("claire.martin@exemple.fr", "email", False, datetime(2025, 12, 2)),
        ("isabelle.rose@exemple.fr", "email", False, datetime(2025, 11, 15)),
    ]),
    ("ne_pas_appeler.csv", "do_not_call_list", [
        ("+33612345678", "phone", False, None),
        ("+33698765432", "phone", False, None),
    ]),
])
def test_each_suppression_file_is_recognised_and_stored(con, name, source, rows):
    report = load(con, name)
    assert report.source.name == source
    assert report.kind == "consent"
    assert stored(con) == rows
    assert con.execute("select count(*) from customers").fetchone()[0] == 0  # no contact made
    assert con.execute("select count(*) from orders").fetchone()[0] == 0


def test_a_row_without_a_readable_address_is_rejected_with_its_reason(con):
    report = load(con, "desinscrits.csv")
    assert (report.rows_loaded, report.rows_rejected) == (2, 1)
    assert report.rejects["reason_fr"].tolist() == [
        "ni e-mail ni téléphone lisible pour ce refus ou ce consentement"]


def test_a_brevo_export_without_status_is_a_blocklist_only_once_the_owner_says_so(con):
    with pytest.raises(UnsureImport) as asked:
        load(con, "brevo_blocklist.csv")
    assert asked.value.options() == "--source brevo_blocklist"
    assert stored(con) == []
    load(con, "brevo_blocklist.csv", source="brevo_blocklist")
    assert stored(con) == [("denise.roux@exemple.fr", "email", False, None),
                           ("eric.blanc@exemple.fr", "email", False, None)]


def test_the_same_file_twice_changes_nothing(con):
    load(con, "mailchimp_unsubscribed.csv")
    first = stored(con)
    load(con, "mailchimp_unsubscribed.csv")
    assert stored(con) == first


@pytest.mark.skipif(not REAL.exists(), reason="../shared/real-data not here")
def test_the_real_mailchimp_unsubscribed_and_cleaned_exports(con):
    """Counted independently: every data row of each real file is one refusal."""
    for name in ("unsubscribed_email_audience_export_e6074aaf6f.csv",
                 "cleaned_email_audience_export_e6074aaf6f.csv"):
        data = (REAL / name).read_bytes()
        report = import_file(con, data, name)
        assert report.source.name.startswith("mailchimp_")
        lines = data.decode("utf-8").strip().splitlines()
        assert report.rows_loaded + report.rows_rejected == len(lines) - 1
    subscribed = "subscribed_email_audience_export_e6074aaf6f.csv"
    with pytest.raises(Exception, match="outil d'e-mailing"):
        import_file(con, (REAL / subscribed).read_bytes(), subscribed)  # status only in the name


CUSTOMERS = (
    "Email;Prénom;Nom;Téléphone;Newsletter;Accepte les SMS\r\n"
    "claire.martin@exemple.fr;Claire;Martin;06 12 34 56 78;oui;oui\r\n"
    "eric.blanc@exemple.fr;Eric;Blanc;06 98 76 54 32;oui;non\r\n"
    "jean.bon@exemple.fr;Jean;Bon;;oui;\r\n"
).encode("utf-8-sig")
JEAN_LEFT = "Désinscrits;Date\r\njean.bon@exemple.fr;01/01/2025\r\n".encode("utf-8-sig")
JEAN_BACK = (
    "Email,Klaviyo ID,Email Marketing Consent,Email Marketing Consent Timestamp\n"
    "jean.bon@exemple.fr,01HX9,SUBSCRIBED,2025-06-01 10:00:00\n"
).encode()
FILES = {
    "clients.csv": CUSTOMERS,
    "desinscrits_jean.csv": JEAN_LEFT,
    "klaviyo_jean.csv": JEAN_BACK,
    **{name: (FIXTURES / name).read_bytes()
       for name in ("mailchimp_unsubscribed.csv", "klaviyo_profiles.csv", "ne_pas_appeler.csv")},
}
# Hand-derived from the files: Claire's dated refusal (27/11/2025) is later than her Klaviyo yes
# (01/05/2024) and her customer file's yes is undated; Eric unsubscribed in Klaviyo (03/02/2025);
# Jean left on 01/01/2025 and subscribed again on 01/06/2025, a yes strictly later. SMS: the
# customer file's flags, undated. Calls: Claire's and Eric's phones are on « Ne pas appeler ».
EXPECTED = [
    ("claire.martin@exemple.fr", False, True, False),
    ("eric.blanc@exemple.fr", False, False, False),
    ("jean.bon@exemple.fr", True, None, None),
]


def consent_by_customer(con) -> list[tuple]:
    return con.execute(
        "select c.email, x.email_consent, x.sms_consent, x.call_consent"
        " from customer_channels as x join customers as c using (customer_id) order by c.email"
    ).fetchall()


@given(st.permutations(sorted(FILES)))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_unsubscribe_wins_over_any_older_yes_in_every_import_order(order):
    con = store.connect(":memory:")
    try:
        for name in order:
            import_file(con, FILES[name], name)
        assert consent_by_customer(con) == EXPECTED
    finally:
        con.close()


def test_a_refusal_and_a_yes_of_the_same_day_is_a_refusal(con):
    import_file(con, CUSTOMERS, "clients.csv")
    import_file(con, "Désinscrits;Date\r\njean.bon@exemple.fr;01/06/2025\r\n".encode("utf-8-sig"),
                "d.csv")
    import_file(con, JEAN_BACK, "k.csv")  # 01/06/2025 10:00, the refusal 01/06/2025 00:00
    assert consent_by_customer(con)[2] == ("jean.bon@exemple.fr", True, None, None)
    import_file(con, "Désinscrits;Date\r\njean.bon@exemple.fr;2025-06-01 10:00\r\n"
                .encode("utf-8-sig"), "d2.csv")
    assert consent_by_customer(con)[2] == ("jean.bon@exemple.fr", False, None, None)


def test_shopify_customers_accepts_sms_marketing_is_the_phones_sms_consent(con):
    header = (FIXTURES.parent / "sources" / "shopify_customers_export_2024.csv").read_text(
        encoding="utf-8").splitlines()[0]
    rows = [
        "'1,Ana,Roy,ana@exemple.fr,yes,,1 rue A,,Lyon,,FR,69001,,'+33612345678,yes,10.00,1,,no,,no",
        "'2,Bob,Roy,bob@exemple.fr,no,,2 rue B,,Lyon,,FR,69001,,'+33698765432,no,10.00,1,,no,,no",
    ]
    report = import_file(con, "\n".join([header, *rows]).encode(), "customers_export.csv")
    assert report.source.name == "shopify_customers"
    assert consent_by_customer(con) == [("ana@exemple.fr", True, True, None),
                                        ("bob@exemple.fr", False, False, None)]
    assert stored(con) == [("+33612345678", "sms", True, None), ("+33698765432", "sms", False, None)]


def test_a_files_statements_are_numbered_in_one_order_whatever_the_threads(con):
    """The statements of 3,000 addresses listed in no order get their ids in the order of their
    address: numbered in the order DuckDB's threads returned them, the same file imported twice
    numbered them differently (seen comparing two versions' databases)."""
    addresses = [f"client{(i * 7919) % 3000:04d}@exemple.fr" for i in range(3000)]
    text = "Désinscrits\r\n" + "".join(f"{a}\r\n" for a in addresses)
    import_file(con, text.encode("utf-8-sig"), "desinscrits.csv")
    numbered = [a for (a,) in con.execute(
        "select address from consent_channels order by statement_id").fetchall()]
    assert numbered == sorted(addresses)
