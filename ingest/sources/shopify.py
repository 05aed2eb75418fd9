"""Shopify: the orders export (one row per line item) and the customers export.

What rests on a real file (/work/shared/samples, FORMATS.md [real]): the 2022 orders header and its
row structure (order fields on the first row of an order only, `Name` repeated on every row,
`Created at` like `2021-12-31 19:27:45 -0500`, `'`-prefixed phones, `Financial Status` slugs,
`Accepts Marketing` yes/no); the 2024 customers header (`Customer ID` prefixed with `'`,
`Accepts Email Marketing` yes/no, `Default Address *`). From FORMATS.md only: the 2025 orders
header (six more columns, none of them used here), the `Canceled at` / `Lineitem SKU` spellings,
the older customers header (`Accepts Marketing`, `Zip`, `Country Code`). Shopify does not
translate its export headers.
"""

from __future__ import annotations

from ingest.sources.base import ByName, Source, fingerprint

ORDER_HEADERS = {
    "order_id": ("name",),
    "order_date": ("created at",),
    "email": ("email",),
    "status": ("financial status",),
    "opt_in": ("accepts marketing", "accepts email marketing"),
    "currency": ("currency",),
    "shipping": ("shipping",),
    "tax": ("taxes",),
    "order_total": ("total",),
    "discount": ("discount amount",),
    "discount_code": ("discount code",),
    "quantity": ("lineitem quantity",),
    "product": ("lineitem name",),
    "unit_price": ("lineitem price",),
    "sku": ("lineitem sku",),
    "full_name": ("billing name", "shipping name"),
    "postal_code": ("billing zip", "shipping zip"),
    "city": ("billing city", "shipping city"),
    "country": ("billing country", "shipping country"),
    "phone": ("billing phone", "phone", "shipping phone"),
    "cancelled_at": ("cancelled at", "canceled at"),
    "refunded_amount": ("refunded amount",),
    "refunded_at": ("refunded at",),  # not in Shopify's own export; apps that add it name it so
    "channel": ("source",),
}

CUSTOMER_HEADERS = {
    "customer_id": ("customer id",),
    "first_name": ("first name",),
    "last_name": ("last name",),
    "email": ("email",),
    "opt_in": ("accepts email marketing", "accepts marketing"),
    "sms_opt_in": ("accepts sms marketing",),
    "phone": ("phone", "default address phone"),
    "postal_code": ("default address zip", "zip"),
    "city": ("default address city", "city"),
    "country": ("default address country code", "country code", "country"),
}

# Financial Status slugs, normalised ('partially_refunded' -> 'partially refunded').
STATUSES = {
    "pending": "pending", "authorized": "pending", "partially paid": "pending",
    "paid": "paid", "partially refunded": "partially_refunded", "refunded": "refunded",
    "voided": "cancelled",
}


def detect_orders(headers: set[str]) -> float:
    return fingerprint(headers, ("lineitem quantity",), ("financial status",), ("name",))


def detect_customers(headers: set[str]) -> float:
    if "default address address1" in headers:
        return fingerprint(headers, ("default address address1",))
    return fingerprint(headers, ("accepts email marketing", "accepts marketing"),
                       ("total spent",), ("total orders",))


SOURCES = (
    Source(
        name="shopify_orders",
        label_fr="Shopify — export des commandes",
        label_en="Shopify — orders export",
        detect=detect_orders,
        mapping=ByName(ORDER_HEADERS),
        date_order="ymd",
        statuses=STATUSES,
        default_channel="web",
    ),
    Source(
        name="shopify_customers",
        label_fr="Shopify — export des clients",
        label_en="Shopify — customers export",
        detect=detect_customers,
        mapping=ByName(CUSTOMER_HEADERS),
    ),
)
