"""The Segments and Fiche client pages run by AppTest on the demo shop (figures shown = metrics
results) and on an empty database. Downloads cannot be clicked in AppTest (PITFALLS.md): the
files and the export log are tested in tests/test_exports.py, and the Segments export's button
data (the function Streamlit runs at the click) is run by the test itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
import streamlit as st

import exports
from streamlit.testing.v1 import AppTest

from exports import build_export, export_log
from metrics import at_risk as risk
from metrics import clv, dates, report, rfm
from metrics.customer import customer_card, search
from metrics.segment import (
    SegmentFilter,
    list_summary,
    segment_customers,
    segment_table,
    segment_totals,
)
from tests.metrics.factories import insert_orders
from tests.ui.conftest import app, connected, shown_metrics
from ui import format, segments_data
from ui.data import connection


@pytest.fixture
def demo(demo_db):
    """A read-only look at the demo database, closed before the app opens it."""
    def expected(compute):
        with connected(demo_db) as con:
            return compute(con, dates.latest_order_date(con))
    return expected


def people_figures(summary: dict, lang: str = "fr", everyone: bool = False) -> dict[str, str]:
    """The builder's three figures; without any criterion the list is the whole base, contacts
    who never bought included, and says so ("Personnes dans la base", not "clients")."""
    labels = {"fr": ("Personnes dans la liste", "Acceptent les e-mails", "Dépense nette cumulée"),
              "en": ("People in the list", "Accept emails", "Total net spend")}[lang]
    if everyone:
        labels = ({"fr": "Personnes dans la base", "en": "People in the base"}[lang], *labels[1:])
    return {
        labels[0]: format.number(summary["people"], 0, lang),
        labels[1]: format.number(summary["reachable"], 0, lang),
        labels[2]: format.money(summary["net_spend"], lang),
    }


def open_page(page: str, lang: str = "fr") -> AppTest:
    """The app run once, straight on ``page`` (a second run in English trips AppTest: it formats
    the sidebar's week outside the session, in French)."""
    at = app()
    at.session_state["lang"] = lang
    at.switch_page(page).run()
    assert not at.exception
    return at


def test_the_segments_page_totals_its_list_once(demo_db, use_db, monkeypatch):
    """The list's figures and the export's counts come from one count of the list in the
    database (0.35 s each at 10M lines), not one each."""
    counted = []

    def counting(*args, **kwargs):
        counted.append(args[1])
        return segment_totals(*args, **kwargs)

    monkeypatch.setattr(segments_data.segment, "segment_totals", counting)
    use_db(demo_db)
    open_page("views/segments.py")
    assert len(counted) == 1


def test_segments_page_shows_the_metrics_figures(demo_db, demo, use_db):
    everyone = SegmentFilter()
    summary, table, export = demo(lambda con, as_of: (
        list_summary(segment_customers(con, everyone, as_of)),
        segment_table(con, as_of),
        build_export(segment_customers(con, everyone, as_of), "csv"),
    ))
    use_db(demo_db)
    at = open_page("views/segments.py")
    assert at.title[0].value == "Segments"
    assert people_figures(summary, everyone=True).items() <= shown_metrics(at).items()
    shown = at.dataframe[0].value
    assert shown["Segment"].tolist() == table["segment_fr"].tolist()
    assert shown["Clients (depuis le début)"].tolist() == [
        format.number(n) for n in table["customers"]]
    assert shown["Il y a 7 jours"].tolist() == [format.number(n) for n in table["last_week"]]
    assert shown["Arrivés"].tolist() == [format.number(n) for n in table["moved_in"]]
    assert shown["Dépense nette cumulée"].tolist() == [
        format.money(v, "fr", 0) for v in table["revenue"]
    ]
    assert len(at.dataframe[1].value) == summary["people"]  # fewer than LIST_SHOWN
    assert at.info[0].value == (
        f"{format.number(export.rows)} personnes dans le fichier ; "
        f"{format.number(export.left_out)} laissées de côté faute de consentement pour ce canal."
    )
    assert export.rows == summary["reachable"]
    assert len(at.get("download_button")) == 1


def test_the_export_is_built_and_logged_at_the_click(demo_db, demo, use_db, monkeypatch):
    """Opening the page builds no file and logs nothing (fetching a 10M-line shop's 768,000
    people for the file took 2 s); the button's data, which Streamlit runs at the click, builds
    the file the page counted and logs it, once per click."""
    buttons, built = [], []
    real_button, real_build = st.download_button, exports.build_export

    def button_spy(*args, **kwargs):
        buttons.append(kwargs)
        return real_button(*args, **kwargs)

    def build_spy(*args, **kwargs):
        built.append(len(args[0]))
        return real_build(*args, **kwargs)

    monkeypatch.setattr(st, "download_button", button_spy)
    monkeypatch.setattr(exports, "build_export", build_spy)
    summary = demo(lambda con, as_of: list_summary(segment_customers(con, SegmentFilter(), as_of)))
    use_db(demo_db)
    at = open_page("views/segments.py")
    assert at.info[0].value.startswith(f"{format.number(summary['reachable'])} personnes")
    [button] = buttons
    assert not built and export_log(connection()).empty
    rows = button["data"]().decode("utf-8-sig").split("\r\n")
    assert built == [summary["people"]]
    assert len(rows) == 1 + summary["reachable"] + 1  # the header, the people, the last newline
    assert rows[0].startswith("N° client;Prénom;Nom;E-mail;")
    log = export_log(connection())
    assert log[["format", "consent_only", "rows_exported", "rows_left_out", "file_name"]].to_dict(
        "records") == [{"format": "csv", "consent_only": True,
                        "rows_exported": summary["reachable"],
                        "rows_left_out": summary["left_out"],
                        "file_name": button["file_name"]}]
    contacted = connection().execute("select count(distinct customer_id), min(channel),"
                                     " max(channel) from contact_log").fetchone()
    assert contacted == (summary["reachable"], "email", "email")  # each person's contact logged
    connection().execute("delete from contact_log")  # the shared demo base, as the others expect


def test_a_big_list_shows_its_biggest_spenders_and_says_so(demo_db, demo, use_db, monkeypatch):
    """A million people do not fit a table on screen: the first LIST_SHOWN, biggest spenders
    first, and the count of all (the export keeps everyone)."""
    monkeypatch.setattr(segments_data, "LIST_SHOWN", 3)
    summary = demo(lambda con, as_of: list_summary(segment_customers(con, SegmentFilter(), as_of)))
    use_db(demo_db)
    at = open_page("views/segments.py")
    assert len(at.dataframe[1].value) == 3
    said = f"Les 3 plus gros acheteurs sur {format.number(summary['people'])} personnes"
    assert any(caption.value.startswith(said) for caption in at.caption)
    assert people_figures(summary, everyone=True).items() <= shown_metrics(at).items()


def test_segment_builder_live_count(demo_db, demo, use_db):
    at_risk = SegmentFilter(segments=("at_risk",))
    combined = SegmentFilter(segments=("at_risk", "cant_lose"), spend_min=100.0,
                             places=("69", "Paris"), consent_only=True)
    counts = demo(lambda con, as_of: [
        list_summary(segment_customers(con, asked, as_of)) for asked in (at_risk, combined)
    ])
    use_db(demo_db)
    at = open_page("views/segments.py")
    at.multiselect(key="seg_segments").select("at_risk").run()
    assert not at.exception
    assert people_figures(counts[0]).items() <= shown_metrics(at).items()
    assert "Liste : Segments : À risque — réguliers" in [c.value for c in at.caption]
    at.multiselect(key="seg_segments").select("cant_lose")
    at.number_input(key="seg_spend_min").set_value(100)
    at.text_input(key="seg_places").input("69, Paris")
    at.checkbox(key="seg_consent").check().run()
    assert not at.exception
    assert people_figures(counts[1]).items() <= shown_metrics(at).items()
    assert counts[1]["people"] == counts[1]["reachable"] > 0


def test_segments_shows_the_one_at_risk_notion(demo_db, demo, use_db):
    """The three at-risk counts are metrics.at_risk's and the Monday report's of the same week,
    and the builder's "À risque" lists have as many people (issue 13: 289, 211 and 16 were three
    lists for one worry)."""
    counts, report_counts = demo(lambda con, as_of: (
        risk.counts(risk.at_risk(con, as_of)),
        report.weekly_report(con, as_of).at_risk,
    ))
    assert counts == report_counts and counts["all"] > counts["valuable"] > 0
    use_db(demo_db)
    at = open_page("views/segments.py")
    shown = shown_metrics(at)
    assert {name: shown[words["fr"]] for name, words in risk.SUBLIST_NAMES.items()} == {
        name: format.number(count) for name, count in counts.items()}
    # The two RFM segments that make up "À risque" add up to it, and say so in their names.
    table = at.dataframe[0].value.set_index("Segment")["Clients (depuis le début)"]
    parts = table[["À risque — réguliers", "À risque — à ne pas perdre"]]
    assert sum(int(v.replace("\u202f", "")) for v in parts) == counts["all"]
    for name in risk.SUBLISTS:
        at.selectbox(key="seg_at_risk").set_value(name).run()
        assert not at.exception
        assert shown_metrics(at)["Personnes dans la liste"] == format.number(counts[name])
    assert f"Liste : liste « {risk.SUBLIST_NAMES['to_call']['fr']} »" in [
        c.value for c in at.caption]


def test_segment_builder_says_what_is_wrong(demo_db, use_db):
    use_db(demo_db)
    at = open_page("views/segments.py")
    at.number_input(key="seg_orders_min").set_value(5)
    at.number_input(key="seg_orders_max").set_value(2).run()
    assert not at.exception
    assert at.error[0].value == (
        "Le minimum (5) dépasse le maximum (2) : inversez le nombre de commandes minimal et le "
        "maximal."
    )


def test_builder_inputs_speak_french_and_start_on_the_shops_span(demo_db, demo, use_db):
    """Streamlit's own range message and empty date fields are English ("Number is below the
    allowed range", "dd/mm/yyyy"): the bounds are ours and the dates start filled."""
    span = demo(lambda con, as_of: (
        as_of - timedelta(days=int(rfm.rfm(con, as_of)["recency_days"].max())), as_of))
    use_db(demo_db)
    at = open_page("views/segments.py")
    assert (at.date_input(key="seg_last_from").value,
            at.date_input(key="seg_last_to").value) == span
    assert at.multiselect(key="seg_segments").proto.select_all == 0
    at.number_input(key="seg_spend_min").set_value(-5)
    at.number_input(key="seg_min_p_alive").set_value(150).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "Écrivez un nombre supérieur ou égal à 0 : ce filtre est ignoré.",
        "Écrivez un nombre entre 0 et 100 : ce filtre est ignoré.",
    ]
    assert "Liste : Toutes les personnes de la base (clients et contacts sans achat)" in [
        c.value for c in at.caption]
