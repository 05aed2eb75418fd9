"""Exports that are neither sales nor a customer file nor after-sales (reviews, surveys and
tickets are imported: reviews.py, surveys.py, tickets.py): a form's answers without a score
question, and e-mail-tool audiences (../shared/FORMATS-after-sale.md, section 5 "fingerprints").

Read with the generic synonyms, such a file "imported": a Freshdesk ticket export became 44 new
customers and 45 orders-to-be, a Mailchimp unsubscribed export two new contacts whose refusal was
lost. Until Comptoir imports these files for what they are, each is recognised by its fingerprint
and refused with one sentence naming it, the database unchanged.
"""

from ingest.fields import ORDER_VALUE_FIELDS
from ingest.mapping import guess_mapping
from ingest.sources.base import Source, fingerprint


def _none(headers: list[str]) -> dict[str, str]:
    """Nothing is mapped: the file is refused before its columns are read."""
    return {}


def forms(headers: set[str]) -> float:
    """A form's response sheet: the answer's timestamp, then questions. No fingerprint beyond
    that word, so only when no column reads as a sale's amount or number (a till's own
    "Timestamp; Total" file is sales), and below any platform's score: a form with a
    recommendation or satisfaction question is a survey (surveys.py)."""
    if not headers & {"horodateur", "timestamp"}:
        return 0.0
    sale = guess_mapping(sorted(headers)).keys() & {*ORDER_VALUE_FIELDS, "order_id"}
    return 0.0 if sale else 0.6


def audiences(headers: set[str]) -> float:
    """An e-mail tool's contacts whose file does not say their consent (Mailchimp's subscribed
    and non-subscribed files say it only in their name); those that say it are consent.py's."""
    if headers & {"unsub time", "clean time", "email marketing consent", "email suppressions"}:
        return 0.0
    return max(
        fingerprint(headers, ("email address",), ("member rating",), ("leid",)),  # Mailchimp
        fingerprint(headers, ("email",), ("klaviyo id",)),  # Klaviyo
    )


def _source(name: str, detect, fr: str, en: str) -> Source:
    return Source(name=name, label_fr=fr, label_en=en, detect=detect, mapping=_none,
                  not_sales=(fr, en))


SOURCES = (
    _source("form_answers", forms, "les réponses d'un formulaire (Google Forms…)",
            "the answers of a form (Google Forms…)"),
    _source("email_audience", audiences,
            "une liste de contacts d'outil d'e-mailing (Mailchimp, Klaviyo…)",
            "an e-mail tool's contact list (Mailchimp, Klaviyo…)"),
)
