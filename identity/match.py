"""One customer per real person: a file's people -> customer ids, creating customers as needed.

Strong identity keys: the platform's customer number, the email, the phone (E.164). A person takes
the customer of their strongest key already known; people of the same file who share a strong key
are one person (connected components over shared keys), so a till sale with only a phone joins the
web order with that phone and an email.

Name + postcode is weak: two Marie Martin in 69001 with different emails are two people. It joins
the records and customers carrying it only when they are compatible (at most one email and one
phone among them, see weak_attachments); otherwise people without a strong key get a customer of
their own, left for the owner to merge from the duplicates view.

A record can show two known customers to be one person (a customer-file row with the email of
a web customer and the phone of a till customer): they are merged in the import's transaction,
recorded like the owner's merges and undone the same way (bridged_customers).

A name alone (PrestaShop's 'J. DUPONT', WooCommerce Analytics' full name) is weaker still: it joins
records only when it designates one person (see name_attachments), so an orders file without
emails and its customers file give the same customers whichever is imported first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import numpy as np
import pandas as pd

from identity import decisions
from identity.sql_files import sql_text
from store.frames import fetch_frame

KEY_PRIORITY = ("platform_id", "email", "phone", "name_postcode")


@dataclass(frozen=True)
class Matched:
    customer: pd.Series  # customer id of each person, NA for people with no key at all
    created: int  # new customers
    ambiguous: int  # people whose name + postcode designated several customers
    merged: int  # known customers merged into another because a record showed them to be one


def identity_keys(cur: duckdb.DuckDBPyConnection, people: pd.DataFrame, source: str) -> pd.DataFrame:
    """Long table (person, kind, value, priority) of every key a person has.

    The name key sorts the normalised words of the name, so 'DUPONT Marie' and 'Marie Dupont'
    at 69001 are one key (computed in DuckDB: no Python loop over names).
    """
    platform = source + ":" + people["customer_id"].astype("str")
    names = people[["first_name", "last_name", "full_name", "postal_code"]]
    cur.register("people_names", names.assign(person=np.arange(len(people))))
    name_postcode = fetch_frame(cur, sql_text("match_name_keys"))["name_key"]
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
    kind, _ = pd.factorize(keys["kind"])
    value, values = pd.factorize(keys["value"])
    key_id = pd.factorize(kind.astype(np.int64) * len(values) + value)[0]  # per (kind, value)
    person = keys["person"].to_numpy()
    while True:
        per_key = pd.Series(label[person]).groupby(key_id).transform("min").to_numpy()
        new = label.copy()
        np.minimum.at(new, person, per_key)
        new = new[new]
        if np.array_equal(new, label):
            return label
        label = new


def weak_attachments(
    cur: duckdb.DuckDBPyConnection,
    people: pd.DataFrame,
    keys: pd.DataFrame,
    label: np.ndarray,
    matched: pd.Series,
    apart: pd.DataFrame,
    rows: np.ndarray,
    weight: np.ndarray,
) -> tuple[np.ndarray, pd.Series, int, pd.DataFrame]:
    """Join, through name + postcode, what cannot be two different people.

    Entities are the file's groups (or the known customer a group matched), the file's people
    without email, phone or platform id, and known customers carrying the key. All entities
    sharing a key are one person when they are compatible: at most one distinct email and one
    distinct phone among them, and no two known customers the owner kept apart. Several known
    customers joined that way are one person (the caller merges them: the till customer
    'Bastien NGUYEN 69003' and the web customer whose customer-file record gives that postcode).
    Otherwise the key is ambiguous: people with no strong key join the one known customer with
    that key and no email or phone (the same till customer as last time) if there is exactly
    one, or else form a group of their own (counted, for the owner to review).

    ``rows`` and ``weight``: each person's first row in the file and how many rows they stand
    for (match_people). Returns labels, matches, the number of such ambiguous rows, and the
    (person, customer_id) pairs of people whose entity was joined to known customers.
    """
    weak = keys[keys["kind"] == "name_postcode"]
    touches = pd.DataFrame({"person": pd.Series(dtype="int64"),
                            "customer_id": pd.Series(dtype="int64")})
    if weak.empty:
        return label, matched, 0, touches
    label, matched = label.copy(), matched.copy()
    cur.register("weak_keys", weak[["value"]].drop_duplicates())
    known = fetch_frame(cur, sql_text("match_weak_known"))
    cur.unregister("weak_keys")
    known_value = weak["value"].astype(object).isin(known["value"].astype(object)).to_numpy()
    weak = weak[shared_by_several(weak, label) | known_value]
    if weak.empty:
        return label, matched, 0, touches
    strong = keys[keys["kind"] != "name_postcode"]
    person_entity = entity_of_people(len(people), strong, label, matched, rows)
    edges = pd.concat([
        pd.DataFrame({"entity": person_entity[weak["person"].to_numpy()],
                      "value": weak["value"].to_numpy()}),
        pd.DataFrame({"entity": "c" + known["customer_id"].astype("str"), "value": known["value"]}),
    ]).drop_duplicates()
    accounts = known[["customer_id", "platform_ids"]].explode("platform_ids").dropna()
    attributes = pd.concat([
        pd.DataFrame({"entity": person_entity[strong["person"].to_numpy()],
                      "kind": strong["kind"].to_numpy(), "attribute": strong["value"].to_numpy()}),
        known.melt(id_vars=["customer_id"], value_vars=["email", "phone"], var_name="kind",
                   value_name="attribute").dropna(),
        pd.DataFrame({"customer_id": accounts["customer_id"], "kind": "platform_id",
                      "attribute": accounts["platform_ids"]}),
    ])
    attributes["entity"] = attributes["entity"].fillna(
        "c" + attributes["customer_id"].astype("Int64").astype("str"))
    attributes = account_kinds(attributes[["entity", "kind", "attribute"]])
    spread = edges.merge(attributes, on="entity").groupby(["value", "kind"])["attribute"].nunique()
    conflicting = set(spread[spread > 1].index.get_level_values("value"))
    conflicting |= kept_apart_values(edges, apart)
    sound = edges[~edges["value"].isin(conflicting)]
    entity_ids, entity_codes = np.unique(sound["entity"].to_numpy(), return_inverse=True)
    merged = components(pd.DataFrame({"person": entity_codes, "kind": "k",
                                      "value": sound["value"].to_numpy()}), len(entity_ids))
    joined = pd.DataFrame({"entity": entity_ids, "component": merged})
    joined["customer"] = joined["entity"].where(joined["entity"].str.startswith("c"))
    customer_of = joined.groupby("component")["customer"].min()
    people_component = pd.Series(person_entity).map(joined.set_index("entity")["component"])
    customer = people_component.map(customer_of).astype("string")
    found = customer.notna().to_numpy()
    matched[found] = customer[found].str[1:].astype("int64").to_numpy()
    linked = people_component.notna().to_numpy()
    first_person = pd.Series(np.arange(len(people)))[linked].groupby(
        people_component[linked].to_numpy()).transform("min").to_numpy()
    label[linked] = label[first_person]
    known_members = joined.dropna(subset=["customer"])
    touches = pd.DataFrame({"person": np.flatnonzero(linked),
                            "component": people_component[linked].to_numpy()}).merge(
        pd.DataFrame({"component": known_members["component"].to_numpy(),
                      "customer_id": known_members["customer"].str[1:].astype("int64").to_numpy()}),
        on="component")[["person", "customer_id"]]

    loose = weak[weak["value"].isin(conflicting) & ~np.isin(weak["person"], strong["person"])]
    if loose.empty:
        return label, matched, 0, touches
    bare = known[known["email"].isna() & known["phone"].isna()]
    bare = bare.groupby("value")["customer_id"].agg(["nunique", "first"])
    value = loose["value"]
    person = loose["person"].to_numpy()
    to_bare = (value.map(bare["nunique"]) == 1).fillna(False).to_numpy()
    matched[person[to_bare]] = value[to_bare].map(bare["first"]).to_numpy()
    alone = ~to_bare
    first = pd.Series(person[alone]).groupby(value.to_numpy()[alone]).transform("min")
    label[person[alone]] = first.to_numpy()
    return label, matched, int(weight[person[alone]].sum()), touches


def account_kinds(attributes: pd.DataFrame) -> pd.DataFrame:
    """Strong attributes that tell two people apart: e-mails, phones, and platform accounts of
    one platform and one form (two Etsy buyer numbers are two buyers, even when both ship to one
    name and postcode). Accounts of two platforms, or of two forms of one platform (Etsy's orders
    file gives buyer numbers, its items file buyer names), may be one person."""
    attributes = attributes[attributes["kind"].isin(["email", "phone", "platform_id"])].copy()
    account = (attributes["kind"] == "platform_id").to_numpy()
    value = attributes["attribute"][account].astype("str")
    platform = value.str.extract(r"^([^:]*):", expand=False).fillna("")
    form = np.where(value.str.fullmatch(r"[^:]*:[0-9]+"), ":number", ":name")
    attributes.loc[account, "kind"] = "platform_id:" + platform + form
    return attributes


def distinct_people(people: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The first row of each distinct person (rows alike in every column, blanks alike) in file
    order, and each row's person: exact codes, one factorize per column, no hashing."""
    code = np.zeros(len(people), dtype=np.int64)
    for name in people.columns:
        values, _ = pd.factorize(people[name])  # blank: -1
        code, _ = pd.factorize(code * (int(values.max(initial=-1)) + 2) + values + 1)
    _, rows = np.unique(code, return_index=True)  # codes count from 0 in order of first row
    return rows, code


