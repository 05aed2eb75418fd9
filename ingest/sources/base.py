"""What every platform module provides: how to recognise its files and read their columns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from ingest.parse import normalise_header

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

# Status words no table lists, read by their meaning ("Annulée par le client", "Remboursée
# (avoir)", "Échec", "Expired"): the first pattern a normalised word matches gives its status.
# A failed, declined or expired payment is no sale: counted as cancelled.
STATUS_MEANINGS: tuple[tuple[str, str], ...] = (
    (r"(?:partiel|partial).*(?:rembours|refund)|(?:rembours|refund).*(?:partiel|partial)",
     "partially_refunded"),
    (r"rembours|refund|\bavoir\b", "refunded"),
    (r"annul|cancel|\bvoid", "cancelled"),
    (r"echec|echou|\bfail|declin|expir|refus|rejet", "cancelled"),
    (r"attente|pending|unpaid|impaye|awaiting", "pending"),
)
OWNER_STATUSES = ("paid", "cancelled", "refunded", "pending")  # what --status may say a word is


def status_by_meaning(words: pd.Series) -> pd.Series:
    """The status each normalised word means by STATUS_MEANINGS, NA where no rule fits.
    Called on a status column's distinct words only (a handful), not on every row."""
    status = pd.Series(pd.NA, index=words.index, dtype="object")
    text = words.fillna("")
    for pattern, meaning in reversed(STATUS_MEANINGS):  # the first rule is written last
        status = status.mask(text.str.contains(pattern, regex=True), meaning)
    return status


FINGERPRINT_SCORE = 0.95


def fingerprint(headers: set[str], *groups: tuple[str, ...]) -> float:
    """Detection score from a platform's fingerprint columns (FORMATS.md, "Fingerprints").

    Each group lists the normalised spellings of one fingerprint column (English, French, older
    exports); a header matches when it equals one of them. All groups present: a confident
    FINGERPRINT_SCORE. Otherwise half the share found, and nothing for a single column, so one
    common header ("Name", "Total") never outbids another platform or the generic fallback.
    """
    found = sum(any(name in headers for name in group) for group in groups)
    if found == len(groups):
        return FINGERPRINT_SCORE
    return 0.5 * found / len(groups) if found >= 2 else 0.0


