"""Do two versions of the importer give the same shop? ``python bench/check_import_equivalence.py
--old PATH [--shops 1000] [--seed 19]``.

PATH is a checkout of the reference code (``git worktree add /tmp/comptoir-old 2aec10d``); the
new code is this checkout. Each random shop is a few French CSV files (orders with and without
order numbers, a customers file, a till file known by phone, a name-only file as PrestaShop and
WooCommerce Analytics write buyers: 'J. DUPONT', 'Marie Dupont') drawn from one pool of people
who share e-mails, phones, names, initials and postcodes, imported in turn with ``--yes``. Each
version imports every shop in its own process; the customers (with their keys and consent), the
orders and their lines must be identical, ids included (a customer first seen at an import's
start is compared by that import). Both versions run side by side (``--jobs`` processes each);
``--minutes`` compares the shops both have done by then. Run by hand, like the benchmarks:
it says which shops differ and how, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import pickle
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ("Marie", "Michel", "Jean", "Julie", "Léa", "Paul", "Anne", "Hugo")
LAST = ("Dupont", "Martin", "Bernard", "Petit", "Durand", "Leroy")
POSTCODES = ("69001", "75011", "13002", "33000")
ORDERS_HEADER = ("N° de commande", "Date", "Montant TTC", "Quantité", "Statut",
                 "Montant remboursé", "E-mail", "Téléphone", "Prénom", "Nom", "Code postal",
                 "Article")
STATUSES = ("Payée", "Payée", "Payée", "Remboursée", "Annulée")
PRODUCTS = ("Bougie", "Savon", "Thé vert", "Carnet")


def person(rng: random.Random, n: int) -> dict[str, str]:
    """A pool member: some have no e-mail, no phone or no postcode; names repeat on purpose."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return {
        "email": f"{first.lower()}.{last.lower()}{rng.randrange(4)}@exemple.fr"
        if rng.random() < 0.6 else "",
        "phone": f"06 {rng.randrange(10, 14)} {rng.randrange(10, 13)} 00 0{rng.randrange(3)}"
        if rng.random() < 0.5 else "",
        "first": first, "last": last,
        "postcode": rng.choice(POSTCODES) if rng.random() < 0.8 else "",
        "n": str(n),
    }


def written(rng: random.Random, who: dict[str, str]) -> dict[str, str]:
    """How one file writes a person: a contact may be missing, a name in capitals or as an
    initial."""
    first, last = who["first"], who["last"]
    if rng.random() < 0.2:
        first = first[0] + "."
    if rng.random() < 0.2:
        last = last.upper()
    return {"email": who["email"] if rng.random() < 0.8 else "",
            "phone": who["phone"] if rng.random() < 0.7 else "",
            "first": first, "last": last,
            "postcode": who["postcode"] if rng.random() < 0.8 else ""}


def orders_file(rng: random.Random, pool: list[dict[str, str]], numbered: bool) -> str:
    """Order lines: one to three lines per order, order numbers shared across files sometimes."""
    rows = [";".join(ORDERS_HEADER)]
    for _ in range(rng.randrange(3, 25)):
        who = written(rng, rng.choice(pool))
        number = f"C{rng.randrange(1, 60)}" if numbered else ""
        day = f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/2024"
        status = rng.choice(STATUSES)
        for _ in range(rng.randrange(1, 4)):
            amount = f"{rng.randrange(1, 9000) / 100:.2f}".replace(".", ",")
            if rng.random() < 0.1:
                amount += " €"
            refund = amount.replace(" €", "") if status == "Remboursée" else ""
            rows.append(";".join((number, day, amount, str(rng.randrange(1, 4)), status, refund,
                                  who["email"], who["phone"], who["first"], who["last"],
                                  who["postcode"], rng.choice(PRODUCTS))))
    return "\n".join(rows) + "\n"


def customers_file(rng: random.Random, pool: list[dict[str, str]]) -> str:
    rows = ["E-mail;Téléphone;Prénom;Nom;Code postal;Accepte les e-mails"]
    for who in rng.sample(pool, min(len(pool), rng.randrange(2, 15))):
        w = written(rng, who)
        rows.append(";".join((w["email"], w["phone"], w["first"], w["last"], w["postcode"],
                              rng.choice(("oui", "non", "")))))
    return "\n".join(rows) + "\n"


def names_file(rng: random.Random, pool: list[dict[str, str]]) -> str:
    """Buyers known by name only: 'J. DUPONT' or 'Marie Dupont', no e-mail, phone or postcode."""
    rows = ["N° de commande;Date;Montant TTC;Nom complet"]
    for i in range(rng.randrange(2, 12)):
        who = rng.choice(pool)
        name = (f"{who['first'][0]}. {who['last'].upper()}" if rng.random() < 0.5
                else f"{who['first']} {who['last']}")
        day = f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/2024"
        amount = f"{rng.randrange(100, 9000) / 100:.2f}".replace(".", ",")
        rows.append(f"N{i};{day};{amount};{name}")
    return "\n".join(rows) + "\n"


