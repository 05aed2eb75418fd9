"""What every platform module provides: how to recognise its files and read their columns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

# Status words seen in French and English exports, normalised (see ingest.parse.normalise_header).
COMMON_STATUSES: Mapping[str, str] = {
    "payee": "paid", "paye": "paid", "paid": "paid", "completed": "paid", "complete": "paid",
    "terminee": "paid", "termine": "paid", "validee": "paid", "valide": "paid", "livree": "paid",
    "livre": "paid", "expediee": "paid", "expedie": "paid", "processing": "paid",
    "en cours": "paid", "paiement accepte": "paid", "succeeded": "paid", "ok": "paid",
    "encaissee": "paid", "reglee": "paid", "vendu": "paid", "vente": "paid",
    "en attente": "pending", "en attente de paiement": "pending", "pending": "pending",
    "authorized": "pending", "on hold": "pending", "partially paid": "pending", "impayee": "pending",
    "annulee": "cancelled", "annule": "cancelled", "cancelled": "cancelled",
    "canceled": "cancelled", "voided": "cancelled", "failed": "cancelled", "echouee": "cancelled",
    "erreur de paiement": "cancelled",
    "remboursee": "refunded", "rembourse": "refunded", "refunded": "refunded",
    "remboursement": "refunded",
    "partiellement remboursee": "partially_refunded", "partiellement rembourse": "partially_refunded",
    "partially refunded": "partially_refunded",
}


@dataclass(frozen=True)
class Source:
    """One platform's export layout.

    ``detect`` scores a set of normalised headers in [0, 1] (the generic fallback scores 0.1).
    ``mapping`` maps canonical field names (ingest/fields.py) to the file's headers.
    ``transform``, when given, receives the parsed rows (one column per mapped canonical field,
    typed, plus ``row_number``) before they are grouped into orders, and returns them with the same
    index: the place for platform rules such as refund rows folded into their order.
    Functions must be module-level (not lambdas): previews are cached by pickling.
    """

    name: str
    label_fr: str
    label_en: str
    detect: Callable[[set[str]], float]
    mapping: Callable[[list[str]], dict[str, str]]
    date_order: str | None = None
    statuses: Mapping[str, str] = field(default_factory=lambda: COMMON_STATUSES)
    default_channel: str | None = None
    transform: Callable[[pd.DataFrame], pd.DataFrame] | None = None
