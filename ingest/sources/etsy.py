"""Etsy: the two downloads of Boutique › Paramètres › Options › Télécharger les données,
`EtsySoldOrders` (one row per order) and `EtsySoldOrderItems` (one row per item).

What rests on a real file (a 2022 shop, 2,121 orders): an adjusted total of `0.00` with a
positive `Adjusted Net Order Amount` below `Order Net` and lower `Adjusted Card Processing Fees`
is a partial refund (82 orders): the net the seller lost plus the fees given back. From
FORMATS.md [fixture] and the header-only sample etsy_sold_orders_header.csv: both headers, `MM/DD/YY` sale dates, no email (customers keyed on
`Buyer User ID`). From third-party fixtures [fixture]: `Adjusted Order Total` is the order's total
after a refund, `0` with a zero `Adjusted Net Order Amount` when nothing was adjusted (a full
refund shows `0` with a negative adjusted net); `Status` words Completed, Canceled, Refunded;
`Item Total` = `Price` × `Quantity` before the coupon; `Order Shipping`, `Order Sales Tax` and
the coupon's `Discount Amount` are order-level values repeated on the order's item rows; names
HTML-escaped (`O&#39;Brien`). Guessed [likely]: French headers (Etsy may not translate them).

Rules:
- EtsySoldOrders: amount = `Order Total` (items − coupon + shipping + sales tax: what the buyer
  paid); refunded = `Order Total` − `Adjusted Order Total` when an adjustment is shown, or
  (`Order Net` − `Adjusted Net Order Amount`) + (`Card Processing Fees` − `Adjusted Card
  Processing Fees`) when only the net and fees show it;
- EtsySoldOrderItems: grouped by `Order ID`; amount = Σ `Item Total` − `Discount Amount` −
  `Shipping Discount` + `Order Shipping` + `Order Sales Tax`, the order-level values taken once;
  the customer is keyed on the `Buyer` username (the only buyer id in that file), with the
  recipient's name and postcode, whose name + postcode key links them to the orders file's
  customer (not for a gift shipped to someone else: that file names the recipient only);
- both files are one source keyed on `Order ID`, so importing both never counts an order twice:
  an order is stored once and the file imported last sets it. The items file knows no refunds
  or statuses, so import EtsySoldOrderItems first and EtsySoldOrders last (or again): the orders
  file then sets amounts, refunds and statuses and keeps the items file's product lines.
"""

from __future__ import annotations

import pandas as pd

from ingest import parse
from ingest.sources.base import COMMON_STATUSES, Source, extra, fingerprint, mapping_by_name

SALE_DATE = ("sale date", "date de vente")
ORDER_ID = ("order id", "id de la commande", "numero de commande")
SHARED_HEADERS = {
    "postal_code": ("ship zipcode", "code postal de livraison"),
    "city": ("ship city", "ville de livraison"),
    "country": ("ship country", "pays de livraison"),
    "currency": ("currency", "devise"),
}
ORDER_HEADERS = {
    "order_id": ORDER_ID,
    "order_date": SALE_DATE,
    "customer_id": ("buyer user id", "id utilisateur de l acheteur"),
    "full_name": ("full name", "nom complet"),
    "first_name": ("first name", "prenom"),
    "last_name": ("last name", "nom"),
    **SHARED_HEADERS,
    "order_total": ("order total", "total de la commande"),
    "discount": ("discount amount", "montant de la remise"),
    "discount_code": ("coupon code", "code promo"),
    "shipping": ("shipping", "frais de port"),
    "tax": ("sales tax", "taxe de vente"),
    "status": ("status", "statut"),
}
ITEM_HEADERS = {
    "order_id": ORDER_ID,
    "order_date": SALE_DATE,
    "customer_id": ("buyer", "acheteur"),
    "full_name": ("ship name", "nom du destinataire"),
    **SHARED_HEADERS,
    "product": ("item name", "nom de l article"),
    "sku": ("sku",),
    "quantity": ("quantity", "quantite"),
    "unit_price": ("price", "prix"),
    "line_amount": ("item total", "total de l article"),
    "discount": ("discount amount", "montant de la remise"),
    "discount_code": ("coupon code", "code promo"),
    "shipping": ("order shipping", "frais de port de la commande"),
    "tax": ("order sales tax", "taxe de vente de la commande"),
}
ORDER_EXTRAS = {
    "adjusted_total": ("adjusted order total", "total de la commande ajuste"),
    "adjusted_net": ("adjusted net order amount", "montant net de la commande ajuste"),
    "order_net": ("order net", "montant net de la commande"),
    "card_fees": ("card processing fees", "frais de traitement de carte"),
    "adjusted_fees": ("adjusted card processing fees", "frais de traitement de carte ajustes"),
}
ITEM_EXTRAS = {"shipping_discount": ("shipping discount", "remise sur les frais de port")}
EXTRA_LABELS = {
    "adjusted_total": "Adjusted Order Total", "adjusted_net": "Adjusted Net Order Amount",
    "shipping_discount": "Shipping Discount", "order_net": "Order Net",
    "card_fees": "Card Processing Fees", "adjusted_fees": "Adjusted Card Processing Fees",
}
ITEM_FINGERPRINT = (SALE_DATE, ORDER_ID, ("listing id", "id de l annonce"),
                    ("item total", "total de l article"))
