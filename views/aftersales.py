"""Après-vente: refunds, satisfaction, reviews and tickets, and who comes back after a problem."""

import streamlit as st

from ui import aftersales_charts as charts
from ui import aftersales_data as aftersales
from ui import analysis_data as analysis
from ui import data, format, glossary
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.state import selected_week

st.title(t("aftersales_page"))
st.caption(t("aftersales_intro"))

if not data.has_orders():
    offer_demo("aftersales")
    st.stop()

as_of = analysis.as_of(selected_week())
version = data.version()
currency = data.currency()
figures = aftersales.summary(as_of, version)
st.caption(t("aftersales_window", since=format.day(figures["since"], lang()),
             as_of=format.day(as_of, lang())))

refunds = t("aftersales_refunds_count", refunded=figures["refunded_orders"],
            count=figures["orders_placed"])
top = [
    ("aftersales_refund_rate_orders", format.percent(figures["refund_rate_orders"], lang()),
     refunds),
    ("aftersales_refund_rate_revenue", format.percent(figures["refund_rate_revenue"], lang()),
     format.money(figures["refunded_value"], lang(), currency=currency)),
    ("aftersales_days_to_refund",
     charts.duration(figures["median_days_to_refund"], "aftersales_days"),
     t("aftersales_dated", count=figures["dated_refunds"])),
    ("aftersales_nps", format.number(figures["nps"], 0, lang()),
     t("aftersales_answers", count=figures["nps_answers"])),
    ("aftersales_csat", format.percent(figures["csat"], lang()),
     t("aftersales_answers", count=figures["csat_answers"])),
    ("aftersales_average_rating", format.number(figures["average_rating"], 1, lang()),
     t("aftersales_reviews", count=figures["reviews"])),
]
bottom = [
    ("aftersales_tickets_per_100_orders", format.number(figures["tickets_per_100_orders"], 1,
                                                        lang()),
     t("aftersales_tickets", count=figures["tickets"])),
    ("aftersales_first_response_time",
     charts.duration(figures["median_hours_to_first_response"], "aftersales_hours"), None),
    ("aftersales_resolution_time",
     charts.duration(figures["median_days_to_resolution"], "aftersales_days"), None),
    ("aftersales_first_contact_resolution",
     format.percent(figures["first_contact_resolution"], lang()), None),
]
for row in (top, bottom):
    for column, (key, shown, count) in zip(st.columns(len(top)), row):
        column.metric(t(f"term_{key}"), shown, help=t(f"def_{key}"), border=True)
        if count:
            column.caption(count)
if not (figures["nps_answers"] or figures["csat_answers"] or figures["reviews"]
        or figures["tickets"]):
    st.info(t("aftersales_nothing_imported"), icon=":material/upload_file:")

st.subheader(t("aftersales_refunds_header"))
st.caption(t("aftersales_refunds_caption"))
st.caption(t("aftersales_returns_unknown"))
st.plotly_chart(charts.refunds_chart(aftersales.refunds_by_month(as_of, version)),
                width="stretch")
st.subheader(t("aftersales_products_header"))
st.caption(t("aftersales_products_caption", minimum=aftersales.MIN_PRODUCT_ORDERS))
st.dataframe(charts.products_table(aftersales.refunds_by_product(as_of, version)),
             hide_index=True, width="stretch", placeholder=format.MISSING)

st.subheader(t("aftersales_loyalty_header"))
links = aftersales.loyalty(as_of, version)
refund = links.set_index("event").loc["refund"]
if refund["customers"]:
    st.info(t("aftersales_loyalty_reading",
              after=format.percent(refund["repeat_rate_after"], lang()),
              customers=t("aftersales_customers_count", count=int(refund["customers"])),
              matched=format.number(refund["matched_customers"], 0, lang()),
              after_matched=format.percent(refund["repeat_rate_after_matched"], lang()),
              without=format.percent(refund["repeat_rate_without"], lang()),
              comparables=t("aftersales_comparables_count",
                            count=int(refund["comparable_customers"]))),
            icon=":material/lightbulb:")
st.dataframe(charts.loyalty_table(links, currency), hide_index=True, width="stretch")
st.caption(t("aftersales_caveat"))

curves = aftersales.nps_retention(as_of, version)
if curves.empty:
    st.caption(t("aftersales_no_nps"))
else:
    st.plotly_chart(charts.retention_chart(curves), width="stretch")

for kind, caption in (("detractors", "aftersales_detractors_caption"),
                      ("promoters", "aftersales_promoters_caption")):
    st.subheader(t(f"aftersales_{kind}_header"))
    st.caption(t(caption, days=aftersales.CONTACT_DAYS[kind]))
    people = aftersales.contacts(kind, as_of, version)
    if people.empty:
        st.caption(t("aftersales_nobody"))
    else:
        st.dataframe(charts.contacts_table(people), hide_index=True, width="stretch",
                     placeholder=format.MISSING)

with st.expander(t("definitions")):
    glossary.show([key for key in glossary.GLOSSARY if key.startswith("aftersales_")])
