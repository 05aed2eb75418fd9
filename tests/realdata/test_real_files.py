"""Issue 12's referee: each real file of ../shared/real-data imported through the real importer
must give the figures an analyst computes from the raw file (tests/realdata/expected.py).

One import per file (cached for the module) into a fresh in-memory database, then the canonical
tables read with the metrics' own definitions: the ``valid_orders`` view (store/migrations) for
orders, ``net_revenue`` for revenue, ``metrics.repeat.repeat_summary`` over all history for customers and repeat
customers. Every file imports without options (what ``python -m ingest FILE`` does): a file that
needs one says so in ``OPTIONS`` with the reason. ``after-sale/`` is out of scope. Policy choices
and the state of each file: README.md beside this file.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import store
from ingest.pipeline import ImportOptions, import_file
from metrics.repeat import repeat_summary
from tests.realdata.expected import DATA, READERS, Figures, expected

pytestmark = pytest.mark.skipif(
    not DATA.is_dir(),
    reason=f"real-data folder {DATA} missing: check out the repository next to shared/",
)

# The source each file must be recognised as (ingest/sources/*.py names).
SOURCES = {
    "cdnow_master.csv": "generic",
    "cdnow_master_iso.csv": "generic",
    "etsy_sold_orders_2022.csv": "etsy",
    "etsy_sold_orders_2023_tab.csv": "etsy",
    "online_retail_ii_sample1k.csv": "generic",
    "online_retail_sample20k.csv": "generic",
    "online_retail_sample20k_fr.csv": "generic",
    "shopify_enavant_customers.csv": "shopify_customers",
    "shopify_enavant_orders.csv": "shopify_orders",
    "shopify_explorer_orders.csv": "shopify_orders",
    "shopify_kidsliving_orders.csv": "shopify_orders",
    "shopify_maisonmaria_orders.csv": "shopify_orders",
    "stripe_ballmachine_payments.csv": "stripe",
    "stripe_verdigris_payments.csv": "stripe",
}

# Options a file needs (the CLI's --date-order, --source…). None today: every file's dates are
# unambiguous by platform (Etsy mdy, `6/1/2023` included) or by form (ISO, CDNOW's 19970101).
OPTIONS: dict[str, ImportOptions] = {}

FILES = sorted(READERS)
# Files whose people are all contacts, buyers or not (Figures.contacts is set).
CONTACT_FILES = {"cdnow_master.csv", "cdnow_master_iso.csv", "shopify_enavant_customers.csv"}
FIGURES = ("orders", "valid_orders", "customers", "net_revenue", "repeat_customers")
FAR_FUTURE = date(2100, 1, 1)  # repeat_summary "as of": all of history

# Net revenue as the dashboard sums it: the net_revenue view (store/migrations/006), valid
# orders plus credit notes (a UCI `C…` invoice), which reduce revenue and are never dropped.
REVENUE = "select coalesce(sum(net_amount), 0) from net_revenue"

_imports: dict[str, tuple] = {}


def imported(name: str):
    """(report, figures from the database, people in customers) for one file, imported once."""
    if name not in _imports:
        con = store.connect(":memory:")
        try:
            report = import_file(con, (DATA / name).read_bytes(), name,
                                 OPTIONS.get(name, ImportOptions()))
            orders, valid = con.execute(
                "select (select count(*) from orders), (select count(*) from valid_orders)"
            ).fetchone()
            revenue = con.execute(REVENUE).fetchone()[0]
            repeat = repeat_summary(con, FAR_FUTURE) if valid else {
                "customers": 0, "repeat_customers": 0}
            contacts = con.execute("select count(*) from customers").fetchone()[0]
            got = Figures(orders, valid, repeat["customers"], Decimal(revenue).quantize(
                Decimal("0.01")), repeat["repeat_customers"], contacts)
            _imports[name] = (report, got, None)
        except Exception as error:  # noqa: BLE001 - reported by every test of the file
            _imports[name] = (None, None, error)
        finally:
            con.close()
    report, got, error = _imports[name]
    if error is not None:
        pytest.fail(f"{name}: import raised {type(error).__name__}: {error}")
    return report, got


@pytest.mark.parametrize("name", FILES)
def test_file_is_recognised(name):
    report, _ = imported(name)
    assert report.source.name == SOURCES[name]


@pytest.mark.parametrize("figure", FIGURES)
@pytest.mark.parametrize("name", FILES)
def test_figure_matches_the_raw_file(name, figure):
    _, got = imported(name)
    want = expected(name)
    assert getattr(got, figure) == getattr(want, figure), (
        f"{name}: {figure} imported {getattr(got, figure)}, raw file {getattr(want, figure)}")


@pytest.mark.parametrize("name", sorted(CONTACT_FILES))
def test_people_in_the_customers_table(name):
    """Customer files and CDNOW: every person of the file is a contact (customers table)."""
    _, got = imported(name)
    assert got.contacts == expected(name).contacts


@pytest.mark.parametrize("name", FILES)
def test_every_row_is_loaded_or_rejected_and_none_rejected(name):
    """A real export has no bad rows: every data row is loaded (none rejected)."""
    report, _ = imported(name)
    assert report.rows_rejected == 0 and report.rows_loaded == report.rows_read
