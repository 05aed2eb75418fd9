"""Issue 13, currency: the real Shopify exports in USD, ZAR and GBP (and a Stripe and an Etsy
export in USD) show their currency on every page, in the rapport du lundi (HTML and XLSX), the
exports and the CLI, never €; a base mixing EUR and USD files says on every surface which orders
no figure counts; the demo shop stays in €.

Each real file is imported once, without options, into a database of its own. Pages are read as
rendered text (every element's proto, every table's cells), so a sign the page drew anywhere is
seen.
"""

from __future__ import annotations

import io
import shutil
import json

import openpyxl
import pytest
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from exports import build_export
from ingest.pipeline import ImportOptions, import_file
from metrics.cli import main
from metrics.dates import default_week, resolve_as_of
from metrics.report import weekly_report
from metrics.segment import SegmentFilter, segment_customers
from reports.html import render_html
from reports.xlsx import render_xlsx
from store.currency import shop_currency
from tests.ingest.test_currency import EUR_FILE, USD_FILE
from tests.realdata.expected import DATA
from tests.ui.conftest import app, connected

# file -> (ISO code, sign in French, sign in English)
FILES = {
    "shopify_enavant_orders.csv": ("USD", "$US", "$"),
    "shopify_explorer_orders.csv": ("USD", "$US", "$"),
    "shopify_kidsliving_orders.csv": ("ZAR", "ZAR", "ZAR"),
    "shopify_maisonmaria_orders.csv": ("GBP", "£GB", "£"),
    "stripe_verdigris_payments.csv": ("USD", "$US", "$"),  # lower-case "usd" in the file
    "etsy_sold_orders_2023_tab.csv": ("USD", "$US", "$"),
}
PAGES = ["views/overview.py", "views/retention.py", "views/repeat.py", "views/value.py",
         "views/segments.py", "views/customer.py", "views/data.py", "views/import.py",
         "views/channels.py"]
# Pages whose default view shows amounts (the others show counts and shares until asked).
MONEY_PAGES = {"views/overview.py", "views/value.py", "views/segments.py", "views/customer.py",
               "views/channels.py"}
UNCOUNTED_FR = ("2 commandes en USD ne sont pas comptées dans les chiffres : saisissez un taux de "
                "conversion en EUR sur la page Données.")


