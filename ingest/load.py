"""Write one file's canonical rows into the database, all of it or none of it.

Orders are upserted on (source, lineage, source order id): a newer export that overlaps an older
one updates what changed (status, refunds) and adds what is new; the same file twice changes
nothing.

An order number is unique only within its lineage: a family of files numbering the same orders
(a platform's exports, one till, one hand-made file and its later versions or copies in another
form). Lineage 0 is a source's first family; another is named by the import that started it
(``orders.lineage``, migration 007). A file joins the stored lineage its orders agree with: of
the order numbers it shares with that lineage, at least half have the same day, amount and
currency (a status or a refund may change: a platform export downloaded again later), and for
rows without an order number (keyed by their content, ``canonical.order_keys``) the file holds
again at least half of the lineage's stored rows of the file's date span (the same sheet as .xlsx
and then as its CSV copy; not a second till whose few identical sales match by chance). A file
whose order numbers meet stored orders but agree with no lineage is probably another till: it is
a doubt (``Doubt(topic="order_ids")``) that the owner settles with ``--orders same`` (updates of
the lineage it shares the most numbers with) or ``--orders separate`` (a new lineage, both kept;
also the guess taken with ``--yes``). The choice settles only that question: a file recognised
with confidence ignores it. One set-based query (``load_order_lineages.sql``) measures this, under
the write lock and before anything is written, so a doubt leaves the database unchanged.

Rows without an order number were keyed, before content keys, by a hash of their raw cell text
(``ligne-…``); content keys start with ``contenu-``, so a database filled before holds keys that
the same file, imported again, no longer gives. Left alone, every such sale would be added a
second time, silently. So a stored ``ligne-`` order meets a file's content-keyed row that its
lineage does not hold yet when both have the same day, amount and currency: the lineage query
counts these pairs as shared, agreeing and covered sales, and the rule above decides as for any
other. A file that continues the lineage adopts its old orders: inside the import's transaction
(``load_adopt_legacy_orders.sql``) each is given the key of the row it pairs with (by rank within
its day, amount and currency: customer, then time), so the same sales count as unchanged or
updated, never new, and the report says how many were recognised so; later imports then meet
them by key. Adopting rather than asking: the question would come for each old file imported
again, about an update the owner did not make, and the rule above answers it as it does for
content keys, which for a till's anonymous sale are also only its day and amount: the file must
hold again most stored sales of its dates (one file and its re-import, not a second till),
identical rows pair by count, and a pair whose buyer or time differs is updated to the file's
values, so the stored figures end up the file's whatever the rank. What is not sure (a few
pairs, most stored sales of the file's dates missing from it: another till selling the same
amounts on those days) stays the ``--orders`` doubt, the database unchanged until the owner
answers; ``same`` adopts, ``separate`` keeps both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from identity.match import match_people
from ingest.canonical import CONTENT_KEY_PREFIX, LEGACY_KEY_PREFIX, Canonical
from ingest.doubts import Doubt, settle
from ingest.progress import Step, no_step
from ingest.sql_files import sql_text
from store import WRITE_LOCK, backup, summary, transaction

ORDER_COLUMNS = (
    "source_order_id", "customer_id", "ordered_at", "currency", "amount", "discount", "shipping",
    "tax", "refunded_amount", "refunded_at", "status", "channel", "discount_code",
)
ORDER_ID_CHOICES = ("same", "separate")
KEY_PREFIXES = {"content": CONTENT_KEY_PREFIX, "legacy": LEGACY_KEY_PREFIX}


@dataclass(frozen=True)
class LoadCounts:
    import_id: int
    orders_new: int
    orders_updated: int
    orders_unchanged: int
    customers_new: int
    ambiguous_people: int
    customers_merged: int


def load(
    con: duckdb.DuckDBPyConnection,
    canonical: Canonical,
    *,
    file_name: str,
    sha256: str,
    source: str,
    options: dict,
    rows_read: int,
    rows_loaded: int,
    notes: list[tuple[str, str]],
    order_ids: str | None = None,
    accept_guesses: bool = False,
    step: Step = no_step,
) -> LoadCounts:
    """One transaction on a fresh cursor, under the process-wide write lock. ``notes`` gains the
    note of an order-lineage choice; raise UnsureImport (nothing written) on an unsettled one.
    ``step`` hears of each step as it starts, where the import may be stopped (ingest.progress):
    the database and its backups are then left as they were."""
    now = datetime.now()
    with WRITE_LOCK:
        lineage: int | None = 0
        step("lineage")
        if not canonical.orders.empty:
            lineage, chosen = order_lineage(con, canonical.orders, source, file_name, order_ids,
                                            accept_guesses)
            notes.extend(chosen)
        step("backup")
        # the file as it was, for the owner to go back to (store/backup.py)
        with backup.kept_if_written(con), transaction(con) as cur:
            import_id = cur.execute(
                sql_text("load_insert_import"),
                {
                    "file_name": file_name, "sha256": sha256, "source": source,
                    "file_kind": canonical.kind, "options": json.dumps(options, ensure_ascii=False),
                    "now": now,
                },
            ).fetchone()[0]
            step("match")
            matched = match_people(cur, canonical.people, source, import_id, file_name, now)
            changes = {"new": 0, "updated": 0, "unchanged": 0, "adopted": 0}
            step("orders")
            if not canonical.orders.empty:
                changes = load_orders(cur, canonical, matched.customer, source,
                                      import_id if lineage is None else lineage, import_id)
            if changes["adopted"]:
                notes.append(adopted_note(changes["adopted"]))
            rejects = canonical.rejects
            if not rejects.empty:
                cur.register("file_rejects", rejects)
                cur.execute(sql_text("load_insert_rejects"), {"import_id": import_id})
                cur.unregister("file_rejects")
            step("summary")
            summary.refresh(cur)  # matching may have merged people: everyone, from the orders
            cur.execute(
                sql_text("load_finish_import"),
                {
                    "import_id": import_id,
                    "rows_read": rows_read,
                    "rows_loaded": rows_loaded,
                    "rows_rejected": len(rejects),
                    "orders_new": changes["new"],
                    "orders_updated": changes["updated"],
                    "orders_unchanged": changes["unchanged"],
                    "customers_new": matched.created,
                    "messages": json.dumps([{"fr": fr, "en": en} for fr, en in notes],
                                           ensure_ascii=False),
                    "now": datetime.now(),
                },
            )
    return LoadCounts(import_id, changes["new"], changes["updated"], changes["unchanged"],
                      matched.created, matched.ambiguous, matched.merged)


def load_orders(
    cur: duckdb.DuckDBPyConnection,
    canonical: Canonical,
    customers: pd.Series,
    source: str,
    lineage: int,
    import_id: int,
) -> dict[str, int]:
    orders = canonical.orders.copy()
    orders["customer_id"] = customers.reindex(orders["person"]).to_numpy()
    staged = orders[list(ORDER_COLUMNS)]
    cur.register("staged_orders", staged)
    params = {"source": source, "lineage": lineage, "import_id": import_id}
    adopted = cur.execute(sql_text("load_adopt_legacy_orders"),
                          {"source": source, "lineage": lineage, **KEY_PREFIXES}).fetchone()[0]
    cur.execute(sql_text("load_classify_orders"), {"source": source, "lineage": lineage})
    cur.unregister("staged_orders")
    cur.execute(sql_text("load_insert_orders"), params)
    cur.execute(sql_text("load_update_orders"), {"import_id": import_id})
    if not canonical.lines.empty:
        cur.execute(sql_text("load_delete_lines"))
        cur.register("staged_lines", canonical.lines)
        cur.execute(sql_text("load_insert_lines"), params)
        cur.unregister("staged_lines")
    counts = cur.execute(sql_text("load_change_counts")).fetchall()
    cur.execute("drop table order_changes")
    found = {change: int(n) for change, n in counts}
    return {**{k: found.get(k, 0) for k in ("new", "updated", "unchanged")}, "adopted": adopted}


def adopted_note(adopted: int) -> tuple[str, str]:
    """The report's note on stored sales without an order number given their new key."""
    return (
        f"{adopted} ventes sans numéro de commande importées avant la mise à jour de Comptoir "
        "reconnues à leur jour et leur montant : mises à jour, pas ajoutées une seconde fois",
        f"{adopted} sales without an order number imported before Comptoir's update recognised "
        "by their day and amount: updated, not added a second time",
    )


