"""store.frames.fetch_frame reads results through Arrow: the frames must be the ones
DuckDB's own .df() gives, type for type, so that no metric changes by taking the faster road."""

import duckdb
import pandas as pd
import pytest

from store.frames import fetch_frame

EVERY_TYPE = """
select * from (values
    (1::integer, 1::bigint, null::integer, true, 1.5::decimal(18,2), date '2024-01-01',
     timestamp '2024-01-01 10:00', 'é', null::varchar, 2::hugeint, ['x', 'y'], 1.5::double,
     1::tinyint, false, [1], null::double, null::timestamp, null::decimal(18,2), null::date,
     null::boolean, null::integer[]),
    (2, null, null, null, null, null, null, null, null, null, null, null, null, true, [2], null,
     null, null, null, null, null)
) as t(int32, int64_missing, int_empty, bool_missing, money, day, moment, text, text_empty,
       huge, words, real, tiny, flag, numbers, real_empty, moment_empty, money_empty, day_empty,
       bool_empty, list_empty)
"""


@pytest.mark.parametrize("query", [
    EVERY_TYPE,
    f"select * from ({EVERY_TYPE}) where false",
    "select count(*) as n, sum(1) as total, median(1) as middle, avg(2) as mean",
])
def test_fetch_frame_gives_what_duckdb_df_gives(query: str) -> None:
    con = duckdb.connect()
    pd.testing.assert_frame_equal(fetch_frame(con, query), con.execute(query).df())


def test_fetch_frame_binds_parameters() -> None:
    con = duckdb.connect()
    frame = fetch_frame(con, "select $a + 1 as b, $t as t", {"a": 41, "t": "x"})
    assert frame.to_dict("records") == [{"b": 42, "t": "x"}]
