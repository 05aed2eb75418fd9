"""SumUp online store (Boutique en ligne SumUp): the orders export, one row per item.

What rests on a real file: nothing. The header is FORMATS.md's [fixture] line only: `Order,
Email, Date, Payment status, Paid at, Payment method, Order status, Subtotal, Shipping, Taxes,
Total, Customer name, Customer phone number, …, Item name, Item variation, Item quantity, Item
price`; FORMATS.md gives no fingerprint, the one used here is `Order` + `Paid at` + `Order status`
+ `Item quantity`. Not verified anywhere [likely]: the French headers, the status words, that
order fields may be blank on an order's follow-on item rows (read either way: an order's first
non-blank value counts, `Total` is never summed), and day-first dates (SumUp is European; ISO
dates read alike in any order).

Rules: amount = `Total`; status from `Payment status` unless `Order status` says the order was
cancelled. The export has no refunded amount: a `Refunded` payment status counts the whole order
as refunded; a partial refund cannot be told apart and stays a paid order (a stated limit).
"""

from __future__ import annotations

from ingest.sources.base import COMMON_STATUSES, ByName, CancelledWhen, Source, fingerprint

HEADERS = {
    "order_id": ("order", "commande", "n de commande"),
    "order_date": ("date",),
    "email": ("email", "e mail"),
    "status": ("payment status", "statut du paiement"),
    "shipping": ("shipping", "livraison", "frais de livraison"),
    "tax": ("taxes", "tva"),
    "order_total": ("total",),
    "full_name": ("customer name", "nom du client"),
    "phone": ("customer phone number", "telephone du client", "numero de telephone du client"),
    "product": ("item name", "nom de l article", "article"),
    "quantity": ("item quantity", "quantite de l article", "quantite"),
    "unit_price": ("item price", "prix de l article", "prix"),
}
EXTRAS = {"order_status": ("order status", "statut de la commande")}
STATUSES = {
    **COMMON_STATUSES,
    "paid": "paid", "successful": "paid", "reussi": "paid", "pending": "pending",
    "en attente": "pending", "failed": "cancelled", "echoue": "cancelled",
    "refunded": "refunded", "rembourse": "refunded",
    "partially refunded": "partially_refunded", "partiellement rembourse": "partially_refunded",
}


def detect(headers: set[str]) -> float:
    return fingerprint(headers, ("order", "commande"), ("paid at", "paye le"),
                       ("order status", "statut de la commande"),
                       ("item quantity", "quantite de l article"))


SOURCES = (
    Source(
        name="sumup",
        label_fr="SumUp — export des commandes de la boutique en ligne",
        label_en="SumUp — online store orders export",
        detect=detect,
        mapping=ByName(HEADERS),
        date_order="dmy",
        statuses=STATUSES,
        default_channel="web",
        transform=CancelledWhen("order_status"),
        extras=ByName(EXTRAS),
    ),
)
