"""The DuckDB file: connection, schema migrations, cursors, write lock."""

from store.db import WRITE_LOCK, connect, data_version, default_path, migrate, transaction
from store.errors import ComptoirError, DatabaseBusyError, DatabaseOpenError

__all__ = [
    "WRITE_LOCK",
    "ComptoirError",
    "DatabaseBusyError",
    "DatabaseOpenError",
    "connect",
    "data_version",
    "default_path",
    "migrate",
    "transaction",
]