def order_lineage(
    con: duckdb.DuckDBPyConnection,
    orders: pd.DataFrame,
    source: str,
    file_name: str,
    choice: str | None,
    accepted: bool,
) -> tuple[int | None, list[tuple[str, str]]]:
    """The stored lineage the file's orders continue (None: a new one, named after this import)
    and the note of the owner's choice; see the module docstring for the rule."""
    cur = con.cursor()
    try:
        cur.register("staged_orders", orders[["source_order_id", "ordered_at", "amount",
                                              "currency"]])
        met = cur.execute(sql_text("load_order_lineages"), {"source": source, **KEY_PREFIXES}
                          ).df()
    finally:
        cur.close()
    met = met[met["collided"] > 0]
    if met.empty:
        return 0, []
    agree = (met["agreeing"] * 2 >= met["collided"]) & (met["covered"] * 2 >= met["spanned"])
    if agree.any():
        return int(met[agree].sort_values("agreeing", ascending=False, kind="stable")
                   ["lineage"].iloc[0]), []
    if choice == "same":
        shared = met.sort_values("collided", ascending=False, kind="stable").iloc[0]
        return int(shared["lineage"]), [(
            f"{shared['collided']} numéros de commande déjà importés traités comme les mêmes "
            "commandes, mises à jour (--orders same)",
            f"{shared['collided']} order numbers already imported taken as the same orders, "
            "updated (--orders same)",
        )]
    separate = [(
        "commandes gardées à part de celles déjà importées sous les mêmes numéros "
        "(--orders separate)",
        "orders kept apart from those already imported under the same numbers "
        "(--orders separate)",
    )]
    if choice == "separate":
        return None, separate
    return None, settle(file_name, [collision_doubt(met)], accepted)


