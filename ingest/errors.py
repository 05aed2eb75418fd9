"""Errors a user's file can cause: each names the file and says what to do."""

from store.errors import ComptoirError


class FileRejected(ComptoirError):
    """The whole file cannot be imported; the database is left untouched."""


def rejected(file_name: str, fr: str, en: str) -> FileRejected:
    """A FileRejected whose message starts with the file name, as every import message does."""
    return FileRejected(f"« {file_name} » : {fr}", f"“{file_name}”: {en}")
