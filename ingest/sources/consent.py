"""Consent files: the suppression lists shops already have, recognised without being told
(../shared/FORMATS-after-sale.md §4, docs/formats-consent.md). Each states, per row, a refusal
or a yes on one channel; ingest/consent.py stores them, nothing else of the file is loaded.

- Mailchimp audience export, unsubscribed file (``UNSUB_TIME``) and cleaned file (bounced
  addresses, ``CLEAN_TIME``) [real]: an e-mail refusal at that date. The subscribed and
  non-subscribed files carry their status only in their name: still refused (not_sales.py).
- Brevo contacts export [fixture]: with ``EMAIL_BLACKLISTED`` / ``SMS_BLACKLISTED`` (unverified
  names), a refusal per blocklisted channel; without a status column, the file is a blocklist only
  if the owner says so (detected at a low score: the import asks first).
- Klaviyo list or segment export [fixture]: ``Email Suppressions`` not blank is a refusal, else
  ``Email Marketing Consent`` (SUBSCRIBED / UNSUBSCRIBED) at its timestamp. Klaviyo's suppressed
  profiles export [documentation only: columns not seen]: ``Email`` + ``Suppression Reason``
  (+ ``Suppression Date``), every row a refusal.
- A hand-made list of e-mails under a column titled « Désinscrits », and of phone numbers under
  « Ne pas appeler »: refusals, dated when a date column says when.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ingest.sources.base import FINGERPRINT_SCORE, ByName, Source, extra, fingerprint

MAILCHIMP = (("email address",), ("member rating",), ("leid",))
BREVO_STATUS = ("email blacklisted", "sms blacklisted")
UNSUBSCRIBED_TITLES = (
    "desinscrits", "desinscrit", "desinscriptions", "emails desinscrits", "e mails desinscrits",
    "liste des desinscrits", "unsubscribed", "unsubscribes",
)
DO_NOT_CALL_TITLES = (
    "ne pas appeler", "ne plus appeler", "a ne pas appeler", "numeros a ne pas appeler",
    "do not call",
)
DATE_NAMES = ("date", "date de desinscription", "desinscrit le", "date du refus")


def statements(rows: pd.DataFrame, channel: str, consent: pd.Series,
               stated_at: pd.Series | None = None) -> pd.DataFrame:
    """One statement per row where ``consent`` is known: (row, channel, consent, stated_at)."""
    known = consent.notna()
    when = rows["consent_at"] if stated_at is None else stated_at
    return pd.DataFrame({
        "row": rows.index[known],
        "channel": channel,
        "consent": consent[known].astype("bool").to_numpy(),
        "stated_at": pd.to_datetime(when[known]).to_numpy(),
    })


def refusals(rows: pd.DataFrame, channel: str) -> pd.DataFrame:
    """Every row is a refusal on ``channel``, at the row's consent_at (NaT: undated)."""
    return statements(rows, channel, pd.Series(False, index=rows.index))


def email_refusals(rows: pd.DataFrame) -> pd.DataFrame:
    return refusals(rows, "email")


def call_refusals(rows: pd.DataFrame) -> pd.DataFrame:
    return refusals(rows, "phone")


def brevo_statements(rows: pd.DataFrame) -> pd.DataFrame:
    """Blocklisted channels when the file says which (Yes), else every row an e-mail refusal."""
    flags = [(extra(rows, f"{name}_blacklisted"), channel)
             for name, channel in (("email", "email"), ("sms", "sms"))]
    if all(flag.isna().all() for flag, _ in flags):
        return refusals(rows, "email")
    undated = pd.Series(pd.NaT, index=rows.index)
    found = []
    for flag, channel in flags:
        said = flag.str.strip().str.casefold().isin(("yes", "oui", "true", "1"))
        found.append(statements(rows, channel, pd.Series(False, index=rows.index).where(said),
                                undated))
    return pd.concat(found, ignore_index=True)


def klaviyo_statements(rows: pd.DataFrame) -> pd.DataFrame:
    """A suppressed profile refuses e-mails (undated: the timestamp is the consent's, not the
    suppression's); otherwise its marketing consent at its timestamp."""
    suppressed = extra(rows, "suppressions").str.strip().fillna("") != ""
    consent = rows["opt_in"].astype("boolean").mask(suppressed, False)
    when = rows["consent_at"].mask(suppressed)
    return statements(rows, "email", consent, when)


def detect_mailchimp_unsubscribed(headers: set[str]) -> float:
    return fingerprint(headers, *MAILCHIMP, ("unsub time",))


