"""Platform modules behind one interface; an unknown file falls back to the generic mapping.

Every module of this package that defines ``SOURCES`` (a tuple of ``Source``) is registered, so a
new platform is one new file.
"""

from __future__ import annotations

import importlib
import pkgutil

from ingest.parse import normalise_header
from ingest.sources.base import Source
from ingest.sources.generic import GENERIC


def _discover() -> tuple[Source, ...]:
    found: list[Source] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name in ("base", "generic"):
            continue
        found.extend(getattr(importlib.import_module(f"{__name__}.{module.name}"), "SOURCES", ()))
    return (*found, GENERIC)


SOURCES: tuple[Source, ...] = _discover()
SOURCE_BY_NAME: dict[str, Source] = {s.name: s for s in SOURCES}


def detect_source(headers: list[str]) -> tuple[Source, float]:
    """The platform whose fingerprint best fits these headers, with its confidence."""
    normalised = {normalise_header(h) for h in headers}
    scored = sorted(((s.detect(normalised), -i, s) for i, s in enumerate(SOURCES)),
                    key=lambda item: item[:2], reverse=True)
    confidence, _, best = scored[0]
    return best, confidence
