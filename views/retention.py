"""Rétention: do the customers of each month (week, quarter) come back, and what do they spend?"""

import streamlit as st

from metrics.cohort_curves import MIN_CURVE_COHORTS, MIN_CURVE_CUSTOMERS
from ui import analysis_charts as charts
from ui import analysis_data as analysis
from ui import data, format, glossary
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.state import selected_week

PERIODS = ["week", "month", "quarter"]
VALUES = ["retention", "revenue_retention", "cumulative_revenue_per_customer"]  # glossary keys

st.title(t("page_retention"))
st.caption(t("ret_intro"))

if not data.has_orders():
    offer_demo("retention")
    st.stop()

as_of = analysis.as_of(selected_week())
version = data.version()
st.caption(t("an_as_of", day=format.day(as_of, lang())))

left, right = st.columns([2, 3])
with left:
    period = st.segmented_control(
        t("ret_period"), PERIODS, default="month", required=True, key="ret_period",
        format_func=lambda p: t(f"ret_period_{p}"), help=t("ret_period_help"),
    )
with right:
    value = st.segmented_control(
        t("ret_measure"), VALUES, default="retention", required=True, key="ret_value",
        format_func=lambda v: t(f"term_{v}"), help=glossary.entries(VALUES),
    )

table = analysis.cohort_table(period, as_of, version)
if table.empty:
    st.info(t("an_no_customers"))
    st.stop()

example = analysis.first_return(period, as_of, version)
st.info(charts.reading_aid(example, period), icon=":material/lightbulb:")

st.plotly_chart(
    charts.cohort_heatmap(analysis.cohort_matrix(period, value, as_of, version), period, value,
                          data.currency()),
    width="stretch",
)
st.caption(t("ret_heatmap_caption", n=analysis.MAX_COHORTS[period]))

st.subheader(t("ret_curves_header"))
chosen = st.multiselect(
    t("ret_compare"),
    analysis.cohort_starts(period, as_of, version),
    default=[] if example is None else [example["cohort"]],
    format_func=lambda c: charts.cohort_label(c, period),
    key=f"ret_chosen_{period}",
    help=t("ret_compare_help"),
    placeholder=t("seg_f_choose"),
    select_all=False,
)
st.plotly_chart(
    charts.cohort_curves(analysis.average_curves(period, as_of, version), table, chosen, period,
                         value, data.currency()),
    width="stretch",
)
thin = {"cohorts": MIN_CURVE_COHORTS, "customers": MIN_CURVE_CUSTOMERS}
st.caption(t("ret_curves_caption", **thin))

with st.expander(t("definitions")):
    glossary.show(["valid_order", "cohort", *VALUES])
    st.markdown(t("ret_definitions", **thin))