TOO_FEW = ("Pas encore assez de clients pour des segments par rang (il en faut 20, vous en avez "
           "3).")


@pytest.fixture
def three_customers(tmp_path):
    """A shop of 3 customers on 30 June 2024: one bought that day, one 4 weeks earlier (and
    again on the 10th), one 2 years earlier."""
    path = tmp_path / "small.duckdb"
    with connected(path) as con:
        insert_orders(con, [
            {"customer_id": 1, "ordered_at": "2022-06-30 10:00", "amount": 30.0},
            {"customer_id": 2, "ordered_at": "2024-06-30 10:00", "amount": 45.0},
            {"customer_id": 3, "ordered_at": "2024-06-02 10:00", "amount": 20.0},
            {"customer_id": 3, "ordered_at": "2024-06-10 10:00", "amount": 20.0},
        ])
    return path


def test_a_three_customer_shop_gets_its_customers_by_last_order(three_customers, use_db):
    """Issue 13: no segments by rank below 20 customers, the customers by last order instead."""
    use_db(three_customers)
    at = open_page("views/segments.py")
    assert at.info[0].value == f"{TOO_FEW} Voici vos clients par date du dernier achat."
    assert not at.get("plotly_chart")  # no RFM grid
    shown = at.dataframe[0].value
    assert shown["E-mail"].tolist() == [
        "client2@example.fr", "client3@example.fr", "client1@example.fr"
    ]
    assert shown["Commandes"].tolist() == [1, 2, 1]
    assert "Segment" not in shown.columns


