"""Produits et saisons: after how long each product is bought again and who is due for it now,
what is bought together and next, and the seasonal buyers who are not lost."""

import streamlit as st

from metrics.replenishment import MIN_REPURCHASES
from ui import analysis_data, data, format, glossary
from ui import products_data as products
from ui import products_tables as tables
from ui.cut_lists import say_if_cut
from ui.demo import offer_demo
from ui.i18n import lang, t
from ui.state import selected_week

st.title(t("page_products"))
st.caption(t("products_intro"))

if not data.has_orders():
    offer_demo("products")
    st.stop()

version = data.version()
as_of = analysis_data.as_of(selected_week())
st.caption(t("an_as_of", day=format.day(as_of, lang())))

table = products.replenishment_table(as_of, version)
if table.empty:
    st.info(t("products_no_lines"))
    st.stop()

st.subheader(t("products_replenishment_header"))
usual = table[table["usual"]]
if usual.empty:
    st.info(t("products_no_usual", minimum=MIN_REPURCHASES))
else:
    top = usual.iloc[0]
    st.info(t("products_reading", product=top["product"],
              days=format.number(tables.whole_days(usual["median_days"]).iloc[0], 0, lang()),
              repurchases=t("products_n_repurchases", count=int(top["repurchases"])),
              due=t("products_n_due", count=int(top["due"]))),
            icon=":material/lightbulb:")
st.dataframe(tables.replenishment_rows(table), column_config=tables.replenishment_columns(),
             hide_index=True, width="stretch", placeholder=format.MISSING)
st.caption(t("products_replenishment_caption", minimum=MIN_REPURCHASES))

product = st.selectbox(t("products_pick"), options=table["product"].tolist(),
                       key="products_product")
st.markdown(f"**{t('products_due_header', product=product)}**")
due = products.due_people(product, as_of, version)
if due.empty:
    st.caption(t("products_due_none"))
else:
    say_if_cut("products_due_shown", products.DUE_SHOWN, len(due))
    st.dataframe(tables.due_rows(due.head(products.DUE_SHOWN)),
                 column_config=tables.due_columns(format.DAY_INPUT[lang()]),
                 hide_index=True, width="stretch", placeholder=format.MISSING)
    st.caption(t("products_due_export", product=product))

st.subheader(t("products_affinity_header", product=product))
together, after = st.columns(2)
with together:
    st.markdown(f"**{t('term_bought_together')}**")
    rows = products.bought_together(product, as_of, version)
    if rows.empty:
        st.caption(t("products_affinity_none"))
    else:
        st.dataframe(tables.affinity_rows(rows, "other_product", "orders", "product_orders"),
                     column_config=tables.affinity_columns(), hide_index=True, width="stretch")
with after:
    st.markdown(f"**{t('term_bought_next')}**")
    rows = products.bought_next(product, as_of, version)
    if rows.empty:
        st.caption(t("products_affinity_none"))
    else:
        st.dataframe(tables.affinity_rows(rows, "next_product", "times", "followed"),
                     column_config=tables.affinity_columns(), hide_index=True, width="stretch")

st.subheader(t("term_seasonal_buyers"))
seasons = products.seasonal_summary(as_of, version)
for column, season in zip(st.columns(len(seasons)), seasons.itertuples()):
    column.metric(t(f"products_season_{season.season}"),
                  format.number(season.buyers, 0, lang()), help=t("def_seasonal_buyers"),
                  border=True)
    column.caption(t("products_season_detail",
                     waiting=t("products_n_waiting", count=season.waiting),
                     repeat=format.number(season.repeat_buyers, 0, lang()),
                     years=format.number(season.several_years, 0, lang())))
st.caption(t("products_seasonal_caption"))

with st.expander(t("definitions")):
    glossary.show(["valid_order", "replenishment", "replenishment_due", "bought_together",
                   "bought_next", "seasonal_buyers"])
