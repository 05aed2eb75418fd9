"""Platform modules behind one interface; an unknown file falls back to the generic mapping."""

from __future__ import annotations

from ingest.parse import normalise_header
from ingest.sources.base import Source
from ingest.sources.generic import GENERIC

SOURCES: tuple[Source, ...] = (GENERIC,)
SOURCE_BY_NAME: dict[str, Source] = {s.name: s for s in SOURCES}


def detect_source(headers: list[str]) -> tuple[Source, float]:
    """The platform whose fingerprint best fits these headers, with its confidence."""
    normalised = {normalise_header(h) for h in headers}
    scored = sorted(((s.detect(normalised), i, s) for i, s in enumerate(SOURCES)), reverse=True)
    confidence, _, best = scored[0]
    return best, confidence
