"""Square: the Transactions download (Ventes › Transactions › Exporter › Transactions CSV).

What rests on a real file [real, via a public note quoted in FORMATS.md]: the English header
(`Date,Time,Time Zone,Gross Sales,…,Total Collected,…,Transaction ID,Payment ID,…,Event Type,…,
Customer ID,Customer Name,…`), ISO dates, `21:50:48` times and money like `$22.50` / `-$0.95`.
From third-party fixtures [fixture]: `Event Type` = Payment or Refund, `Transaction Status` =
Complete, `Source` = Point of Sale, Square Online, eCommerce Integrations. Guessed [likely]: the
French headers (`Fuseau horaire`, `Ventes brutes`, `Type d'événement`, `Total encaissé`…). The
currency is read from the amount's sign like any file's ($ is taken as USD though Square also
writes it for CAD and AUD, and the import report says so).

Rules decided here:
- one order per `Transaction ID`; its amount is `Total Collected` (sales, tax and tip, after
  discounts: what the customer paid);
- a refund is a row with `Event Type` Refund. It belongs to the sale with the same
  `Transaction ID` or, failing that, to the sale whose `Payment ID` it repeats (Square's refund
  objects carry the original payment's id). Its amount, negated, is the sale's refunded amount;
  a refund whose sale is not in the file is rejected (export a period that covers the sale too).
  `Partial Refunds` on the sale row is not read: the refund rows already say it;
- any other event type is skipped and counted in the notes;
- sales from Square Online / e-commerce are channel web, the rest shop;
- no fixed date order: the real export writes ISO dates (read alike in any order), and Square
  is sold both where dates are day-first and where they are month-first, so slashed dates are
  decided per column (and the choice shown).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ingest.sources.base import (
    COMMON_STATUSES, ByName, Source, extra, fingerprint, fold_refund_rows, skip,
)

HEADERS = {
    "order_id": ("transaction id", "id de transaction", "identifiant de transaction"),
    "order_date": ("date",),
    "order_time": ("time", "heure"),
    "order_total": ("total collected", "total encaisse", "total percu"),
    "status": ("transaction status", "statut de la transaction"),
    "customer_id": ("customer id", "id client", "identifiant client"),
    "full_name": ("customer name", "nom du client"),
    "channel": ("source",),
}
EXTRAS = {
    "event_type": ("event type", "type d evenement"),
    "payment_id": ("payment id", "id de paiement", "identifiant de paiement"),
}
PAYMENT_EVENTS = ("payment", "paiement")
REFUND_EVENTS = ("refund", "remboursement")
ONLINE_SOURCES = r"online|en ligne|ecommerce|e-commerce"
STATUSES = {**COMMON_STATUSES, "complete": "paid", "termine": "paid", "pending": "pending",
            "en attente": "pending", "failed": "cancelled", "echoue": "cancelled"}


def detect(headers: set[str]) -> float:
    return fingerprint(headers, ("time zone", "fuseau horaire"), ("gross sales", "ventes brutes"),
                       ("event type", "type d evenement"))


def refund_targets(transaction: pd.Series, payment_id: pd.Series, sale: pd.Series) -> pd.Series:
    """The Transaction ID of the sale each row belongs to: its own when a sale has it, else the
    sale whose Payment ID it repeats; NA when the file holds no such sale."""
    own = transaction.where(transaction.isin(transaction[sale].dropna()))
    by_payment = pd.Series(transaction[sale].to_numpy(), index=payment_id[sale].to_numpy())
    by_payment = by_payment[by_payment.index.notna() & ~by_payment.index.duplicated()]
    return own.fillna(payment_id.map(by_payment))


def payments_and_refunds(rows: pd.DataFrame) -> pd.DataFrame:
    """Fold refund rows into their sale, skip other events, and set the channel (the currency
    is read from the amounts' signs like any file's: ingest/currency.py)."""
    event = extra(rows, "event_type").str.casefold()
    payment = event.isin(PAYMENT_EVENTS)
    refund = event.isin(REFUND_EVENTS)
    skip(rows, ~payment & ~refund, "événements Square qui ne sont ni des paiements ni des "
         "remboursements", "Square events that are neither payments nor refunds")
    rows["order_total"] = rows["order_total"].where(payment | refund)
    targets = refund_targets(rows["order_id"], extra(rows, "payment_id"), payment)
    rows["order_id"] = rows["order_id"].mask(refund, targets)
    rows = fold_refund_rows(rows)
    online = rows["channel"].str.casefold().str.contains(ONLINE_SOURCES, regex=True)
    rows["channel"] = np.where(online.fillna(False).astype(bool), "web", "shop")
    return rows


SOURCES = (
    Source(
        name="square",
        label_fr="Square — export des transactions",
        label_en="Square — transactions export",
        detect=detect,
        mapping=ByName(HEADERS),
        statuses=STATUSES,
        default_channel="shop",
        transform=payments_and_refunds,
        extras=ByName(EXTRAS),
    ),
)
