"""The columns of each export: our own list for Excel, and the contact-import layouts of the two
emailing services French shops use most.

- Brevo: default contact attributes ``EMAIL``, ``FIRSTNAME``, ``LASTNAME``, ``SMS`` (the mobile
  number with ``+`` and the country code); ``;``, ``,`` or tab separators, UTF-8 (Brevo help
  centre, "Create a file to import your contacts" / "Format your contact import file",
  https://help.brevo.com/hc/en-us/articles/208729849). A contact needs an EMAIL or an SMS. Brevo
  sends text messages to the SMS column: it holds only the phones of people who said yes to
  SMS (sms_marketing), whatever the list's channel.
- Mailchimp: audience fields ``Email Address`` (the only required one), ``First Name``,
  ``Last Name``, ``Address`` (one cell, parts separated by two spaces, the country last as a
  two-letter code), ``Phone Number``, and ``Tags``; comma-separated UTF-8 CSV (Mailchimp help,
  "Format Guidelines for Your Import File",
  https://mailchimp.com/help/format-guidelines-for-your-import-file/). We have no street, so
  Address carries the city, postcode and country we know; the tag is the person's segment.
"""

from __future__ import annotations

import pandas as pd

from metrics.currencies import symbol
from words import text

BREVO_COLUMNS = ["EMAIL", "FIRSTNAME", "LASTNAME", "SMS"]
MAILCHIMP_COLUMNS = [
    "Email Address", "First Name", "Last Name", "Address", "Phone Number", "Tags"
]
def _text(column: pd.Series) -> pd.Series:
    return column.astype("str")


def sms_phone(people: pd.DataFrame) -> pd.Series:
    """The phone for a text-message column: only with a yes to SMS."""
    return _text(people["phone"]).where(people["sms_marketing"].astype(bool))


def usable(people: pd.DataFrame, fmt: str) -> pd.Series:
    """Who a layout keeps: Brevo needs an e-mail or an SMS phone, Mailchimp an e-mail."""
    if fmt == "brevo":
        return people["email"].notna() | sms_phone(people).notna()
    if fmt == "mailchimp":
        return people["email"].notna()
    return pd.Series(True, index=people.index)


def standard(people: pd.DataFrame, lang: str = "fr", currency: str = "EUR") -> pd.DataFrame:
    """Our list (metrics.segment.segment_customers rows) with headers in ``lang``: numbers stay
    numbers and the last order a date, so a spreadsheet can sort and sum them; the net spend's
    header names its currency (the shop's, by its sign: € ; $US in French)."""
    yes, no = text("report_yes", lang), text("report_no", lang)
    table = pd.DataFrame(
        {
            "customer_id": people["customer_id"].astype("int64"),
            "first_name": _text(people["first_name"]),
            "last_name": _text(people["last_name"]),
            "email": _text(people["email"]),
            "phone": _text(people["phone"]),
            "postal_code": _text(people["postal_code"]),
            "city": _text(people["city"]),
            "segment": _text(people[f"segment_{lang}"]),
            "orders": people["orders"].astype("int64"),
            "net_spend": people["net_spend"].astype("float64").round(2),
            "last_order": people["last_order_at"].dt.normalize(),
            "email_marketing": people["email_marketing"].map({True: yes, False: no}).astype("str"),
            "sms_marketing": people["sms_marketing"].map({True: yes, False: no}).astype("str"),
            "calls_refused": people["callable"].map({True: no, False: yes})
            .where(people["phone"].notna()).astype("str"),
        }
    )
    sign = symbol(currency, lang)
    return table.rename(columns=lambda key: text(f"export_{key}", lang, currency=sign))


def brevo(people: pd.DataFrame) -> pd.DataFrame:
    """Brevo's contact import columns, SMS only with a yes to SMS; people with neither an email
    nor such a phone are dropped."""
    table = pd.DataFrame(
        {
            "EMAIL": _text(people["email"]),
            "FIRSTNAME": _text(people["first_name"]),
            "LASTNAME": _text(people["last_name"]),
            "SMS": sms_phone(people),
        }
    )
    return table[usable(people, "brevo")].reset_index(drop=True)


def mailchimp_address(people: pd.DataFrame) -> pd.Series:
    """'Lyon  69002  FR': the parts we know in Mailchimp's order (city, postcode, country), two
    spaces apart; missing when we know none of them."""
    joined = people["city"].astype("str").str.cat(
        [people["postal_code"].astype("str"), people["country"].astype("str")],
        sep="  ", na_rep="",
    )
    joined = joined.str.replace(r"\s{3,}", "  ", regex=True).str.strip()
    return joined.where(joined != "")


def mailchimp(people: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """Mailchimp's contact import columns; people without an email are dropped (Mailchimp
    requires one)."""
    table = pd.DataFrame(
        {
            "Email Address": _text(people["email"]),
            "First Name": _text(people["first_name"]),
            "Last Name": _text(people["last_name"]),
            "Address": mailchimp_address(people),
            "Phone Number": _text(people["phone"]),
            "Tags": _text(people[f"segment_{lang}"]),
        }
    )
    return table[usable(people, "mailchimp")].reset_index(drop=True)
