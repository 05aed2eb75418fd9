"""WooCommerce: Analytics › Orders and Analytics › Customers downloads, and the "Advanced Order
Export For WooCommerce" plugin's default layout.

What rests on a real file: nothing fully. The shared sample woocommerce_analytics_orders.csv is
synthetic but follows WooCommerce's own exporter code (FORMATS.md [code]): its header, ISO dates
with `T`, status slugs, and refunds as separate rows with the same `Order #` and negative
`Net sales`. From FORMATS.md [code] only: the server-side header variant (`N. Revenue
(formatted)`, `Net Sales`), the customers header, the plugin's default columns and its status
labels; the plugin header of the test fixture (item name under `Name`, `Quantity (- Refund)`)
follows an export of it kept in a public repository [fixture]. Guessed, not verified [likely]:
the French labels (`Commande n°`, `Type de client`, `Ventes nettes`, `Inscription`,
`(facturation)` suffixes), taken from the French admin wording, and the sign of `Order Refund
Amount` (read as a positive amount either way).
"""

from __future__ import annotations

import pandas as pd

from ingest.sources.base import COMMON_STATUSES, ByName, Source, fingerprint, fold_refund_rows

ANALYTICS_ORDER_HEADERS = {
    "order_id": ("order", "commande n", "n de commande", "commande"),
    "order_date": ("date",),
    "status": ("status", "etat", "statut"),
    "full_name": ("customer", "client"),
    "order_total": ("net sales", "ventes nettes", "n revenue", "n revenue formatted",
                    "n revenus", "n revenus formate"),
    "discount_code": ("coupon s", "code s promo"),
}

ANALYTICS_CUSTOMER_HEADERS = {
    "full_name": ("name", "nom"),
    "customer_id": ("username", "identifiant", "nom d utilisateur"),
    "signup_date": ("sign up", "inscription", "date d inscription"),
    "email": ("email", "e mail", "adresse e mail"),
    "country": ("country region", "pays region", "pays"),
    "city": ("city", "ville"),
    "postal_code": ("postal code", "code postal"),
    "phone": ("billing phone", "telephone de facturation", "shipping phone",
              "telephone de livraison"),
}

ORDER_EXPORT_HEADERS = {
    "order_id": ("order number", "numero de commande", "order id"),
    "order_date": ("order date", "date de commande"),
    "status": ("order status", "statut de la commande", "etat de la commande"),
    "first_name": ("first name billing", "prenom facturation"),
    "last_name": ("last name billing", "nom facturation"),
    "email": ("email billing", "e mail facturation", "adresse e mail facturation"),
    "phone": ("phone billing", "telephone facturation"),
    "postal_code": ("postcode billing", "code postal facturation"),
    "city": ("city billing", "ville facturation"),
    "country": ("country code billing", "code pays facturation"),
    "customer_id": ("customer user id", "id utilisateur client"),
    "currency": ("order currency", "devise de la commande"),
    "sku": ("sku", "ugs"),
    "product": ("item name", "product name", "name", "nom de l article"),
    "quantity": ("quantity refund", "quantite remboursement", "quantity", "quantite"),
    "unit_price": ("item cost", "cout de l article", "prix de l article"),
    "discount": ("cart discount amount", "montant de la remise du panier"),
    "discount_code": ("coupon code", "code promo"),
    "shipping": ("order shipping amount", "montant de la livraison"),
    "refunded_amount": ("order refund amount", "montant du remboursement"),
    "refunded_at": ("order refund date", "date du remboursement", "refund date"),
    "order_total": ("order total amount", "montant total de la commande"),
    "tax": ("order total tax amount", "montant total des taxes"),
}

# Order status slugs (Analytics) and labels (plugin), English and French, normalised.
STATUSES = {
    **COMMON_STATUSES,
    "pending payment": "pending", "on hold": "pending", "checkout draft": "pending",
    "draft": "pending", "brouillon": "pending", "en attente de paiement": "pending",
    "processing": "paid", "en cours": "paid", "completed": "paid", "terminee": "paid",
    "cancelled": "cancelled", "annulee": "cancelled", "failed": "cancelled", "echouee": "cancelled",
    "refunded": "refunded", "remboursee": "refunded",
}


def detect_analytics_orders(headers: set[str]) -> float:
    return fingerprint(
        headers,
        ("order", "commande n"),
        ("customer type", "type de client"),
        ("net sales", "n revenue", "n revenue formatted", "ventes nettes", "n revenus"),
    )


def detect_analytics_customers(headers: set[str]) -> float:
    return fingerprint(
        headers,
        ("sign up", "inscription"),
        ("last active", "derniere activite"),
        ("aov", "panier moyen", "valeur moyenne des commandes"),
    )


def detect_order_export(headers: set[str]) -> float:
    return max(
        fingerprint(headers, ("email billing", "e mail facturation")),
        fingerprint(headers, ("order total amount", "montant total de la commande")),
    )


def order_fields_once(rows: pd.DataFrame) -> pd.DataFrame:
    """The plugin repeats order fields on every product row. Totals and refunds are taken from an
    order's first row anyway, but discounts are summed over its rows (line discounts), so the
    cart discount stays on the first row only. A refund written as a negative number counts as
    the amount refunded."""
    if "order_total" not in rows:
        return rows
    repeated = rows["order_id"].notna() & rows["order_id"].duplicated()
    rows["discount"] = rows["discount"].mask(repeated)
    rows["refunded_amount"] = pd.to_numeric(rows["refunded_amount"]).abs()
    return rows


SOURCES = (
    Source(
        name="woocommerce_orders",
        label_fr="WooCommerce — Analytics, commandes",
        label_en="WooCommerce — Analytics orders",
        detect=detect_analytics_orders,
        mapping=ByName(ANALYTICS_ORDER_HEADERS),
        date_order="ymd",
        statuses=STATUSES,
        default_channel="web",
        transform=fold_refund_rows,
    ),
    Source(
        name="woocommerce_customers",
        label_fr="WooCommerce — Analytics, clients",
        label_en="WooCommerce — Analytics customers",
        detect=detect_analytics_customers,
        mapping=ByName(ANALYTICS_CUSTOMER_HEADERS),
    ),
    Source(
        name="woocommerce_order_export",
        label_fr="WooCommerce — export de commandes (extension Advanced Order Export)",
        label_en="WooCommerce — order export (Advanced Order Export plugin)",
        detect=detect_order_export,
        mapping=ByName(ORDER_EXPORT_HEADERS),
        date_order="ymd",
        statuses=STATUSES,
        default_channel="web",
        transform=order_fields_once,
    ),
)
