"""The demo shop's product and season figures (issue 18: "Savon lavande" is bought again after a
median of about 115 days, 108 repurchases; 351 customers bought only in November and December)
computed twice: by the metrics on the imported demo, and here from the two files alone, with
pandas and an identity of our own (orders and customer-file rows joined when they share an
e-mail, a phone or a name with a postcode, as connected components), not the importer's."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from metrics.replenishment import replenishment
from metrics.seasonal import seasonal_summary
from sample_data.demo import DEMO_DIR, load_demo

VALID = ("Payée", "Partiellement remboursée")


def cents(values: pd.Series) -> pd.Series:
    return values.replace("", "0,00").str.replace(",", "").astype(int)


@pytest.fixture(scope="module")
def files() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sales export's line items and the customer file, every cell as text."""
    raw = (DEMO_DIR / "ventes_boutique.csv").read_bytes().decode("cp1252")
    lines = pd.read_csv(io.StringIO(raw), sep=";", skiprows=2, dtype=str,
                        keep_default_na=False).iloc[:-1]  # the TOTAL row
    people = pd.read_excel(DEMO_DIR / "clients.xlsx", sheet_name="Clients", header=2, dtype=str,
                           engine="calamine").fillna("")
    return lines, people


@pytest.fixture(scope="module")
def valid_orders(files) -> pd.DataFrame:
    """One row per valid order (paid or partly refunded, net amount > 0) of a known person:
    order number, day and the person (a connected component of shared keys)."""
    lines, people = files
    orders = lines.assign(amount=cents(lines["Montant TTC"]),
                          refunded=cents(lines["Montant remboursé"])).groupby(
        "N° de commande", sort=False).agg(
        amount=("amount", "sum"), refunded=("refunded", "sum"), status=("Statut", "first"),
        day=("Date", "first"), email=("E-mail", "first"), phone=("Téléphone", "first"),
        last=("Nom", "first"), first=("Prénom", "first"), postcode=("Code postal", "first"))
    orders = orders[orders["status"].isin(VALID) & (orders["amount"] > orders["refunded"])]
    records = pd.concat([
        orders[["email", "phone", "last", "first", "postcode"]],
        pd.DataFrame({"email": people["E-mail"], "phone": people["Téléphone"],
                      "last": people["Nom"], "first": people["Prénom"],
                      "postcode": people["Code postal"].where(people["Code postal"] == "",
                                                              people["Code postal"].str.zfill(5))}),
    ], ignore_index=True)
    email = records["email"].str.strip().str.lower()
    phone = records["phone"].str.replace(r"\.0$", "", regex=True).str.replace(
        r"\D", "", regex=True).str[-9:]
    named = (records["last"] != "") & (records["postcode"] != "")
    name = records["last"].str.upper() + "|" + records["first"].str.upper() + "|" + \
        records["postcode"]
    keys = pd.concat([("e:" + email).where(email != ""), ("p:" + phone).where(phone != ""),
                      ("n:" + name).where(named)], axis=1).stack().dropna()
    rows = keys.index.get_level_values(0).to_numpy()
    codes, unique = pd.factorize(keys.to_numpy())
    shared = coo_matrix((np.ones(len(codes)), (rows, codes)),
                        shape=(len(records), len(unique))).tocsr()
    _, person = connected_components(shared @ shared.T, directed=False)
    known = np.isin(np.arange(len(orders)), rows)
    return pd.DataFrame({"order": orders.index[known],
                         "day": pd.to_datetime(orders["day"][known], format="%d/%m/%Y"),
                         "person": person[:len(orders)][known]})


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    import store

    con = store.connect(tmp_path_factory.mktemp("products_demo") / "demo.duckdb")
    load_demo(con)
    yield con
    con.close()


def test_lavender_soap_is_bought_again_after_about_115_days(files, valid_orders, imported):
    lines, _ = files
    bought = lines.loc[lines["Article"] == "Savon lavande", ["N° de commande"]].drop_duplicates()
    days = bought.merge(valid_orders, left_on="N° de commande", right_on="order")[
        ["person", "day"]].drop_duplicates().sort_values(["person", "day"])
    delays = days.groupby("person")["day"].diff().dropna().dt.days
    assert (len(delays), delays.median()) == (108, 114.5)
    lavender = replenishment(imported).set_index("product").loc["Savon lavande"]
    assert (lavender["repurchases"], lavender["median_days"]) == (108, 114.5)
    assert lavender["buyers"] == days["person"].nunique()


def test_351_customers_bought_only_in_november_and_december(valid_orders, imported):
    months = valid_orders.groupby("person")["day"].agg(lambda d: d.dt.month.isin([11, 12]).all())
    assert (len(months), int(months.sum())) == (2974, 351)
    seasons = seasonal_summary(imported).set_index("season")
    assert (seasons.loc["year_end", "customers"], seasons.loc["year_end", "buyers"]) == (2974, 351)
