"""Names of the files the app hands over, in the owner's language and safe everywhere.

"clients_a_risque_2026-11-30.csv", "weekly_report_2026-W46.xlsx": lower-case ASCII letters,
digits, "_" and "-" only. An accent or a space in a file name breaks on some Windows set-ups and
mail clients; a user's own file name (the rejected rows of "Ventes été 2025.csv") goes through
the same rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from metrics.rfm import NO_SEGMENT, SEGMENT_NAMES

WORDS: dict[str, dict[str, str]] = {
    "customers": {"fr": "clients", "en": "customers"},
    "report": {"fr": "rapport_semaine", "en": "weekly_report"},
    "rejects": {"fr": "rejets", "en": "rejects"},
    NO_SEGMENT: {"fr": "sans achat", "en": "no purchase"},
}
SERVICES = ("brevo", "mailchimp")
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})  # no NFKD form


def safe_stem(text: str) -> str:
    """Words as a file name: accents dropped, anything else but ASCII letters and digits one
    '_'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    unaccented = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "_", unaccented.lower()).strip("_")


def list_file_name(segments: Sequence[str], fmt: str, when: date, lang: str = "fr") -> str:
    """A list of customers: 'clients_a_risque_2026-11-30.csv', 'customers_2026-11-30_brevo.csv'
    ('clients' alone for everyone; a custom segment by its key)."""
    names = {**SEGMENT_NAMES, NO_SEGMENT: WORDS[NO_SEGMENT]}
    words = [WORDS["customers"][lang], *(names.get(key, {}).get(lang, key) for key in segments)]
    service = f"_{fmt}" if fmt in SERVICES else ""
    extension = "xlsx" if fmt == "xlsx" else "csv"
    return f"{safe_stem(' '.join(words))}_{when:%Y-%m-%d}{service}.{extension}"


def report_file_name(iso_week: str, fmt: str, lang: str = "fr") -> str:
    """The weekly report: 'rapport_semaine_2026-W46.xlsx'."""
    return f"{WORDS['report'][lang]}_{iso_week}.{fmt}"


def rejects_file_name(what: str, lang: str = "fr") -> str:
    """Rejected rows of a file ('Ventes été.csv' -> 'rejets_ventes_ete.csv') or an import."""
    stem = safe_stem(Path(what).stem) or "fichier"
    return f"{WORDS['rejects'][lang]}_{stem}.csv"
