"""Segments: the RFM grid, the named segments and how they moved in the week, and the segment
builder with its live count and the export of the list."""

import dataclasses

import streamlit as st

from metrics.at_risk import SUBLIST_NAMES
from metrics.rfm import MIN_RANKED_CUSTOMERS, enough_for_ranks
from metrics.segment import CHANNELS, SegmentFilter, describe, places_from_text, segment_choices
from store.errors import ComptoirError
from ui import analysis_data, contacts, data, format, glossary, saved_lists
from ui import segments_charts as charts
from ui import segments_data as segments
from ui.at_risk import show_counts
from ui.cut_lists import say_if_cut
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.inputs import bounded_number
from ui.state import selected_week

# Export choice -> (format, CSV separator)
EXPORT_CHOICES = {
    "csv_semicolon": ("csv", ";"),
    "csv_comma": ("csv", ","),
    "xlsx": ("xlsx", ";"),
    "brevo": ("brevo", ";"),
    "mailchimp": ("mailchimp", ","),
}

st.title(t("page_segments"))
st.caption(t("seg_intro"))

if not data.has_orders():
    offer_demo("segments")
    st.stop()

version = data.version()
as_of = analysis_data.as_of(selected_week())
st.caption(t("seg_as_of", day=format.day(as_of, lang())))

customers = len(analysis_data.rfm_table(as_of, version))
if enough_for_ranks(customers):
    st.subheader(t("seg_grid_title"))
    st.caption(t("seg_grid_caption"))
    st.plotly_chart(charts.rfm_grid(segments.rfm_grid(as_of, version), lang()), width="stretch")

    st.subheader(t("seg_table_title"))
    st.caption(t("seg_table_caption"))
    st.dataframe(
        charts.segment_rows(segments.segment_table(as_of, version), lang(), data.currency()),
        hide_index=True,
        width="stretch",
        placeholder=format.MISSING,
    )
else:
    st.info(t("seg_too_few", too_few=t("too_few_segments",
                                       needed=format.number(MIN_RANKED_CUSTOMERS, 0, lang()),
                                       have=format.number(customers, 0, lang()))))
    st.dataframe(
        charts.last_order_rows(segments.by_last_order(as_of, version), lang()),
        column_config=charts.people_columns(lang(), data.currency()),
        hide_index=True,
        width="stretch",
        placeholder=format.MISSING,
    )
with st.expander(t("definitions")):
    glossary.show(["valid_order", "customers", "people", "rfm_segment", "net_spend", "at_risk",
                   "lost", "seasonal_buyers", "replenishment_due", "saved_segment"])
    st.markdown(t("seg_definitions", needed=MIN_RANKED_CUSTOMERS))

st.subheader(t("val_risk_header"))
show_counts(analysis_data.at_risk_counts(as_of, version))
saved_lists.seasonal_at_risk_note(as_of, version)

st.subheader(t("seg_builder_title"))
st.caption(t("seg_builder_caption"))
names = segment_choices(lang())
day_format = format.DAY_INPUT[lang()]
sign = format.symbol(data.currency(), lang())  # amounts in the shop's currency
# The date inputs start on the shop's span of last orders: an empty one shows Streamlit's fixed
# English "dd/mm/yyyy"; a day left on its end of the span is no filter.
earliest, latest = segments.last_order_span(as_of, version)
left, middle, right = st.columns(3)
with left:
    chosen = st.multiselect(t("seg_f_segments"), options=list(names), format_func=names.get,
                            placeholder=t("seg_f_choose"), help=t("seg_f_segments_help"),
                            select_all=False, key="seg_segments")
    last_from = st.date_input(t("seg_f_last_from"), value=earliest, format=day_format,
                              key="seg_last_from")
    last_to = st.date_input(t("seg_f_last_to"), value=latest, format=day_format,
                            key="seg_last_to")
with middle:  # whole units: a float input writes its decimals with a point ("99.50")
    spend_min = bounded_number(t("seg_f_spend_min", unit=sign), "seg_spend_min", 0, step=10)
    spend_max = bounded_number(t("seg_f_spend_max", unit=sign), "seg_spend_max", 0, step=10)
    orders_min = bounded_number(t("seg_f_orders_min"), "seg_orders_min", 0, step=1)
    orders_max = bounded_number(t("seg_f_orders_max"), "seg_orders_max", 0, step=1)
with right:
    bought = st.multiselect(t("seg_f_products"), options=segments.products(version),
                            placeholder=t("seg_f_choose"), select_all=False, key="seg_products")
    places = st.text_input(t("seg_f_places"), help=t("seg_f_places_help"), key="seg_places")
    consent_only = st.checkbox(t("seg_f_consent"), key="seg_consent")
    at_risk = st.selectbox(t("seg_f_at_risk"), options=[None, *SUBLIST_NAMES],
                           format_func=lambda key: t("seg_f_anyone") if key is None
                           else SUBLIST_NAMES[key][lang()],
                           help=t("seg_f_at_risk_help"), key="seg_at_risk")
st.caption(t("seg_winback_caption"))
alive_column, value_column, overdue_column = st.columns(3)
with alive_column:
    min_p_alive = bounded_number(t("seg_f_min_p_alive"), "seg_min_p_alive", 0, 100, step=10,
                                 help=t("seg_f_min_p_alive_help"))