@pytest.fixture(scope="module")
def shops(tmp_path_factory) -> dict:
    """Each real file imported alone into its own database file."""
    paths = {}
    for name in FILES:
        path = tmp_path_factory.mktemp("currency") / "shop.duckdb"
        with connected(path) as con:
            import_file(con, (DATA / name).read_bytes(), name)
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Two orders in EUR (100 and 50), then two in USD (30 and 20) accepted despite the doubt."""
    path = tmp_path_factory.mktemp("mixed") / "mixed.duckdb"
    with connected(path) as con:
        import_file(con, EUR_FILE, "eur.csv")
        import_file(con, USD_FILE, "usd.csv", ImportOptions(accept_guesses=True))
    return path


def rendered(at: AppTest) -> str:
    """Everything the run drew: each element's proto as UTF-8 text, and each table's cells."""
    parts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    parts += [frame.value.to_string() for frame in at.dataframe]
    return "\n".join(parts)


def open_page(page: str, path, lang: str = "fr") -> AppTest:
    at = app()
    at.session_state["lang"] = lang
    at.switch_page(page).run()
    if page == "views/customer.py":  # a customer with counted orders, by email or full name
        with connected(path) as con:
            found = con.execute("select coalesce(c.email, c.full_name) from customers c join "
                                "valid_orders using (customer_id) where coalesce(c.email, "
                                "c.full_name) is not null limit 1").fetchone()[0]
        at.text_input(key="cust_search").input(found).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("name", list(FILES))
def test_every_page_shows_the_file_currency_never_euros(shops, use_db, name, page):
    code, sign, _ = FILES[name]
    use_db(shops[name])
    text = rendered(open_page(page, shops[name]))
    assert "€" not in text
    if page in MONEY_PAGES:
        assert f"\u00a0{sign}" in text  # 125,40 $US
    if page == "views/data.py":
        assert f"Devise de la boutique : **{code}**" in text


@pytest.mark.parametrize("name", list(FILES))
def test_the_overview_in_english_shows_the_sign_before_the_amount(shops, use_db, name):
    code, _, sign = FILES[name]
    use_db(shops[name])
    at = open_page("views/overview.py", shops[name], "en")
    assert at.metric[0].label == "Revenue"
    assert at.metric[0].value.startswith(sign) and "€" not in rendered(at)


@pytest.mark.parametrize("name", list(FILES))
def test_the_weekly_report_is_in_the_file_currency(shops, name):
    code, sign_fr, sign_en = FILES[name]
    with connected(shops[name]) as con:
        report = weekly_report(con, default_week(con))
    assert report.currency == code
    french, english = render_html(report, "fr"), render_html(report, "en")
    assert f"\u00a0{sign_fr}" in french and "€" not in french
    assert sign_en in english and "€" not in english
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report, "fr")))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    formats = {cell.number_format for cell in cells}
    assert f'#,##0.00\\ "{sign_fr}"' in formats
    assert not any("€" in f for f in formats)
    assert not any("€" in str(cell.value) for cell in cells if cell.value is not None)


@pytest.mark.parametrize("name", list(FILES))
def test_exports_name_the_file_currency(shops, name):
    _, sign, _ = FILES[name]
    with connected(shops[name]) as con:
        people = segment_customers(con, SegmentFilter(), resolve_as_of(con, None))
        currency = shop_currency(con)
    csv = build_export(people, "csv", consent_only=False, currency=currency).data
    header = csv.decode("utf-8-sig").splitlines()[0]
    assert f"Dépense nette ({sign})" in header.split(";")
    assert "€" not in csv.decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(
        build_export(people, "xlsx", consent_only=False, currency=currency).data))
    assert f"Dépense nette ({sign})" in [cell.value for cell in book.active[1]]


@pytest.mark.parametrize("name", list(FILES))
def test_the_cli_gives_the_file_currency(shops, capsys, name, tmp_path):
    code, sign, _ = FILES[name]
    assert main(["kpis", "--db", str(shops[name]), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["currency"] == code and "€" not in out
    assert main(["rfm", "--db", str(shops[name]), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(",currency") and lines[1].endswith(f",{code}")
    out_file = tmp_path / "list.csv"
    assert main(["segment", "--db", str(shops[name]), "--format", "csv", "--out", str(out_file),
                 "--no-consent-only"]) == 0
    assert f"Dépense nette ({sign})" in out_file.read_text(encoding="utf-8-sig").splitlines()[0]


@pytest.mark.parametrize("page", PAGES)
def test_a_mixed_base_warns_on_every_page(mixed, use_db, page):
    use_db(mixed)
    at = open_page(page, mixed)
    assert [w.value for w in at.warning if "USD" in w.value] == [UNCOUNTED_FR]


def test_a_mixed_base_sums_only_its_euros_in_the_overview(mixed, use_db):
    use_db(mixed)
    at = app().run()
    shown = {m.label: m.value for m in at.metric}
    assert shown["Chiffre d'affaires"] == "150,00\u00a0€"  # 100 + 50, no dollar in it
    assert shown["Commandes"] == "2"


def test_a_mixed_base_warns_in_the_report_and_the_cli(mixed, capsys):
    with connected(mixed) as con:
        report = weekly_report(con, default_week(con))
    assert report.kpis.loc["revenue", "this_week"] == 150.0
    assert f'<p class="warning" id="uncounted">{UNCOUNTED_FR}</p>' in render_html(report)
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    assert book.worksheets[0]["A2"].value == UNCOUNTED_FR
    assert main(["kpis", "--db", str(mixed), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err.strip() == UNCOUNTED_FR
    summary = json.loads(captured.out)
    assert summary["uncounted_orders"] == [{"currency": "USD", "orders": 2}]
    assert summary["metrics"]["revenue"]["this_week"] == 150.0


def test_the_demo_shop_stays_in_euros(demo_db, use_db):
    use_db(demo_db)
    at = app().run()
    assert not at.warning
    revenue = {m.label: m.value for m in at.metric}["Chiffre d'affaires"]
    assert revenue.endswith("\u00a0€")
    assert "$US" not in rendered(at)


def test_a_rate_entered_on_the_data_page_counts_the_dollars(mixed, use_db, tmp_path):
    path = tmp_path / "mixed.duckdb"
    shutil.copy(mixed, path)
    use_db(path)
    at = open_page("views/data.py", path)
    assert at.text_input[-1].value == "USD"  # the currency waiting for a rate, proposed
    next(b for b in at.button if b.label == "Enregistrer le taux").click().run()
    assert at.error[0].value == "Le taux doit être plus grand que 0 (combien de EUR vaut 1 USD)."
    at.number_input[-1].set_value(0.9)
    next(b for b in at.button if b.label == "Enregistrer le taux").click().run()
    assert not at.exception
    assert at.success[0].value == "Taux enregistré : 1 USD = 0,9000 EUR."
    assert not [w for w in at.warning if "USD" in w.value]
    at.switch_page("views/overview.py").run()
    shown = {m.label: m.value for m in at.metric}
    assert shown["Chiffre d'affaires"] == "195,00\u00a0€"  # 100 + 50 + 0.9 × (30 + 20)
    assert shown["Commandes"] == "4"
