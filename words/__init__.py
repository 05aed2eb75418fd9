"""The app's words, French first: one catalogue and one lookup, with or without Streamlit.

Every module of ``words/catalogue/`` defines ``STRINGS``: key -> (French, English). A text is a
``str.format`` template, or for a sentence around a count a dict of CLDR plural forms ("one",
"other", ...) chosen by Babel's plural rules for the count (French says "0 commande", "1
commande", "2 commandes"; English "0 orders"). The layers below ui/ (ingest, metrics, reports,
exports and their command lines) call ``text(key, lang)``; pages call ``ui.i18n.t(key)``, which
reads the session's language.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
from collections.abc import Sequence
from functools import cache

from babel import Locale

from words import catalogue
from words.format import number

LANGS = ("fr", "en")
ENV_LANG = "COMPTOIR_LANG"
Text = str | dict[str, str]


def _load() -> dict[str, tuple[Text, Text]]:
    merged: dict[str, tuple[Text, Text]] = {}
    for module in pkgutil.iter_modules(catalogue.__path__):
        table = importlib.import_module(f"words.catalogue.{module.name}").STRINGS
        doubled = merged.keys() & table.keys()
        if doubled:
            raise KeyError(f"strings defined twice: {sorted(doubled)}")
        merged.update(table)
    return merged


STRINGS = _load()


def default_lang() -> str:
    """The command lines' language when --lang is not given: $COMPTOIR_LANG, else French."""
    chosen = os.environ.get(ENV_LANG, "fr").strip().lower()
    return chosen if chosen in LANGS else "fr"


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def choose(fr: Text, en: Text, lang: str) -> Text:
    """The French or the English of a pair (the catalogue's, or a message an error carries)."""
    return en if lang == "en" else fr


def plural(forms: dict[str, str], count: float, lang: str) -> str:
    """The plural form Babel's CLDR rules give ``count`` in ``lang``; "other" when the catalogue
    has no such form (French "many", used for round millions)."""
    form = _locale(lang).plural_form(abs(count))
    return forms.get(form, forms["other"])


def text(key: str, lang: str = "fr", **values: object) -> str:
    """The catalogue's ``key`` in ``lang``, filled with ``values``. A plural entry needs
    ``count``, written as a number the reader's way (1 234)."""
    chosen = choose(*STRINGS[key], lang)
    if isinstance(chosen, dict):
        count = values["count"]
        chosen = plural(chosen, count, lang)
        values = {**values, "count": number(count, lang=lang)}
    return chosen.format(**values) if values else chosen


def lang_option(parser: argparse.ArgumentParser, lang: str | None = None) -> None:
    """--lang fr|en on a command line, by default $COMPTOIR_LANG or French; its help in
    ``lang``."""
    parser.add_argument("--lang", choices=LANGS, default=default_lang(),
                        help=text("cli_lang_help", lang or default_lang()))


def lang_of(argv: Sequence[str] | None) -> str:
    """The --lang of a command line before the rest is parsed, so that even the messages about
    its other arguments are in that language."""
    parser = argparse.ArgumentParser(add_help=False)
    lang_option(parser)
    return parser.parse_known_args(argv)[0].lang


def both(key: str, **values: object) -> tuple[str, str]:
    """The French and the English of ``key``: for a message stored or raised before anyone
    knows the reader's language (import notes, rejected rows, errors)."""
    return text(key, "fr", **values), text(key, "en", **values)