with value_column:
    min_value = bounded_number(t("seg_f_min_predicted", unit=sign), "seg_min_predicted", 0,
                               step=10, help=t("seg_f_min_predicted_help"))
with overdue_column:
    min_overdue = bounded_number(t("seg_f_min_overdue"), "seg_min_overdue", 0, step=7,
                                 help=t("seg_f_min_overdue_help"))

segment_filter = SegmentFilter(
    segments=tuple(chosen),
    last_order_from=None if last_from == earliest else last_from,
    last_order_to=None if last_to == latest else last_to,
    spend_min=spend_min,
    spend_max=spend_max,
    orders_min=orders_min,
    orders_max=orders_max,
    products=tuple(bought),
    places=places_from_text(places),
    consent_only=consent_only,
    min_p_alive=None if min_p_alive is None else min_p_alive / 100,
    min_predicted_value=min_value,
    min_days_overdue=min_overdue,
    at_risk=at_risk,
    **saved_lists.product_questions(as_of, version),
)
segment_filter = saved_lists.saved_or(segment_filter, as_of, version)
# Counted with the export's rule of recent contacts (not shown in the list), so that the export's
# counts below reuse these totals instead of totalling the list again (bench/RESULTS.md).
counted = dataclasses.replace(segment_filter, not_contacted_days=contacts.not_contacted_days())
try:
    people = segments.people(counted, as_of, version, segments.LIST_SHOWN)
    summary = segments.list_summary(counted, as_of, version)
except ComptoirError as error:
    st.error(error.message(lang()))
    st.stop()

figures = [  # label, figure, its help (a glossary entry where the term has one)
    ("seg_m_people_all" if segment_filter == SegmentFilter() else "seg_m_people",
     format.number(summary["people"], 0, lang()), "def_people"),
    ("seg_m_reachable", format.number(summary["reachable"], 0, lang()), "seg_m_reachable_help"),
    ("seg_m_spend", format.money(summary["net_spend"], lang(), currency=data.currency()),
     "def_net_spend"),
]
for column, (key, shown, help_key) in zip(st.columns(len(figures)), figures):
    column.metric(t(key), shown, help=t(help_key), border=True)
st.caption(t("seg_list_description",
             description=describe(segment_filter, lang(), data.currency())))
say_if_cut("seg_list_shown", segments.LIST_SHOWN, summary["people"])
st.dataframe(
    charts.people_rows(people, lang()),
    column_config=charts.people_columns(lang(), data.currency()),
    hide_index=True,
    width="stretch",
    height=320,
    placeholder=format.MISSING,
)

st.subheader(t("seg_export_title"))
choice_column, consent_column = st.columns(2)
choice = choice_column.selectbox(t("seg_export_format"), options=list(EXPORT_CHOICES),
                                 format_func=lambda key: t(f"seg_fmt_{key}"),
                                 key="seg_export_format")
export_consent = consent_column.checkbox(t("seg_export_consent"), value=True,
                                         help=t("seg_export_consent_help"),
                                         key="seg_export_consent")
channel = choice_column.selectbox(t("consent_export_channel"), options=list(CHANNELS),
                                 format_func=lambda key: t(f"consent_channel_{key}"),
                                 help=t("consent_export_channel_help"), key="seg_export_channel")
days = consent_column.number_input(t("consent_export_days"), min_value=0, max_value=365,
                                   value=contacts.not_contacted_days(), step=1,
                                   help=t("consent_export_days_help"), key="seg_export_days")
if days != contacts.not_contacted_days():
    contacts.set_not_contacted_days(int(days))
segment_filter = dataclasses.replace(segment_filter, channel=channel,
                                     not_contacted_days=int(days))
fmt, sep = EXPORT_CHOICES[choice]
include_open = consent_column.checkbox(t("aftersales_include_open"), value=False,
                                       help=t("def_aftersales_open_complaint"),
                                       key="seg_export_open_complaints")
counts = segments.export_counts(segment_filter, as_of, fmt, export_consent, version)
held = 0 if include_open else segments.open_complaints_held(segment_filter, as_of,
                                                            export_consent, version)
st.info(t("seg_export_counts", rows=t("seg_export_rows", count=counts.rows - held),
          left_out=t("seg_export_left_out", count=counts.left_out)))
if held:
    st.caption(t("aftersales_page_left_out", count=held))
if counts.recently_contacted:
    st.caption(t("consent_recent_left_out", count=counts.recently_contacted, days=int(days)))
if counts.unusable:
    st.caption(t("seg_export_unusable", count=counts.unusable))
if counts.rows - held:
    export = segments.download(segment_filter, as_of, fmt, sep, export_consent, lang(), version,
                               open_complaints=include_open)
    st.download_button(
        t("seg_export_button", file=export.file_name),
        data=export.data,
        file_name=export.file_name,
        mime=export.mime,
        type="primary",
        icon=":material/download:",
        help=t("seg_export_help"),
        key="seg_download",
    )
else:
    st.warning(t("seg_export_empty"))
saved_lists.show_export_log()
