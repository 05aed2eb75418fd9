"""Fiche client: find a customer by name, email or phone and see everything about them: identity
and consent, figures, segment, the model's view of their future, every order, and what happened
after the sale (refunds, tickets, reviews, survey answers)."""

import streamlit as st

from metrics.rfm import MIN_RANKED_CUSTOMERS
from store.errors import ComptoirError
from ui import contacts, customer_after_sale, data, format, glossary
from ui import segments_charts as charts
from ui import segments_data as segments
from ui.demo import offer_demo
from ui.i18n import lang, pick, t

st.title(t("page_customer"))
st.caption(t("cust_intro"))

if not data.has_orders():
    offer_demo("customer")
    st.stop()

version = data.version()
text = st.text_input(t("cust_search"), help=t("cust_search_help"), key="cust_search")
matches = segments.search(text, version) if text.strip() else None
card = None
if matches is not None and matches.empty:
    st.info(t("cust_no_match", text=charts.plain(text)))
elif matches is not None:
    labels = charts.match_labels(matches, lang())
    chosen = st.selectbox(t("cust_pick"), options=list(labels), format_func=labels.get,
                          key="cust_pick")
    try:
        card = segments.customer_card(chosen, version)
    except ComptoirError as error:
        st.error(error.message(lang()))

if card is not None:
    profile = card.profile
    st.subheader(charts.plain(profile["name"]) if profile["name"] else t("cust_unnamed"))
    identity_column, consent_column = st.columns(2)
    with identity_column:
        st.markdown(charts.identity(profile, lang()))
    with consent_column:
        st.markdown(f"**{t('cust_consent')}** : {charts.consent(profile)}")
        if profile["consent_source"]:
            st.caption(t("cust_consent_source", source=charts.plain(profile["consent_source"]),
                         day=format.day(profile["consent_at"], lang())))
        if profile["suppressed"]:
            st.warning(t("cust_suppressed"), icon=":material/unsubscribe:")
        st.markdown("  \n".join(charts.channel_consent(profile, channel, lang())
                                 for channel in ("sms", "call")))
        if profile["call_consent"] is False:
            st.caption(t("consent_call_refused"))
        elif profile["phone"] and st.button(t("consent_mark_called"),
                                            help=t("consent_mark_called_help"),
                                            icon=":material/call:", key="cust_called"):
            contacts.mark_called(profile["customer_id"])
            st.toast(t("consent_marked_called"))
    with st.expander(t("consent_last_contacts")):
        recent = contacts.last_contacts(profile["customer_id"])
        if recent.empty:
            st.caption(t("consent_no_contact"))
        for row in recent.itertuples():
            st.markdown(t("consent_contact_line", day=format.day(row.contacted_at, lang()),
                          channel=t(f"consent_channel_{row.channel}"),
                          list=charts.plain(row.list_name)))

    segment_name = pick(card.segment_fr, card.segment_en)
    figures = [  # label, figure, its help (a glossary entry where the term has one)
        ("cust_orders", format.number(profile["orders"], 0, lang()), t("def_orders")),
        ("cust_net_spend", format.money(profile["net_spend"], lang(), currency=data.currency()),
         t("def_net_spend")),
        ("cust_average_basket",
         format.money(profile["average_basket"], lang(), currency=data.currency()),
         t("def_average_basket")),
        ("cust_first_order", format.day(profile["first_order_at"], lang()), t("def_valid_order")),
        ("cust_last_order", format.day(profile["last_order_at"], lang()), t("def_valid_order")),
        ("cust_segment",
         (segment_name or t("cust_no_segment")) if card.ranked else format.MISSING,
         t("cust_segment_help", definition=t("def_rfm_segment"),
           day=format.day(card.as_of, lang()))),
        ("cust_p_alive", format.percent(card.p_alive, lang(), 0), t("def_p_alive")),
        ("cust_expected", format.number(card.expected_purchases, 1, lang()),
         t("def_expected_purchases")),
        ("cust_next", format.day(card.next_purchase, lang()),
         t("cust_next_help_model" if card.next_from_model else "cust_next_help")),
    ]
    columns = [column for _ in range(3) for column in st.columns(3)]
    for column, (key, shown, help_text) in zip(columns, figures):
        column.metric(t(key), shown, help=help_text, border=True)
    if not card.ranked:
        columns[5].caption(t("too_few_segments",
                             needed=format.number(MIN_RANKED_CUSTOMERS, 0, lang()),
                             have=format.number(card.customers, 0, lang())))
    if card.ranked and card.scores is not None:
        columns[5].caption(t("cust_scores", r=card.scores["r_score"], f=card.scores["f_score"],
                             m=card.scores["m_score"]))
    if card.usual_gap_days is not None:
        columns[8].caption(t("cust_next_gap", count=round(card.usual_gap_days)))
    if card.overdue_days is not None:
        columns[8].caption(t("cust_next_overdue", count=round(card.overdue_days)))
    if card.ranked and card.disagreement is not None:
        st.info(t(f"cust_disagree_{card.disagreement}", segment=segment_name,
                  p_alive=format.percent(card.p_alive, lang(), 0)), icon=":material/help:")
    if card.prediction_note is not None:
        st.caption(t("cust_model_missing", reason=card.prediction_note[lang()]))

    st.plotly_chart(charts.orders_over_time(card.orders, lang(), data.currency()),
                    width="stretch")
    st.subheader(t("cust_orders_title"))
    st.dataframe(charts.order_rows(card.orders, lang()), hide_index=True, width="stretch",
                 placeholder=format.MISSING)
    customer_after_sale.section(int(chosen), version)

with st.expander(t("definitions")):
    glossary.show(["valid_order", "orders", "net_spend", "average_basket", "rfm_segment",
                   "p_alive", "expected_purchases"])
    st.markdown(t("cust_definitions"))
