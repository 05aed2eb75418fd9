"""A file's currency when it has no currency column, and the check against the shop's.

In order (DESIGN.md "Currency"): the file's currency column (mapped like any field); else the
signs or codes its amount cells carry (`45,90 €`, `$22.50`, `12.00 GBP`: each row its own);
else a currency named in an amount column's header (`Montant (€)`, `dollar_value`); else the
shop's currency (``store.currency``), EUR for a first file, said in the import report as an
assumption. None of the platforms read here documents a currency without also writing it in a
column or beside the amounts, so there is no per-platform default to fall back on.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

import words
from ingest.doubts import Doubt
from ingest.fields import FIELD_BY_NAME
from ingest.packed_cells import header_cells
from ingest.read import RawTable
from store.currency import stored_currency
from words.format import number

def _word(*names: str) -> str:
    """A code as a word of its own: 'usd' in '12 usd' or 'dollar' in 'dollar_value', not in
    'sudden'."""
    return rf"(?i:(?:^|[^a-z])(?:{'|'.join(names)})(?:[^a-z]|$))"


# What the amount parser accepts around a number (ingest.parse.CURRENCY), as ISO 4217 codes, in
# the order they are looked for: a written USD before a bare $, which also writes other dollars.
CELL_SIGNS = (("EUR", "€|" + _word("eur", "euros?")), ("GBP", "£|" + _word("gbp")),
              ("CHF", _word("chf")), ("USD", _word("usd")), ("$", r"\$"))
HEADER_SIGNS = (*CELL_SIGNS, ("$", _word("dollars?")))


def _codes(text: pd.Series, signs: tuple[tuple[str, str], ...]) -> tuple[pd.Series, bool]:
    """The code each text names (NA where none) and whether a bare $ (or dollar) was read as
    USD. One vectorised search per sign over the distinct texts (an amount column repeats its
    prices), never a loop over the amounts."""
    codes, distinct = pd.factorize(text)
    distinct = pd.Series(distinct, dtype="str")
    found = np.full(len(distinct) + 1, pd.NA, dtype=object)  # the last one: blank cells
    unset = np.ones(len(distinct), dtype=bool)
    dollar = False
    for code, pattern in signs:
        hit = distinct.str.contains(pattern, regex=True, na=False).to_numpy(dtype=bool) & unset
        if hit.any():
            found[:-1][hit] = "USD" if code == "$" else code
            unset &= ~hit
            dollar = dollar or code == "$"
    return pd.Series(found[codes], index=text.index, dtype="object"), dollar


def from_amounts(
    cells: dict[str, pd.Series], index: pd.Index,
) -> tuple[pd.Series, list[tuple[str, str]]]:
    """Each row's currency from the signs in its amount cells, else from the amount columns'
    headers (``cells``: header -> raw cells), NA where neither says; with the report's notes."""
    found = pd.Series(pd.NA, index=index, dtype="object")
    ambiguous = False
    for raw in cells.values():
        codes, dollar = _codes(raw.reindex(index), CELL_SIGNS)
        found = found.fillna(codes)
        ambiguous = ambiguous or dollar
    where_fr, where_en = "dans les montants", "in the amounts"
    if found.isna().all():
        headers, dollar = _codes(pd.Series(list(cells), dtype="str"), HEADER_SIGNS)
        named = headers.dropna()
        if named.empty:
            return found, []
        found = pd.Series(named.iloc[0], index=index, dtype="object")
        ambiguous = dollar and named.iloc[0] == "USD"
        header = list(cells)[named.index[0]]
        where_fr, where_en = f"dans l'en-tête « {header} »", f"in the header “{header}”"
    seen = ", ".join(found.dropna().unique())
    notes = [(f"devise lue {where_fr} : {seen}", f"currency read {where_en}: {seen}")]
    if ambiguous:
        notes.append((
            "« $ » lu comme dollar américain (USD) : si ce sont des dollars canadiens, australiens "
            "ou autres, ajoutez au fichier une colonne Devise (CAD, AUD…) et importez-le à nouveau",
            "“$” read as US dollars (USD): if they are Canadian, Australian or other dollars, add "
            "a Currency column (CAD, AUD…) to the file and import it again",
        ))
    return found, notes


def amount_cells(table: RawTable, mapping: dict[str, str]) -> dict[str, pd.Series]:
    """The raw cells of the file's mapped amount columns, by header (not the amounts a
    platform's transform computed)."""
    return {header: header_cells(table, header) for name, header in mapping.items()
            if FIELD_BY_NAME[name].kind == "money" and header in table.headers}


def settle_currency(
    con: duckdb.DuckDBPyConnection, orders: pd.DataFrame,
) -> tuple[pd.DataFrame, list[tuple[str, str]], list[Doubt]]:
    """The orders with a currency on each (the shop's where the file says none), the report's
    note for that assumption, and a doubt when the file's currency differs from the shop's."""
    if orders.empty:
        return orders, [], []
    shop = stored_currency(con)
    assumed = shop or "EUR"
    notes: list[tuple[str, str]] = []
    missing = orders["currency"].isna()
    if missing.any():
        why = "cur_import_why_shop" if shop else "cur_import_why_first"
        notes.append(tuple(
            words.text("cur_import_assumed", lang, count=int(missing.sum()), currency=assumed,
                       why=words.text(why, lang))
            for lang in ("fr", "en")
        ))
        orders = orders.assign(currency=orders["currency"].fillna(assumed))
    other = orders["currency"][orders["currency"] != assumed]
    if shop is None or other.empty:
        return orders, notes, []
    counts = other.value_counts()
    listed_fr = " et ".join(f"{number(n, lang='fr')} en {code}" for code, n in counts.items())
    listed_en = " and ".join(f"{number(n, lang='en')} in {code}" for code, n in counts.items())
    file_currency = orders["currency"].value_counts().index[0]
    doubt = Doubt(
        "currency",
        f"ce fichier est en {file_currency}, votre boutique en {shop} : ses commandes "
        f"({listed_fr}) ne compteront dans les chiffres qu'une fois leur taux de conversion "
        "saisi sur la page Données, des montants de devises différentes ne sont jamais additionnés (si ce fichier "
        "pèse plus que le reste, sa devise devient celle de la boutique et ce sont les autres "
        "commandes qui attendent un taux)",
        f"this file is in {file_currency}, your shop in {shop}: its orders ({listed_en}) will "
        "count in the figures only once their conversion rate is entered on the Data page, "
        "amounts in different currencies are never added up (if this file weighs more than the "
        "rest, its currency becomes the shop's and the other orders wait for a rate)",
        "--yes",
    )
    return orders, notes, [doubt]