def shared_by_several(weak: pd.DataFrame, label: np.ndarray) -> np.ndarray:
    """Which weak key rows carry a value that several of the file's groups carry: a value held
    by one group alone (most of them) can only join it to a known customer with that value."""
    value, _ = pd.factorize(weak["value"])
    group = label[weak["person"].to_numpy()].astype(np.int64)
    width = int(group.max()) + 1
    pairs = np.unique(value * width + group)  # each (value, group) once
    return np.bincount(pairs // width, minlength=value.max() + 1)[value] > 1


def kept_apart_values(edges: pd.DataFrame, apart: pd.DataFrame) -> set:
    """Name + postcode keys carried by two known customers the owner kept apart."""
    known = edges[edges["entity"].str.startswith("c")]
    known = pd.DataFrame({"value": known["value"].to_numpy(),
                          "customer_id": known["entity"].str[1:].astype("int64").to_numpy()})
    return holding_apart_pair(known, "value", apart)


def holding_apart_pair(members: pd.DataFrame, group: str, apart: pd.DataFrame) -> set:
    """Groups (``group`` column) whose customers include a pair the owner kept apart."""
    pairs = members.merge(members, on=group, suffixes=("_x", "_y"))
    pairs = pairs[pairs["customer_id_x"] < pairs["customer_id_y"]]
    hit = pairs.merge(apart, left_on=["customer_id_x", "customer_id_y"], right_on=["x", "y"])
    return set(hit[group])


def bridged_customers(touches: pd.DataFrame, apart: pd.DataFrame) -> pd.Series:
    """Known customers one person of the file shows to be one: merged id -> kept id.

    ``touches`` pairs each of the file's groups (label) with the known customers it reached,
    through a strong key (a customer-file record with the email of one customer and the phone of
    another) or a compatible name + postcode. Customers reached by one group, directly or through
    others, are one person, kept under the oldest id, unless the owner kept two of them apart.
    Importing the orders file before the customers file then gives the customers that the other
    order gives.
    """
    touches = touches.drop_duplicates()
    reached = touches.groupby("label")["customer_id"].transform("nunique") > 1
    touches = touches[reached.to_numpy()]
    if touches.empty:
        return pd.Series(dtype="int64")
    codes, ids = pd.factorize(touches["customer_id"])
    cluster = components(pd.DataFrame({"person": codes, "kind": "label",
                                       "value": touches["label"].astype("str").to_numpy()}),
                         len(ids))
    members = pd.DataFrame({"customer_id": ids.astype("int64"), "cluster": cluster})
    members = members[~members["cluster"].isin(holding_apart_pair(members, "cluster", apart))]
    kept = members.groupby("cluster")["customer_id"].transform("min")
    merged = members["customer_id"] != kept
    return pd.Series(kept[merged].to_numpy(), index=members.loc[merged, "customer_id"].to_numpy())


def entity_of_people(
    n: int, strong: pd.DataFrame, label: np.ndarray, matched: pd.Series, rows: np.ndarray
) -> np.ndarray:
    """'c<id>' for people whose group matched a known customer, 'g<label>' for other people with
    a strong key, 'p<index>' for people with none; labels and indexes written as the file's row
    positions (``rows``), whose order as text decides which entity a name key joins first."""
    group_customer = matched.groupby(label).transform("min")
    has_strong = np.zeros(n, dtype=bool)
    has_strong[strong["person"].to_numpy()] = True
    index = rows.astype("str")
    groups = np.char.add("g", rows[label].astype("str"))
    customers = ("c" + group_customer.astype("string")).fillna("").to_numpy(dtype=object)
    entity = np.where(has_strong, groups, np.char.add("p", index)).astype(object)
    return np.where(customers != "", customers, entity)


def name_attachments(
    cur: duckdb.DuckDBPyConnection,
    people: pd.DataFrame,
    keys: pd.DataFrame,
    label: np.ndarray,
    matched: pd.Series,
    rows: np.ndarray,
) -> tuple[np.ndarray, pd.Series, np.ndarray]:
    """Join, through a name alone, records that can only be one person.

    PrestaShop orders know a buyer as 'J. DUPONT', WooCommerce Analytics as 'Marie Dupont': no
    email, phone or postcode. Keys: the sorted words of a full name, and initial + last name.
    Entities: this file's people with no other key (one per distinct name), this file's other
    groups (as the known customer they matched, with what this file says of it), and the known
    customers carrying the key.
    A key joins its entities only when it designates one person: at most one known customer, at
    most one entity with an email, phone or customer number, at most one distinct first name
    (initials fit any) and at most one distinct postcode. So two records with different emails
    are never joined by name, 'M. DUPONT' stays apart when Marie and Michel Dupont are both
    known, and importing an orders file and its customers file in either order gives the same
    customers. A group of this file only joins a known customer that no other row of this file
    matched: two rows of one customer file are two people, and a name does not make them one.
    Only keys that a weakly identified carrier holds (a bare row of the file, or a known customer
    without email, phone or customer number) are looked at: the others join nothing.
    Groups are named by their label's row in the file (``rows``, as entity_of_people does).
    Returns the new labels and matches, and which people now have an identity (people known by
    name only).
    """
    n = len(people)
    keyed = np.zeros(n, dtype=bool)
    keyed[keys["person"].to_numpy()] = True
    strong = np.zeros(n, dtype=bool)
    strong[keys.loc[keys["kind"] != "name_postcode", "person"].to_numpy()] = True
    group_customer = matched.groupby(label).transform("min")
    named = np.zeros(n, dtype=bool)
    names = people[["first_name", "last_name", "postal_code"]]
    cur.register("name_people", names.assign(person=np.arange(n), strong=strong))
    found = fetch_frame(cur, sql_text("match_name_only_keys"))
    cur.unregister("name_people")
    named_rows = found["person"].to_numpy()  # customers other named rows of the file matched:
    in_file = ("c" + group_customer.iloc[named_rows[keyed[named_rows]]].dropna().astype("int64")
               .astype(str)).unique().astype(object)  # object isin: hashed, not per value
    found = found[found["relevant"].to_numpy()].reset_index(drop=True)
    if found.empty:
        return label, matched, named
    person = found["person"].to_numpy()
    bare = ~keyed[person]
    first_key = found["kind"] + ":" + found["value"]  # rows sorted: full name first
    own_name = first_key.groupby(found["person"]).transform("first")
    group = pd.Series(rows[label[person]], index=found.index).astype("str")
    customer = ("c" + group_customer.reindex(person).astype("string")).set_axis(found.index)
    found["entity"] = ("n" + own_name).where(bare, customer.fillna("g" + group))
    found["strong"] = strong[person]
    seeking = ~found["entity"].str.startswith("c")
    cur.register("name_keys", found.loc[seeking, ["kind", "value"]].drop_duplicates())
    known = fetch_frame(cur, sql_text("match_name_only_known"))
    cur.unregister("name_keys")
    known = known.assign(entity="c" + known["customer_id"].astype("str"), strong=known["is_strong"])
    columns = ["entity", "kind", "value", "given", "postal_code", "strong"]
    component = sound_components(pd.concat([found[columns], known[columns]], ignore_index=True))

    members = pd.DataFrame({"entity": component.index, "component": component.to_numpy()})
    target = members[members["entity"].str[0].isin(["c", "g"])].sort_values("entity")
    target = target.drop_duplicates("component").set_index("component")["entity"]
    label, matched = label.copy(), matched.copy()
    bare_people = found[bare].drop_duplicates("person")
    who = bare_people["person"].to_numpy()
    goes_to = bare_people["entity"].map(component).map(target).astype("str")
    to_customer = (goes_to.str[:1] == "c").to_numpy()
    matched[who[to_customer]] = goes_to[to_customer].str[1:].astype("int64").to_numpy()
    to_group = (goes_to.str[:1] == "g").to_numpy()
    label[who[to_group]] = np.searchsorted(rows, goes_to[to_group].str[1:].astype("int64"))
    alone = ~(to_customer | to_group)
    together = bare_people["entity"].map(component).to_numpy()[alone]
    label[who[alone]] = pd.Series(who[alone]).groupby(together).transform("min").to_numpy()
    named[who] = True

    groups = members[members["entity"].str.startswith("g")]
    goes_to = groups["component"].map(target).astype("str")
    group_label = pd.Series(np.searchsorted(rows, groups["entity"].str[1:].astype("int64")),
                            index=groups.index)
    claimed = ((goes_to.str[:1] == "c") & ~goes_to.astype(object).isin(in_file)).to_numpy()
    claimed_by = pd.Series(goes_to[claimed].str[1:].astype("int64").to_numpy(),
                           index=group_label[claimed].to_numpy())
    in_claimed = np.isin(label, claimed_by.index)
    matched[np.flatnonzero(in_claimed)] = claimed_by.reindex(label[in_claimed]).to_numpy()
    return label, matched, named


def sound_components(edges: pd.DataFrame) -> pd.Series:
    """Component of each entity, joined through the name keys that designate one person.

    A key is sound when its entities hold at most one known customer ('c…'), at most one
    strongly identified entity, at most one distinct first name and one distinct postcode; a
    component that still ends up with two known customers or two strong entities (through
    different keys) is undone.
    """
    edges = edges.assign(key=edges["kind"] + ":" + edges["value"])
    strong = edges.groupby("entity")["strong"].any()
    pairs = edges.drop_duplicates(["key", "entity"])
    pairs = pairs.assign(known=pairs["entity"].str.startswith("c"),
                         strong=pairs["entity"].map(strong))
    per_key = pd.DataFrame({
        "known": pairs[pairs["known"]].groupby("key")["entity"].nunique(),
        "strong": pairs[pairs["strong"]].groupby("key")["entity"].nunique(),
        "given": edges.groupby("key")["given"].nunique(),
        "postal_code": edges.groupby("key")["postal_code"].nunique(),
    }).fillna(0)
    sound = per_key.index[(per_key <= 1).all(axis=1)]
    codes, entities = pd.factorize(pairs["entity"])
    links = pairs.assign(person=codes)[pairs["key"].isin(sound).to_numpy()]
    component = pd.Series(components(links[["person", "kind", "value"]], len(entities)),
                          index=entities)
    counts = pd.DataFrame({"component": component,
                           "known": component.index.str.startswith("c"),
                           "strong": strong.reindex(component.index).to_numpy()})
    crowded = counts.groupby("component")[["known", "strong"]].sum().max(axis=1) > 1
    undone = component.map(crowded).to_numpy()
    return component.where(~undone, np.arange(len(component)) + len(component))


def match_people(
    cur: duckdb.DuckDBPyConnection,
    people: pd.DataFrame,
    source: str,
    import_id: int,
    file_name: str,
    now: datetime,
) -> Matched:
    """Customer id of each person (NA for people with no key at all) and what matching did.

    Runs inside the caller's transaction: merges known customers the file shows to be one person,
    inserts new customers and keys, fills blanks of known customers, records consent (e-mail
    consent and the suppression list; SMS and call flags in consent_channels).
    An orders file repeats its buyers: rows alike but for their date are matched once, as the
    person of their first row, and share that person's customer.
    """
    people = people.reset_index(drop=True)
    seen_at = people["seen_at"]
    rows, person_of_row = distinct_people(people.drop(columns="seen_at"))
    weight = np.bincount(person_of_row, minlength=len(rows))
    people = people.iloc[rows].reset_index(drop=True)
    cur.execute(sql_text("match_name_key_macro"))
    keys = identity_keys(cur, people, source)
    people, keys, settled = decisions.apply_decisions(cur, people, keys)
    strong = keys[keys["kind"] != "name_postcode"]
    cur.register("person_keys", strong)
    known = fetch_frame(cur, sql_text("match_known_keys"))
    cur.unregister("person_keys")
    best_known = known.sort_values(["person", "priority"]).drop_duplicates("person")
    matched = pd.Series(pd.NA, index=people.index, dtype="Int64")
    matched[best_known["person"].to_numpy()] = best_known["customer_id"].to_numpy()
    apart = fetch_frame(cur, sql_text("match_apart_pairs"))
    label, matched, ambiguous, weak_touches = weak_attachments(
        cur, people, keys, components(strong, len(people)), matched, apart, rows, weight)
    label, matched, named = name_attachments(cur, people, keys, label, matched, rows)
    touches = pd.concat([known[["person", "customer_id"]], weak_touches])
    bridges = bridged_customers(
        pd.DataFrame({"label": label[touches["person"].to_numpy()],
                      "customer_id": touches["customer_id"].to_numpy()}), apart)
    for merged, kept in bridges.sort_index().items():
        decisions.merge_steps(cur, int(kept), int(merged), now, "auto")
    label = pd.Series(label, index=people.index)
    group_known = matched.groupby(label).transform("min")
    customer = matched.fillna(group_known)
    customer[settled.index] = settled.to_numpy()
    customer = customer.replace(bridges.to_dict()).astype("Int64")
    has_key = pd.Series(False, index=people.index)
    has_key[keys["person"].unique()] = True
    has_key |= named
    needs_new = customer.isna() & has_key
    new_labels = pd.unique(label[needs_new])
    if len(new_labels):
        ids = fetch_frame(cur, sql_text("match_new_ids"), {"n": len(new_labels)})["id"]
        new_id = pd.Series(ids.to_numpy(), index=new_labels)
        customer = customer.fillna(label.map(new_id).astype("Int64").where(needs_new))
    people["customer"] = customer
    people["is_new"] = label.isin(new_labels) & needs_new
    people = people.iloc[person_of_row].reset_index(drop=True)  # every row again, for its date
    people["seen_at"] = pd.to_datetime(seen_at).astype("datetime64[us]").fillna(pd.Timestamp(now))
    people["file_row"] = np.arange(len(people))  # of rows as recent, the later one wins
    attached = people[people["customer"].notna()]
    cur.register("matched_people", attached)
    cur.execute(sql_text("match_insert_customers"), {"import_id": import_id})
    cur.execute(sql_text("match_update_customers"))
    strong = strong.assign(customer_id=customer.reindex(strong["person"]).to_numpy())
    cur.register("person_keys", strong)
    cur.execute(sql_text("match_insert_keys"), {"import_id": import_id})
    cur.execute(sql_text("match_insert_sightings"), {"import_id": import_id})
    stamp = {"file_name": file_name, "now": now}
    cur.execute(sql_text("match_suppressions"), stamp)
    cur.execute(sql_text("match_consent"), stamp)
    cur.execute(sql_text("match_apply_suppressions"))
    cur.execute(sql_text("match_channel_flags"), {"file_name": file_name, "import_id": import_id})
    cur.unregister("person_keys")
    cur.unregister("matched_people")
    return Matched(people["customer"], len(new_labels), ambiguous, len(bridges))
