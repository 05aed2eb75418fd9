"""Stripe: the payments download (Paiements › Exporter, `unified_payments.csv`).

What rests on a real file: nothing here. From third-party fixtures [fixture]: the header
(`id,Created date (UTC),Amount,Amount Refunded,Currency,…,Status,Description,Customer ID,
Customer Email,…`), ISO timestamps in UTC, lower-case currency codes, `Status` = Paid,
Refunded, Failed, and a refund as `Amount Refunded` on the payment (the whole amount when
Refunded). Columns are chosen by the user when exporting, so only the fingerprint (`Created date
(UTC)`, `Amount Refunded`), `Amount` and the date are relied on; everything else is used when
present. Not seen in any file [likely]: the cardholder columns (`Card Name`, `Card Address
Zip/City/Country`), the status words beyond those three, the French headers (`Date de
création (UTC)`, `Montant remboursé`…), and a `Refunded date (UTC)` column (the refund's date).

Stripe writes UTC; orders hold the shop's local time, so timestamps are converted to
Europe/Paris (Comptoir is for French shops and has no time-zone setting yet).
"""

from __future__ import annotations

import pandas as pd

from ingest.sources.base import COMMON_STATUSES, ByName, Source, fingerprint

SHOP_TIME_ZONE = "Europe/Paris"
CREATED = ("created date utc", "created utc", "date de creation utc", "cree le utc")
AMOUNT = ("amount", "montant")
HEADERS = {
    "order_id": ("id",),
    "order_date": CREATED,
    "order_total": AMOUNT,
    "refunded_amount": ("amount refunded", "montant rembourse"),
    "refunded_at": ("refunded date utc", "date de remboursement utc"),
    "currency": ("currency", "devise"),
    "status": ("status", "statut"),
    "customer_id": ("customer id", "id client", "id du client"),
    "email": ("customer email", "e mail du client", "adresse e mail du client"),
    "full_name": ("card name", "nom sur la carte", "customer name", "nom du client"),
    "postal_code": ("card address zip", "code postal de la carte"),
    "city": ("card address city", "ville de la carte"),
    "country": ("card address country", "pays de la carte"),
}
STATUSES = {
    **COMMON_STATUSES,
    "paid": "paid", "succeeded": "paid", "reussi": "paid",
    "refunded": "refunded", "rembourse": "refunded",
    "partially refunded": "partially_refunded", "partiellement rembourse": "partially_refunded",
    "failed": "cancelled", "echoue": "cancelled", "canceled": "cancelled", "blocked": "cancelled",
    "bloque": "cancelled", "incomplete": "cancelled", "incomplet": "cancelled",
    "uncaptured": "pending", "non capture": "pending", "pending": "pending",
}


def detect(headers: set[str]) -> float:
    """Confident with the fingerprint; the user may have left `Amount Refunded` out of the
    export, so `Created date (UTC)` with an amount still beats the generic reading."""
    score = fingerprint(headers, CREATED, ("amount refunded", "montant rembourse"))
    if score == 0.0 and fingerprint(headers, CREATED, AMOUNT):
        return 0.5
    return score


def utc_to_shop_time(rows: pd.DataFrame) -> pd.DataFrame:
    """The payment's date and, where exported, the refund's, from UTC to the shop's time."""
    for name in ("order_date", "refunded_at"):
        if name in rows and rows[name].notna().any():
            utc = pd.to_datetime(rows[name]).dt.tz_localize("UTC")
            rows[name] = utc.dt.tz_convert(SHOP_TIME_ZONE).dt.tz_localize(None)
    return rows


SOURCES = (
    Source(
        name="stripe",
        label_fr="Stripe — export des paiements",
        label_en="Stripe — payments export",
        detect=detect,
        mapping=ByName(HEADERS),
        date_order="ymd",
        statuses=STATUSES,
        default_channel="web",
        transform=utc_to_shop_time,
    ),
)
