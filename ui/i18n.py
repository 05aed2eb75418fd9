"""Every string the app shows, French first, English second.

Strings live in ``ui/strings/<area>.py`` modules, each defining ``STRINGS``; they are merged here,
and a key defined twice is an error (caught at import, so by every test).
"""

from __future__ import annotations

import importlib
import pkgutil

import streamlit as st

from ui import strings


def _load() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(strings.__path__):
        table = importlib.import_module(f"ui.strings.{module.name}").STRINGS
        doubled = merged.keys() & table.keys()
        if doubled:
            raise KeyError(f"strings defined twice: {sorted(doubled)}")
        merged.update(table)
    return merged


STRINGS = _load()


def lang() -> str:
    return st.session_state.get("lang", "fr")


def t(key: str, **values: object) -> str:
    fr, en = STRINGS[key]
    text = en if lang() == "en" else fr
    return text.format(**values) if values else text
