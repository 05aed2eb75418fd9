"""Promise 1: a process killed at a random moment of a large import leaves the database exactly as
before or exactly as after, the file opens again and takes the next import, and every copy in
backups/ is whole and holds the state before the import.

A real `python -m ingest` of 200,000 orders is killed with SIGKILL (no clean-up of any kind) at
random moments: half of the trials anywhere in the run, half inside the write phase (after the
importer says it is saving). Set COMPTOIR_KILL_SEED to replay a run's moments.

After its commit the importer refits the forecasts and keeps the after-sales loyalty comparison
(metrics.clv.refit_after_change), each in a transaction of its own: a kill there leaves the import
whole and each of these kept results of its data either all kept or none (the pages then compute
them when shown). So the import's state is compared without them (KEPT), and each must be the
before's or the after's.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

import store
from ingest.pipeline import import_file
from ingest.progress import STARTS
from store import backup
from tests.conftest import ROOT
from tests.trust import database_state

ROWS = 200_000
TRIALS = 6
SAVING = STARTS["lineage"][2]  # the progress line of the write phase (ingest/load.py)
EARLIER_FILE = "N° de commande;Date;E-mail;Montant\nA1;15/01/2024;client1@exemple.fr;9,90\n"
# Two complete runs of one import number its orders in different orders (the insert reads a
# parallel scan), so orders are compared by their own key, (source, source order id).
# The kept forecasts and loyalty comparison by what they are of: their figures may differ in the
# last bits between two runs (DuckDB sums in parallel).
KEPT = {
    "clv_fits": "select import_version, merges, customers, as_of, horizon_weeks from clv_fits "
                "order by all",
    "aftersales_loyalty_kept": "select import_version, merges, customer_count, as_of, rank, event "
                               "from aftersales_loyalty_kept order by all",
}
BY_ORDER_KEY = KEPT | {
    "orders": "select * exclude (order_id) from orders order by all",
    "order_lines": "select o.source, o.source_order_id, l.* exclude (order_id) "
                   "from order_lines l join orders o using (order_id) order by all",
}


def write_sales(path: Path) -> None:
    """200,000 one-line orders of 20,000 customers over 2024, some of them known already."""
    lines = ["N° de commande;Date;E-mail;Nom;Produit;Montant"]
    lines += [
        f"{i + 1};{1 + i % 28:02d}/{1 + (i // 28) % 12:02d}/2024;client{i % 20_000}@exemple.fr;"
        f"Nom{i % 20_000};Savon;{5 + i % 50},{i % 100:02d}"
        for i in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Run:
    """`python -m ingest` on a database, with the moment each progress line came out."""

    def __init__(self, sales: Path, db: Path) -> None:
        self.started = time.monotonic()
        self.lines: list[tuple[float, str]] = []
        self.saving = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ingest", str(sales), "--db", str(db)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append((time.monotonic() - self.started, line.strip()))
            if SAVING in line:
                self.saving.set()
        self.saving.set()  # the process ended: nobody waits for a line that will not come

    def finish(self) -> int:
        code = self.process.wait(timeout=600)
        self.ended = time.monotonic() - self.started
        self.reader.join()
        return code

    def kill(self) -> str:
        """SIGKILL now; what the importer had said last."""
        self.process.send_signal(signal.SIGKILL)
        self.finish()
        return self.lines[-1][1] if self.lines else "(nothing yet)"


def state_of(db: Path, since: datetime) -> dict:
    con = store.connect(db)
    try:
        return database_state(con, since, BY_ORDER_KEY)
    finally:
        con.close()


def without_kept(state: dict) -> dict:
    return {table: rows for table, rows in state.items() if table not in KEPT}


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """A database with an earlier import, the big file, and both states a killed run may leave:
    before (the database as it is) and after (the same import run to its end, once)."""
    folder = tmp_path_factory.mktemp("kill")
    sales = folder / "ventes.csv"
    write_sales(sales)
    base = folder / "base.duckdb"
    con = store.connect(base)
    import_file(con, EARLIER_FILE.encode(), "avant.csv")
    con.close()
    shutil.rmtree(folder / "backups")
    since = datetime.now()
    reference = folder / "reference" / "shop.duckdb"
    reference.parent.mkdir()
    shutil.copyfile(base, reference)
    run = Run(sales, reference)
    assert run.finish() == 0, run.lines
    saving_at = next(t for t, line in run.lines if SAVING in line)
    return {
        "folder": folder, "sales": sales, "base": base, "since": since,
        "before": state_of(base, since), "after": state_of(reference, since),
        "took": run.ended, "writing": run.ended - saving_at,  # to the exit: commit, checkpoint
    }


def test_the_two_states_differ_by_the_whole_import(shop):
    before, after = shop["before"], shop["after"]
    assert len(after["orders"]) - len(before["orders"]) == ROWS
    assert len(after["imports"]) == len(before["imports"]) + 1
    assert not before["clv_fits"] and after["clv_fits"]  # the import's refit kept its fits
    assert after["aftersales_loyalty_kept"] != before["aftersales_loyalty_kept"]  # and loyalty


def test_a_killed_import_leaves_the_database_before_or_after_and_usable(shop):
    seed = int(os.environ.get("COMPTOIR_KILL_SEED") or random.SystemRandom().randrange(10**6))
    rng = random.Random(seed)
    outcomes = []
    for trial in range(TRIALS):
        db = shop["folder"] / f"trial{trial}" / "shop.duckdb"
        db.parent.mkdir()
        shutil.copyfile(shop["base"], db)
        run = Run(shop["sales"], db)
        if trial % 2:  # inside the write phase
            run.saving.wait(timeout=600)
            delay = rng.uniform(0, shop["writing"])
        else:
            delay = rng.uniform(0, shop["took"])
        time.sleep(delay)
        said = run.kill()
        state = state_of(db, shop["since"])
        data = without_kept(state)
        outcome = ("before" if data == without_kept(shop["before"])
                   else "after" if data == without_kept(shop["after"]) else None)
        for table in KEPT:
            assert state[table] in (shop["before"][table], shop["after"][table]), (
                f"seed {seed}: trial {trial}: {table} half kept")
        outcomes.append((trial, round(delay, 2), said, outcome))
        assert outcome, f"seed {seed}: trial {trial} killed after {delay:.2f} s ({said}) left a " \
                        f"third state; outcomes so far {outcomes}"
        for copy in backup.backups(db):
            assert state_of(copy, shop["since"]) == shop["before"], f"seed {seed}: {copy.name}"
        con = store.connect(db)
        try:
            again = import_file(con, EARLIER_FILE.replace("A1", "A2").encode(), "apres.csv")
        finally:
            con.close()
        assert again.orders_new == 1
    print(f"kill trials (seed {seed}): {outcomes}")


def test_a_copy_before_each_import_the_last_five_kept_and_one_put_back(tmp_path):
    db = tmp_path / "shop.duckdb"
    con = store.connect(db)
    counts = []
    for n in range(7):
        counts.append(con.execute("select count(*) from orders").fetchone()[0])
        import_file(con, f"N° de commande;Date;Montant\n{n};0{n + 1}/03/2024;1{n}\n".encode(),
                    f"ventes{n}.csv")
    con.close()
    copies = backup.backups(db)
    assert len(copies) == backup.KEEP
    kept = []
    for copy in copies:  # newest first: the states before imports 7, 6, 5, 4 and 3
        held = store.connect(copy)
        kept.append(held.execute("select count(*) from orders").fetchone()[0])
        held.close()
    assert kept == counts[::-1][: backup.KEEP] == [6, 5, 4, 3, 2]
    assert not list((tmp_path / "backups").glob("*.partial*"))
    done = subprocess.run(
        [sys.executable, "-m", "store.backup", "--db", str(db), "restore", copies[-1].name],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    con = store.connect(db)
    assert con.execute("select count(*) from orders").fetchone()[0] == 2
    report = import_file(con, "N° de commande;Date;Montant\n9;09/03/2024;19\n".encode(), "n.csv")
    assert report.import_id == 3  # the sequences came back with the data
    con.close()
    newest = store.connect(backup.backups(db)[1])  # the copy restore took of the file it replaced
    assert newest.execute("select count(*) from orders").fetchone()[0] == 7
    newest.close()


def test_an_in_memory_database_has_no_copy(con):
    assert backup.take(con) is None
