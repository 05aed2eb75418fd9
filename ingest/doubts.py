"""Guesses the importer is not sure of.

A wrong figure the owner cannot see is worse than a question. Each reader or parser step that
chooses with low confidence (sheet, header row, encoding, a column's decimal mark, status words it
does not know, order numbers that collide with another file's) records a ``Doubt`` instead of
choosing silently. The Import page shows them as questions beside the preview; an import that
still has doubts is refused with those questions (database unchanged) until the owner settles
each one — by choosing the option it names, or by accepting the guesses as shown (``--yes`` on
the command line, a tick box on the page); accepted guesses are kept as the report's notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.errors import FileRejected


@dataclass(frozen=True)
class Doubt:
    topic: str  # encoding, sheet, header_row, decimal_mark, status_words, order_ids, ...
    fr: str  # the question or warning, one plain sentence saying what was guessed
    en: str
    option: str  # the command-line option that settles it, e.g. "--encoding mac_roman"


class UnsureImport(FileRejected):
    """The file can be imported, but only once the owner has settled its doubts."""

    def __init__(self, file_name: str, doubts: list[Doubt]) -> None:
        fr = " ; ".join(d.fr for d in doubts)
        en = "; ".join(d.en for d in doubts)
        super().__init__(
            f"« {file_name} » : import non fait, à vérifier d'abord : {fr}.",
            f"“{file_name}”: not imported, to check first: {en}.",
        )
        self.file_name = file_name
        self.doubts = doubts

    def options(self) -> str:
        """The command-line options that settle the doubts, each once."""
        return ", ".join(dict.fromkeys(d.option for d in self.doubts))


def settle(file_name: str, doubts: list[Doubt], accepted: bool) -> list[tuple[str, str]]:
    """The notes that record accepted guesses; raise UnsureImport while any is unsettled."""
    if doubts and not accepted:
        raise UnsureImport(file_name, doubts)
    return [(f"choix accepté : {d.fr}", f"accepted choice: {d.en}") for d in doubts]