@pytest.mark.parametrize("customer_id", [1, 2, 3])
def test_the_customer_page_of_a_three_customer_shop_names_no_segment(three_customers, use_db,
                                                                     customer_id):
    use_db(three_customers)
    at = open_page("views/customer.py")
    at.text_input(key="cust_search").input(f"client{customer_id}@").run()
    assert not at.exception
    shown = shown_metrics(at)
    assert shown["Segment"] == "–"
    captions = [caption.value for caption in at.caption]
    assert TOO_FEW in captions
    assert not [text for text in captions if text.startswith("R") and " F" in text]  # no scores
    names = {name["fr"] for name in rfm.SEGMENT_NAMES.values()}
    assert not names & set(shown.values())
    assert not [block for block in at.info if any(name in block.value for name in names)]


def test_customer_value_of_a_three_customer_shop_says_predictions_need_more(three_customers,
                                                                           use_db):
    use_db(three_customers)
    at = open_page("views/value.py")
    assert [w.value for w in at.warning] == [
        "Trop peu de clients sont revenus acheter (1) ; il en faut au moins 20 pour estimer les "
        "modèles. Seules les valeurs historiques sont affichées : importez un historique plus "
        "long ou revenez plus tard."
    ]
    assert "Valeur prévue (12 mois)" not in shown_metrics(at)


