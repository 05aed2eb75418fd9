"""Réachat: how many customers order again, how soon, and after buying what."""

import streamlit as st

from ui import analysis_charts as charts
from ui import analysis_data as analysis
from ui import data, format, glossary
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.state import selected_week

st.title(t("page_repeat"))
st.caption(t("rep_intro"))

if not data.has_orders():
    offer_demo("repeat")
    st.stop()

as_of = analysis.as_of(selected_week())
version = data.version()
st.caption(t("an_as_of", day=format.day(as_of, lang())))

summary = analysis.repeat_summary(as_of, version)
if summary["customers"] == 0:
    st.info(t("an_no_customers"))
    st.stop()


def days(value: float | None) -> str:
    return "–" if value is None else t("rep_days_value", count=round(value))


columns = st.columns(4)
columns[0].metric(t("rep_rate"), format.percent(summary["repeat_rate"], lang()),
                  help=t("def_repeat_rate"), border=True)
columns[1].metric(t("rep_customers"), format.number(summary["customers"], 0, lang()),
                  help=t("def_customers"), border=True)
columns[2].metric(t("rep_repeat_customers"), format.number(summary["repeat_customers"], 0, lang()),
                  help=t("def_repeat_customers"), border=True)
columns[3].metric(t("rep_median_second"), days(summary["median_days_first_to_second"]),
                  help=t("def_days_to_second_order"), border=True)
st.info(
    t("rep_reading", n=format.number(100 * summary["repeat_rate"], 0, lang()),
      between=days(summary["median_days_between_orders"]),
      second=days(summary["median_days_first_to_second"])),
    icon=":material/lightbulb:",
)

st.subheader(t("rep_trend_header"))
st.plotly_chart(charts.repeat_trend(analysis.repeat_trend(as_of, version)), width="stretch")
st.caption(t("rep_trend_caption"))

left, right = st.columns(2)
with left:
    st.plotly_chart(charts.orders_distribution(analysis.orders_per_customer(as_of, version)),
                    width="stretch")
with right:
    st.plotly_chart(
        charts.second_order_days(analysis.days_to_second_order(as_of, version),
                                 summary["median_days_first_to_second"]),
        width="stretch",
    )

st.subheader(t("rep_reminder_header"))
st.caption(t("rep_reminder_intro"))
within = analysis.second_order_within(as_of, version)
columns = st.columns(len(within))
for column, (_, row) in zip(columns, within.iterrows()):
    within_days = format.number(row["days"], 0, lang())
    column.metric(
        t("rep_within", days=within_days), format.percent(row["share"], lang()),
        help=t("rep_within_help", days=within_days), border=True,
    )
    column.caption(t("rep_within_count", count=int(row["customers"]),
                     share=format.percent(row["share_of_customers"], lang())))

st.subheader(t("rep_products_header"))
st.caption(t("rep_products_caption", minimum=analysis.MIN_FIRST_BUYERS))
st.dataframe(charts.first_products_table(analysis.best_first_products(as_of, version)),
             hide_index=True, width="stretch", placeholder=format.MISSING)

with st.expander(t("definitions")):
    glossary.show(["valid_order", "customers", "repeat_customers", "repeat_rate",
                   "days_to_second_order"])
    st.markdown(t("rep_definitions"))
