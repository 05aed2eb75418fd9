"""Cached data and actions for the Données page (the pattern of ui/data.py).

Reads are cached by data version. Writes (merge, split, keep apart, forget) run as button
callbacks, so a click acts once: each takes the write lock and its own transaction
(identity.decisions), then drops the cached results; the outcome is left in session state for the
page to show. Forgetting also rewrites the database file, which closes the cached connection.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

import exports
import store
from exports.names import rejects_file_name
from identity import decisions as identity
from identity import duplicates
from ingest import history
from ingest.sources import SOURCE_BY_NAME
from metrics import customer
from ui import data, forecast, format
from ui.data import CACHE_ENTRIES, connection
from ui.i18n import lang, pick, t
from ui.segments_charts import plain

Version = tuple[int, int, int]
NOTICE = "data_notice"
REJECTS_SHOWN = 500
PAIRS_SHOWN = 500
SEARCH_RESULTS = 20


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def imports_log(data_version: Version) -> pd.DataFrame:
    return history.imports_log(connection())


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def import_rejects(import_id: int, data_version: Version) -> pd.DataFrame:
    return history.import_rejects(connection(), import_id)


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def suspected_pairs(data_version: Version) -> tuple[int, pd.DataFrame]:
    """How many pairs, and the PAIRS_SHOWN most likely: a list of a hundred thousand (namesakes
    of a big shop) is read by nobody, and its picker took minutes to draw."""
    pairs = duplicates.suspected_pairs(connection(), PAIRS_SHOWN)
    return (int(pairs["pairs_total"].iloc[0]) if len(pairs) else 0), pairs


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def standing_merges(data_version: Version) -> pd.DataFrame:
    return duplicates.standing_merges(connection())


@st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)
def search(text: str, data_version: Version) -> pd.DataFrame:
    return customer.search(connection(), text, SEARCH_RESULTS)


def shown(value: object) -> str:
    """A possibly missing text cell as shown: the value, or a dash."""
    return "–" if value is None or pd.isna(value) else str(value)


def _when(value: pd.Timestamp) -> str:
    """Date and time of an event: 15/03/2024 14:05 in French."""
    return f"{format.day(value, lang())} {value:%H:%M}"


def source_labels(names: pd.Series) -> pd.Series:
    """Platform names (generic, shopify_orders…) as the owner reads them."""
    labels = {name: pick(source.label_fr, source.label_en)
              for name, source in SOURCE_BY_NAME.items()}
    return names.map(labels).fillna(names)


def imports_table(log: pd.DataFrame) -> pd.DataFrame:
    """The imports log as shown: translated headers, French numbers and dates."""
    counts = {
        "rows_read": "data_col_read", "rows_loaded": "data_col_loaded",
        "rows_rejected": "data_col_rejected", "orders_new": "data_col_new",
        "orders_updated": "data_col_updated", "orders_unchanged": "data_col_unchanged",
        "customers_new": "data_col_customers_new",
    }
    shown = pd.DataFrame({
        t("data_col_import"): log["import_id"].map(str),
        t("data_col_file"): log["file_name"],
        t("data_col_when"): log["started_at"].map(_when),
        t("data_col_source"): source_labels(log["source"]),
        t("data_col_kind"): log["file_kind"].map(lambda kind: t(f"data_kind_{kind}")),
    })
    for column, key in counts.items():
        shown[t(key)] = log[column].map(lambda n: format.number(n, 0, lang()))
    return shown


def figures(log: pd.DataFrame, pairs: int, merges: pd.DataFrame) -> list[tuple[str, str]]:
    """The page's headline figures: (string key, value as shown)."""
    values = [("data_imports", len(log)), ("data_rejected", int(log["rows_rejected"].sum())),
              ("data_pairs", pairs), ("data_merges", len(merges))]
    return [(key, format.number(value, 0, lang())) for key, value in values]


def imports_with_rejects(log: pd.DataFrame) -> pd.DataFrame:
    return log[log["rows_rejected"] > 0]


def rejects_option(row: pd.Series) -> str:
    return t("data_rejects_option", file=row["file_name"], when=_when(row["started_at"]),
             count=int(row["rows_rejected"]))


