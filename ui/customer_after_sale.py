"""The Fiche client's after-sales section: the customer's refunds, tickets, reviews and survey
answers (metrics.customer_aftersale), cached by the data version: reviews as written, the rest as
tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics.customer_aftersale import CustomerAfterSale, customer_after_sale
from reports.format import ticket_statuses
from ui import format
from ui.data import CACHE_ENTRIES, connection
from ui.i18n import lang, t
from ui.segments_charts import plain


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def history(customer_id: int, data_version: tuple[int, int, int]) -> CustomerAfterSale:
    return customer_after_sale(connection(), customer_id)


def _days(values: pd.Series) -> list[str]:
    return [format.day(value, lang()) for value in values]


def _score(value: object, out_of: int) -> str | None:
    return None if pd.isna(value) else f"{format.number(value, 0, lang())}/{out_of}"


def refund_rows(refunds: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("aftersale_col_order"): refunds["source_order_id"],
        t("aftersales_col_ordered_at"): _days(refunds["ordered_at"]),
        t("aftersales_col_refunded"): [format.money(value, lang(), currency=code) for value, code
                                       in zip(refunds["refunded"], refunds["currency"])],
        t("aftersales_col_refunded_on"): _days(refunds["refunded_at"]),
    })


def ticket_rows(tickets: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("aftersales_col_opened_at"): _days(tickets["opened_at"]),
        t("aftersales_col_reason"): tickets["reason"],
        t("aftersales_col_status"): ticket_statuses(tickets["status"], lang()),
        t("aftersale_col_resolved"): _days(tickets["resolved_at"]),
    })


def review_lines(reviews: pd.DataFrame) -> list[str]:
    """Each review as a line of markdown, newest first: stars, date, title and text as written
    (escaped: a review cannot format or link anything), product."""
    return [
        " ".join(part for part in (
            "★" * round(rating) + "☆" * (5 - round(rating)),
            f"{format.day(day, lang())} —",
            f"**{plain(title)}**" if isinstance(title, str) else "",
            plain(body) if isinstance(body, str) else "",
            f"({plain(product)})" if isinstance(product, str) else "",
        ) if part)
        for rating, day, title, body, product in zip(
            reviews["rating"], reviews["reviewed_at"], reviews["title"], reviews["body"],
            reviews["product"])
    ]


def answer_rows(answers: pd.DataFrame) -> pd.DataFrame:
    recommend = [_score(a, 10) or _score(b, 5) for a, b in
                 zip(answers["nps_score"], answers["recommend_5"])]
    satisfaction = [_score(a, 5) or _score(b, 10) for a, b in
                    zip(answers["csat_score"], answers["satisfaction_10"])]
    return pd.DataFrame({
        t("aftersale_col_date"): _days(answers["answered_at"]),
        t("aftersale_col_recommend"): recommend,
        t("aftersale_col_satisfaction"): satisfaction,
        t("aftersales_col_comment"): answers["comment"],
    })


def section(customer_id: int, data_version: tuple[int, int, int]) -> None:
    """The section, or one line saying there is nothing after the sale for this customer."""
    found = history(customer_id, data_version)
    st.subheader(t("aftersale_profile_title"))
    if found.empty:
        st.caption(t("aftersale_profile_none"))
        return
    for key, table, rows in (("refunds", found.refunds, refund_rows),
                             ("tickets", found.tickets, ticket_rows),
                             ("reviews", found.reviews, None),
                             ("answers", found.answers, answer_rows)):
        if table.empty:
            continue
        st.markdown(f"**{t(f'aftersale_profile_{key}', count=len(table))}**")
        if rows is None:
            st.markdown("\n".join(f"- {line}" for line in review_lines(table)))
        else:
            st.dataframe(rows(table), hide_index=True, width="stretch",
                         placeholder=format.MISSING)