def detect_mailchimp_cleaned(headers: set[str]) -> float:
    return fingerprint(headers, *MAILCHIMP, ("clean time",))


def detect_brevo(headers: set[str]) -> float:
    """A Brevo contacts export with a blocklist status column is sure; without one it may be any
    contacts export: scored below a sure fingerprint, so the import asks."""
    brevo = fingerprint(headers, ("email",), ("contact id", "added time"))
    if not brevo:
        return 0.0
    return FINGERPRINT_SCORE if headers & set(BREVO_STATUS) else 0.7


def detect_klaviyo(headers: set[str]) -> float:
    return fingerprint(headers, ("email",), ("klaviyo id",), ("email marketing consent",))


def detect_klaviyo_suppressed(headers: set[str]) -> float:
    """Documentation only: the page's export columns were not seen (an e-mail and a reason)."""
    return fingerprint(headers, ("email",), ("suppression reason",))


@dataclass(frozen=True)
class Titled:
    """A hand-made list: one column under one of ``titles``, and at most a date beside it. A
    frozen dataclass, not a closure: previews are cached by pickling."""

    titles: tuple[str, ...]

    def __call__(self, headers: set[str]) -> float:
        named = headers & set(self.titles)
        rest = headers - named - set(DATE_NAMES)
        return FINGERPRINT_SCORE if named and not rest else 0.0


detect_unsubscribed_list = Titled(UNSUBSCRIBED_TITLES)
detect_do_not_call_list = Titled(DO_NOT_CALL_TITLES)

MAILCHIMP_NAMES = {"email": ("email address",), "consent_at": ("unsub time", "clean time")}
BREVO_NAMES = {"email": ("email",), "phone": ("sms",)}
BREVO_EXTRAS = {"email_blacklisted": ("email blacklisted",), "sms_blacklisted": ("sms blacklisted",)}
KLAVIYO_NAMES = {
    "email": ("email",),
    "opt_in": ("email marketing consent",),
    "consent_at": ("email marketing consent timestamp",),
}
KLAVIYO_EXTRAS = {"suppressions": ("email suppressions",)}
KLAVIYO_SUPPRESSED_NAMES = {"email": ("email",), "consent_at": ("suppression date", "date suppressed")}
UNSUBSCRIBED_NAMES = {"email": UNSUBSCRIBED_TITLES, "consent_at": DATE_NAMES}
DO_NOT_CALL_NAMES = {"phone": DO_NOT_CALL_TITLES, "consent_at": DATE_NAMES}


def _consent_source(name: str, fr: str, en: str, detect, names, consent, extras=None,
                    date_order: str | None = None) -> Source:
    return Source(name=name, label_fr=fr, label_en=en, detect=detect, mapping=ByName(names),
                  extras=None if extras is None else ByName(extras), consent=consent,
                  date_order=date_order)


SOURCES = (
    _consent_source("mailchimp_unsubscribed", "Mailchimp — contacts désinscrits",
                    "Mailchimp — unsubscribed contacts", detect_mailchimp_unsubscribed,
                    MAILCHIMP_NAMES, email_refusals, date_order="ymd"),
    _consent_source("mailchimp_cleaned", "Mailchimp — adresses nettoyées (rejetées)",
                    "Mailchimp — cleaned (bounced) addresses", detect_mailchimp_cleaned,
                    MAILCHIMP_NAMES, email_refusals, date_order="ymd"),
    _consent_source("brevo_blocklist", "Brevo — contacts bloqués (liste noire)",
                    "Brevo — blocklisted contacts", detect_brevo, BREVO_NAMES,
                    brevo_statements, BREVO_EXTRAS),
    _consent_source("klaviyo_consent", "Klaviyo — profils et désabonnements",
                    "Klaviyo — profiles and suppressions", detect_klaviyo, KLAVIYO_NAMES,
                    klaviyo_statements, KLAVIYO_EXTRAS),
    _consent_source("klaviyo_suppressed", "Klaviyo — profils supprimés (suppressed)",
                    "Klaviyo — suppressed profiles", detect_klaviyo_suppressed,
                    KLAVIYO_SUPPRESSED_NAMES, email_refusals),
    _consent_source("unsubscribed_list", "Liste de désinscrits (e-mails)",
                    "Unsubscribed list (emails)", detect_unsubscribed_list, UNSUBSCRIBED_NAMES,
                    email_refusals),
    _consent_source("do_not_call_list", "Liste « Ne pas appeler » (téléphones)",
                    "“Do not call” list (phones)", detect_do_not_call_list, DO_NOT_CALL_NAMES,
                    call_refusals),
)