# The few entities Etsy writes in names and titles (a vectorised replace, not html.unescape).
ENTITIES = (("&#39;", "'"), ("&quot;", '"'), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
STATUSES = {
    **COMMON_STATUSES,
    "completed": "paid", "paid": "paid", "open": "paid", "shipped": "paid",
    "canceled": "cancelled", "cancelled": "cancelled",
    "refunded": "refunded", "fully refunded": "refunded",
    "partially refunded": "partially_refunded", "payment processing": "pending",
    "unpaid": "pending",
}


def is_items_file(headers: set[str]) -> bool:
    return fingerprint(headers, *ITEM_FINGERPRINT) > 0.9


def detect(headers: set[str]) -> float:
    return max(fingerprint(headers, SALE_DATE, ("buyer user id", "id utilisateur de l acheteur")),
               fingerprint(headers, *ITEM_FINGERPRINT))


def spellings(headers: list[str]) -> tuple[dict, dict]:
    """The field and extra-column spellings of the file with these headers: items or orders."""
    if is_items_file({parse.normalise_header(h) for h in headers}):
        return ITEM_HEADERS, ITEM_EXTRAS
    return ORDER_HEADERS, ORDER_EXTRAS


def mapping(headers: list[str]) -> dict[str, str]:
    return mapping_by_name(headers, spellings(headers)[0])


def extras(headers: list[str]) -> dict[str, str]:
    return mapping_by_name(headers, spellings(headers)[1])


def unescape(text: pd.Series) -> pd.Series:
    for entity, char in ENTITIES:
        text = text.str.replace(entity, char, regex=False)
    return text


def money(rows: pd.DataFrame, name: str) -> pd.Series:
    """An extra money column (absent cells as NaN); a row whose cell cannot be read is rejected,
    as a mapped amount would be."""
    parsed = parse.parse_money(extra(rows, name))
    fresh = parsed.invalid & extra(rows, "reject_fr").isna()
    if fresh.any():
        label = EXTRA_LABELS[name]
        for column, text in (("reject_fr", f"« {label} » illisible"),
                             ("reject_en", f"“{label}” unreadable")):
            rows[column] = extra(rows, column).mask(fresh, text)
    return parsed.values


def refunds_from_adjustment(rows: pd.DataFrame) -> pd.Series:
    """What Etsy paid back, from the adjusted columns. An adjusted total above zero: Order Total −
    Adjusted Order Total; zero with a negative adjusted net: a full refund. Zero with a positive
    adjusted net: a partial refund shown only in the net and the fees (82 orders of a real 2022
    shop): the net the seller lost plus the card fees Etsy gave back, (Order Net − Adjusted Net
    Order Amount) + (Card Processing Fees − Adjusted Card Processing Fees)."""
    total = rows["order_total"]
    adjusted, net = money(rows, "adjusted_total"), money(rows, "adjusted_net")
    shown = (adjusted > 0) | ((adjusted == 0) & (net < 0))
    from_total = (total - adjusted).where(shown & (adjusted < total))
    fees_back = (money(rows, "card_fees") - money(rows, "adjusted_fees")).fillna(0.0)
    from_net = (money(rows, "order_net") - net + fees_back).round(2)
    partial = (adjusted == 0) & (net > 0) & (from_net > 0)
    return from_total.fillna(from_net.where(partial).clip(upper=total))


def items_order_total(rows: pd.DataFrame) -> pd.Series:
    """Σ Item Total − coupon − shipping discount + shipping + sales tax, order values once."""
    order = rows["order_id"]
    firsts = pd.DataFrame({
        "discount": rows["discount"], "shipping": rows["shipping"], "tax": rows["tax"],
        "shipping_discount": money(rows, "shipping_discount"),
    }).apply(pd.to_numeric).groupby(order).transform("first").fillna(0.0)
    items = rows["line_amount"].groupby(order).transform("sum")
    return (items - firsts["discount"] - firsts["shipping_discount"] + firsts["shipping"]
            + firsts["tax"]).round(2)


def etsy_rules(rows: pd.DataFrame) -> pd.DataFrame:
    for name in ("full_name", "first_name", "last_name", "product"):
        rows[name] = unescape(rows[name].astype("str"))
    if "adjusted_total" in rows:
        rows["refunded_amount"] = refunds_from_adjustment(rows)
    if rows["line_amount"].notna().any():
        rows["order_total"] = items_order_total(rows)
        rows["discount"] = rows["discount"].mask(rows["order_id"].duplicated())
    return rows


SOURCES = (
    Source(
        name="etsy",
        label_fr="Etsy — commandes vendues (EtsySoldOrders ou EtsySoldOrderItems)",
        label_en="Etsy — sold orders (EtsySoldOrders or EtsySoldOrderItems)",
        detect=detect,
        mapping=mapping,
        date_order="mdy",
        statuses=STATUSES,
        default_channel="marketplace",
        transform=etsy_rules,
        extras=extras,
    ),
)
