"""Canaux de vente et cohortes: web and boutique, cohorts by first order, the delay between orders,
and the revenue of new and returning customers by week, month, quarter or year."""

import streamlit as st

from metrics.channels import both_channels
from ui import analysis_data as analysis
from ui import channels_data as channels
from ui import data, format, glossary
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.state import selected_week

st.title(t("page_channels"))
st.caption(t("channels_intro"))

if not data.has_orders():
    offer_demo("channels")
    st.stop()

as_of = analysis.as_of(selected_week())
version = data.version()
currency = data.currency()
st.caption(t("an_as_of", day=format.day(as_of, lang())))

customers = channels.channel_customers(as_of, version)
if customers.empty:
    st.info(t("an_no_customers"))
    st.stop()

# Web vs boutique
st.subheader(t("channels_header_channels"))
figures = channels.channel_figures(as_of, version)
st.dataframe(channels.figures_table(figures, currency), hide_index=True, width="stretch")
both = both_channels(customers)
st.metric(t("term_channels_both"), format.number(both, 0, lang()), help=t("def_channels_both"),
          border=True)
if both:
    st.info(channels.both_reading(customers, currency), icon=":material/lightbulb:")
st.dataframe(channels.customers_table(customers, currency), hide_index=True, width="stretch")

# Cohorts by first order
st.subheader(t("term_channels_first_order_cohorts"))
st.caption(t("def_channels_first_order_cohorts"))
by = st.segmented_control(t("channels_by"), options=["first_product", "channel", "discount"],
                          format_func=lambda option: t(f"channels_by_{option}"),
                          default="channel", key="channels_by") or "channel"
st.dataframe(channels.cohorts_table(channels.cohorts_by(by, as_of, version), by, currency),
             hide_index=True, width="stretch")
if by == "discount":
    seen = channels.discount_codes_seen(as_of, version)
    if seen["without_code"]:
        st.warning(t("channels_codes_missing", count=seen["without_code"]),
                   icon=":material/sell:")
    if not seen["with_code"]:
        st.caption(t("channels_codes_none"))

# Delay between orders
st.subheader(t("term_channels_order_gaps"))
st.caption(t("def_channels_order_gaps"))
st.dataframe(channels.gaps_table(channels.order_gaps(as_of, version)), hide_index=True,
             width="stretch")

# New and returning customers' revenue by period
st.subheader(t("channels_header_periods"))
period = st.segmented_control(t("channels_period"), options=["week", "month", "quarter", "year"],
                              format_func=lambda option: t(f"channels_period_{option}"),
                              default="month", key="channels_period") or "month"
table = channels.period_kpis(period, as_of, version)
st.caption(t(f"channels_period_compared_{period}"))
columns = st.columns(3)
for column, metric in zip(columns, ("revenue", "new_customer_revenue",
                                    "returning_customer_revenue")):
    row = table.loc[metric]
    column.metric(
        t(f"channels_kpi_{metric}"), format.money(row["this_period"], lang(), currency=currency),
        delta=format.signed_percent(row["change_previous_period"], lang()),
        help=t("def_revenue" if metric == "revenue" else f"def_channels_{metric}"), border=True,
    )
    column.caption(t("channels_last_year", value=format.money(row["last_year"], lang(),
                                                               currency=currency),
                     change=format.signed_percent(row["change_last_year"], lang())
                     or format.MISSING))

with st.expander(t("definitions")):
    glossary.show(["channels_both", "channels_first_order_cohorts", "channels_back_within_90d",
                   "channels_value_12m", "channels_order_gaps", "revenue",
                   "channels_new_customer_revenue", "channels_returning_customer_revenue",
                   "repeat_rate", "average_basket"])