def collision_doubt(met: pd.DataFrame) -> Doubt:
    """The question asked when the file's order numbers meet stored orders it agrees with in no
    lineage: counts and up to three examples of the lineage it shares the most numbers with."""
    shared = met.sort_values("collided", ascending=False, kind="stable").iloc[0]
    collided, differ = int(shared["collided"]), int(shared["collided"] - shared["agreeing"])
    choose_fr = ("--orders separate les garde à part (choix retenu si vous acceptez), "
                 "--orders same en fait des mises à jour des mêmes commandes")
    choose_en = ("--orders separate keeps them apart (the choice taken if you accept), "
                 "--orders same makes them updates of the same orders")
    if differ:
        fr_examples = ", ".join(
            f"n° {e['number']} : {e['stored_day']:%d/%m/%Y} {fr_money(e['stored_amount'])} "
            f"enregistrée, {e['file_day']:%d/%m/%Y} {fr_money(e['file_amount'])} dans le fichier"
            for e in shared["examples"])
        en_examples = ", ".join(
            f"no. {e['number']}: {e['stored_day']:%Y-%m-%d} {e['stored_amount']:.2f} stored, "
            f"{e['file_day']:%Y-%m-%d} {e['file_amount']:.2f} in the file"
            for e in shared["examples"])
        return Doubt(
            "order_ids",
            f"{collided} numéros de commande du fichier sont déjà importés, dont {differ} avec une "
            f"autre date ou un autre montant ({fr_examples}) : une autre caisse ou un autre "
            f"fichier ? {choose_fr}",
            f"{collided} order numbers of the file are already imported, {differ} of them with "
            f"another date or amount ({en_examples}): another till or file? {choose_en}",
            "--orders",
        )
    missing = int(shared["spanned"] - shared["covered"])
    legacy = int(shared["legacy"])
    legacy_fr = (f" (dont {legacy} seulement par leur jour et leur montant : importées avant la "
                 "mise à jour de Comptoir)" if legacy else "")
    legacy_en = (f" ({legacy} of them only by their day and amount: imported before Comptoir's "
                 "update)" if legacy else "")
    return Doubt(
        "order_ids",
        f"{collided} ventes sans numéro de commande du fichier sont identiques à des ventes déjà "
        f"importées{legacy_fr}, mais {missing} autres ventes importées de la même période n'y "
        f"sont pas : une autre caisse ou un autre fichier ? {choose_fr}",
        f"{collided} sales without an order number in the file are identical to sales already "
        f"imported{legacy_en}, but {missing} other imported sales of the same period are not in "
        f"it: another till or file? {choose_en}",
        "--orders",
    )


def fr_money(amount: object) -> str:
    """12.5 -> '12,50' (the examples of a doubt, read by a French shop owner)."""
    return f"{amount:.2f}".replace(".", ",")