def rejects_table(rejects: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """Rejected rows as shown (the first ``limit`` of them), or as downloaded (all)."""
    rejects = rejects if limit is None else rejects.head(limit)
    return pd.DataFrame({
        t("data_col_row"): rejects["row_number"],
        t("data_col_reason"): rejects["reason"],
        t("data_col_raw"): rejects["raw"],
    })


def rejects_csv(rejects: pd.DataFrame) -> bytes:
    """For Excel: UTF-8 with BOM, ';', cells that would run as formulas neutralised."""
    return exports.csv_bytes(rejects_table(rejects), ";", lang())


def rejects_name(import_id: int) -> str:
    """'rejets_import_3.csv' (exports.names)."""
    return rejects_file_name(f"import {import_id}", lang())


def reasons_text(reasons: list[str]) -> str:
    return ", ".join(t(f"data_reason_{reason}") for reason in reasons)


def _likeness(pairs: pd.DataFrame) -> pd.Series:
    language = lang()
    return pairs["score"].map(lambda score: format.percent(score, language, 0))


def pairs_table(pairs: pd.DataFrame) -> pd.DataFrame:
    """Suspected duplicates as shown: likeness, reasons, who would be kept and who merged."""
    def person(side: str) -> pd.Series:
        parts = pairs[[f"{side}_name", f"{side}_email", f"{side}_phone", f"{side}_postal_code"]]
        given = parts.astype("string").stack().dropna()  # the cells that are there, row by row
        return given.groupby(level=0).agg(" · ".join).reindex(pairs.index, fill_value="")

    return pd.DataFrame({
        t("data_col_score"): _likeness(pairs),
        t("data_col_reasons"): pairs["reasons"].map(reasons_text),
        t("data_col_kept"): person("kept"),
        t("data_col_merged"): person("merged"),
    })


def pair_options(pairs: pd.DataFrame) -> pd.Series:
    """The picker's line of each pair, by its index: built in one pass (a Series per option made
    the picker of 500 pairs take half a second)."""
    template = t("data_pair_option")
    lines = zip(pairs["kept_name"].map(shown), pairs["kept_id"], pairs["merged_name"].map(shown),
                pairs["merged_id"], _likeness(pairs))
    return pd.Series(
        [template.format(kept=kept, kept_id=kept_id, merged=merged, merged_id=merged_id,
                         score=score) for kept, kept_id, merged, merged_id, score in lines],
        index=pairs.index, dtype="object",
    )


def pair_detail(pair: pd.Series) -> pd.DataFrame:
    """The two records side by side, one row per field."""
    fields = ["id", "name", "email", "phone", "postal_code", "city", "orders", "spend"]

    def values(side: str) -> list[str]:
        texts = [shown(pair[f"{side}_{field}"]) for field in fields[:6]]
        return [*texts, format.number(pair[f"{side}_orders"], 0, lang()),
                format.money(pair[f"{side}_spend"], lang(), currency=data.currency())]

    return pd.DataFrame(
        {t("data_col_kept"): values("kept"), t("data_col_merged"): values("merged")},
        index=[t(f"data_field_{field}") for field in fields],
    )


def merges_table(merges: pd.DataFrame) -> pd.DataFrame:
    def person(side: str) -> pd.Series:
        return merges[f"{side}_name"].map(shown) + " · " + merges[f"{side}_email"].map(shown)

    return pd.DataFrame({
        t("data_col_merged_at"): merges["merged_at"].map(_when),
        t("data_col_kept"): person("kept"),
        t("data_col_merged"): person("merged"),
        t("data_col_orders_moved"): merges["orders_moved"].map(
            lambda n: format.number(n, 0, lang())),
        t("data_col_merged_by"): merges["automatic"].map(
            {True: t("data_merged_by_import"), False: t("data_merged_by_owner")}),
    })


def merge_option(merge: pd.Series) -> str:
    return t("data_merge_option", merged=shown(merge["merged_name"]),
             merged_id=merge["merged_id"], kept=shown(merge["kept_name"]),
             kept_id=merge["kept_id"], when=format.day(merge["merged_at"], lang()))


def customer_option(found: pd.Series) -> str:
    return t("data_forget_option", name=shown(found["name"]), email=shown(found["email"]),
             id=found["customer_id"])


def act(action: Callable[[], object], success: str, changes_data: bool = True) -> None:
    """Run a write, drop cached results, refit the forecasts if the data changed (a merge, a
    split, a forget, a conversion rate: ui.forecast), leave the outcome for the page to show."""
    try:
        action()
    except store.ComptoirError as exc:
        st.session_state[NOTICE] = ("error", exc.message(lang()))
        return
    finally:
        data.clear()
    if changes_data:
        st.toast(forecast.refit())
    st.session_state[NOTICE] = ("success", success)


def merge(kept: int, merged: int, kept_name: str, merged_name: str) -> None:
    act(lambda: identity.merge(connection(), kept, merged),
         t("data_merged_done", kept=plain(kept_name), kept_id=kept, merged=plain(merged_name),
           merged_id=merged))


def keep_apart(first: int, second: int, first_name: str, second_name: str) -> None:
    act(lambda: identity.keep_apart(connection(), first, second),
         t("data_apart_done", first=plain(first_name), first_id=first,
           second=plain(second_name), second_id=second), changes_data=False)


def split(merged: int, merged_name: str) -> None:
    act(lambda: identity.split(connection(), merged),
         t("data_split_done", merged=plain(merged_name), merged_id=merged))


def forget(customer_id: int, name: str) -> None:
    """Erase the person, rewrite the file and its backups; the closed connection is uncached."""
    done: list[tuple[identity.Forgotten, int]] = []

    def erase() -> None:
        con = connection()
        with store.WRITE_LOCK:
            removed = identity.forget(con, customer_id)
            try:
                path = identity.rewrite_file(con)
            finally:
                st.cache_resource.clear()
            copies = identity.forget_in_backups(path, removed.key_hashes) if path else 0
            done.append((removed, copies))

    act(erase, "")
    if done:
        removed, copies = done[0]
        st.session_state[NOTICE] = ("success", t(
            "data_forget_done", name=plain(name),
            orders=format.number(removed.orders_detached, 0, lang()), keys=removed.keys_removed,
            merged=removed.merged_removed, suppressions=removed.suppressions_removed,
            rejects=removed.rejects_redacted, backups=copies,
        ))
        st.session_state.pop("data_forget_text", None)
