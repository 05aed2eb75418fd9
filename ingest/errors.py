"""Errors a user's file can cause: each names the file and says what to do."""

from store.errors import ComptoirError


class FileRejected(ComptoirError):
    """The whole file cannot be imported; the database is left untouched."""


def rejected(file_name: str, fr: str, en: str) -> FileRejected:
    """A FileRejected whose message starts with the file name, as every import message does."""
    return FileRejected(f"« {file_name} » : {fr}", f"“{file_name}”: {en}")


class ImportCancelled(ComptoirError):
    """The owner stopped the import (« Annuler l'import », leaving the page, Ctrl-C): its
    transaction rolled back, the database is as it was before."""


def cancelled(file_name: str) -> ImportCancelled:
    return ImportCancelled(
        f"« {file_name} » : import annulé, rien n'a été changé : vos données sont telles "
        "qu'avant l'import.",
        f"“{file_name}”: import cancelled, nothing was changed: your data is as it was before "
        "the import.",
    )
