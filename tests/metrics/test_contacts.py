"""The contact log: written by "mark as called", read by the Fiche client, counted by
"Pression commerciale" with the owner's settings (hand-made logs, figures counted by hand)."""

from __future__ import annotations

from datetime import datetime

import pytest

from metrics.contacts import last_contacts, log_contacts, mark_called, pressure
from store.settings import set_setting, settings
from tests.metrics.test_segment import insert_people

NOW = datetime(2026, 12, 1, 12, 0)


@pytest.fixture
def shop(con):
    insert_people(con)
    return con


def test_settings_have_defaults_and_keep_the_owners_value(con):
    assert settings(con) == {"not_contacted_days": 14, "pressure_contacts": 2, "pressure_days": 30}
    set_setting(con, "pressure_contacts", 3)
    assert settings(con)["pressure_contacts"] == 3
    with pytest.raises(ValueError):
        set_setting(con, "pressure_contacts", -1)
    with pytest.raises(ValueError):
        set_setting(con, "unknown", 1)


def test_commercial_pressure_counts_people_contacted_more_than_n_times_in_30_days(shop):
    # 1: 3 contacts in the 30 days (one of them on the window's last day), pressed;
    # 2: 2 contacts, not more than 2; 3: 3 contacts but one 31 days back, so 2; 6: 4 by hand.
    for day in (datetime(2026, 11, 1, 12, 1), datetime(2026, 11, 15), NOW):
        log_contacts(shop, [1], day, "email", "Relance")
    log_contacts(shop, [2, 3], datetime(2026, 11, 20), "email", "Relance")
    log_contacts(shop, [2, 3], datetime(2026, 11, 25), "sms", "Soldes")
    log_contacts(shop, [3], datetime(2026, 10, 31), "email", "Ancienne")
    for _ in range(4):
        mark_called(shop, [6], "Appel", NOW)
    assert pressure(shop, NOW) == {"pressed": 2, "contacted": 4, "threshold": 2, "days": 30}
    set_setting(shop, "pressure_contacts", 1)
    assert pressure(shop, NOW)["pressed"] == 4


def test_the_profile_shows_the_last_contacts_newest_first(shop):
    log_contacts(shop, [1], datetime(2026, 11, 1), "email", "Relance")
    mark_called(shop, [1], "À appeler", datetime(2026, 11, 3))
    log_contacts(shop, [2], datetime(2026, 11, 4), "sms", "Soldes")
    shown = last_contacts(shop, 1)
    assert shown[["contacted_at", "channel", "list_name"]].values.tolist() == [
        [datetime(2026, 11, 3), "phone", "À appeler"], [datetime(2026, 11, 1), "email", "Relance"]]
    assert shown["export_id"].isna().all()
    with pytest.raises(ValueError):
        log_contacts(shop, [1], NOW, "fax", "x")
