"""One customer's after-sales history for the Fiche client: their refunds, tickets, reviews and
survey answers, as imported (ingest/aftersale.py); the shop-wide measures are metrics/aftersales.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from metrics.sql_files import run_sql


@dataclass(frozen=True)
class CustomerAfterSale:
    refunds: pd.DataFrame  # source_order_id, ordered_at, currency, refunded, refunded_at
    tickets: pd.DataFrame  # opened_at, reason, status, first_response_at, resolved_at, ...
    reviews: pd.DataFrame  # reviewed_at, rating (out of 5), title, body, product, ...
    answers: pd.DataFrame  # answered_at, nps_score, recommend_5, csat_score, satisfaction_10, ...

    @property
    def empty(self) -> bool:
        return all(table.empty for table in (self.refunds, self.tickets, self.reviews,
                                             self.answers))


def customer_after_sale(con: duckdb.DuckDBPyConnection, customer_id: int) -> CustomerAfterSale:
    """Everything after the sale about ``customer_id``, each table newest first."""
    return CustomerAfterSale(*(run_sql(con, f"customer_aftersale_{part}", customer_id=customer_id)
                               for part in ("refunds", "tickets", "reviews", "answers")))
