"""The empty-database state: explain what to do and offer the demo shop in one click."""

import streamlit as st

from sample_data.demo import load_demo
from ui import data
from ui.i18n import t


def offer_demo(where: str) -> None:
    st.info(f"**{t('empty_title')}** — {t('empty_body')}")
    if st.button(t("load_demo"), type="primary", key=f"demo_{where}"):
        with st.spinner(t("importing")):
            reports = load_demo(data.connection())
        data.clear()
        orders = sum(r.orders_new for r in reports)
        customers = sum(r.customers_new - r.customers_merged for r in reports)
        st.session_state.pop("week", None)
        st.toast(t("demo_loaded", orders=t("n_orders", count=orders),
                   customers=t("n_customers", count=customers)))
        st.rerun()
