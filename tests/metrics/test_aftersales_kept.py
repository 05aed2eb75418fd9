"""The loyalty comparison kept per data version (metrics.aftersales.kept_loyalty, migration 021):
read back it equals the comparison computed from the orders, on the demo and on a hand-made shop
after an import, a merge, a split, a forget and an after-sale import; a kept row is what is read
while the data stands, and a change of the data computes it again."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest

import store
from identity import decisions as identity
from ingest.pipeline import import_file
from ingest.remove import remove_imports
from metrics import aftersales, clv
from metrics.dates import latest_order_date
from tests.metrics.test_aftersales_demo import whole_demo  # noqa: F401 (fixture)
from tests.test_after_sale_identity import LEA, PAUL, shop  # noqa: F401 (fixture)

LATER_TICKET = ("Ticket ID,Subject,Status,Created time,Email\n"
                "77,Retour,Open,2026-03-20 10:00:00,paul.durand@example.fr\n").encode()


def kept_versions(con) -> list[tuple]:
    return con.execute("select distinct import_version, merges, customer_count, as_of"
                       " from aftersales_loyalty_kept").fetchall()


def assert_kept_equals_computed(con) -> None:
    """Kept now (or read back) and computed from scratch give the same frame, and the table holds
    the current data version only."""
    pd.testing.assert_frame_equal(aftersales.kept_loyalty(con), aftersales.loyalty(con))
    pd.testing.assert_frame_equal(aftersales.kept_loyalty(con), aftersales.loyalty(con))
    assert kept_versions(con) == [(*store.data_version(con), latest_order_date(con))]


def test_on_the_demo_the_kept_comparison_is_the_computed_one(whole_demo):
    assert_kept_equals_computed(whole_demo)
    refund = aftersales.kept_loyalty(whole_demo).set_index("event").loc["refund"]
    assert (refund["customers"], refund["matched_customers"],
            refund["comparable_customers"]) == (112, 103, 1775)


def test_a_kept_comparison_is_read_until_the_data_changes(shop):
    aftersales.kept_loyalty(shop)
    shop.execute("update aftersales_loyalty_kept set customers = 999 where event = 'ticket'")
    assert aftersales.kept_loyalty(shop).set_index("event").loc["ticket", "customers"] == 999
    identity.merge(shop, LEA, PAUL)
    assert aftersales.kept_loyalty(shop).set_index("event").loc["ticket", "customers"] != 999
    assert_kept_equals_computed(shop)


def test_another_day_is_computed_and_not_kept(shop):
    earlier = latest_order_date(shop) - timedelta(days=30)
    pd.testing.assert_frame_equal(aftersales.kept_loyalty(shop, earlier),
                                  aftersales.loyalty(shop, earlier))
    assert kept_versions(shop) == []


def test_kept_equals_computed_after_import_merge_split_forget(shop):
    assert_kept_equals_computed(shop)
    events_before = aftersales.loyalty(shop)
    identity.merge(shop, LEA, PAUL)
    assert_kept_equals_computed(shop)
    assert not aftersales.loyalty(shop).equals(events_before)  # the merge changed the figures
    import_file(shop, LATER_TICKET, "tickets.csv")
    assert_kept_equals_computed(shop)
    identity.split(shop, PAUL)
    assert_kept_equals_computed(shop)
    identity.forget(shop, PAUL)
    assert_kept_equals_computed(shop)


def test_the_refit_after_a_change_keeps_the_comparison(shop):
    clv.refit_after_change(shop)
    assert kept_versions(shop) == [(*store.data_version(shop), latest_order_date(shop))]
    pd.testing.assert_frame_equal(aftersales.kept_loyalty(shop), aftersales.loyalty(shop))


def test_removing_an_import_drops_the_kept_comparison(shop):
    # The version after a removal can be one seen before (its latest import id, merges and
    # customers), so nothing kept may outlive a removal.
    import_file(shop, LATER_TICKET, "tickets.csv")
    latest = shop.execute("select max(import_id) from imports").fetchone()[0]
    aftersales.kept_loyalty(shop)
    remove_imports(shop, [latest])
    assert kept_versions(shop) == []
    assert_kept_equals_computed(shop)


def test_a_comparison_that_cannot_be_kept_leaves_the_forecasts_kept_and_says_so(shop):
    """The forecasts' line said « Prévisions non recalculées » when only the after-sales
    comparison failed, though the forecasts were kept."""
    def broken(con):
        raise FloatingPointError("overflow")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(aftersales, "kept_loyalty", broken)
        words = clv.refit_after_change(shop)
    assert words["fr"].startswith("Prévisions recalculées")
    assert words["fr"].endswith("Comparaison après-vente non enregistrée : la page Après-vente "
                                "la calculera à son ouverture.")
    assert "After-sales comparison not kept (FloatingPointError: overflow)" in words["en"]
    assert shop.execute("select count(*) from clv_fits").fetchone()[0] > 0
    assert kept_versions(shop) == []
