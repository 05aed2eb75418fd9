"""Vue d'ensemble: this week's figures against last week and last year, and the 12-month trend."""

from datetime import timedelta

import streamlit as st

from metrics.kpis import RATES
from reports import charts
from ui import contacts, data, format, glossary, report_data
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.state import selected_week

st.title(t("page_overview"))
st.caption(t("overview_intro"))

if not data.has_orders():
    offer_demo("overview")
    st.stop()

week = selected_week()
st.subheader(t("week_of", start=format.day(week, lang()),
               end=format.day(week + timedelta(days=6), lang())))
table = data.weekly_kpis(week, data.version())

MONEY = {"revenue", "average_basket"}


def shown(metric: str, value) -> str:
    if metric in MONEY:
        return format.money(value, lang(), currency=data.currency())
    if metric in RATES:
        return format.percent(value, lang())
    return format.number(value, 0, lang())


columns = st.columns(4)
for i, metric in enumerate(table.index):
    row = table.loc[metric]
    with columns[i % 4]:
        st.metric(
            t(f"kpi_{metric}"),
            shown(metric, row["this_week"]),
            delta=(format.signed_points if metric in RATES else format.signed_percent)(
                row["change_last_week"], lang()),
            help=t(f"def_{metric}"),
            border=True,
        )
        st.caption(t("last_year", value=shown(metric, row["last_year"])))

st.caption(t("vs_last_week"))
pressure = contacts.pressure()
st.metric(t("term_commercial_pressure"), format.number(pressure["pressed"], 0, lang()),
          help=t("def_commercial_pressure"), border=True, width="content")
st.caption(t("consent_pressure_caption", count=pressure["pressed"],
             threshold=pressure["threshold"], days=pressure["days"]))

with st.container(horizontal=True):
    for fmt in report_data.FORMATS:
        st.download_button(
            t(f"report_download_{fmt}"),
            data=report_data.builder(week, fmt, lang()),
            file_name=report_data.file_name(week, fmt),
            mime=report_data.MIME_TYPES[fmt],
            help=t("report_download_help"),
            on_click="ignore",
            icon=":material/download:",
        )

trend = data.weekly_trend(week, data.version())
labels = {
    "title": t("trend_title"),
    "revenue": t("kpi_revenue"),
    "orders": t("trend_orders"),
    "week": t("trend_axis_week"),
    "revenue_axis": t("trend_axis_revenue", unit=format.symbol(data.currency(), lang())),
}
st.plotly_chart(
    charts.weekly_trend(trend, week, labels, lang(), data.currency()),
    width="stretch",
)

with st.expander(t("definitions")):
    glossary.show(["valid_order", *table.index, "credit_notes", "commercial_pressure"])
