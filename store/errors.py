"""Errors a user can cause, with a message that says what happened and what to do."""

import words


class ComptoirError(Exception):
    """Base of every error shown to the user as a plain sentence (French first, English too)."""

    def __init__(self, fr: str, en: str | None = None) -> None:
        super().__init__(fr)
        self.fr = fr
        self.en = en or fr

    def message(self, lang: str = "fr") -> str:
        return words.choose(self.fr, self.en, lang)


class DatabaseBusyError(ComptoirError):
    """Another process holds the database file."""


class DatabaseOpenError(ComptoirError):
    """The database file cannot be opened (not a DuckDB file, unreadable, ...)."""
