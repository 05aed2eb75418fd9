"""A big French shop export for benchmarks: ``python bench/generate_big.py [LINES] [OUT_DIR]``.

Deterministic (fixed seed). Writes ``ventes_<LINES>.csv`` — the demo shop's layout (`;`,
Windows-1252, decimal commas, dd/mm/yyyy, one row per line item, ~3 lines per order, ~3.3 orders
per customer, so 1M lines ≈ 330k orders and 100k customers) — and ``clients_<ROWS>.xlsx`` with
ROWS = LINES / 5 customer rows. Vectorised numpy; the shape, not the realism, is what matters here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sample_data.generate import CATALOGUE, FEMALE_FIRST, MALE_FIRST  # noqa: E402

HEADER = ["N° de commande", "Date", "Heure", "Canal", "Nom", "Prénom", "E-mail", "Téléphone",
          "Code postal", "Ville", "Article", "Référence", "Quantité", "Prix unitaire",
          "Montant TTC", "Remise", "Statut", "Montant remboursé"]
LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
              "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier"]
CITIES = [("69001", "Lyon"), ("69003", "Lyon"), ("75011", "Paris"), ("13001", "Marseille"),
          ("01000", "Bourg-en-Bresse"), ("33000", "Bordeaux"), ("59000", "Lille")]
STATUSES = np.array(["Payée", "Payée", "Payée", "Payée", "Payée", "Payée", "Payée", "Payée",
                     "Payée", "Payée", "Payée", "Payée", "Payée", "Payée", "Payée", "Payée",
                     "Payée", "Payée", "Remboursée", "Annulée"])
DAYS = pd.date_range("2024-01-01", "2026-11-15", freq="D")


def euros(values: np.ndarray) -> pd.Series:
    return pd.Series(np.char.replace(np.char.mod("%.2f", values), ".", ","))


def customers(rng: np.random.Generator, n: int) -> pd.DataFrame:
    first = np.array(FEMALE_FIRST + MALE_FIRST)[rng.integers(0, len(FEMALE_FIRST) + len(MALE_FIRST), n)]
    last = np.array(LAST_NAMES)[rng.integers(0, len(LAST_NAMES), n)]
    ids = np.arange(n)
    city = rng.integers(0, len(CITIES), n)
    return pd.DataFrame({
        "Nom": last,
        "Prénom": first,
        "E-mail": pd.Series(np.char.mod("client%06d@exemple.fr", ids)),
        "Téléphone": pd.Series(np.char.mod("06%08d", rng.integers(0, 10**8, n))),
        "Code postal": np.array([c[0] for c in CITIES])[city],
        "Ville": np.array([c[1] for c in CITIES])[city],
    })


def sales(lines: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_orders = lines // 3
    n_customers = max(lines // 10, 1)
    people = customers(rng, n_customers)
    buyer = np.minimum(rng.zipf(1.6, n_orders) - 1, n_customers - 1)
    buyer = (buyer * 7919 + rng.integers(0, n_customers, n_orders) * (buyer == 0)) % n_customers
    day = DAYS[np.sort(rng.integers(0, len(DAYS), n_orders))]
    per_order = rng.multinomial(lines - n_orders, np.ones(n_orders) / n_orders) + 1
    order_of_line = np.repeat(np.arange(n_orders), per_order)
    product = rng.integers(0, len(CATALOGUE), lines)
    qty = rng.integers(1, 4, lines)
    price = np.array([c[2] for c in CATALOGUE])[product] / 100
    status = STATUSES[rng.integers(0, len(STATUSES), n_orders)]
    first_line = np.r_[True, order_of_line[1:] != order_of_line[:-1]]
    line_amount = qty * price
    order_amount = np.bincount(order_of_line, weights=line_amount)
    refunded = np.where(status == "Remboursée", order_amount, np.nan)[order_of_line]
    frame = people.iloc[buyer[order_of_line]].reset_index(drop=True)
    frame.insert(0, "N° de commande", pd.Series(np.char.mod("W-%07d", order_of_line)))
    frame.insert(1, "Date", pd.Series(day[order_of_line].strftime("%d/%m/%Y")))
    frame.insert(2, "Heure", pd.Series(np.char.mod("%02d:", rng.integers(9, 20, lines))).str.cat(
        pd.Series(np.char.mod("%02d", rng.integers(0, 60, lines)))))
    frame.insert(3, "Canal", "Web")
    frame["Article"] = np.array([c[1] for c in CATALOGUE])[product]
    frame["Référence"] = np.array([c[0] for c in CATALOGUE])[product]
    frame["Quantité"] = qty
    frame["Prix unitaire"] = euros(price)
    frame["Montant TTC"] = euros(line_amount)
    frame["Remise"] = ""
    frame["Statut"] = status[order_of_line]
    frame["Montant remboursé"] = euros(refunded).where(first_line & ~np.isnan(refunded), "")
    return frame[HEADER]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, sep=";", index=False, encoding="cp1252", lineterminator="\r\n")


def write_xlsx(rows: int, path: Path, seed: int = 11) -> None:
    """A customer file of ROWS rows (XlsxWriter; its constant_memory mode would drop the cells
    pandas writes column by column): the xlsx import benchmark."""
    people = customers(np.random.default_rng(seed), rows)
    people["E-mail"] = pd.Series(np.char.mod("contact%07d@exemple.fr", np.arange(rows)))
    people["Accepte les e-mails"] = np.where(np.arange(rows) % 2, "oui", "non")
    with pd.ExcelWriter(path, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False}}) as writer:
        people.to_excel(writer, sheet_name="Clients", index=False)


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent / "data"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(sales(lines), out / f"ventes_{lines}.csv")
    rows = lines // 5
    write_xlsx(rows, out / f"clients_{rows}.xlsx")
    print(f"wrote {out}/ventes_{lines}.csv and clients_{rows}.xlsx")


if __name__ == "__main__":
    main()
