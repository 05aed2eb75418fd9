"""Import: upload files, check what was detected, correct the mapping, import, read the report."""

import streamlit as st

from ingest.doubts import UnsureImport
from ingest.errors import ImportCancelled
from ingest.pipeline import DATE_ORDERS, ImportOptions
from store import ComptoirError
from ui import data, importing
from ui.demo import offer_demo, offer_removal_before_import
from ui.format import MISSING, number
from ui.i18n import lang, pick, t
from ui.streamlit_texts import uploader_label, uploader_texts

st.title(t("page_import"))
st.caption(t("import_intro"))
importing.settle_cancel()

if not data.has_orders() and not st.session_state.get("reports"):
    offer_demo("import")

# No type= filter: Streamlit would refuse other files in English ("application/pdf files are not
# allowed"); the import reads the bytes and refuses in words what is not a table.
uploader_texts()
uploads = st.file_uploader(uploader_label(), accept_multiple_files=True,
                           label_visibility="collapsed")
offer_removal_before_import([upload.getvalue() for upload in uploads or []])
ready = []
for upload in uploads or []:
    content = upload.getvalue()
    key = f"{upload.name}-{upload.size}"
    st.divider()
    st.subheader(upload.name)
    date_choice = st.session_state.get(f"date-{key}", "auto")
    sheet_choice = st.session_state.get(f"sheet-{key}")
    base = ImportOptions(sheet=sheet_choice)
    try:
        found = importing.cached_preview(content, upload.name, base)
    except ComptoirError as exc:
        st.error(exc.message(lang()))
        continue
    left, right = st.columns([1, 2])
    with left:
        st.markdown(f"**{t('detected')}**")
        source_label = pick(found.source.label_fr, found.source.label_en)
        facts = [f"{t('source')} : {source_label}", f"{t('header_row')} : {found.table.header_row}"]
        if found.table.encoding:
            facts.append(f"{t('encoding')} : {found.table.encoding}")
        if found.table.delimiter:
            shown = "tab" if found.table.delimiter == "\t" else found.table.delimiter
            facts.append(f"{t('delimiter')} : « {shown} »")
        st.markdown("\n".join(f"- {fact}" for fact in facts))
        for fr, en in found.table.notes:
            st.caption(pick(fr, en))
        for doubt in found.table.doubts:
            st.warning(pick(doubt.fr, doubt.en), icon=":material/help:")
        if len(found.table.sheets) > 1:
            st.selectbox(t("sheet"), found.table.sheets,
                         index=found.table.sheets.index(found.table.sheet), key=f"sheet-{key}")
        st.selectbox(
            t("date_order"), ["auto", *DATE_ORDERS], key=f"date-{key}",
            format_func=lambda o: t(f"date_{o}"),
        )
    with right:
        st.markdown(f"**{t('mapping')}**")
        st.caption(t("mapping_help"))
        edited = st.data_editor(
            importing.mapping_table(found),
            key=f"mapping-{key}",
            hide_index=True,
            disabled=[t("column")],
            column_config={t("field"): st.column_config.SelectboxColumn(
                t("field"), options=importing.field_options(found), required=True)},
            width="stretch",
        )
    with st.expander(t("preview_rows")):
        st.dataframe(found.sample(), hide_index=True, placeholder=MISSING)
    accepted = False
    if found.table.doubts or upload.name in st.session_state.get("unsure", ()):
        accepted = st.checkbox(t("accept_guesses"), key=f"accept-{key}")
    order_ids = None
    if upload.name in st.session_state.get("order_questions", ()):
        order_ids = st.radio(t("order_ids"), ["separate", "same"], index=None, key=f"orders-{key}",
                             format_func=lambda o: t(f"order_ids_{o}"))
    scale = None
    if (upload.name in st.session_state.get("scale_questions", ())
            or importing.scale_unsure(found)):
        scale = st.radio(t("aftersale_scale"), ["5", "10"], index=None, key=f"scale-{key}",
                         format_func=lambda o: t(f"aftersale_scale_{o}"))
    ready.append((upload.name, content, ImportOptions(
        sheet=sheet_choice,
        date_order=None if date_choice == "auto" else date_choice,
        mapping=importing.mapping_from_table(edited, found),
        source=found.source.name,
        accept_guesses=accepted,
        order_ids=order_ids,
        scale=scale,
    )))

if ready:
    importing.import_button(ready)

for result in st.session_state.get("reports", []):
    st.divider()
    if isinstance(result, UnsureImport):
        st.warning(result.message(lang()))
        st.caption(t("unsure_help"))
        continue
    if isinstance(result, str):
        st.error(result)
        continue
    if isinstance(result, importing.ImportedOnce):
        st.info(t(result.said, file=result.file_name, import_id=result.import_id))
        continue
    if isinstance(result, ImportCancelled):
        st.info(result.message(lang()), icon=":material/undo:")
        continue
    st.subheader(f"{t('report')} — {result.file_name}")
    figures = importing.report_figures(result)
    for col, (name, value) in zip(st.columns(len(figures)), figures):
        col.metric(t(name), number(value, 0, lang()))
    for fr, en in result.notes:
        st.caption(pick(fr, en))
    if result.rows_rejected:
        st.markdown(f"**{t('rejects_title')}**")
        st.dataframe(importing.rejects_table(result).head(200), hide_index=True,
                     placeholder=MISSING)
        st.download_button(t("download_rejects"), importing.rejects_csv(result),
                           file_name=importing.rejects_name(result), mime="text/csv")
if st.session_state.get("reports"):
    st.page_link("views/overview.py", label=t("see_overview"), icon=":material/dashboard:")
