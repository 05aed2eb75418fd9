"""The canonical fields a file's columns map to, their value kinds and their header synonyms.

Synonyms are written normalised (lower-case, no accents, punctuation as single spaces, see
`ingest.parse.normalise_header`); the earlier a synonym in its list, the stronger the match.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, email, phone, postcode, bool, date, time, money, quantity
    label_fr: str
    label_en: str
    synonyms: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field("order_id", "text", "N° de commande", "Order number", (
        "n de commande", "numero de commande", "n commande", "no commande", "num commande",
        "id commande", "commande", "order id", "order number", "order no", "order", "n ticket",
        "ticket", "n facture", "numero de facture", "facture", "reference commande", "reference",
        "invoice no", "invoice number", "invoice",
    )),
    Field("order_date", "date", "Date de commande", "Order date", (
        "date de commande", "date d achat", "date de vente", "date commande", "date de la commande",
        "order date", "sale date", "invoice date", "purchase date", "date et heure", "date",
    )),
    Field("order_time", "time", "Heure", "Time", ("heure", "heure de vente", "time")),
    Field("order_total", "money", "Total de la commande", "Order total", (
        "total", "total ttc", "montant total", "total commande", "total de la commande",
        "montant de la commande", "total paye", "order total",
    )),
    Field("line_amount", "money", "Montant de la ligne", "Line amount", (
        "montant ttc", "montant", "ca", "chiffre d affaires", "montant ligne", "total ligne",
        "prix total", "line total", "line amount", "amount", "dollar value",
    )),
    Field("unit_price", "money", "Prix unitaire", "Unit price", (
        "prix unitaire", "prix unitaire ttc", "pu", "prix", "prix de vente", "unit price", "price",
    )),
    Field("quantity", "quantity", "Quantité", "Quantity", (
        "quantite", "qte", "qty", "quantity", "nombre", "nb", "number of cds",
    )),
    Field("product", "text", "Produit", "Product", (
        "produit", "article", "designation", "libelle", "nom du produit", "libelle article",
        "product", "item", "item name", "product name", "description",
    )),
    Field("sku", "text", "Référence produit", "SKU", (
        "reference produit", "ref produit", "code article", "code produit", "sku", "reference",
        "ref", "ean", "stock code", "product code", "item code",
    )),
    Field("status", "text", "Statut", "Status", (
        "statut", "etat", "statut de la commande", "etat de la commande", "status", "order status",
    )),
    Field("refunded_amount", "money", "Montant remboursé", "Refunded amount", (
        "montant rembourse", "rembourse", "remboursement", "montant du remboursement",
        "refunded amount", "amount refunded", "refunded", "refund",
    )),
    Field("discount", "money", "Remise", "Discount", (
        "remise", "reduction", "montant remise", "discount", "discount amount",
    )),
    Field("discount_code", "text", "Code de réduction", "Discount code", (
        "code promo", "code de reduction", "code reduction", "code remise", "code avantage",
        "bon de reduction", "bons de reduction", "code coupon", "coupon", "coupons",
        "discount code", "coupon code", "promo code", "voucher", "vouchers",
    )),
    Field("shipping", "money", "Frais de port", "Shipping", (
        "frais de port", "frais de livraison", "port", "livraison", "shipping",
    )),
    Field("tax", "money", "TVA", "Tax", ("tva", "montant tva", "taxes", "tax")),
    Field("cancelled_at", "date", "Date d'annulation", "Cancelled at", (
        "date d annulation", "annulee le", "cancelled at", "canceled at",
    )),
    Field("currency", "text", "Devise", "Currency", ("devise", "monnaie", "currency")),
    Field("channel", "text", "Canal", "Channel", (
        "canal", "canal de vente", "point de vente", "channel",
    )),
    Field("customer_id", "text", "N° client", "Customer number", (
        "n client", "numero client", "code client", "id client", "n de client", "n carte",
        "n de carte", "numero de carte", "carte fidelite", "customer id", "client id", "customer number", "customer no",
    )),
    Field("email", "email", "E-mail", "Email", (
        "e mail", "email", "courriel", "adresse e mail", "adresse email", "adresse mail", "mail",
        "email address", "e mail address", "customer email", "contact email",
    )),
    Field("phone", "phone", "Téléphone", "Phone", (
        "telephone", "tel", "portable", "mobile", "gsm", "tel portable", "telephone mobile",
        "numero de telephone", "phone", "phone number",
    )),
    Field("first_name", "text", "Prénom", "First name", (
        "prenom", "prenom client", "first name", "firstname",
    )),
    Field("last_name", "text", "Nom", "Last name", (
        "nom", "nom de famille", "last name", "lastname", "surname",
    )),
    Field("full_name", "text", "Nom complet", "Full name", (
        "nom complet", "client", "nom client", "nom et prenom", "nom prenom", "prenom nom",
        "full name", "customer name", "customer", "name",
    )),
    Field("postal_code", "postcode", "Code postal", "Postcode", (
        "code postal", "cp", "zip", "postcode", "postal code", "zip code",
    )),
    Field("city", "text", "Ville", "City", ("ville", "commune", "localite", "city")),
    Field("country", "text", "Pays", "Country", ("pays", "country", "country code")),
    Field("opt_in", "bool", "Accepte les e-mails", "Accepts email", (
        "accepte les e mails", "accepte les emails", "opt in", "optin", "newsletter",
        "consentement", "consentement email", "abonne newsletter", "accepts email marketing",
        "accepts marketing",
    )),
    Field("signup_date", "date", "Date d'inscription", "Sign-up date", (
        "date d inscription", "inscrit le", "client depuis", "date de creation", "inscription",
    )),
)

FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
ORDER_VALUE_FIELDS = ("order_total", "line_amount", "unit_price")
IDENTITY_FIELDS = ("customer_id", "email", "phone", "first_name", "last_name", "full_name")
