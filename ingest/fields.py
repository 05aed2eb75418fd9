"""The canonical fields a file's columns map to, their value kinds and their header synonyms.

Synonyms are written normalised (lower-case, no accents, punctuation as single spaces, see
`ingest.parse.normalise_header`); the earlier a synonym in its list, the stronger the match.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, email, phone, postcode, bool, date, time, money, quantity, score
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
    Field("refunded_at", "date", "Date de remboursement", "Refunded at", (
        "date de remboursement", "date du remboursement", "rembourse le", "remboursee le",
        "refunded at", "refund date", "refunded date", "date refunded", "refunded on",
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
    Field("sms_opt_in", "bool", "Accepte les SMS", "Accepts SMS", (
        "accepte les sms", "consentement sms", "sms ok", "accepts sms marketing", "sms opt in",
    )),
    Field("call_opt_in", "bool", "Accepte les appels", "Accepts calls", (
        "accepte les appels", "accepte d etre appele", "appel ok", "accepts calls",
    )),
    Field("consent_at", "date", "Date du consentement", "Consent date", (
        "date de desinscription", "desinscrit le", "date du refus", "date du consentement",
        "unsub time", "clean time", "email marketing consent timestamp", "suppression date",
        "date suppressed",
    )),
    Field("signup_date", "date", "Date d'inscription", "Sign-up date", (
        "date d inscription", "inscrit le", "client depuis", "date de creation", "inscription",
    )),
)

# What review, survey and ticket files hold besides the shared order_id, customer_id, email,
# full_name, product and status (ingest/aftersale.py). Their sources name their columns
# themselves (ingest/sources/reviews.py, surveys.py, tickets.py): these synonyms serve the owner's
# corrections and the hand-made French sheets.
AFTER_SALE_FIELDS: tuple[Field, ...] = (
    Field("feedback_id", "text", "N° de l'avis, de la réponse ou du ticket",
          "Review, answer or ticket number", (
              "n ticket", "numero de ticket", "ticket id", "review id", "id", "reference",
          )),
    Field("feedback_date", "date", "Date (avis, réponse, ouverture)",
          "Date (review, answer, opened)", (
              "date", "date d ouverture", "ouvert le", "date de l avis", "date avis",
              "horodateur", "timestamp", "created at", "date created",
          )),
    Field("rating", "score", "Note", "Rating", ("note", "etoiles", "rating", "stars", "score")),
    Field("review_title", "text", "Titre de l'avis", "Review title", ("titre", "title")),
    Field("review_body", "text", "Texte de l'avis", "Review text", (
        "avis", "texte", "commentaire", "review", "comment", "content",
    )),
    Field("replied_at", "date", "Réponse de la boutique le", "Shop replied at", (
        "date de reponse", "repondu le", "reply date", "replied at",
    )),
    Field("nps_score", "score", "Recommandation (0 à 10)", "Would recommend (0-10)", (
        "nps", "recommandation", "recommendation",
    )),
    Field("csat_score", "score", "Satisfaction (1 à 5)", "Satisfaction (1-5)", (
        "satisfaction", "csat",
    )),
    Field("comment", "text", "Commentaire", "Comment", (
        "commentaire", "remarque", "suggestion", "comment", "comments",
    )),
    Field("client_ref", "text", "Client (e-mail, n° de commande ou n° client)",
          "Customer (email, order or customer number)", ("client", "customer")),
    Field("reason", "text", "Motif", "Reason", ("motif", "objet", "sujet", "subject", "reason")),
    Field("resolved_at", "date", "Résolu le", "Resolved at", (
        "resolu le", "date de resolution", "ferme le", "cloture le", "resolved at", "solved at",
        "closed at",
    )),
    Field("first_response_at", "date", "Première réponse le", "First response at", (
        "premiere reponse le", "date de premiere reponse", "first response at",
    )),
    Field("first_response_minutes", "quantity", "Première réponse (minutes)",
          "First response (minutes)", (
              "premiere reponse minutes", "first reply time in minutes",
              "first response time minutes",
          )),
    Field("first_response_hours", "quantity", "Première réponse (heures)",
          "First response (hours)", ("premiere reponse heures", "first response time in hrs")),
    Field("replies", "quantity", "Nombre de réponses", "Replies", ("reponses", "replies")),
    Field("one_touch", "bool", "Résolu au premier contact", "Resolved at first contact", (
        "resolu au premier contact", "premier contact", "one touch", "first contact resolution",
    )),
    Field("hidden", "text", "Statut de modération", "Moderation status", (
        "moderation", "curated", "statut de moderation",
    )),
)

FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in (*FIELDS, *AFTER_SALE_FIELDS)}
ORDER_VALUE_FIELDS = ("order_total", "line_amount", "unit_price")
IDENTITY_FIELDS = ("customer_id", "email", "phone", "first_name", "last_name", "full_name")
