"""The shop's currency on the pages: the warning every page shows while orders in another
currency wait for a rate, and the Données page's rates (entered as button callbacks)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics import currencies
from ui import data, format
from ui.data import CACHE_ENTRIES
from ui.data_page import act
from ui.i18n import lang, pick, t

CODE_KEY, RATE_KEY = "cur_rate_code", "cur_rate_value"


def warn_uncounted() -> None:
    """st.warning naming the orders no figure counts for want of a conversion rate, if any."""
    warning = currencies.uncounted_warning(data.uncounted(data.version()), data.currency())
    if warning is not None:
        st.warning(pick(*warning), icon=":material/currency_exchange:")


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def rates(data_version: tuple[int, int, int]) -> pd.DataFrame:
    """The rates entered (a rate saved or removed clears the cache: ui.data_page.act)."""
    return currencies.rates(data.connection())


def uncounted_table(left_out: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("cur_col_currency"): left_out["currency"],
        t("cur_col_orders"): left_out["orders"].map(lambda n: format.number(n, 0, lang())),
        t("cur_col_amount"): [format.money(v, lang(), currency=c)
                              for v, c in zip(left_out["net_amount"], left_out["currency"])],
    })


def rates_table(rates: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("cur_col_currency"): rates["currency"],
        t("cur_col_rate"): rates["rate"].map(lambda v: format.number(v, 6, lang())),
        t("cur_col_to"): rates["to_currency"],
        t("cur_col_entered"): rates["entered_at"].map(lambda d: format.day(d, lang())),
        t("cur_col_applied"): rates["applied"].map({True: t("cur_yes"), False: t("cur_waiting")}),
    })


def save_rate() -> None:
    """The button's callback: the code and rate as the widgets hold them at the click (a rate
    typed just before clicking is in the session state, not yet in arguments bound at the last
    run)."""
    code, rate = st.session_state.get(CODE_KEY) or "", st.session_state.get(RATE_KEY) or 0.0
    act(lambda: currencies.set_rate(data.connection(), code, rate),
        t("cur_rate_saved", currency=code.strip().upper(), rate=format.number(rate, 4, lang()),
          shop=data.currency()))


def remove_rate(currency: str) -> None:
    act(lambda: currencies.remove_rate(data.connection(), currency),
        t("cur_rate_removed", currency=currency))

