"""Every platform file through the Import page's path (preview, the mapping table the owner may
edit, left as shown, back to a mapping, import with the detected source) gives what
``python -m ingest`` gives: the same source, orders, customers and net revenue. The page itself
renders in test_pages.py and in the browser test; AppTest cannot drop a file on the uploader."""

from __future__ import annotations

import pytest

import store
from ingest.pipeline import ImportOptions, import_file
from tests.conftest import ROOT
from ui import importing

FIXTURES = sorted((ROOT / "tests" / "fixtures" / "sources").glob("*.csv"))
FIGURES = ("select (select count(*) from orders), (select count(*) from customers), "
           "(select sum(net_amount) from valid_orders)")


def cli_import(content: bytes, name: str) -> tuple:
    con = store.connect(":memory:")
    report = import_file(con, content, name)
    figures = con.execute(FIGURES).fetchone()
    con.close()
    return report.source.name, figures


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_import_page_path_gives_what_the_cli_gives(path):
    content = path.read_bytes()
    found = importing.cached_preview(content, path.name, ImportOptions())
    mapping = importing.mapping_from_table(importing.mapping_table(found))
    assert mapping == found.mapping
    con = store.connect(":memory:")
    report = import_file(con, content, path.name,
                         ImportOptions(mapping=mapping, source=found.source.name))
    page = (report.source.name, con.execute(FIGURES).fetchone())
    con.close()
    assert page == cli_import(content, path.name)
    orders, customers, _ = page[1]
    assert orders > 0 or customers > 0