def mapping_by_name(headers: list[str], names: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """field -> the file's header, matched by normalised name, never by position (FORMATS.md
    rule 1). Each field takes the first of its spellings present; each header feeds one field."""
    by_name: dict[str, str] = {}
    for header in headers:
        by_name.setdefault(normalise_header(header), header)
    mapping: dict[str, str] = {}
    for name, spellings in names.items():
        header = next((by_name[s] for s in spellings if s in by_name), None)
        if header is not None and header not in mapping.values():
            mapping[name] = header
    return mapping


@dataclass(frozen=True)
class ByName:
    """A ``Source.mapping`` or ``Source.extras`` that is ``mapping_by_name`` over one table of
    spellings. An object rather than a lambda: previews, and the Source in them, are cached by
    pickling, and a frozen dataclass comes back from a pickle equal to itself."""

    names: Mapping[str, tuple[str, ...]]

    def __call__(self, headers: list[str]) -> dict[str, str]:
        return mapping_by_name(headers, self.names)


def skip(rows: pd.DataFrame, mask: pd.Series, fr: str, en: str) -> pd.DataFrame:
    """Mark rows the platform itself says are not sales (PayPal memos and withdrawals): they are
    neither loaded nor rejected, and the import notes count them by reason. A row keeps the first
    reason it was given."""
    free = mask & (rows["skip_fr"].isna() if "skip_fr" in rows else True)
    for column, text in (("skip_fr", fr), ("skip_en", en)):
        blank = pd.Series(pd.NA, index=rows.index, dtype="str")
        rows[column] = (rows[column] if column in rows else blank).mask(free, text)
    return rows


def extra(rows: pd.DataFrame, name: str) -> pd.Series:
    """The text of one of the source's ``extras`` columns, blank when the file lacks it."""
    return rows[name] if name in rows else pd.Series(pd.NA, index=rows.index, dtype="str")


CANCELLED_WORDS = ("canceled", "cancelled", "annulé", "annulée", "annule", "annulee")


@dataclass(frozen=True)
class CancelledWhen:
    """A ``Source.transform`` for platforms that say an order was cancelled only in a second
    status column (Wix's fulfilment status, SumUp's order status), ``column`` being its name in
    the source's ``extras``: such orders count as cancelled on their date."""

    column: str

    def __call__(self, rows: pd.DataFrame) -> pd.DataFrame:
        if self.column in rows:
            cancelled = rows[self.column].str.casefold().isin(CANCELLED_WORDS)
            rows["cancelled_at"] = rows["cancelled_at"].mask(cancelled, rows["order_date"])
        return rows


def fold_refund_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Fold refund rows into their sale, for platforms that list a refund as its own row with its
    sale's order id and a negative total (WooCommerce Analytics; PayPal and Square once their
    transform has given each refund its sale's id). The refunds' total becomes the order's
    refunded amount, and the sale row alone gives the order's total, status and date (a refund
    can be listed before its sale: newest first is WooCommerce Analytics' default). A refund whose
    sale is not in the file is rejected: loading it alone would overwrite that sale, imported from
    an earlier export, with an empty order. The latest refund row's date is the refund's date
    (``refunded_at``), unless the file has a column for it."""
    if "order_total" not in rows:
        return rows
    total, order = rows["order_total"], rows["order_id"]
    refund = total < 0
    sale = total.notna() & ~refund
    refunds = (-total.where(refund)).groupby(order).transform("sum")
    has_sale = sale.groupby(order).transform("any").fillna(False).astype(bool)
    rows["refunded_amount"] = refunds.where(refunds > 0)
    if "refunded_at" not in rows or rows["refunded_at"].isna().all():
        refunded_on = rows["order_date"].where(refund).groupby(order).transform("max")
        rows["refunded_at"] = refunded_on.where(refunds > 0)
    rows["order_total"] = total.mask(refund)
    rows["status"] = rows["status"].mask(refund & has_sale)
    rows["order_date"] = rows["order_date"].mask(refund & has_sale)
    orphan = refund & ~has_sale
    rows["reject_fr"] = pd.Series(pd.NA, index=rows.index, dtype="str").mask(
        orphan, "remboursement d'une commande absente du fichier : exportez une période qui "
                 "couvre aussi la date de la commande")
    rows["reject_en"] = pd.Series(pd.NA, index=rows.index, dtype="str").mask(
        orphan, "refund of an order that is not in the file: export a period that also covers "
                "the order's date")
    return rows


@dataclass(frozen=True)
class Source:
    """One platform's export layout.

    ``detect`` scores a set of normalised headers in [0, 1] (the generic fallback scores 0.1).
    ``mapping`` maps canonical field names (ingest/fields.py) to the file's headers.
    ``transform``, when given, receives the parsed rows (one column per mapped canonical field,
    typed, plus ``row_number``) before they are grouped into orders, and returns them with the same
    index: the place for platform rules such as refund rows folded into their order. A field the
    transform fills counts as mapped (a refunded amount computed from refund rows); rows it gives
    a ``reject_fr`` / ``reject_en`` text are rejected with that reason; rows it gives a
    ``skip_fr`` / ``skip_en`` text (see ``skip``) are neither loaded nor rejected but counted in
    the notes. ``extras`` names the platform columns the transform needs that are no canonical
    field (PayPal's ``Type``): name -> header; their text reaches the transform under that name.
    ``not_sales`` says, French and English, what a file that is neither sales nor customers is
    (a form without a score question, an e-mail tool's audience: not_sales.py): such a file is
    refused, named, until Comptoir imports it. ``after_sale`` names what a review, survey or
    ticket file holds (reviews.py, surveys.py, tickets.py): it is imported by ingest/aftersale.py.
    ``consent``, when given, makes the file a consent file (suppression lists: consent.py): it
    receives the parsed rows (email, phone, consent_at and the bool fields as mapped, plus the
    extras) and returns the consent they state, one row per statement: ``row`` (the index of
    the row), ``channel`` (email, sms or phone), ``consent`` (bool) and ``stated_at`` (NaT when
    the file gives no date); nothing else of the file is loaded (ingest/consent.py).
    Functions must be module-level (not lambdas) or frozen dataclasses (``ByName``,
    ``CancelledWhen``): previews are cached by pickling.
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
    extras: Callable[[list[str]], dict[str, str]] | None = None
    not_sales: tuple[str, str] | None = None
    after_sale: str | None = None  # 'reviews', 'survey' or 'tickets': ingest/aftersale.py
    consent: Callable[[pd.DataFrame], pd.DataFrame] | None = None
