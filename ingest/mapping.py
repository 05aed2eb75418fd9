"""Which column holds which canonical field: guessed from header synonyms, correctable by the user.

Columns are matched by normalised name, never by position (FORMATS.md rule 1). Each column feeds
at most one field; the strongest synonym match wins (an exact synonym beats "header starts with the
synonym", an earlier synonym beats a later one).
"""

from __future__ import annotations

from ingest.errors import rejected
from ingest.fields import FIELD_BY_NAME, FIELDS
from ingest.parse import normalise_header

PREFIX_PENALTY = 100


def candidates(headers: list[str]) -> list[tuple[int, int, str, str]]:
    """(rank, field order, field, header) for every plausible field/column pair."""
    found = []
    normalised = {h: normalise_header(h) for h in headers}
    for order, spec in enumerate(FIELDS):
        for rank, synonym in enumerate(spec.synonyms):
            for header, norm in normalised.items():
                if norm == synonym:
                    found.append((rank, order, spec.name, header))
                elif norm.startswith(synonym + " ") and len(synonym) > 3:
                    found.append((PREFIX_PENALTY + rank, order, spec.name, header))
    return sorted(found)


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """field -> header, each header used once, best matches first."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for _rank, _order, field, header in candidates(headers):
        if field in mapping or header in used:
            continue
        mapping[field] = header
        used.add(header)
    return mapping


def validate_mapping(mapping: dict[str, str], headers: list[str], file_name: str) -> dict[str, str]:
    """A user-corrected mapping: known fields only, existing columns only, each column once."""
    clean = {f: h for f, h in mapping.items() if h}
    unknown = [f for f in clean if f not in FIELD_BY_NAME]
    missing = [h for h in clean.values() if h not in headers]
    if unknown or missing:
        raise rejected(
            file_name,
            f"la correspondance des colonnes cite des champs ou colonnes inconnus "
            f"({', '.join(unknown + missing)}). Refaites la correspondance.",
            f"the column mapping names unknown fields or columns ({', '.join(unknown + missing)}). "
            "Redo the mapping.",
        )
    doubled = sorted({h for h in clean.values() if list(clean.values()).count(h) > 1})
    if doubled:
        raise rejected(
            file_name,
            f"la colonne « {doubled[0]} » est attribuée à deux champs. Choisissez-en un seul.",
            f"column “{doubled[0]}” is mapped to two fields. Choose only one.",
        )
    return clean


def remapped(mapping: dict[str, str], changes: dict[str, str]) -> dict[str, str]:
    """The detected mapping with the owner's corrections (column → field, or "ignore") on top:
    a column they name feeds only the field they give it."""
    kept = {f: h for f, h in mapping.items() if h not in changes and f not in changes.values()}
    return kept | {f: h for h, f in changes.items() if f != "ignore"}
