"""PayPal: the activity download (Activité › Relevés › Télécharger, "Toutes les transactions"),
French or English.

What rests on a real file: nothing here. From FORMATS.md [code] and the header-only sample
paypal_activity_fr_header.csv: the French header (whose last column stays `Balance Impact`),
dd/mm/yyyy dates, the decimal comma, refunds as negative rows, `Memo` rows that move no money.
From third-party fixtures [fixture]: the English header (`TimeZone`, `Gross`, `From Email Address`,
`Reference Txn ID`, `Balance Impact` = Credit/Debit/Memo) and type names such as
`Express Checkout Payment`, `General Withdrawal`, `Account Hold for Open Authorization`.
Guessed [likely]: the French type names (`Paiement Express Checkout`, `Remboursement de
paiement`, `Virement standard`...), `Impact sur le solde`, French address columns.

Which rows are sales (decided here, reported in the import notes):
- a sale is a row moving money in (`Avant commission`/`Gross` > 0) whose type is a payment
  ("Paiement …", "… Payment"), whatever its kind (Express Checkout, site marchand, reçu, mobile);
  the customer is the payer (`De l'adresse email`, `Nom`); the amount is the gross, before
  PayPal's commission (what the customer paid);
- a refund is a negative row whose type says refund or reversal ("Remboursement", "Refund",
  "Annulation", "Reversal", "Litige"); it names the sale it gives back in `Numéro de la transaction
  de référence` and is folded into that sale as its refunded amount; a refund whose sale is not in
  the file is rejected (export a period that covers the sale too);
- `Memo` rows (authorisations, holds) and every other movement (withdrawals, transfers, currency
  conversions, payments the shop sent, fees) are skipped and counted in the notes.
Dates are dd/mm/yyyy in both languages: a US account's export (mm/dd/yyyy) needs
`--date-order mdy` (or the date order chosen on the Import page).
"""

from __future__ import annotations

import pandas as pd

from ingest.sources.base import (
    COMMON_STATUSES, ByName, Source, extra, fingerprint, fold_refund_rows, skip,
)

HEADERS = {
    "order_id": ("numero de transaction", "transaction id"),
    "order_date": ("date",),
    "order_time": ("heure", "time"),
    "full_name": ("nom", "name"),
    "status": ("etat", "status"),
    "currency": ("devise", "currency"),
    "order_total": ("avant commission", "brut", "gross"),
    "email": ("de l adresse email", "de l adresse e mail", "from email address"),
    "phone": ("numero de telephone du contact", "contact phone number"),
    "postal_code": ("code postal", "zip postal code"),
    "city": ("ville", "town city"),
    "country": ("code du pays de l acheteur pour cette transaction", "code pays", "country code",
                "pays", "country"),
}
EXTRAS = {
    "paypal_type": ("type",),
    "balance_impact": ("balance impact", "impact sur le solde"),
    "reference": ("numero de la transaction de reference", "reference txn id"),
}
# Words of the `Type` column, case-folded: a payment received, a refund or reversal of one.
SALE_TYPES = r"paiement|payment"
REFUND_TYPES = r"rembours|refund|reversal|annulation|litige|dispute|chargeback"
MEMO = ("memo", "mémo")
IDENTITY = ("email", "phone", "full_name", "first_name", "last_name", "customer_id",
            "postal_code", "city", "country")

STATUSES = {
    **COMMON_STATUSES,
    "termine": "paid", "completed": "paid", "effectue": "paid", "cleared": "paid",
    "en attente": "pending", "pending": "pending", "non reclame": "pending", "unclaimed": "pending",
    "en suspens": "pending", "held": "pending", "place": "pending", "placed": "pending",
    "refuse": "cancelled", "denied": "cancelled", "annule": "cancelled", "canceled": "cancelled",
    "expire": "cancelled", "expired": "cancelled", "echoue": "cancelled", "failed": "cancelled",
    "rembourse": "refunded", "refunded": "refunded", "reversed": "refunded",
    "partiellement rembourse": "partially_refunded", "partially refunded": "partially_refunded",
}


def detect(headers: set[str]) -> float:
    return fingerprint(headers, ("fuseau horaire", "timezone", "time zone"),
                       ("avant commission", "gross"))


def sales_and_refunds(rows: pd.DataFrame) -> pd.DataFrame:
    """Keep the payments received, fold each refund into the sale it names, skip the rest."""
    gross = rows["order_total"]
    kind = extra(rows, "paypal_type").str.casefold()
    memo = extra(rows, "balance_impact").str.casefold().isin(MEMO)
    refund_word = kind.str.contains(REFUND_TYPES, regex=True).fillna(False).astype(bool)
    sale_word = kind.str.contains(SALE_TYPES, regex=True).fillna(False).astype(bool)
    refund = ~memo & (gross < 0) & refund_word
    sale = ~memo & (gross > 0) & sale_word & ~refund_word
    skip(rows, memo, "mémos PayPal (autorisations, réserves) qui ne déplacent pas d'argent",
         "PayPal memos (authorisations, holds) that move no money")
    skip(rows, ~sale & ~refund,
         "mouvements PayPal qui ne sont ni des ventes ni des remboursements (retraits, virements, "
         "conversions de devises, paiements envoyés, frais)",
         "PayPal movements that are neither sales nor refunds (withdrawals, transfers, currency "
         "conversions, payments sent, fees)")
    rows["order_total"] = gross.where(sale | refund)
    rows["order_id"] = rows["order_id"].mask(refund, extra(rows, "reference"))
    rows = fold_refund_rows(rows)
    for name in IDENTITY:  # a refund is sent by the shop: its sender is not the customer
        rows[name] = rows[name].mask(refund)
    return rows


SOURCES = (
    Source(
        name="paypal",
        label_fr="PayPal — relevé d'activité",
        label_en="PayPal — activity download",
        detect=detect,
        mapping=ByName(HEADERS),
        date_order="dmy",
        statuses=STATUSES,
        default_channel="web",
        transform=sales_and_refunds,
        extras=ByName(EXTRAS),
    ),
)
