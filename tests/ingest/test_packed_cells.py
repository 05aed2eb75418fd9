"""Issue 19: while a file's values are parsed, its raw cells are held packed (ingest/packed_cells.py)
instead of beside the parsed columns: the same cells come back, and the memory they held is
given back for the parsing."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import canonical, pipeline
from ingest.packed_cells import cell_rows, cells, pack
from ingest.read import RawTable, empty_rejects

CELL = st.one_of(st.none(), st.text(max_size=6), st.sampled_from(["Lyon", "Payée", " 12,50 € "]))


def raw_table(columns: list[list[str | None]]) -> RawTable:
    frame = pd.DataFrame({f"c{i}": pd.Series(cells, dtype="str")
                          for i, cells in enumerate(columns)})
    frame.index = frame.index * 3 + 7  # not a plain range: rows dropped by the reader
    return RawTable(frame=frame, headers=[f"h{i}" for i in range(len(columns))],
                    row_numbers=np.arange(len(frame)) + 2, rejects=empty_rejects(), header_row=1)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4).flatmap(lambda width: st.integers(0, 30).flatmap(
    lambda rows: st.tuples(st.lists(st.lists(CELL, min_size=rows, max_size=rows),
                                    min_size=width, max_size=width),
                           st.lists(st.booleans(), min_size=rows, max_size=rows)))))
def test_packed_cells_come_back_as_the_reader_gave_them(case):
    columns, chosen = case
    table = raw_table(columns)
    original = table.frame.copy()
    pack(table)
    assert list(table.frame.columns) == [] and len(table.frame) == len(original)
    for name in original.columns:
        pd.testing.assert_series_equal(cells(table, name), original[name])
    mask = pd.Series(chosen, index=original.index, dtype="bool")
    pd.testing.assert_frame_equal(cell_rows(table, mask), original[mask])


def test_parsing_holds_the_raw_cells_packed_beside_the_parsed_values(monkeypatch):
    """When every value is parsed (order keys come next), the file's cells are held packed, in
    under a third of their memory: before, all of them sat unpacked beside the parsed columns
    (the import's peak), and each field the file lacks held a column of NA of its own."""
    rows = 40_000
    lines = (f"{i // 3 + 1000};{i // 3 % 28 + 1:02d}/03/2025;client{i // 3 % 500}@exemple.fr;"
             f"Savon n°{i % 30};{i % 7 + 2},50 €;Payée" for i in range(rows))
    data = ("N° de commande;Date;E-mail;Article;Montant TTC;Statut\n" + "\n".join(lines)
            + "\n").encode("cp1252")
    seen = pipeline.preview(data, "ventes.csv")
    raw_bytes = int(seen.table.frame.memory_usage(deep=True).sum())
    held = {}
    order_keys = canonical.order_keys

    def measured(frame: pd.DataFrame) -> pd.Series:
        held["unpacked"] = list(seen.table.frame.columns)
        held["packed"] = sum(cells.nbytes for cells in seen.table.packed.values())
        held["one absent column"] = all(np.shares_memory(frame[name].to_numpy(),
                                                         frame["country"].to_numpy())
                                        for name in ("phone", "shipping", "tax", "customer_id"))
        return order_keys(frame)

    monkeypatch.setattr(canonical, "order_keys", measured)
    result = canonical.build(seen.table, seen.source, seen.mapping, "ventes.csv")
    assert len(result.orders) == -(-rows // 3) and result.rejects.empty
    assert held["unpacked"] == [] and held["packed"] < raw_bytes / 3, (held, raw_bytes)
    assert held["one absent column"]  # the fields the file lacks: one column of NA, not one each
