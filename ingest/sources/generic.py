"""Any file we do not recognise: columns found by their French/English synonyms."""

from ingest.mapping import guess_mapping
from ingest.sources.base import Source


def detect(headers: set[str]) -> float:
    """Always a weak candidate: the fallback when no platform fingerprint fits."""
    return 0.1


GENERIC = Source(
    name="generic",
    label_fr="Fichier générique (colonnes reconnues par leur nom)",
    label_en="Generic file (columns recognised by name)",
    detect=detect,
    mapping=guess_mapping,
)