def shop(rng: random.Random) -> list[tuple[str, bytes]]:
    """Two to five files over one pool of people, in a random order."""
    pool = [person(rng, n) for n in range(rng.randrange(3, 30))]
    makers = [lambda: ("commandes.csv", orders_file(rng, pool, True)),
              lambda: ("caisse.csv", orders_file(rng, pool, False)),
              lambda: ("clients.csv", customers_file(rng, pool)),
              lambda: ("analytics.csv", names_file(rng, pool))]
    files = [rng.choice(makers)() for _ in range(rng.randrange(2, 6))]
    return [(f"{i}-{name}", text.encode(rng.choice(("cp1252", "utf-8"))))
            for i, (name, text) in enumerate(files)]


def snapshot(con) -> dict[str, list[tuple]]:
    """What must not change: every customer, key, order and line, ids included."""
    queries = {
        "customers": "select customer_id, email, phone, first_name, last_name, full_name, "
                     "postal_code, city, country, email_consent, coalesce(("
                     "select 'import ' || i.import_id from imports as i "
                     "where i.started_at = c.first_seen), "
                     "cast(c.first_seen as varchar)) from customers as c",
        "keys": "select kind, value, customer_id from customer_keys",
        "orders": "select order_id, source, lineage, source_order_id, customer_id, ordered_at, "
                  "currency, amount, discount, refunded_amount, status from orders",
        "lines": "select order_id, line_number, product, quantity, line_amount from order_lines",
        "merges": "select kept_customer_id, merged_customer_id, action from customer_merges",
    }
    return {name: sorted(con.execute(q).fetchall(), key=repr) for name, q in queries.items()}


def worker(shops: Path, out: Path, part: int, parts: int) -> None:
    """Import every ``parts``-th shop of ``shops`` (a pickle of file lists) from the ``part``-th
    with the code on sys.path, appending (shop number, result) to ``out`` as each is done."""
    import store
    from ingest.pipeline import ImportOptions, import_file
    from store import ComptoirError

    with open(out, "ab") as results:
        for number, files in enumerate(pickle.loads(shops.read_bytes())):
            if number % parts != part:
                continue
            con = store.connect(":memory:")
            outcome = []
            for name, data in files:
                try:
                    report = import_file(con, data, name, ImportOptions(accept_guesses=True))
                    outcome.append((report.rows_loaded, report.rows_rejected, report.orders_new,
                                    report.orders_updated, report.customers_new))
                except ComptoirError as exc:
                    outcome.append(("refused", exc.message("en")))
            pickle.dump((number, {"reports": outcome, **snapshot(con)}), results)
            results.flush()
            con.close()


def done(out: Path) -> dict[int, dict]:
    """The results a worker has written so far, by shop number."""
    found = {}
    with open(out, "rb") as results:
        while True:
            try:
                number, result = pickle.load(results)
            except (EOFError, pickle.UnpicklingError):
                return found
            found[number] = result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, help="checkout of the reference code")
    parser.add_argument("--shops", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--jobs", type=int, default=1, help="processes per version")
    parser.add_argument("--minutes", type=float, help="compare the shops done by then")
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        code, shops, out, part, parts = args.worker
        sys.path.insert(0, code)
        worker(Path(shops), Path(out), int(part), int(parts))
        return 0
    rng = random.Random(args.seed)
    shops = [shop(rng) for _ in range(args.shops)]
    with tempfile.TemporaryDirectory() as tmp:
        files = Path(tmp) / "shops.pickle"
        files.write_bytes(pickle.dumps(shops))
        outs = {"old": Path(tmp) / "old.pickle", "new": Path(tmp) / "new.pickle"}
        for out in outs.values():
            out.touch()
        workers = [
            subprocess.Popen([sys.executable, __file__, "--worker", str(code), str(files),
                              str(outs[side]), str(part), str(args.jobs)], cwd=code)
            for side, code in (("old", args.old.resolve()), ("new", ROOT))
            for part in range(args.jobs)]
        deadline = None if args.minutes is None else time.monotonic() + 60 * args.minutes
        for process in workers:
            try:
                process.wait(None if deadline is None else max(0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.terminate()
                process.wait()
        old, new = done(outs["old"]), done(outs["new"])
    both = sorted(old.keys() & new.keys())
    differ = [i for i in both if old[i] != new[i]]
    for i in differ[:5]:
        for part in old[i]:
            if old[i][part] != new[i][part]:
                print(f"shop {i}, {part}:\n  old {old[i][part]}\n  new {new[i][part]}")
    customers = sum(len(new[i]["customers"]) for i in both)
    orders = sum(len(new[i]["orders"]) for i in both)
    merges = sum(len(new[i]["merges"]) for i in both)
    print(f"{len(both)} shops compared of {len(shops)} ({sum(len(shops[i]) for i in both)} "
          f"files, {customers} customers, {orders} orders, {merges} merges): "
          f"{len(differ)} differ")
    return 1 if differ or len(both) < len(shops) else 0


if __name__ == "__main__":
    sys.exit(main())
