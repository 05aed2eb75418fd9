"""Streamlit's own texts that no parameter sets, put in the session's language by CSS.

The file uploader writes "200MB per file", an "Upload" button, each file's size in English
units ("1.3MB") and an "add icon" label; Streamlit 1.67 offers no parameter for any of them. The
style below hides those lines (display: none, so they are neither shown nor read) and writes
our words in their place with CSS ``content``. The texts come from the catalogue, never from a
user, so writing them into a style is safe.
"""

from __future__ import annotations

import streamlit as st

from ui.i18n import t

UPLOADER = "[data-testid='stFileUploaderDropzone']"
UPLOADER_CSS = """<style>
{zone} [data-testid='stFileUploaderDropzoneInstructions'] span {{ display: none; }}
{zone} [data-testid='stFileUploaderDropzoneInstructions'] > div::after {{ content: {hint}; }}
{zone} [data-testid='stBaseButton-secondary'] p {{ display: none; }}
{zone} [data-testid='stBaseButton-secondary'] [data-testid='stMarkdownContainer']::after {{
  content: {browse}; }}
{zone} [data-testid='stFileChip'] > div:nth-child(2) > div:nth-child(2) {{ display: none; }}
{zone} [data-testid='stBaseButton-borderlessIcon'] span[data-has-shortcut] > span:first-child {{
  display: none; }}
</style>"""


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uploader_texts() -> None:
    """Put the file uploader's fixed English texts in the session's language."""
    size = st.get_option("server.maxUploadSize")
    st.html(UPLOADER_CSS.format(zone=UPLOADER, hint=css_string(t("upload_hint", size=size)),
                                browse=css_string(t("upload_browse"))))
