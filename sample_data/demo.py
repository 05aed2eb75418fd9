"""Load or remove the demo shop (``python -m sample_data.demo [--remove] [DB]``).

It is loaded through the normal importer, only into an empty database, and removed with
ingest.remove: every row its files brought goes, the owner's own imports stay. Its imports
are recognised by the files' SHA-256, so a database filled before this module knew how to remove
it is cleaned too. The app and the command line load its sales and customers (``load_demo``,
what most tests' figures rest on) and then its reviews, NPS survey and tickets
(``load_after_sale``, sample_data/after_sale.py).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from functools import cache
from pathlib import Path

import duckdb

from ingest.pipeline import ImportReport, import_file
from ingest.remove import Removed, remove_imports
from sample_data.after_sale import FILES as AFTER_SALE_FILES
from store import ComptoirError, connect

DEMO_DIR = Path(__file__).resolve().parent
DEMO_FILES = ("ventes_boutique.csv", "clients.xlsx")


def load_demo(con: duckdb.DuckDBPyConnection) -> list[ImportReport]:
    """The demo's sales and customers."""
    return [import_file(con, (DEMO_DIR / name).read_bytes(), name) for name in DEMO_FILES]


def load_after_sale(con: duckdb.DuckDBPyConnection) -> list[ImportReport]:
    """The demo's reviews, NPS survey and tickets, once its sales are in (they link to them)."""
    return [import_file(con, (DEMO_DIR / name).read_bytes(), name)
            for name in AFTER_SALE_FILES]


def load_shop(con: duckdb.DuckDBPyConnection) -> list[ImportReport]:
    """The whole demo shop, as the app's button and the command line load it."""
    return load_demo(con) + load_after_sale(con)


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return con.cursor().execute("select count(*) from imports").fetchone()[0] == 0


# ventes_boutique.csv before its `Code promo` column: a base that loaded it still has the demo.
FORMER_HASHES = ("50504cff372caa499e79ad4599d2e581889aaf9c6502f5c5b60d90729dfa1abb",)


@cache
def demo_hashes() -> tuple[str, ...]:
    """SHA-256 of the demo's files, as ``imports.sha256`` records them, and of their former
    versions (FORMER_HASHES)."""
    return tuple(hashlib.sha256((DEMO_DIR / name).read_bytes()).hexdigest()
                 for name in (*DEMO_FILES, *AFTER_SALE_FILES)) + FORMER_HASHES


def is_demo_file(data: bytes) -> bool:
    """Whether ``data`` is one of the demo's files (dropped on the Import page by hand)."""
    return hashlib.sha256(data).hexdigest() in demo_hashes()


def demo_imports(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Ids of the imports of the demo's files (none once it is removed)."""
    cur = con.cursor()
    try:
        rows = cur.execute("select import_id from imports where list_contains($hashes, sha256)"
                           " order by import_id", {"hashes": list(demo_hashes())}).fetchall()
    finally:
        cur.close()
    return [int(row[0]) for row in rows]


def remove_demo(con: duckdb.DuckDBPyConnection) -> Removed | None:
    """Remove the demo shop and nothing else; None when it is not loaded."""
    ids = demo_imports(con)
    return remove_imports(con, ids) if ids else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sample_data.demo",
        description="Charge la boutique de démonstration dans une base vide, ou la retire.",
    )
    parser.add_argument("--remove", action="store_true",
                        help="retirer la démonstration (vos propres imports restent)")
    parser.add_argument("db", nargs="?", help="fichier de base (défaut : $COMPTOIR_DB ou "
                        "data/comptoir.duckdb)")
    args = parser.parse_args(argv)
    try:
        con = connect(args.db)
    except ComptoirError as exc:
        print(exc.message(), file=sys.stderr)
        return 2
    try:
        if args.remove:
            removed = remove_demo(con)
            print("La boutique de démonstration n'est pas dans cette base : rien à retirer."
                  if removed is None else removed_sentence(removed))
            return 0
        if not is_empty(con):
            print("La base contient déjà des imports : boutique de démonstration non chargée.")
            return 0
        for report in load_shop(con):
            done = (f"{report.after_sale.linked} rattachées à un client" if report.after_sale
                    else f"{report.orders_new} commandes, {report.customers_new} nouveaux clients")
            print(f"{report.file_name} : {report.rows_loaded} lignes importées, {done}")
        con.execute("checkpoint")
    finally:
        con.close()
    return 0


def removed_sentence(removed: Removed) -> str:
    """What the removal did, in French (the command line's language)."""
    kept = (f" ; {removed.customers_kept} clients présents aussi dans vos fichiers gardent vos "
            "commandes" if removed.customers_kept else "")
    return (f"Boutique de démonstration retirée : {removed.orders} commandes et "
            f"{removed.customers} clients inventés supprimés{kept}. Vos imports sont intacts.")


if __name__ == "__main__":
    sys.exit(main())
