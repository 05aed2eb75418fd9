"""Build the export of a list of people: leave out who did not agree to be contacted on the
list's channel (by default) and who was contacted too recently, lay the rest out for Excel, Brevo
or Mailchimp, and write the file's bytes. Whoever hands the file over (the page's download
button, the command line) then logs it with exports.log.log_export, which also writes each
person's contact in the contact log.

Consent: only people ``reachable`` on the filter's channel (e-mail: an e-mail and a yes; SMS: a
phone and a yes to SMS; calls: a phone and no refusal; see metrics/sql/segment_customers.sql) are
exported unless the owner asks for everyone, and the count left out is reported. Frequency: the
people ``recently_contacted`` (in the contact log within the filter's not_contacted_days) are
left out and counted. Brevo and Mailchimp files also drop the people the service cannot take (no
email for Mailchimp, neither an email nor an SMS-consenting phone for Brevo): ``unusable``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import numpy as np
import pandas as pd

from exports import layouts
from exports.names import SERVICES, list_file_name
from exports.writers import csv_bytes, xlsx_bytes
from words import text

EXPORT_FORMATS = ("csv", "xlsx", "brevo", "mailchimp")
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportFile:
    """A built export: the bytes, their name and type, who is in it and who was left out."""

    data: bytes
    file_name: str
    mime: str
    fmt: str
    consent_only: bool
    created_at: datetime
    rows: int
    left_out: int
    unusable: int
    recently_contacted: int = 0
    channel: str = "email"
    customer_ids: tuple[int, ...] = ()  # who is in the file: their contact is logged


class ExportCounts(NamedTuple):
    """Who an export holds: rows in the file, left_out for lack of consent, unusable (dropped by
    the service: exports.layouts), recently_contacted (left out: contacted too recently)."""

    rows: int
    left_out: int
    unusable: int
    recently_contacted: int = 0


def export_mime(fmt: str) -> str:
    """The file type of an export in ``fmt``."""
    return XLSX_MIME if fmt == "xlsx" else CSV_MIME


def needs_contacts(fmt: str, consent_only: bool, channel: str = "email") -> bool:
    """Whether export_counts needs the list's contact counts: a Brevo or Mailchimp file drops
    people, unless everyone in it consents to e-mails (both services take an e-mail) or, in a
    Brevo file, to SMS (its SMS column)."""
    takes_all = consent_only and (channel == "email" or (channel == "sms" and fmt == "brevo"))
    return fmt in SERVICES and not takes_all


def export_counts(
    fmt: str,
    consent_only: bool,
    totals: Mapping[str, int],
    contacts: Mapping[str, int] | None = None,
    channel: str = "email",
) -> ExportCounts:
    """build_export's rows, left_out, unusable and recently_contacted, from the list's totals
    counted in the database (metrics.segment.segment_totals, and segment_contacts of the people
    kept when needs_contacts), so a page can say them without fetching the list: the rules of
    consenting and exports.layouts."""
    if consent_only:
        recent = totals["recently_contacted_reachable"]
        kept, left_out = totals["reachable"] - recent, totals["left_out"]
    else:
        recent = totals["recently_contacted"]
        kept, left_out = totals["people"] - recent, 0
    if not needs_contacts(fmt, consent_only, channel):
        return ExportCounts(kept, left_out, 0, recent)
    if contacts is None:
        raise ValueError(f"a {fmt} file of these people needs the list's contact counts")
    usable = contacts["with_email"] if fmt == "mailchimp" else contacts["with_email_or_sms"]
    return ExportCounts(usable, left_out, kept - usable, recent)


def consenting(people: pd.DataFrame,
               consent_only: bool = True) -> tuple[pd.DataFrame, int, int]:
    """The people to export, how many were left out for lack of consent on the list's channel
    (``reachable``), and how many of the others for a contact too recent."""
    kept = people[people["reachable"]] if consent_only else people
    recent = kept["recently_contacted"].astype(bool)
    return kept[~recent], len(people) - len(kept), int(recent.sum())


def without_open_complaints(
    people: pd.DataFrame, open_ids: np.ndarray
) -> tuple[pd.DataFrame, int]:
    """The people of a marketing list but those with an open complaint (``open_ids``:
    metrics.aftersales.open_complaints), and how many those were: a customer waiting for an
    answer should not receive a promotion. The owner may include them."""
    held = people["customer_id"].isin(open_ids)
    return people[~held], int(held.sum())


def build_export(
    people: pd.DataFrame,
    fmt: str,
    *,
    segments: Sequence[str] = (),
    consent_only: bool = True,
    sep: str = ";",
    lang: str = "fr",
    when: datetime | None = None,
    currency: str = "EUR",
    channel: str = "email",
) -> ExportFile:
    """The file for ``people`` (rows of metrics.segment.segment_customers) in ``fmt``: csv
    (``sep``), xlsx, brevo (``sep``) or mailchimp (always ``,``), named after ``segments`` in
    ``lang`` (exports.names); amounts in ``currency``, the shop's; ``channel`` is the list's
    (the filter's: its consent made ``reachable``), recorded with each contact."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"fmt must be one of {EXPORT_FORMATS}, not {fmt!r}")
    when = when or datetime.now()
    kept, left_out, recent = consenting(people, consent_only)
    if fmt == "brevo":
        table = layouts.brevo(kept)
    elif fmt == "mailchimp":
        table = layouts.mailchimp(kept, lang)
    else:
        table = layouts.standard(kept, lang, currency)
    if fmt == "xlsx":
        data = xlsx_bytes(table, text("export_sheet", lang), lang)
    else:
        data = csv_bytes(table, "," if fmt == "mailchimp" else sep, lang)
    return ExportFile(
        data=data,
        file_name=list_file_name(segments, fmt, when, lang),
        mime=export_mime(fmt),
        fmt=fmt,
        consent_only=consent_only,
        created_at=when,
        rows=len(table),
        left_out=left_out,
        unusable=len(kept) - len(table),
        recently_contacted=recent,
        channel=channel,
        customer_ids=tuple(kept.loc[layouts.usable(kept, fmt), "customer_id"].astype(int)),
    )
