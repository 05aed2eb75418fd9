"""``python -m ingest``'s progress line and its Ctrl-C (ingest/cli_progress.py)."""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
import time

import pytest

import store
from ingest import cli_progress
from ingest.pipeline import import_file
from ingest.progress import STARTS
from tests.conftest import ROOT
from tests.trust import database_state
from tests.trust.test_kill import EARLIER_FILE, write_sales


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_one_line_rewritten_with_the_time_left(monkeypatch):
    clock = iter([100.0, 100.5, 110.0, 120.0])  # started, then each report
    monkeypatch.setattr(cli_progress.time, "monotonic", lambda: next(clock))
    monkeypatch.setenv("COLUMNS", "80")  # shutil.get_terminal_size reads it first
    screen = Terminal()
    show = cli_progress.progress_line("fr", screen)
    show(0.05, "Lecture du fichier", "Reading the file")
    show(0.5, "Analyse des valeurs", "Parsing values")
    show(1.0, "Import terminé", "Import finished")
    assert screen.getvalue().split("\r") == [
        "",
        "  [   5\u00a0%] Lecture du fichier".ljust(79),  # 0.5 s in: no time left yet
        "  [  50\u00a0%] Analyse des valeurs · environ 10\u00a0secondes restantes".ljust(79),
        "  [ 100\u00a0%] Import terminé".ljust(79) + "\n",
    ]


def test_elsewhere_a_plain_line_each_time_the_step_changes():
    log = io.StringIO()
    show = cli_progress.progress_line("en", log)
    show(0.0, "Lecture du fichier", "Reading the file")
    show(0.1, "Lecture du fichier", "Reading the file")
    show(0.31, "Analyse des valeurs", "Parsing values")
    assert log.getvalue() == "  [    0%] Reading the file\n  [   31%] Parsing values\n"


def test_ctrl_c_outside_an_import_is_left_alone():
    with pytest.raises(ValueError), cli_progress.ctrl_c_cancels("ventes.csv"):
        raise ValueError("not a cancel")


@pytest.fixture(scope="module")
def big_sales(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cancel")
    sales = folder / "ventes.csv"
    write_sales(sales)
    return sales


@pytest.mark.parametrize("step", ["read", "match"])
def test_ctrl_c_cancels_with_a_sentence_and_leaves_the_database_as_before(
        big_sales, tmp_path, step):
    """A real ``python -m ingest`` of 200,000 orders stopped by SIGINT as a step starts: while
    reading, or inside the transaction."""
    db = tmp_path / "shop.duckdb"
    con = store.connect(db)
    import_file(con, EARLIER_FILE.encode(), "avant.csv")
    before = database_state(con)
    con.close()
    shutil.rmtree(tmp_path / "backups")
    process = subprocess.Popen([sys.executable, "-m", "ingest", str(big_sales), "--db", str(db)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    said = []
    for line in process.stderr:
        said.append(line)
        if STARTS[step][2] in line:
            time.sleep(0.2)
            process.send_signal(signal.SIGINT)
            break
    out, err = process.communicate(timeout=300)
    said.append(err)
    assert process.returncode == 130, said
    assert said[-1] == ("« ventes.csv » : import annulé, rien n'a été changé : vos données sont "
                        "telles qu'avant l'import.\n")
    assert "Traceback" not in "".join(said) and out == ""
    con = store.connect(db)
    try:
        assert database_state(con) == before
    finally:
        con.close()
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())
    again = subprocess.run([sys.executable, "-m", "ingest", str(big_sales), "--db", str(db)],
                           cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "200 000 lignes lues" in again.stdout.replace("\u202f", " ")
