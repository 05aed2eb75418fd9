"""The password gate. On this computer only (server.address 127.0.0.1, the shipped default) the
app opens as it is; served on any other address, no page runs before the shop's password is
given, and none at all while no password is set (store/password.py keeps its salted hash).

Locked, the gate declares a navigation of its own sign-in page only, so that no other page can
be reached by its address.
"""

from __future__ import annotations

import streamlit as st

from store import password
from ui.i18n import t

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def exposed(address: str | None) -> bool:
    """Whether the server can be reached from other computers (no address means all of them)."""
    return not address or not (address in LOOPBACK or address.startswith("127."))


def require_password() -> None:
    """Return when the app is local-only or this session gave the password; else stop here."""
    address = st.get_option("server.address")
    if not exposed(address) or st.session_state.get("authenticated"):
        return
    st.navigation([st.Page(_sign_in, title=t("auth_title"), url_path="connexion")],
                  position="hidden").run()
    st.stop()


def _sign_in() -> None:
    st.title(t("auth_title"))
    stored = password.stored_hash()
    if stored is None:
        st.error(t("auth_missing", address=st.get_option("server.address") or "0.0.0.0"))
        return
    st.caption(t("auth_intro"))
    with st.form("sign_in"):
        typed = st.text_input(t("auth_password"), type="password")
        sent = st.form_submit_button(t("auth_enter"), type="primary")
    if sent:
        if password.verify(typed, stored):
            st.session_state["authenticated"] = True
            st.rerun()
        st.error(t("auth_wrong"))
