"""The Segments page leaves customers with an open complaint out of its export by default, says
how many, and includes them when the box is ticked (the demo shop with two open tickets and one
resolved)."""

from __future__ import annotations

import pytest
import streamlit as st

from metrics import dates
from metrics.segment import SegmentFilter, list_summary, segment_customers
from tests.ui.conftest import app, connected
from ui import format


@pytest.fixture(scope="module")
def complaints(demo_db):
    """Two consenting customers with an open ticket, a third whose ticket is resolved."""
    with connected(demo_db) as con:
        people = segment_customers(con, SegmentFilter(), dates.latest_order_date(con))
        summary = list_summary(people)
        chosen = people[people["email_marketing"]].head(3)
        for number, (customer, resolved) in enumerate(zip(chosen["customer_id"],
                                                          [None, None, "2026-11-02"])):
            con.execute(
                "insert into tickets (source, source_ticket_id, customer_id, opened_at,"
                " resolved_at, status, import_id) values ('test', $n, $c, '2026-11-01', $r,"
                " $s, 1)",
                {"n": str(number), "c": int(customer), "r": resolved,
                 "s": "solved" if resolved else "open"})
    return {"reachable": summary["reachable"], "emails": chosen["email"].tolist()}


def test_open_complaints_left_out_unless_ticked(demo_db, complaints, use_db, monkeypatch):
    buttons = []
    real_button = st.download_button
    monkeypatch.setattr(st, "download_button",
                        lambda *args, **kwargs: buttons.append(kwargs) or real_button(*args,
                                                                                      **kwargs))
    use_db(demo_db)
    at = app()
    at.switch_page("views/segments.py").run()
    assert not at.exception
    reachable = complaints["reachable"]
    assert at.info[0].value.startswith(f"{format.number(reachable - 2)} personnes dans le fichier")
    assert ("2 clients de la liste ont une réclamation ouverte : laissés hors de l'export."
            in [caption.value for caption in at.caption])
    exported = buttons[-1]["data"]().decode("utf-8-sig")
    first, second, resolved = complaints["emails"]
    assert first not in exported and second not in exported and resolved in exported
    at.checkbox(key="seg_export_open_complaints").check().run()
    assert not at.exception
    assert at.info[0].value.startswith(f"{format.number(reachable)} personnes dans le fichier")
    assert not any("réclamation ouverte" in caption.value for caption in at.caption)
    assert first in buttons[-1]["data"]().decode("utf-8-sig")
