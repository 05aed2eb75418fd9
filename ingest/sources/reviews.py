"""Review exports: Trustpilot, Avis Vérifiés / Skeepers, Judge.me, WooCommerce product reviews and
Google reviews as feedback tools export them (../shared/FORMATS-after-sale.md section 1; each
header's provenance in docs/formats-after-sale.md).

What rests on a real file: Trustpilot's business export and a feedback platform's Google reviews
(both XLSX). From fixtures or documentation only: Judge.me's export, WooCommerce's review fields
(REST API names and the comment-table names of export plugins), Outscraper's Google scrape, and
Avis Vérifiés, whose export header nobody has published: its JSON feed's field names and their
French labels are accepted.
"""

from __future__ import annotations

from ingest.sources.base import ByName, Source, fingerprint

TRUSTPILOT = {
    "feedback_id": ("review id",),
    "feedback_date": ("review created utc",),
    "rating": ("review stars",),
    "review_title": ("review title",),
    "review_body": ("review content",),
    "replied_at": ("company reply date utc", "business reply date utc"),
    "order_id": ("reference id",),
    "email": ("review user email", "review consumer email", "consumer email"),
    "full_name": ("review consumer name", "review username"),
}

AVIS_VERIFIES = {
    "feedback_id": ("id review", "id avis", "identifiant de l avis", "review id"),
    "feedback_date": ("review date", "date de l avis", "date avis", "date du avis"),
    "rating": ("rate", "note", "rating"),
    "review_body": ("review", "avis", "commentaire"),
    "order_id": ("order ref", "reference commande", "reference de commande", "purchase reference",
                 "n de commande"),
    "email": ("email", "e mail", "adresse e mail"),
    "replied_at": ("date de reponse", "reply date"),
    "product": ("product name", "produit", "nom du produit"),
    "hidden": ("moderation", "state", "statut"),
}

JUDGEME = {
    "feedback_date": ("review date",),
    "rating": ("rating",),
    "review_title": ("title",),
    "review_body": ("body",),
    "email": ("reviewer email",),
    "full_name": ("reviewer name",),
    "product": ("product handle", "product id"),
    "replied_at": ("reply date",),
    "hidden": ("curated",),
}

WOOCOMMERCE = {
    "feedback_id": ("id", "comment id"),
    "feedback_date": ("date created", "comment date", "date created gmt", "comment date gmt"),
    "rating": ("rating",),
    "review_body": ("review", "comment content"),
    "email": ("reviewer email", "comment author email"),
    "full_name": ("reviewer", "comment author"),
    "product": ("product name", "product id", "comment post id"),
    "hidden": ("status", "comment approved"),
}

GOOGLE = {
    "feedback_id": ("survey id for external use e g tech support", "review id"),
    "feedback_date": ("creation date", "review datetime utc"),
    "rating": ("overall score", "review rating"),
    "review_body": ("comment", "review text"),
    "full_name": ("customer name", "author title"),
    "replied_at": ("owner answer timestamp datetime utc",),
}


def detect_trustpilot(headers: set[str]) -> float:
    return fingerprint(headers, ("review stars",), ("review created utc",))


def detect_avis_verifies(headers: set[str]) -> float:
    return fingerprint(
        headers,
        ("order ref", "reference commande", "reference de commande", "purchase reference"),
        ("rate", "note"),
        ("review date", "date de l avis", "date avis"),
    )


def detect_judgeme(headers: set[str]) -> float:
    return fingerprint(headers, ("curated",), ("reviewer email",), ("rating",))


def detect_woocommerce(headers: set[str]) -> float:
    return fingerprint(
        headers,
        ("reviewer email", "comment author email"),
        ("rating",),
        ("date created", "comment date", "date created gmt", "comment date gmt"),
    )


def detect_google(headers: set[str]) -> float:
    return max(fingerprint(headers, ("overall score",), ("social media source",)),
               fingerprint(headers, ("review rating",), ("author title",)))


def _reviews(name: str, fr: str, en: str, detect, names, date_order: str | None) -> Source:
    return Source(name=name, label_fr=fr, label_en=en, detect=detect, mapping=ByName(names),
                  date_order=date_order, after_sale="reviews")


SOURCES = (
    _reviews("trustpilot", "Trustpilot — export des avis", "Trustpilot — reviews export",
             detect_trustpilot, TRUSTPILOT, "ymd"),
    _reviews("avis_verifies", "Avis Vérifiés / Skeepers — export des avis",
             "Avis Vérifiés / Skeepers — reviews export", detect_avis_verifies, AVIS_VERIFIES,
             None),
    _reviews("judgeme", "Judge.me — export des avis", "Judge.me — reviews export",
             detect_judgeme, JUDGEME, "ymd"),
    _reviews("woocommerce_reviews", "WooCommerce — avis produits",
             "WooCommerce — product reviews", detect_woocommerce, WOOCOMMERCE, "ymd"),
    _reviews("google_reviews", "Avis Google (export d'un outil d'avis)",
             "Google reviews (exported by a reviews tool)", detect_google, GOOGLE, None),
)
