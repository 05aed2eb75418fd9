"""The demo shop in the app: offered in one click on an empty database, removed in one click
(confirmed) once the owner wants their own data alone."""

import streamlit as st

from sample_data.demo import demo_imports, is_demo_file, load_shop, remove_demo
from store import ComptoirError
from ui import data, forecast, format
from ui.data import CACHE_ENTRIES, connection
from ui.i18n import lang, t
from ui.importing import IMPORTED

NOTICE = "demo_notice"


def offer_demo(where: str) -> None:
    st.info(f"**{t('empty_title')}** — {t('empty_body')}")
    if st.button(t("load_demo"), type="primary", key=f"demo_{where}"):
        with st.spinner(t("importing")):
            reports = load_shop(data.connection())
        data.clear()
        refitted = forecast.refit()
        orders = sum(r.orders_new for r in reports)
        customers = sum(r.customers_new - r.customers_merged for r in reports)
        st.session_state.pop("week", None)
        st.toast(t("demo_loaded", orders=t("n_orders", count=orders),
                   customers=t("n_customers", count=customers)))
        st.toast(refitted)
        st.rerun()


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def demo_loaded(data_version: tuple[int, int, int]) -> bool:
    return bool(demo_imports(connection()))


def offer_removal(where: str, before_import: bool = False) -> None:
    """While the demo is loaded: say so (``before_import``: that an import would mix with it),
    and remove it on a confirmed click. The removal runs as the button's callback, so a click
    acts once; its outcome is shown on the next run."""
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        kind, message = notice
        (st.error if kind == "error" else st.success)(message)
    if not demo_loaded(data.version()):
        return
    (st.warning if before_import else st.info)(
        t("demo_before_import" if before_import else "demo_present"), icon=":material/storefront:")
    confirmed = st.checkbox(t("demo_remove_confirm"), key=f"demo_remove_ok_{where}")
    st.button(t("demo_remove_button"), disabled=not confirmed, help=t("demo_remove_help"),
              on_click=_remove, key=f"demo_remove_{where}", icon=":material/delete:")


def offer_removal_before_import(files: list[bytes]) -> None:
    """On the Import page: files of the owner's own dropped while the demo is loaded."""
    if files and not all(is_demo_file(content) for content in files):
        offer_removal("import", before_import=True)


def _remove() -> None:
    try:
        removed = remove_demo(connection())
    except ComptoirError as exc:
        st.session_state[NOTICE] = ("error", exc.message(lang()))
        return
    data.clear()
    for key in ("week", "reports", IMPORTED):
        st.session_state.pop(key, None)
    if removed is None:
        return
    message = t("demo_removed", orders=format.number(removed.orders, 0, lang()),
                customers=format.number(removed.customers, 0, lang()))
    if removed.customers_kept:
        message += " " + t("demo_removed_kept", kept=format.number(removed.customers_kept, 0,
                                                                     lang()))
    st.session_state[NOTICE] = ("success", f"{message} {forecast.refit()}")
