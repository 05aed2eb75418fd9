"""Exports that are neither sales nor a customer file: reviews, surveys, support tickets and
e-mail-tool audiences (../shared/FORMATS-after-sale.md, section 5 "fingerprints").

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


def reviews(headers: set[str]) -> float:
    return max(
        fingerprint(headers, ("review stars",), ("review created utc",)),  # Trustpilot
        fingerprint(headers, ("overall score",), ("social media source",)),  # Google, by a tool
        fingerprint(headers, ("review rating",), ("author title",)),  # Google (Outscraper)
        fingerprint(headers, ("curated",), ("reviewer email",)),  # Judge.me
        fingerprint(headers, ("review score",), ("review content",)),  # Yotpo
    )


def surveys(headers: set[str]) -> float:
    return max(
        fingerprint(headers, ("submit date utc",), ("network id",)),  # Typeform
        fingerprint(headers, ("respondent id",), ("collector id",)),  # SurveyMonkey
        fingerprint(headers, ("submission id",), ("submitted at",)),  # Tally
        fingerprint(headers, ("nps",), ("satisfaction", "intention", "explication")),
    )


def forms(headers: set[str]) -> float:
    """A form's response sheet: the answer's timestamp, then questions. No fingerprint beyond
    that word, so only when no column reads as a sale's amount or number (a till's own
    "Timestamp; Total" file is sales), and below any platform's score."""
    if not headers & {"horodateur", "timestamp"}:
        return 0.0
    sale = guess_mapping(sorted(headers)).keys() & {*ORDER_VALUE_FIELDS, "order_id"}
    return 0.0 if sale else 0.6


def tickets(headers: set[str]) -> float:
    return max(
        fingerprint(headers, ("ticket id",), ("created time",), ("subject",)),  # Freshdesk
        fingerprint(headers, ("ticket id",), ("ticket name",), ("pipeline",)),  # HubSpot
        fingerprint(headers, ("requester email", "requester"), ("satisfaction score",)),  # Zendesk
        fingerprint(headers, ("customer email",), ("initial channel",)),  # Gorgias
    )


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
    _source("reviews", reviews, "un export d'avis clients (Trustpilot, Google, Judge.me…)",
            "a customer reviews export (Trustpilot, Google, Judge.me…)"),
    _source("survey", surveys, "les réponses d'une enquête de satisfaction ou NPS",
            "the answers of a satisfaction or NPS survey"),
    _source("form_answers", forms, "les réponses d'un formulaire (Google Forms…)",
            "the answers of a form (Google Forms…)"),
    _source("tickets", tickets, "un export de tickets de service client (Freshdesk, Zendesk…)",
            "a customer service tickets export (Freshdesk, Zendesk…)"),
    _source("email_audience", audiences,
            "une liste de contacts d'outil d'e-mailing (Mailchimp, Klaviyo…)",
            "an e-mail tool's contact list (Mailchimp, Klaviyo…)"),
)
