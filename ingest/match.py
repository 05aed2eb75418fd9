"""One customer per real person: a file's people -> customer ids, creating customers as needed.

Identity keys, strongest first: the platform's customer number, the email, the phone (E.164), and
the weak name + postcode. A person takes the customer of their strongest key already known; people
of the same file who share any key are one person (connected components over shared keys), so a
till sale with only a phone joins the web order with that phone and an email.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import numpy as np
import pandas as pd

from ingest.sql_files import sql_text

KEY_PRIORITY = ("platform_id", "email", "phone", "name_postcode")


def identity_keys(cur: duckdb.DuckDBPyConnection, people: pd.DataFrame, source: str) -> pd.DataFrame:
    """Long table (person, kind, value, priority) of every key a person has.

    The name key sorts the normalised words of the name, so 'DUPONT Marie' and 'Marie Dupont'
    at 69001 are one key (computed in DuckDB: no Python loop over names).
    """
    platform = source + ":" + people["customer_id"].astype("str")
    names = people[["first_name", "last_name", "full_name", "postal_code"]]
    cur.register("people_names", names.assign(person=np.arange(len(people))))
    name_postcode = cur.execute(sql_text("match_name_keys")).df()["name_key"]
    cur.unregister("people_names")
    columns = {
        "platform_id": platform.where(people["customer_id"].notna()),
        "email": people["email"],
        "phone": people["phone"],
        "name_postcode": pd.Series(name_postcode.to_numpy(), index=people.index),
    }
    frames = []
    for priority, kind in enumerate(KEY_PRIORITY):
        values = columns[kind]
        present = values.notna()
        frames.append(pd.DataFrame({
            "person": people.index[present].to_numpy(),
            "kind": kind,
            "value": values[present].astype("str").to_numpy(),
            "priority": priority,
        }))
    return pd.concat(frames, ignore_index=True)


def components(keys: pd.DataFrame, n_people: int) -> np.ndarray:
    """Label of each person's group of people linked by shared keys (min-label propagation)."""
    label = np.arange(n_people)
    if keys.empty:
        return label
    key_id = pd.factorize(keys["kind"] + "\x1f" + keys["value"])[0]
    person = keys["person"].to_numpy()
    while True:
        per_key = pd.Series(label[person]).groupby(key_id).transform("min").to_numpy()
        new = label.copy()
        np.minimum.at(new, person, per_key)
        new = new[new]
        if np.array_equal(new, label):
            return label
        label = new


def match_people(
    cur: duckdb.DuckDBPyConnection,
    people: pd.DataFrame,
    source: str,
    import_id: int,
    file_name: str,
    now: datetime,
) -> tuple[pd.Series, int]:
    """Customer id of each person (NA for people with no key at all) and the number created.

    Runs inside the caller's transaction: inserts new customers and keys, fills blanks of known
    customers, records consent and the suppression list.
    """
    people = people.reset_index(drop=True)
    keys = identity_keys(cur, people, source)
    cur.register("person_keys", keys)
    known = cur.execute(sql_text("match_known_keys")).df()
    cur.unregister("person_keys")
    best_known = known.sort_values(["person", "priority"]).drop_duplicates("person")
    matched = pd.Series(pd.NA, index=people.index, dtype="Int64")
    matched[best_known["person"].to_numpy()] = best_known["customer_id"].to_numpy()
    label = pd.Series(components(keys, len(people)), index=people.index)
    group_known = matched.groupby(label).transform("min")
    customer = matched.fillna(group_known)
    has_key = pd.Series(False, index=people.index)
    has_key[keys["person"].unique()] = True
    needs_new = customer.isna() & has_key
    new_labels = pd.unique(label[needs_new])
    if len(new_labels):
        ids = cur.execute(sql_text("match_new_ids"), {"n": len(new_labels)}).df()["id"]
        new_id = pd.Series(ids.to_numpy(), index=new_labels)
        customer = customer.fillna(label.map(new_id).astype("Int64").where(needs_new))
    people["customer"] = customer
    people["is_new"] = label.isin(new_labels) & needs_new
    people["seen_at"] = pd.to_datetime(people["seen_at"]).astype("datetime64[us]").fillna(pd.Timestamp(now))
    people["consent_rank"] = np.arange(len(people))
    attached = people[people["customer"].notna()]
    cur.register("matched_people", attached)
    cur.execute(sql_text("match_insert_customers"), {"import_id": import_id})
    cur.execute(sql_text("match_update_customers"))
    keys["customer_id"] = customer.reindex(keys["person"]).to_numpy()
    cur.register("person_keys", keys)
    cur.execute(sql_text("match_insert_keys"), {"import_id": import_id})
    stamp = {"file_name": file_name, "now": now}
    cur.execute(sql_text("match_suppressions"), stamp)
    cur.execute(sql_text("match_consent"), stamp)
    cur.execute(sql_text("match_apply_suppressions"))
    cur.unregister("person_keys")
    cur.unregister("matched_people")
    return customer, len(new_labels)
