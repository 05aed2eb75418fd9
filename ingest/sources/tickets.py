"""After-sales tickets: Zendesk, Freshdesk, Gorgias and the hand-made French sheet
"Date ; Client ; Motif ; Statut ; Résolu le" (../shared/FORMATS-after-sale.md section 3).

What rests on a real file: Freshdesk's export. From fixtures or documentation only: Zendesk's
report export (a real preview shows a subset of its header), Gorgias' export (one third-party
parser). The French sheet is what a shop keeps by hand: its "Client" column holds whatever the
owner wrote there (an e-mail, an order or a customer number), told apart when it is read.
"""

from __future__ import annotations

from ingest.sources.base import ByName, Source, fingerprint

ZENDESK = {
    "feedback_id": ("id", "ticket id"),
    "feedback_date": ("created at",),
    "status": ("status",),
    "email": ("requester email",),
    "customer_id": ("requester external id",),
    "reason": ("subject", "ticket type"),
    "resolved_at": ("solved at",),
    "first_response_minutes": ("first reply time in minutes",),
    "replies": ("replies",),
}

FRESHDESK = {
    "feedback_id": ("ticket id",),
    "feedback_date": ("created time",),
    "status": ("status",),
    "email": ("email", "contact id"),
    "reason": ("subject", "type"),
    "resolved_at": ("resolved time", "closed time"),
    "first_response_hours": ("first response time in hrs",),
}

GORGIAS = {
    "feedback_id": ("ticket id", "id"),
    "feedback_date": ("creation date", "created datetime"),
    "status": ("status",),
    "email": ("customer email",),
    "reason": ("ticket field contact reason", "subject", "tags"),
    "resolved_at": ("closed datetime",),
    "first_response_minutes": ("first response time minutes",),
    "replies": ("messages count",),
}

FICHE_SAV = {
    "feedback_id": ("n ticket", "numero de ticket", "n", "numero", "reference"),
    "feedback_date": ("date", "date d ouverture", "ouvert le", "date de la demande"),
    "client_ref": ("client", "n client", "e mail", "email", "n de commande", "commande"),
    "reason": ("motif", "objet", "sujet"),
    "status": ("statut", "etat"),
    "resolved_at": ("resolu le", "date de resolution", "ferme le", "cloture le"),
    "first_response_at": ("premiere reponse le", "repondu le"),
    "one_touch": ("resolu au premier contact", "premier contact"),
}


def detect_zendesk(headers: set[str]) -> float:
    return max(
        fingerprint(headers, ("requester email", "requester"), ("satisfaction score",)),
        fingerprint(headers, ("requester email", "requester id"), ("created at",),
                    ("solved at",)),
    )


def detect_freshdesk(headers: set[str]) -> float:
    return fingerprint(headers, ("ticket id",), ("created time",), ("subject",))


def detect_gorgias(headers: set[str]) -> float:
    return fingerprint(headers, ("customer email",), ("initial channel", "channel"),
                       ("creation date", "created datetime"))


def detect_fiche_sav(headers: set[str]) -> float:
    return fingerprint(headers, ("motif", "objet"), ("resolu le", "date de resolution"),
                       ("date", "date d ouverture", "ouvert le"))


def _tickets(name: str, fr: str, en: str, detect, names, date_order: str | None) -> Source:
    return Source(name=name, label_fr=fr, label_en=en, detect=detect, mapping=ByName(names),
                  date_order=date_order, after_sale="tickets")


SOURCES = (
    _tickets("zendesk", "Zendesk — export des tickets", "Zendesk — tickets export",
             detect_zendesk, ZENDESK, None),
    _tickets("freshdesk", "Freshdesk — export des tickets", "Freshdesk — tickets export",
             detect_freshdesk, FRESHDESK, "ymd"),
    _tickets("gorgias", "Gorgias — export des tickets", "Gorgias — tickets export",
             detect_gorgias, GORGIAS, None),
    _tickets("fiche_sav", "Fiche SAV tenue à la main", "Hand-kept after-sales sheet",
             detect_fiche_sav, FICHE_SAV, "dmy"),
)
