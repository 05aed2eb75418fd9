"""Données: the imports log, rejected rows, duplicates to merge or split, forgetting a customer,
the shop's currency and the conversion rates the owner enters."""

import streamlit as st

from ui import currency, data, data_page, glossary
from ui.format import MISSING
from ui.cut_lists import say_if_cut
from ui.demo import offer_demo, offer_removal
from ui.i18n import t
from ui.segments_charts import plain

st.title(t("page_data"))
st.caption(t("data_intro"))

version = data.version()
log = data_page.imports_log(version)
offer_removal("data")
if log.empty:
    offer_demo("data")
    st.stop()

notice = st.session_state.pop(data_page.NOTICE, None)
if notice:
    kind, message = notice
    (st.error if kind == "error" else st.success)(message)

pairs_total, pairs = data_page.suspected_pairs(version)
merges = data_page.standing_merges(version)
figures = data_page.figures(log, pairs_total, merges)
for column, (key, value) in zip(st.columns(len(figures)), figures):
    column.metric(t(key), value, help=t(f"{key}_help"), border=True)

imports_tab, rejects_tab, duplicates_tab, forget_tab, currencies_tab = st.tabs([
    t("data_tab_imports"), t("data_tab_rejects"), t("data_tab_duplicates"), t("data_tab_forget"),
    t("data_tab_currencies"),
])

with imports_tab:
    st.dataframe(data_page.imports_table(log), hide_index=True, placeholder=MISSING)

with rejects_tab:
    with_rejects = data_page.imports_with_rejects(log)
    if with_rejects.empty:
        st.success(t("data_no_rejects"))
    else:
        chosen = st.selectbox(
            t("data_rejects_of"), with_rejects.index,
            format_func=lambda i: data_page.rejects_option(with_rejects.loc[i]),
        )
        import_id = int(with_rejects.loc[chosen, "import_id"])
        rejects = data_page.import_rejects(import_id, version)
        st.dataframe(data_page.rejects_table(rejects, data_page.REJECTS_SHOWN), hide_index=True,
                     placeholder=MISSING)
        say_if_cut("data_rejects_shown", data_page.REJECTS_SHOWN, len(rejects))
        st.download_button(
            t("data_rejects_download"), data_page.rejects_csv(rejects),
            file_name=data_page.rejects_name(import_id), mime="text/csv",
        )

with duplicates_tab:
    if pairs.empty:
        st.success(t("data_no_pairs"))
    else:
        st.dataframe(data_page.pairs_table(pairs), hide_index=True, placeholder=MISSING)
        say_if_cut("data_pairs_shown", len(pairs), pairs_total)
        options = data_page.pair_options(pairs)
        chosen = st.selectbox(t("data_pair_pick"), pairs.index, format_func=options.get)
        pair = pairs.loc[chosen]
        st.dataframe(data_page.pair_detail(pair), placeholder=MISSING)
        kept, merged = int(pair["kept_id"]), int(pair["merged_id"])
        names = (data_page.shown(pair["kept_name"]), data_page.shown(pair["merged_name"]))
        left, right = st.columns(2)
        left.button(t("data_merge_button"), type="primary", help=t("data_merge_help"),
                    on_click=data_page.merge, args=(kept, merged, *names))
        right.button(t("data_apart_button"), help=t("data_apart_help"),
                     on_click=data_page.keep_apart, args=(kept, merged, *names))

    st.subheader(t("data_merges_title"))
    if merges.empty:
        st.caption(t("data_no_merges"))
    else:
        st.dataframe(data_page.merges_table(merges), hide_index=True, placeholder=MISSING)
        chosen = st.selectbox(t("data_merge_pick"), merges.index,
                              format_func=lambda i: data_page.merge_option(merges.loc[i]))
        merge = merges.loc[chosen]
        st.button(t("data_split_button"), help=t("data_split_help"),
                  disabled=not merge["can_split"], on_click=data_page.split,
                  args=(int(merge["merged_id"]), data_page.shown(merge["merged_name"])))
        if not merge["can_split"]:
            st.caption(t("data_split_blocked"))

with forget_tab:
    st.caption(t("data_forget_intro"))
    text = st.text_input(t("data_forget_search"), key="data_forget_text")
    found = data_page.search(text, version) if text.strip() else None
    if found is not None and found.empty:
        st.info(t("data_forget_none", text=text))
    elif found is not None:
        chosen = st.selectbox(t("data_forget_pick"), found.index,
                              format_func=lambda i: data_page.customer_option(found.loc[i]))
        person = found.loc[chosen]
        name = data_page.shown(person["name"])
        confirmed = st.checkbox(t("data_forget_confirm", name=plain(name)),
                                key=f"data_forget_ok_{person['customer_id']}")
        st.button(t("data_forget_button"), type="primary", disabled=not confirmed,
                  on_click=data_page.forget, args=(int(person["customer_id"]), name))
    st.caption(t("data_forget_outside"))

with currencies_tab:
    shop = data.currency()
    st.markdown(t("cur_shop", currency=shop))
    left_out = data.uncounted(version)
    if left_out.empty:
        st.success(t("cur_all_counted"))
    else:
        st.dataframe(currency.uncounted_table(left_out), hide_index=True)
    code_column, rate_column = st.columns(2)
    code_column.text_input(t("cur_rate_currency"), max_chars=3, key=currency.CODE_KEY,
                           value=left_out["currency"].iloc[0] if len(left_out) else "")
    rate_column.number_input(t("cur_rate_value", shop=shop), min_value=0.0, value=None,
                             format="%.6f", help=t("cur_rate_help"), key=currency.RATE_KEY)
    st.button(t("cur_rate_save"), type="primary", on_click=currency.save_rate)
    st.subheader(t("cur_rates_title"))
    rates = currency.rates(version)
    if rates.empty:
        st.caption(t("cur_no_rates"))
    else:
        st.dataframe(currency.rates_table(rates), hide_index=True)
        removed = st.selectbox(t("cur_rate_remove"), rates["currency"])
        st.button(t("cur_rate_remove_button"), on_click=currency.remove_rate, args=(removed,))

with st.expander(t("definitions")):
    glossary.show(["import_rows", "import_orders", "new_customer_records", "likeness"])
    st.markdown(t("data_definitions_body"))
