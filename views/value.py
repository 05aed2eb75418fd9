"""Valeur client: what each customer has brought and should bring in the next 12 months, who is
worth keeping, who is slipping away, and how far the predictions can be trusted."""

import streamlit as st

from ui import analysis_charts as charts
from ui import analysis_data as analysis
from ui import data, forecast, format, glossary, saved_lists
from ui.at_risk import show_counts
from ui.cut_lists import say_if_cut
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.state import selected_week

st.title(t("page_value"))
st.caption(t("val_intro"))

if not data.has_orders():
    offer_demo("value")
    st.stop()

as_of = analysis.as_of(selected_week())
version = data.version()
st.caption(t("an_as_of", day=format.day(as_of, lang())))

bar, show_progress = forecast.progress_bar()  # moves only if nothing is kept yet
analysis.keep_fit(as_of, show_progress)
bar.empty()
result = analysis.customer_value(as_of, version)
test = result.backtest

if result.explanation is not None:
    st.warning(result.explanation[lang()], icon=":material/info:")
if result.status == "no_data":
    st.stop()

totals = analysis.value_totals(as_of, version)
shop = data.currency()
figures = [  # label, figure, its help (a glossary entry where the term has one)
    ("val_customers", format.number(totals["customers"], 0, lang()), "def_customers"),
    ("val_historic_total", format.money(totals["historic_total"], lang(), 0, currency=shop),
     "def_historic_value"),
    ("val_historic_mean", format.money(totals["historic_mean"], lang(), currency=shop),
     "val_historic_mean_help"),
]
if totals["predicted_total"] is not None:
    figures += [
        ("val_predicted_total", format.money(totals["predicted_total"], lang(), 0, currency=shop),
         "def_predicted_value"),
        ("val_predicted_mean", format.money(totals["predicted_mean"], lang(), currency=shop),
         "val_predicted_mean_help"),
    ]
if totals["expected_purchases"] is not None:
    figures.append(
        ("val_expected_purchases", format.number(totals["expected_purchases"], 0, lang()),
         "def_expected_purchases")
    )
ranges = charts.forecast_ranges(result.summary["forecast"], shop)
for start in range(0, len(figures), 3):
    for column, (key, shown, help_key) in zip(st.columns(3), figures[start:start + 3]):
        column.metric(t(key), shown, help=t(help_key), border=True)
        if key in ranges:
            column.caption(ranges[key], help=t("val_range_help"))
if (result.summary["forecast"] or {}).get("range_note"):
    st.caption(result.summary["forecast"]["range_note"][lang()])

if totals["predicted_total"] is not None:
    st.plotly_chart(charts.value_scatter(result.table, shop), width="stretch")
    st.caption(t("val_scatter_caption"))

st.subheader(t("val_top_header"))
st.caption(t("val_top_caption_predicted" if totals["predicted_total"] is not None
             else "val_top_caption_historic", n=analysis.TOP_CUSTOMERS))
st.dataframe(charts.people_table(analysis.most_valuable(as_of, version), shop), hide_index=True,
             width="stretch", placeholder=format.MISSING)

st.subheader(t("val_risk_header"))
show_counts(analysis.at_risk_counts(as_of, version))
saved_lists.seasonal_at_risk_note(as_of, version)
if totals["expected_purchases"] is not None:
    st.plotly_chart(charts.p_alive_histogram(result.table), width="stretch")
    st.caption(t("val_p_alive_caption"))
risky = analysis.at_risk(as_of, version)
st.caption(t("val_risk_caption"))
say_if_cut("val_risk_shown", analysis.AT_RISK_SHOWN, len(risky))
st.dataframe(charts.people_table(risky.head(analysis.AT_RISK_SHOWN), shop), hide_index=True,
             width="stretch", height=320, placeholder=format.MISSING)

if totals["expected_purchases"] is not None:
    st.subheader(t("val_bt_header"))
    if test is None or test.figures is None:
        weeks = analysis.HORIZON_WEEKS if test is None else test.holdout_weeks
        st.info(t("val_bt_unavailable", weeks=weeks))
    else:
        st.info(test.words[lang()], icon=":material/fact_check:")
        st.plotly_chart(charts.backtest_chart(test.weekly), width="stretch")
        st.caption(t("val_bt_caption", start=format.day(test.calibration_end, lang()),
                     mae=format.number(test.figures["mae"], 2, lang())))

with st.expander(t("definitions")):
    glossary.show(["valid_order", "customers", "historic_value", "expected_purchases",
                   "predicted_value", "p_alive", "at_risk"])
    st.markdown(t("val_definitions"))
