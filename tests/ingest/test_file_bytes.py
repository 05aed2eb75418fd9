"""Issue 19: an import given the file's path lets the file's bytes go once its cells are read, so
they are not held while values are parsed and saved (``python -m ingest`` imports that way)."""

from __future__ import annotations

import tracemalloc

import pytest

import store
from ingest import canonical, cli
from ingest.errors import FileRejected
from ingest.pipeline import ImportOptions, import_file

ROWS = 250_000


@pytest.fixture
def big_sales(tmp_path):
    lines = (f"{i // 3 + 1000};{i // 3 % 28 + 1:02d}/03/2025;client{i // 3 % 500}@exemple.fr;"
             f"Savon n°{i % 30};{i % 7 + 2},50 €;Payée" for i in range(ROWS))
    path = tmp_path / "ventes.csv"
    path.write_bytes(("N° de commande;Date;E-mail;Article;Montant TTC;Statut\n"
                      + "\n".join(lines) + "\n").encode("cp1252"))
    return path


def held_when_parsing(monkeypatch, run) -> int:
    """Python memory allocated by ``run`` and still held when the values start to be parsed (the
    cells are Arrow's, not counted here; the file's bytes are)."""
    held = []
    build = canonical.build

    def measured(*args, **kwargs):
        held.append(tracemalloc.get_traced_memory()[0])
        return build(*args, **kwargs)

    monkeypatch.setattr(canonical, "build", measured)
    tracemalloc.start()
    try:
        run()
    finally:
        tracemalloc.stop()
    return held[0]


def test_a_path_s_bytes_are_let_go_before_the_values_are_parsed(monkeypatch, big_sales,
                                                               tmp_path):
    size = big_sales.stat().st_size
    con = store.connect(tmp_path / "a.duckdb")
    by_path = held_when_parsing(monkeypatch, lambda: import_file(
        con, big_sales, big_sales.name, ImportOptions(accept_guesses=True)))
    assert by_path < size / 2, (by_path, size)
    con = store.connect(tmp_path / "b.duckdb")

    def given_bytes() -> None:
        data = big_sales.read_bytes()  # held here for the whole import
        import_file(con, data, big_sales.name, ImportOptions(accept_guesses=True))

    assert held_when_parsing(monkeypatch, given_bytes) > size


def test_the_cli_imports_by_path(monkeypatch, big_sales, tmp_path):
    held = held_when_parsing(monkeypatch, lambda: cli.main(
        [str(big_sales), "--db", str(tmp_path / "c.duckdb"), "--yes"]))
    assert held < big_sales.stat().st_size / 2, held


def test_an_unreadable_path_is_refused_saying_so(tmp_path):
    con = store.connect(tmp_path / "d.duckdb")
    with pytest.raises(FileRejected) as refused:
        import_file(con, tmp_path / "absent.csv", "absent.csv")
    assert refused.value.message("fr") == (
        f"« {tmp_path / 'absent.csv'} » : fichier introuvable ou illisible (No such file or "
        "directory).")
