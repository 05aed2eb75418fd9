"""The contact log and commercial pressure for the pages: read fresh on each run, not cached (a
contact written by an export or "mark as called" does not change the data version, and these
queries read a few rows)."""

from __future__ import annotations

import pandas as pd

from metrics import contacts
from store.settings import set_setting, settings
from ui.data import connection
from ui.i18n import t


def last_contacts(customer_id: int) -> pd.DataFrame:
    return contacts.last_contacts(connection(), customer_id)


def mark_called(customer_id: int) -> None:
    contacts.mark_called(connection(), [customer_id], t("consent_called_list"))


def pressure() -> dict[str, int]:
    return contacts.pressure(connection())


def not_contacted_days() -> int:
    return settings(connection())["not_contacted_days"]


def set_not_contacted_days(days: int) -> None:
    set_setting(connection(), "not_contacted_days", days)