def test_segments_page_in_english(demo_db, demo, use_db):
    summary = demo(lambda con, as_of: list_summary(segment_customers(con, SegmentFilter(), as_of)))
    use_db(demo_db)
    at = open_page("views/segments.py", "en")
    assert at.title[0].value == "Segments"
    assert people_figures(summary, "en", everyone=True).items() <= shown_metrics(at).items()
    assert at.dataframe[0].value["Segment"].iloc[0] == "Champions"


def test_customer_page_finds_and_shows_a_customer(demo_db, demo, use_db):
    def expected(con, as_of):
        matches = search(con, "gaelle", 20)
        first = int(matches["customer_id"].iloc[0])
        card = customer_card(con, first, rfm.rfm(con, as_of),
                             clv.customer_value(con, as_of, 13), as_of)
        return matches, card
    matches, card = demo(expected)
    use_db(demo_db)
    at = open_page("views/customer.py")
    assert at.title[0].value == "Fiche client"
    at.text_input(key="cust_search").input("gaelle").run()
    assert not at.exception
    options = at.selectbox(key="cust_pick").options
    assert len(options) == len(matches)
    assert options[0] == (
        f"{matches['name'].iloc[0]} — {matches['email'].iloc[0]} — "
        f"{matches['orders'].iloc[0]} commandes"
    )
    profile = card.profile
    assert at.subheader[0].value == profile["name"]
    shown = shown_metrics(at)
    assert shown["Commandes"] == format.number(profile["orders"])
    assert shown["Dépense nette"] == format.money(profile["net_spend"])
    assert shown["Panier moyen"] == format.money(profile["average_basket"])
    assert shown["Dernière commande"] == format.day(profile["last_order_at"])
    assert shown["Segment"] == card.segment_fr
    assert shown["Probabilité d'être actif"] == format.percent(card.p_alive, "fr", 0)
    assert shown["Achats attendus (13 sem.)"] == format.number(card.expected_purchases, 1)
    assert shown["Prochain achat attendu"] == format.day(card.next_purchase)
    orders = at.dataframe[0].value
    assert orders["N° de commande"].tolist() == card.orders["source_order_id"].tolist()
    assert len(orders) == profile["orders_all_statuses"]


def test_customer_page_searches_by_phone_and_says_when_nobody_matches(demo_db, demo, use_db):
    def expected(con, as_of):
        phone = con.execute(
            "select phone from customers where phone like '+336%' order by customer_id limit 1"
        ).fetchone()[0]
        typed = "0" + " ".join(phone[3 + i:5 + i] for i in range(0, 9, 2))  # '06 12 34 56 78'
        return typed, search(con, typed, 20)
    typed, matches = demo(expected)
    use_db(demo_db)
    at = open_page("views/customer.py")
    at.text_input(key="cust_search").input(typed).run()
    assert not at.exception
    assert len(at.selectbox(key="cust_pick").options) == len(matches) >= 1
    at.text_input(key="cust_search").input("zzzzqqq").run()
    assert at.info[0].value == "Aucun client ne correspond à « zzzzqqq »."
    assert not at.metric


@pytest.mark.parametrize("page", ["views/segments.py", "views/customer.py"])
def test_empty_database_offers_the_demo_shop(tmp_path, use_db, page):
    use_db(tmp_path / "empty.duckdb")
    at = open_page(page)
    assert "Votre base est vide" in at.info[0].value
    assert any(b.label == "Charger la boutique de démonstration" for b in at.button)
    assert not at.metric
