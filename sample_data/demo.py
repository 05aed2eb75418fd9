"""Load the demo shop through the normal importer (``python -m sample_data.demo``: only into an
empty database, so it never mixes demo sales into a real shop's data)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from ingest.pipeline import ImportReport, import_file
from store import ComptoirError, connect

DEMO_DIR = Path(__file__).resolve().parent
DEMO_FILES = ("ventes_boutique.csv", "clients.xlsx")


def load_demo(con: duckdb.DuckDBPyConnection) -> list[ImportReport]:
    return [import_file(con, (DEMO_DIR / name).read_bytes(), name) for name in DEMO_FILES]


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return con.cursor().execute("select count(*) from imports").fetchone()[0] == 0


def main() -> int:
    try:
        con = connect(sys.argv[1] if len(sys.argv) > 1 else None)
    except ComptoirError as exc:
        print(exc.message(), file=sys.stderr)
        return 2
    try:
        if not is_empty(con):
            print("La base contient déjà des imports : boutique de démonstration non chargée.")
            return 0
        for report in load_demo(con):
            print(f"{report.file_name} : {report.rows_loaded} lignes importées, "
                  f"{report.orders_new} commandes, {report.customers_new} nouveaux clients")
        con.execute("checkpoint")
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
