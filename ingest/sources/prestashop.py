"""PrestaShop back office: Commandes › Exporter and Clients › Exporter (French or English admin).

What rests on a real file: nothing. The shared sample prestashop_orders_export_fr.csv is synthetic;
the column keys (ID, Reference, New client, Delivery, Customer, Total, Payment, Status, Date),
the `;` delimiter, `Total` as a formatted price and `Client` as `J. DUPONT` (first initial, dot,
last name: the order grid's SQL) come from PrestaShop's code (FORMATS.md [code]). Guessed from
the French admin wording [likely]: the French headers, the state names below, `Opt-in` as
the partner-offers column of older 1.6 shops, and the names of a vouchers column (`Bons de
réduction`), which the default export does not have. `Newsletter` is the consent to the shop's own
e-mails; partner offers are a consent to third parties' and are not used.
"""

from __future__ import annotations

from ingest.sources.base import COMMON_STATUSES, ByName, Source, fingerprint

ORDER_HEADERS = {
    "order_id": ("id", "reference"),
    "order_date": ("date",),
    "full_name": ("client", "customer"),
    "order_total": ("total",),
    "status": ("etat", "status", "statut"),
    "country": ("livraison", "delivery"),  # delivery country: the only address in the export
    # A column the grid does not have by default; shops that add the cart rules used to the
    # export (a module or a SQL query of the back office) name it after the admin's wording.
    "discount_code": ("bons de reduction", "bon de reduction", "regles panier", "vouchers",
                      "voucher", "cart rules", "code promo"),
}

CUSTOMER_HEADERS = {
    "customer_id": ("id",),
    "first_name": ("prenom", "first name"),
    "last_name": ("nom", "last name"),
    "email": ("adresse e mail", "e mail", "email address", "email"),
    "opt_in": ("newsletter",),
    "signup_date": ("inscription", "registration", "date d inscription"),
}

# Default order states of a French PrestaShop 1.6/1.7/8 (English names alongside), normalised.
STATUSES = {
    **COMMON_STATUSES,
    "paiement accepte": "paid", "paiement a distance accepte": "paid", "livre": "paid",
    "expedie": "paid", "en cours de preparation": "paid", "preparation en cours": "paid",
    "en attente de reapprovisionnement paye": "paid",
    "payment accepted": "paid", "remote payment accepted": "paid", "delivered": "paid",
    "shipped": "paid", "processing in progress": "paid", "on backorder paid": "paid",
    "annule": "cancelled", "erreur de paiement": "cancelled",
    "canceled": "cancelled", "cancelled": "cancelled", "payment error": "cancelled",
    "rembourse": "refunded", "refunded": "refunded",
    "en attente de paiement par cheque": "pending",
    "en attente de paiement par virement": "pending",
    "en attente de paiement par virement bancaire": "pending",
    "en attente de virement bancaire": "pending",
    "en attente du paiement a la livraison": "pending",
    "en attente de reapprovisionnement non paye": "pending",
    "awaiting check payment": "pending", "awaiting bank wire payment": "pending",
    "awaiting cash on delivery validation": "pending", "on backorder not paid": "pending",
}


def detect_orders(headers: set[str]) -> float:
    return fingerprint(headers, ("nouveau client", "new client"), ("livraison", "delivery"),
                       ("client", "customer"))


def detect_customers(headers: set[str]) -> float:
    return fingerprint(headers, ("offres partenaires", "partner offers", "opt in"),
                       ("derniere visite", "last visit"))


SOURCES = (
    Source(
        name="prestashop_orders",
        label_fr="PrestaShop — export des commandes",
        label_en="PrestaShop — orders export",
        detect=detect_orders,
        mapping=ByName(ORDER_HEADERS),
        date_order="ymd",
        statuses=STATUSES,
        default_channel="web",
    ),
    Source(
        name="prestashop_customers",
        label_fr="PrestaShop — export des clients",
        label_en="PrestaShop — customers export",
        detect=detect_customers,
        mapping=ByName(CUSTOMER_HEADERS),
    ),
)
