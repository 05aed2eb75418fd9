"""Streamlit's own texts that no parameter sets, kept out of the page.

The file uploader writes "200MB per file", an "Upload" button, each file's size in English
units ("1.3MB") and an "add icon" label; Streamlit 1.67 offers no parameter for any of them.
ui/uploader.css hides those lines (display: none, so they are neither shown nor read) and shows
the uploader's own label inside the drop zone: that label is ours, from the catalogue. The style
is a static file without a single word or value, the one piece of HTML the app sends
(tests/trust/test_safe_defaults.py allows it by name).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.i18n import t

UPLOADER_CSS = Path(__file__).with_name("uploader.css")


def uploader_label() -> str:
    """What the drop zone says, in the session's language, with the size limit the server
    applies."""
    return t("upload_hint", size=st.get_option("server.maxUploadSize"))


def uploader_texts() -> None:
    """Hide the file uploader's fixed English texts and show its label in the drop zone."""
    st.html(UPLOADER_CSS)
