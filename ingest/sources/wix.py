"""Wix Stores: the orders export (Commandes › Exporter), one row per item.

What rests on a real file: nothing here. From third-party fixtures that look like real exports
[fixture]: the English header (`Order number,Date created,Time,Fulfill by,…,Contact email,…,
Item,Variant,SKU,Qty,Quantity refunded,Price,…,Payment status,…,Shipping rate,Total tax,Total,
Currency,Refunded amount,Net amount,…,Fulfillment status,…`; one variant repeats the `Delivery …`
address columns where `Billing …` belongs), `Dec 8, 2024` + `9:15:51 AM`, order fields (Total,
Refunded amount) repeated on every item row, phones and postcodes written with literal quotes
(`"015224260416"`, read without them by ingest.canonical), countries as ISO-3 (`DEU`), payment
status `Unpaid`/`Paid` and cancellation shown only in `Fulfillment status` = `Canceled`.
Guessed [likely]: the French headers (`Numéro de commande`, `Date de création`, `E-mail du
contact`, `Statut du paiement`, `Montant remboursé`…) and French status words.

Rules: the order amount is `Total` (taken once, never summed over the item rows), the refund is
`Refunded amount`, the status comes from `Payment status` unless `Fulfillment status` says the
order was cancelled. No fixed date order: the dates are written in words ("Dec 8, 2024",
"8 déc. 2024"), whose form tells the order.
"""

from __future__ import annotations

from ingest.sources.base import COMMON_STATUSES, ByName, CancelledWhen, Source, fingerprint

HEADERS = {
    "order_id": ("order number", "numero de commande", "n de commande"),
    "order_date": ("date created", "date de creation"),
    "order_time": ("time", "heure"),
    "email": ("contact email", "e mail du contact", "adresse e mail du contact"),
    "full_name": ("billing name", "nom de facturation", "recipient name", "nom du destinataire"),
    "phone": ("billing phone", "telephone de facturation", "recipient phone",
              "telephone du destinataire"),
    "postal_code": ("billing zip postal code", "code postal de facturation",
                    "delivery zip postal code", "code postal de livraison"),
    "city": ("billing city", "ville de facturation", "delivery city", "ville de livraison"),
    "country": ("billing country", "pays de facturation", "delivery country", "pays de livraison"),
    "product": ("item", "article"),
    "sku": ("sku", "ugs"),
    "quantity": ("qty", "qte", "quantite"),
    "unit_price": ("price", "prix"),
    "status": ("payment status", "statut du paiement"),
    "shipping": ("shipping rate", "frais de livraison", "tarif de livraison"),
    "tax": ("total tax", "taxe totale", "total des taxes"),
    "order_total": ("total",),
    "currency": ("currency", "devise"),
    "refunded_amount": ("refunded amount", "montant rembourse"),
    "discount_code": ("coupon code", "code promo", "code de reduction"),
}
EXTRAS = {"fulfillment": ("fulfillment status", "statut de traitement", "statut d execution")}
STATUSES = {
    **COMMON_STATUSES,
    "paid": "paid", "unpaid": "pending", "not paid": "pending", "non paye": "pending",
    "non payee": "pending", "partially paid": "pending", "partiellement paye": "pending",
    "refunded": "refunded", "partially refunded": "partially_refunded",
}


def detect(headers: set[str]) -> float:
    return fingerprint(headers, ("order number", "numero de commande"),
                       ("date created", "date de creation"),
                       ("fulfill by", "a traiter avant le", "executer avant le"))


SOURCES = (
    Source(
        name="wix",
        label_fr="Wix — export des commandes",
        label_en="Wix — orders export",
        detect=detect,
        mapping=ByName(HEADERS),
        statuses=STATUSES,
        default_channel="web",
        # Wix marks a cancelled order in its fulfilment status only, even when it was unpaid.
        transform=CancelledWhen("fulfillment"),
        extras=ByName(EXTRAS),
    ),
)
