"""Old and new importer give the same results on workbooks, or with ``--delimited`` on CSV files:
``python bench/workbook_equivalence.py BASE_REF [EXTRA ...] [--shop DB] [--delimited]``.

Each workbook is read (``ingest.read.read_file``: cells, headers, row numbers, Excel's own
numbers, notes, doubts, or the refusal) and imported into an empty database (``--yes``) by the
code of git ref BASE_REF and by the working tree, each in its own process; every table of the
two databases is compared (not schema_version, nor a table only one version has: the newer code
may add migrations), timestamps of the import itself left out. With ``--shop DB`` each
EXTRA workbook is also imported into a copy of that already filled database, so matching meets
known customers.

Workbooks: the xlsx files of ../shared/samples and ../shared/real-data, the test corpus of odd
workbooks (tests/fixtures/bad), an xlsx copy of every CSV of ../shared/samples and
../shared/real-data with numbers, dates and text typed as Excel would hold them, and EXTRA
(the 200,000-row benchmark workbook, for instance). The copies keep their first row as text, so
that no column is made of date-times alone: before 2026-12-03 such a column crashed the reader
(tests/ingest/test_workbooks.py), and there would be nothing to compare. Prints one line per
difference, then the count of workbooks compared; exits 1 on any difference.

With ``--delimited`` the files are instead every CSV, TSV and TXT file of ../shared/samples,
../shared/real-data and tests/fixtures (odd encodings, title blocks, ragged rows, blank lines),
each also with Windows ("\\r\\n") and old Mac ("\\r") line ends, and EXTRA (the 1M-line bench
file, for instance): the check of the reader's slice-by-slice writing (ingest/text_body.py).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
DELIMITED_SUFFIXES = {".csv", ".tsv", ".txt"}
CSV_ROWS = 5_000  # rows of each CSV copied into a workbook

WORKER = r'''
import pickle, shutil, sys, time
from datetime import datetime
from pathlib import Path
sys.path.insert(0, ".")
from ingest.read import read_file
from ingest.pipeline import ImportOptions, import_file
from store import connect

files, out, shop = [Path(p) for p in sys.argv[1].split("\n")], Path(sys.argv[2]), sys.argv[3]
extra = set(sys.argv[4].split("\n"))


def refusal(exc):
    said = exc.message("en") if hasattr(exc, "message") else str(exc)
    return ("refused", type(exc).__name__, said)


def tables(con, started):
    dump = {}
    names = [n for (n,) in con.execute(
        "select table_name from information_schema.tables "
        "where table_schema = 'main' and table_type = 'BASE TABLE' "
        "and table_name <> 'schema_version' order by 1").fetchall()]
    for name in names:
        frame = con.execute(f'select * from "{name}"').df()
        for column in frame.columns:
            if str(frame[column].dtype).startswith("datetime64"):
                now = frame[column] >= started
                frame[column] = frame[column].astype("object").where(~now, "NOW")
        frame = frame.astype("str")
        dump[name] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return dump


results = {}
for path in files:
    data = path.read_bytes()
    try:
        t = read_file(data, path.name)
        read = {"frame": t.frame, "headers": t.headers, "row_numbers": t.row_numbers,
                "rejects": t.rejects, "header_row": t.header_row, "sheet": t.sheet,
                "sheets": t.sheets, "notes": t.notes, "doubts": t.doubts, "numbers": t.numbers}
    except Exception as exc:  # a refusal, or a crash of one of the two versions
        read = refusal(exc)
    imported = {}
    for base in ([None, shop] if shop and str(path) in extra else [None]):
        db = out / f"{path.name}.{'shop' if base else 'empty'}.duckdb"
        if base:
            shutil.copy(base, db)
        started = datetime.now()
        con = connect(str(db))
        try:
            report = import_file(con, data, path.name, ImportOptions(accept_guesses=True))
            outcome = ("imported", report.rows_read, report.rows_loaded, report.rows_rejected,
                       report.customers_new, report.customers_merged, report.notes,
                       report.rejects.astype("str").to_dict("list"))
        except Exception as exc:
            outcome = refusal(exc)
        imported["shop" if base else "empty"] = (outcome, tables(con, started))
        con.close()
        db.unlink()
    results[path.name] = {"read": read, "imported": imported}
    print(path.name, file=sys.stderr, flush=True)
with open(out / "results.pickle", "wb") as f:
    pickle.dump(results, f)
'''


def typed(cell: str) -> object:
    """A CSV cell as Excel would hold it after opening the file: numbers and dates typed, digits
    with a leading zero (phones, postcodes) left as text."""
    text = cell.strip()
    if re.fullmatch(r"-?[1-9][0-9]{0,14}|0", text):
        return int(text)
    if re.fullmatch(r"-?[0-9]+[.,][0-9]+", text):
        return float(text.replace(",", "."))
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    return cell


def csv_copies(folder: Path) -> list[Path]:
    """An xlsx copy of the first rows of every CSV of the shared samples and real data."""
    import xlsxwriter

    sys.path.insert(0, str(ROOT))
    from ingest.read import read_file

    made = []
    for csv_path in sorted([*SHARED.glob("samples/*.csv"), *SHARED.glob("real-data/**/*.csv")]):
        try:
            table = read_file(csv_path.read_bytes(), csv_path.name)
        except Exception:  # noqa: BLE001 (a CSV the reader refuses has no workbook copy)
            continue
        out = folder / f"{csv_path.stem}.xlsx"
        book = xlsxwriter.Workbook(str(out), {"strings_to_formulas": False,
                                              "strings_to_numbers": False,
                                              "default_date_format": "dd/mm/yyyy hh:mm"})
        sheet = book.add_worksheet("Export")
        sheet.write_row(0, 0, table.headers)
        cells = table.frame.head(CSV_ROWS).astype(object).where(table.frame.head(CSV_ROWS).notna())
        for r, row in enumerate(cells.itertuples(index=False), start=1):
            for c, cell in enumerate(row):
                if cell is not None and cell == cell:  # the first row as text: see the docstring
                    sheet.write(r, c, typed(str(cell)) if r > 1 else str(cell))
        book.close()
        made.append(out)
    return made


def delimited_copies(folder: Path) -> list[Path]:
    """Every delimited file of the corpus under a name of its own, and its copies with Windows
    and old Mac line ends."""
    made = []
    found = sorted(p for p in [*SHARED.glob("samples/**/*"), *SHARED.glob("real-data/**/*"),
                               *(ROOT / "tests/fixtures").glob("**/*")]
                   if p.is_file() and p.suffix.lower() in DELIMITED_SUFFIXES)
    for i, path in enumerate(found):
        data = path.read_bytes()
        variants = {"": data}
        if b"\n" in data:
            unix = data.replace(b"\r\n", b"\n")
            variants |= {".crlf": unix.replace(b"\n", b"\r\n"),
                         ".cr": unix.replace(b"\n", b"\r")}
        for tag, content in variants.items():
            out = folder / f"{i:03d}-{path.stem}{tag}{path.suffix}"
            out.write_bytes(content)
            made.append(out)
    return made


def run(tree: Path, files: list[Path], out: Path, shop: str, extra: list[Path]) -> dict:
    out.mkdir()
    done = subprocess.run([sys.executable, "-c", WORKER, "\n".join(map(str, files)), str(out),
                           shop, "\n".join(map(str, extra))], cwd=tree, capture_output=True,
                          text=True)
    if done.returncode:
        sys.exit(f"{tree}: {done.stderr[-3000:]}")
    with open(out / "results.pickle", "rb") as f:
        return pickle.load(f)


def same(a: object, b: object) -> bool:
    if isinstance(a, pd.DataFrame):
        return isinstance(b, pd.DataFrame) and a.shape == b.shape and a.astype("str").equals(
            b.astype("str")) and list(a.columns) == list(b.columns) and (
            a.dtypes.astype("str") == b.dtypes.astype("str")).all()
    if isinstance(a, pd.Series):
        return isinstance(b, pd.Series) and a.equals(b) and a.index.equals(b.index)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(
            same(x, y) for x, y in zip(a, b))
    if hasattr(a, "__array__") and not isinstance(a, str):
        return hasattr(b, "__array__") and pd.Series(a).equals(pd.Series(b))
    return a == b


def differences(name: str, old: dict, new: dict) -> list[str]:
    found = []
    for key in old["read"] if isinstance(old["read"], dict) else ["read"]:
        a = old["read"][key] if isinstance(old["read"], dict) else old["read"]
        b = new["read"].get(key) if isinstance(new["read"], dict) else new["read"]
        if not same(a, b):
            found.append(f"{name}: read_file {key} differs")
    for base, (outcome, dump) in old["imported"].items():
        new_outcome, new_dump = new["imported"][base]
        if not same(outcome, new_outcome):
            found.append(f"{name} ({base} base): outcome differs: {outcome!r:.300} / "
                         f"{new_outcome!r:.300}")
        for table in dump.keys() & new_dump.keys():
            if not same(dump[table], new_dump[table]):
                found.append(f"{name} ({base} base): table {table} differs")
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("extra", nargs="*", type=Path)
    parser.add_argument("--shop", default="")
    parser.add_argument("--delimited", action="store_true", help="CSV files, not workbooks")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="workbooks-") as tmp:
        tmp = Path(tmp)
        base = tmp / "base"
        base.mkdir()
        archive = subprocess.run(["git", "archive", args.base], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        tarfile.open(fileobj=BytesIO(archive)).extractall(base)
        copies = tmp / "copies"
        copies.mkdir()
        extra = [p.resolve() for p in args.extra]
        if args.delimited:
            files = delimited_copies(copies) + extra
        else:
            files = sorted(p for p in [*SHARED.glob("samples/**/*"),
                                       *SHARED.glob("real-data/**/*"),
                                       *(ROOT / "tests/fixtures/bad").glob("*")]
                           if p.suffix.lower() in WORKBOOK_SUFFIXES)
            files += csv_copies(copies) + extra
        old = run(base, files, tmp / "old", args.shop, extra)
        new = run(ROOT, files, tmp / "new", args.shop, extra)
        found = [d for name in old for d in differences(name, old[name], new[name])]
        print("\n".join(found))
        tables = [set().union(*(side[name]["imported"]["empty"][1] for name in side))
                  for side in (old, new)]
        print(f"tables not compared, in the old version only: {sorted(tables[0] - tables[1])}, "
              f"in the new only: {sorted(tables[1] - tables[0])}")
        kinds = json.dumps({name: old[name]["imported"]["empty"][0][0] for name in old})
        print(f"{len(old)} files compared ({kinds}), {len(found)} differences")
        shutil.rmtree(tmp / "old")
        sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
