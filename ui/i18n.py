"""The session's language for the catalogue of words (words/): French unless the sidebar says
English."""

from __future__ import annotations

import streamlit as st

import words


def lang() -> str:
    return st.session_state.get("lang", "fr")


def t(key: str, **values: object) -> str:
    return words.text(key, lang(), **values)


def pick(fr: str, en: str) -> str:
    """The session's half of a (French, English) message an error or a note carries."""
    return words.choose(fr, en, lang())
