"""The demo shop: deterministic, shaped like a real French shop's files, figures that add up."""

from __future__ import annotations

import io
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sample_data.generate import (
    CSV_HEADER, CSV_NAME, FIXED_STAMP, README_END, README_START, XLSX_HEADER, XLSX_NAME, euros,
    euros_grouped, figures_table, generate, messy_email, phone_text,
)

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("demo")
    return out, generate(out)


@pytest.fixture(scope="module")
def text(demo: tuple[Path, dict]) -> str:
    return (demo[0] / CSV_NAME).read_bytes().decode("cp1252")


@pytest.fixture(scope="module")
def rows(text: str) -> pd.DataFrame:
    """The data rows (totals row dropped), every field as text."""
    table = pd.read_csv(io.StringIO(text), sep=";", skiprows=2, dtype=str, keep_default_na=False)
    assert table.iloc[-1, 0] == "TOTAL"
    return table.iloc[:-1]


@pytest.fixture(scope="module")
def orders(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per order rebuilt from the line items, money in cents."""
    lines = rows.assign(
        amount=cents(rows["Montant TTC"]),
        refunded=cents(rows["Montant remboursé"].replace("", "0,00")),
        ordered_at=pd.to_datetime(rows["Date"] + " " + rows["Heure"], format="%d/%m/%Y %H:%M"),
    )
    return lines.groupby("N° de commande", sort=False).agg(
        amount=("amount", "sum"), refunded=("refunded", "sum"), status=("Statut", "first"),
        channel=("Canal", "first"), ordered_at=("ordered_at", "first"),
        name=("Nom", "first"),
    ).assign(anonymous=lambda table: table["name"] == "")


def cents(text: pd.Series) -> pd.Series:
    return text.str.replace(",", "", regex=False).astype(np.int64)


def workbook_values(path: Path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


@pytest.fixture(scope="module")
def cells(demo: tuple[Path, dict]) -> dict[str, list[tuple]]:
    return workbook_values(demo[0] / XLSX_NAME)


def test_generate_is_deterministic(demo: tuple[Path, dict], cells: dict, tmp_path: Path) -> None:
    out, first = demo
    assert generate(tmp_path) == first
    assert (tmp_path / CSV_NAME).read_bytes() == (out / CSV_NAME).read_bytes()
    assert workbook_values(tmp_path / XLSX_NAME) == cells
    assert (tmp_path / XLSX_NAME).read_bytes() == (out / XLSX_NAME).read_bytes()


def test_committed_files_are_the_generated_ones(demo: tuple[Path, dict], cells: dict) -> None:
    assert (SAMPLE_DIR / CSV_NAME).read_bytes() == (demo[0] / CSV_NAME).read_bytes()
    assert workbook_values(SAMPLE_DIR / XLSX_NAME) == cells


def test_readme_figures_match_generate(demo: tuple[Path, dict]) -> None:
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    block = readme.split(README_START)[1].split(README_END)[0]
    assert block == "\n" + figures_table(demo[1])


def test_csv_is_windows_1252_not_utf8(demo: tuple[Path, dict]) -> None:
    raw = (demo[0] / CSV_NAME).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    decoded = raw.decode("cp1252")
    assert "Carte cadeau 25 €" in decoded and "Savon cœur rose" in decoded and "Payée" in decoded
    assert b"\x80" in raw and b"\x9c" in raw


def test_csv_layout(text: str) -> None:
    assert text.count("\n") == text.count("\r\n") and text.endswith("\r\n")
    lines = text.split("\r\n")
    assert lines[0] == "Export des ventes - Savonnerie du Marais - du 01/01/2024 au 15/11/2026"
    assert lines[1] == ""
    assert lines[2] == ";".join(CSV_HEADER)
    assert lines[-2].startswith("TOTAL;") and lines[-1] == ""
    assert len(text.encode("cp1252")) < 1_500_000


def test_totals_row_is_the_sum_of_montant_ttc(text: str, rows: pd.DataFrame) -> None:
    totals = text.split("\r\n")[-2].split(";")
    assert len(totals) == len(CSV_HEADER)
    written = totals[CSV_HEADER.index("Montant TTC")]
    assert re.fullmatch(r"\d{1,3}(\xa0\d{3})+,\d\d", written)
    assert int(written.replace("\xa0", "").replace(",", "")) == cents(rows["Montant TTC"]).sum()


def test_line_amount_is_quantity_times_price_minus_discount(rows: pd.DataFrame) -> None:
    assert rows["Quantité"].isin(["1", "2", "3"]).all()
    assert rows.groupby("N° de commande").size().between(1, 4).all()
    gross = rows["Quantité"].astype(np.int64) * cents(rows["Prix unitaire"])
    discount = cents(rows["Remise"].replace("", "0,00"))
    assert (gross - discount == cents(rows["Montant TTC"])).all()
    assert rows["Montant TTC"].str.fullmatch(r"\d+,\d\d").all()


def test_promo_codes_are_the_web_promos_ten_percent(rows: pd.DataFrame) -> None:
    coded = rows["Code promo"] != ""
    assert set(rows.loc[coded, "Code promo"]) == {"BIENVENUE10", "MERCI10"}
    assert (rows.loc[coded, "Canal"] == "Web").all()
    assert (rows.groupby("N° de commande")["Code promo"].nunique() == 1).all()  # whole orders
    # 10 % off each line, rounded to the cent, but gift cards, which are never discounted.
    gross = rows["Quantité"].astype(np.int64) * cents(rows["Prix unitaire"])
    discount = cents(rows["Remise"].replace("", "0,00"))
    gift = rows["Référence"].str.startswith("CAR-CAD")
    assert (discount[coded & ~gift] == (gross[coded & ~gift] * 10 + 50) // 100).all()
    assert (discount[coded & gift] == 0).all()
    orders = rows.groupby("N° de commande").agg(code=("Code promo", "first"),
                                                 discounted=("Remise", lambda r: (r != "").any()))
    assert (orders["discounted"].sum(), (orders["code"] != "").sum()) == (959, 277)


def test_order_fields_are_constant_within_an_order(rows: pd.DataFrame) -> None:
    per_order = rows.groupby("N° de commande")[["Date", "Heure", "Canal", "Statut"]].nunique()
    assert (per_order == 1).all().all()
    assert set(rows["Statut"]) == {
        "Payée", "Remboursée", "Partiellement remboursée", "Annulée", "En attente"}
    first_line = ~rows["N° de commande"].duplicated()
    assert (rows.loc[~first_line, "Montant remboursé"] == "").all()
    refunded = rows["Statut"].isin(["Remboursée", "Partiellement remboursée"])
    assert (rows.loc[first_line & refunded, "Montant remboursé"] != "").all()
    assert (rows.loc[~refunded, "Montant remboursé"] == "").all()


def test_files_reproduce_the_true_figures(demo: tuple[Path, dict], rows: pd.DataFrame,
                                          orders: pd.DataFrame) -> None:
    figures = demo[1]
    valid = orders["status"].isin(["Payée", "Partiellement remboursée"])
    assert (orders["amount"] - orders["refunded"])[valid].gt(0).all()
    assert figures["orders"] == len(orders)
    assert figures["order_lines"] == len(rows)
    assert figures["valid_orders"] == valid.sum()
    assert figures["net_revenue"] == Decimal(int((orders["amount"] - orders["refunded"])[valid]
                                                 .sum())) / 100
    assert figures["refunds"] == Decimal(int(orders["refunded"].sum())) / 100
    assert figures["web_orders"] == (orders["channel"] == "Web").sum()
    assert figures["anonymous_orders"] == orders["anonymous"].sum()
    assert figures["cancelled_orders"] == (orders["status"] == "Annulée").sum()
    assert figures["pending_orders"] == (orders["status"] == "En attente").sum()
    full = orders["status"] == "Remboursée"
    assert (orders.loc[full, "refunded"] == orders.loc[full, "amount"]).all()


def test_shop_has_the_asked_shape(demo: tuple[Path, dict], orders: pd.DataFrame) -> None:
    figures = demo[1]
    assert 2800 <= figures["customers"] <= 3000
    assert 0.55 <= 1 - figures["repeat_customers"] / figures["customers"] <= 0.65
    assert 0.75 <= figures["web_orders"] / figures["orders"] <= 0.85
    assert 0.015 <= figures["refunded_orders"] / figures["orders"] <= 0.025
    assert 0.005 <= figures["cancelled_orders"] / figures["orders"] <= 0.015
    assert 3 <= figures["pending_orders"] <= 15
    assert 0.03 <= figures["anonymous_orders"] / figures["boutique_orders"] <= 0.07
    pending = orders[orders["status"] == "En attente"]
    assert (pending["ordered_at"] >= "2026-11-14").all() and (pending["channel"] == "Web").all()
    assert orders["ordered_at"].max() < pd.Timestamp("2026-11-16")
    assert orders["ordered_at"].min() >= pd.Timestamp("2024-01-01")


def test_seasons_and_weekly_pattern(orders: pd.DataFrame) -> None:
    month = orders.groupby(orders["ordered_at"].dt.to_period("M")).size()
    for year in (2024, 2025):
        autumn = month[[f"{year}-09", f"{year}-10"]].mean()
        assert 2.2 <= month[f"{year}-12"] / autumn <= 3.2
        assert month[f"{year}-08"] < autumn
        assert month[f"{year}-05"] > month[f"{year}-04"]
    shop = orders.loc[orders["channel"] == "Boutique", "ordered_at"]
    by_day = shop.dt.day_of_week.value_counts()
    assert 0 not in by_day.index  # closed on Mondays
    assert by_day.idxmax() == 5  # busiest on Saturdays
    assert shop.dt.hour.between(10, 18).all()


def test_identities_look_typed_by_hand(rows: pd.DataFrame) -> None:
    phones = rows.loc[rows["Téléphone"] != "", "Téléphone"]
    styles = phones.str.replace(r"\d", "9", regex=True).value_counts()
    assert set(styles.index) == {"99 99 99 99 99", "9999999999", "+99 9 99 99 99 99"}
    postcodes = rows.loc[rows["Code postal"] != "", "Code postal"]
    assert postcodes.str.fullmatch(r"\d{5}").all() and postcodes.str.startswith("0").any()
    assert postcodes.str.startswith("69").mean() > 0.5
    emails = rows.loc[rows["E-mail"] != "", "E-mail"]
    careless = emails[emails != emails.str.strip().str.lower()]
    assert careless.str.strip().str.lower().nunique() == 12
    assert careless.str.strip().str.lower().isin(emails).all()
    boutique = rows[rows["Canal"] == "Boutique"].drop_duplicates("N° de commande")
    named = boutique[boutique["Nom"] != ""]
    assert ((named["Code postal"] != "") | (named["Téléphone"] != "")).all()
    anonymous = boutique[boutique["Nom"] == ""]
    assert (anonymous[["Prénom", "E-mail", "Téléphone", "Code postal"]] == "").all().all()


def test_customer_file_has_excel_damage(demo: tuple[Path, dict]) -> None:
    book = openpyxl.load_workbook(demo[0] / XLSX_NAME)
    assert book.sheetnames == ["Clients", "Notes"]
    assert book.properties.created == FIXED_STAMP and book.properties.modified == FIXED_STAMP
    assert book["Notes"].max_row >= 2
    sheet = list(book["Clients"].iter_rows(values_only=True))
    assert sheet[0][0] == "Fichier clients - Savonnerie du Marais"
    assert all(value is None for value in sheet[1])
    assert list(sheet[2]) == XLSX_HEADER
    table = pd.DataFrame(sheet[3:], columns=XLSX_HEADER, dtype=object)
    assert len(table) == demo[1]["contacts"]
    assert table["N° client"].tolist() == list(range(1, len(table) + 1))
    assert table["Date d'inscription"].map(type).eq(datetime).all()
    assert book["Clients"]["I4"].number_format == "DD/MM/YYYY"
    postcodes = table["Code postal"].dropna()
    assert postcodes.map(type).eq(int).all() and (postcodes < 10000).any()
    phones = table["Téléphone"].dropna()
    as_number = phones.map(type).eq(int)
    assert 0.25 <= as_number.mean() <= 0.35 and (phones[as_number] < 10**9).all()
    assert 0.5 <= table["Accepte les e-mails"].eq("oui").mean() <= 0.6
    assert set(table["Accepte les e-mails"]) == {"oui", "non"}


def test_phone_text_writes_the_three_french_styles() -> None:
    digits = pd.Series(["0612345678"] * 3)
    assert phone_text(digits, np.array([0, 1, 2])).tolist() == [
        "06 12 34 56 78", "0612345678", "+33 6 12 34 56 78"]


def test_messy_email_styles() -> None:
    email = pd.Series(["marie.dupont@gmail.com"] * 3)
    assert messy_email(email, np.array([0, 1, 2])).tolist() == [
        "  Marie.Dupont@Gmail.com", "MARIE.DUPONT@GMAIL.COM", "marie.dupont@gmail.com  "]


def test_euro_formats() -> None:
    assert euros(pd.Series([3490, 5, 100])).tolist() == ["34,90", "0,05", "1,00"]
    assert euros_grouped(123456) == "1\xa0234,56"
    assert euros_grouped(99) == "0,99"


@given(st.integers(min_value=0, max_value=10**12))
def test_euro_formats_read_back(amount: int) -> None:
    assert int(euros(pd.Series([amount]))[0].replace(",", "")) == amount
    assert int(euros_grouped(amount).replace("\xa0", "").replace(",", "")) == amount
