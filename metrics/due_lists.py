"""The people due for a product's replenishment now, with their contact details and consent: what
the Produits et saisons page lists and ``python -m metrics products replenishment --product``
prints. The people are the segment builder's (SegmentFilter.due_for), so the list, its export
from Segments and its saved segment are the same people."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from metrics.replenishment import due
from metrics.segment import Computed, SegmentFilter, segment_customers

DUE_FACTS = ["customer_id", "last_bought", "times_bought", "days_since"]


def due_people(
    con: duckdb.DuckDBPyConnection,
    product: str,
    as_of: date | None = None,
    delays: pd.DataFrame | None = None,
    computed: Computed = Computed(),
) -> pd.DataFrame:
    """metrics.replenishment.due's facts (last_bought, times_bought, days_since) beside each due
    person's segment_customers row, the most recently due first. ``delays``: the table of
    metrics.replenishment.replenishment as of ``as_of`` when the caller has it; ``computed``:
    what segment_customers may reuse (the RFM scores)."""
    people = segment_customers(con, SegmentFilter(due_for=product), as_of, computed=computed)
    return due(con, product, as_of, delays)[DUE_FACTS].merge(people, on="customer_id")
