"""The trust promises of issue 6, each proved by a test (README, "Reliability").

`database_state` is the shared yardstick: "the database is unchanged" and "exactly as before or
exactly as after" mean equal states, every table of the database included (other features' tables
too, whatever they add later).
"""

from __future__ import annotations

from datetime import datetime

import duckdb


def database_state(con: duckdb.DuckDBPyConnection, now_since: datetime | None = None,
                   queries: dict[str, str] | None = None) -> dict:
    """Every base table's rows, sorted. With `now_since`, timestamps from that moment on (when an
    import ran, not what it imported) read 'now', so that two runs of one import compare equal;
    `queries` reads some tables another way (without surrogate keys, say)."""
    cur = con.cursor()
    try:
        tables = [name for (name,) in cur.execute(
            "select table_name from duckdb_tables() where database_name = current_database() "
            "and not temporary order by 1").fetchall()]
        state = {}
        for table in tables:  # names come from the catalog, not from users
            if queries and table in queries:
                state[table] = cur.execute(queries[table]).fetchall()
                continue
            columns = cur.execute(
                "select column_name, data_type from duckdb_columns() where database_name = "
                "current_database() and table_name = $t order by column_index", {"t": table},
            ).fetchall()
            shown = [
                f"case when \"{name}\" >= $since then 'now' else cast(\"{name}\" as varchar) end"
                if now_since is not None and kind.startswith("TIMESTAMP") else f'"{name}"'
                for name, kind in columns
            ]
            params = {"since": now_since} if now_since is not None and any(
                kind.startswith("TIMESTAMP") for _, kind in columns) else None
            state[table] = cur.execute(
                f"select {', '.join(shown)} from \"{table}\" order by all", params).fetchall()
        return state
    finally:
        cur.close()
