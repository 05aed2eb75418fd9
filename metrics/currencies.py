"""Several currencies in one base: the owner's conversion rates and the orders not counted.

Figures never add amounts of different currencies silently (DESIGN.md "Currency"). An order in
another currency than the shop's (store.currency.shop_currency) counts, converted, once the owner
has entered its rate; until then it is in no figure, and ``uncounted_warning`` says so on every
page, in the report and on the command line. The conversion itself is the view valid_orders
(store/migrations/011_currencies.sql).
"""

from __future__ import annotations

import re
from datetime import datetime

import duckdb
import pandas as pd
from babel.numbers import get_currency_symbol

from metrics.sql_files import run, run_sql
from store import ComptoirError, summary, transaction
from store.currency import shop_currency

ISO_CODE = re.compile(r"[A-Z]{3}")


class CurrencyRateError(ComptoirError):
    """A rate the owner typed that cannot be used: unknown code, or a rate not above zero."""


def symbol(currency: str = "EUR", lang: str = "fr") -> str:
    """The sign a reader of ``lang`` knows for an ISO 4217 code: € ; $US in French, $ in English."""
    return get_currency_symbol(currency, locale="en_US" if lang == "en" else "fr_FR")


def rates(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The rates entered: currency, to_currency, rate, entered_at, applied (counts now)."""
    return run_sql(con, "currency_rates")


def uncounted(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Valid orders in a currency without a rate to the shop's: currency, orders, net_amount
    (in that currency), most orders first; empty when every order counts."""
    return run_sql(con, "currency_uncounted")


def set_rate(con: duckdb.DuckDBPyConnection, currency: str, rate: float) -> None:
    """Record 1 ``currency`` = ``rate`` of the shop's currency, today (replacing any older)."""
    code = currency.strip().upper()
    if not ISO_CODE.fullmatch(code):
        raise CurrencyRateError(
            f"« {currency} » n'est pas un code de devise : écrivez ses trois lettres, comme USD.",
            f"“{currency}” is not a currency code: type its three letters, like USD.",
        )
    shop = shop_currency(con)
    if code == shop:
        raise CurrencyRateError(
            f"{code} est déjà la devise de la boutique : aucun taux n'est nécessaire.",
            f"{code} is already the shop's currency: it needs no rate.",
        )
    if not rate > 0:
        raise CurrencyRateError(
            f"Le taux doit être plus grand que 0 (combien de {shop} vaut 1 {code}).",
            f"The rate must be above 0 (how many {shop} one {code} is worth).",
        )
    with transaction(con) as cur:  # the per-customer summary holds converted spend
        run(cur, "currency_set_rate", currency=code, rate=rate, entered_at=datetime.now())
        summary.refresh(cur)


def remove_rate(con: duckdb.DuckDBPyConnection, currency: str) -> None:
    """Forget the rate of ``currency``: its orders leave the figures again."""
    with transaction(con) as cur:
        run(cur, "currency_remove_rate", currency=currency)
        summary.refresh(cur)


def uncounted_warning(left_out: pd.DataFrame, shop: str) -> tuple[str, str] | None:
    """(French, English) sentence naming the orders ``uncounted`` found, None if there are none."""
    if left_out.empty:
        return None
    counts = [(int(n), code) for n, code in zip(left_out["orders"], left_out["currency"])]
    total = sum(n for n, _ in counts)
    fr = " et ".join(f"{n} commande{'s' if n > 1 else ''} en {code}" if i == 0 else f"{n} en {code}"
                     for i, (n, code) in enumerate(counts))
    en = " and ".join(f"{n} order{'s' if n > 1 else ''} in {code}" if i == 0 else f"{n} in {code}"
                      for i, (n, code) in enumerate(counts))
    verb_fr = "ne sont pas comptées" if total > 1 else "n'est pas comptée"
    verb_en = "are" if total > 1 else "is"
    return (
        f"{fr} {verb_fr} dans les chiffres : saisissez un taux de conversion en {shop} sur la "
        "page Données.",
        f"{en} {verb_en} not counted in the figures: enter a conversion rate to {shop} on the "
        "Data page.",
    )
