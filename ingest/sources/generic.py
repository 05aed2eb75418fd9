"""Any file we do not recognise: columns found by their French/English synonyms."""

from ingest.mapping import guess_mapping
from ingest.sources.base import Source

GENERIC = Source(
    name="generic",
    label_fr="Fichier générique (colonnes reconnues par leur nom)",
    label_en="Generic file (columns recognised by name)",
    detect=lambda headers: 0.1,
    mapping=guess_mapping,
)
