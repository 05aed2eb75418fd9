"""A file's raw cells packed while its values are parsed: each text column held as an Arrow
dictionary (its distinct values once, a 4-byte code per cell).

Parsing keeps every parsed column of the file, and the raw cells beside them until the rejects
have theirs: both together were the import's peak. Packed, the 1M-line bench file's cells take
78 MB instead of 266 MB (bench/RESULTS.md). A column is unpacked when it is read again (each
read gives the same text the reader wrote), and the rejects unpack only their own rows.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ingest.read import RawTable


def pack(table: RawTable) -> None:
    """Pack the table's text columns, one at a time: the packed and unpacked forms of the cells
    are never both held whole. Columns of other types (none from today's readers) stay as they
    are."""
    for name in list(table.frame.columns):
        cells = table.frame[name]
        if not isinstance(cells.dtype, pd.StringDtype) or cells.dtype.storage != "pyarrow":
            continue
        table.packed[name] = pc.dictionary_encode(pa.chunked_array(pa.array(cells.array)))
        table.frame = table.frame.drop(columns=[name])


def cells(table: RawTable, name: str) -> pd.Series:
    """The column's cells as the reader gave them, packed or not."""
    packed = table.packed.get(name)
    if packed is None:
        return table.frame[name]
    return pd.Series(unpacked(packed), index=table.frame.index, dtype="str", name=name)


def header_cells(table: RawTable, header: str) -> pd.Series:
    """The cells of the column under ``header`` as the reader gave them."""
    return cells(table, f"c{table.headers.index(header)}")


def unpacked(packed: pa.ChunkedArray) -> pa.ChunkedArray:
    """The text of packed cells (each of the reader's batches has its own dictionary)."""
    return pa.chunked_array([chunk.dictionary.take(chunk.indices) for chunk in packed.chunks],
                            type=packed.type.value_type)


def cell_rows(table: RawTable, rows: pd.Series) -> pd.DataFrame:
    """The cells of the rows where ``rows`` is true, every column in the file's order."""
    at = pa.array(rows.to_numpy().nonzero()[0])
    index = table.frame.index[rows.to_numpy()]
    columns = {}
    for name in (f"c{i}" for i in range(len(table.headers))):
        packed = table.packed.get(name)
        columns[name] = (table.frame[name][rows] if packed is None else pd.Series(
            unpacked(packed.take(at)), index=index, dtype="str", name=name))
    return pd.DataFrame(columns, index=index)
