"""DuckDB results as pandas frames, for every layer that reads them."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

# Types pandas cannot hold missing values in, as DuckDB's own .df() turns them when they have some.
_NULLABLE = {
    pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(),
}


def _column(column: pa.ChunkedArray) -> pd.api.extensions.ExtensionArray | object:
    """One result column as DuckDB's .df() gives it: decimals as floats, dates as datetimes,
    integers and booleans with missing values in pandas' nullable types, lists as arrays, text as
    strings."""
    kind = column.type
    if pa.types.is_decimal(kind):
        column = column.cast(pa.float64())
    elif pa.types.is_date(kind):
        column = column.cast(pa.timestamp("us"))
    elif kind in _NULLABLE and column.null_count:
        return column.to_pandas(types_mapper=_NULLABLE.get).array
    elif pa.types.is_string(kind) and column.null_count == len(column):
        return np.full(len(column), None, dtype=object)  # .df() leaves an empty column untyped
    elif pa.types.is_list(kind):
        values = column.to_pandas().to_numpy(dtype=object, copy=True)
        values[column.is_null().to_numpy(zero_copy_only=False)] = pd.NA
        return values
    return column.to_pandas().array


def fetch_frame(
    cur: duckdb.DuckDBPyConnection, query: str, params: dict[str, object] | None = None
) -> pd.DataFrame:
    """The result of ``query`` as a DataFrame, through Arrow: DuckDB's .df() makes a Python
    object of every text cell before pandas turns it into a string again, a step Arrow skips
    (bench/RESULTS.md measures it on a long list of customers)."""
    return relation_frame(cur.sql(query, params=params or None))


def relation_frame(relation: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """A DuckDB relation as a DataFrame, as fetch_frame gives it."""
    table = relation.to_arrow_table()
    return pd.DataFrame({name: _column(table.column(name)) for name in table.column_names})
