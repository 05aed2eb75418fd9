"""Comptoir: the frame. Page config, navigation, sidebar (language, database, week)."""

import streamlit as st

from ui import data
from ui.auth import require_password
from ui.currency import warn_uncounted
from ui.i18n import t
from ui.state import week_picker

st.set_page_config(page_title="Comptoir", page_icon=":material/storefront:", layout="wide")

with st.sidebar:
    st.segmented_control(
        t("language"), options=["fr", "en"], format_func=str.upper, key="lang", default="fr"
    )
require_password()  # served beyond this computer: nothing below runs without the password

# In the order an owner works: how the shop is doing, what lies behind it (customers coming back,
# channels, products, after the sale, their value), whom to act on, then the data itself.
pages = {
    t("nav_understand"): [
        st.Page("views/overview.py", title=t("page_overview"), icon=":material/dashboard:",
                default=True),
        st.Page("views/retention.py", title=t("page_retention"), icon=":material/grid_on:"),
        st.Page("views/repeat.py", title=t("page_repeat"), icon=":material/replay:"),
        st.Page("views/channels.py", title=t("page_channels"), icon=":material/storefront:"),
        st.Page("views/products.py", title=t("page_products"), icon=":material/inventory_2:"),
        st.Page("views/aftersales.py", title=t("aftersales_page"),
                icon=":material/support_agent:"),
        st.Page("views/value.py", title=t("page_value"), icon=":material/savings:"),
    ],
    t("nav_act"): [
        st.Page("views/segments.py", title=t("page_segments"), icon=":material/groups:"),
        st.Page("views/customer.py", title=t("page_customer"), icon=":material/person_search:"),
    ],
    t("nav_data"): [
        st.Page("views/import.py", title=t("page_import"), icon=":material/upload_file:"),
        st.Page("views/data.py", title=t("page_data"), icon=":material/database:"),
        st.Page("views/definitions.py", title=t("page_definitions"), icon=":material/menu_book:"),
    ],
}
navigation = st.navigation(pages)

with st.sidebar:
    week_picker()
    st.caption(f"{t('database')} : `{data.database_path()}`")
warn_uncounted()  # every page: orders in another currency wait for a rate

navigation.run()
