"""Shared fixtures: a fresh migrated in-memory database per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store  # noqa: E402


@pytest.fixture(autouse=True)
def french_command_lines(monkeypatch):
    """The command lines speak $COMPTOIR_LANG: tests start from its absence (French)."""
    monkeypatch.delenv("COMPTOIR_LANG", raising=False)


@pytest.fixture
def con():
    connection = store.connect(":memory:")
    yield connection
    connection.close()
