"""A review, survey or ticket file's cells -> the rows of ``reviews``, ``survey_answers`` or
``tickets`` (migration 014), each with what may link it to a customer, and the rows rejected with
their line number and reason.

As for sales (ingest/canonical.py), values are parsed column by column and whatever the file
cannot settle is asked, never guessed silently: a "would you recommend" question whose answers
all lie between 0 and 5 may be asked on 1-5 or on 0-10 (``Doubt`` "scale", settled by
``--scale 5|10`` or the page's choice). A question's scale is read first from its own words
("sur 10", "de 1 à 5"), then from its answers. Review stars above 5 are a 10-point scale (a
Judge.me import of stars x 2), brought back to 5. A row keeps its file's own id, or a key made of
its parsed content where the file has none, so the same file imported twice adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import words
from ingest import parse
from ingest.canonical import (
    ParsedColumns, column, date_order_note, normalise_distinct, rejects_frame,
)
from ingest.doubts import Doubt
from ingest.errors import rejected
from ingest.read import EXCEL_ERRORS, RawTable
from ingest.sources.base import Source

SCALES = ("5", "10")
KINDS = ("reviews", "survey", "tickets")
# Google Forms writes "2023/03/15 10:23:45 AM GMT+1": the offset goes, the wall-clock time stays.
# ASCII classes only and no flags: pandas then runs it in Arrow (RE2), not per value (parse.py).
GMT_OFFSET = r" *(?:GMT|UTC|gmt|utc) *[+-] *[0-9]{1,2}(?::?[0-9]{2})? *$"
SCALE_IN_WORDS = (("10", r"\bsur 10\b|\b[01] (?:a|to) 10\b|\b10 points\b|\bout of 10\b"),
                  ("5", r"\bsur 5\b|\b[01] (?:a|to) 5\b|\b5 points\b|\bout of 5\b"))
# The answers a satisfaction question offers as words (Google Forms' choices), normalised.
SATISFACTION_WORDS = {
    "tres satisfait": 5, "tres satisfaite": 5, "satisfait": 4, "satisfaite": 4, "neutre": 3,
    "ni satisfait ni insatisfait": 3, "moyennement satisfait": 3, "peu satisfait": 2,
    "peu satisfaite": 2, "insatisfait": 2, "insatisfaite": 2, "pas satisfait": 2,
    "tres insatisfait": 1, "tres insatisfaite": 1, "pas du tout satisfait": 1,
    "very satisfied": 5, "satisfied": 4, "neutral": 3, "dissatisfied": 2, "unsatisfied": 2,
    "very dissatisfied": 1, "very unsatisfied": 1,
}
TICKET_STATUSES = (  # the first pattern a normalised status word matches gives its status
    (r"resolu|resolv|solved|traite|regle|done", "solved"),
    (r"ferme|clos|closed|termine|archiv", "closed"),
    (r"attente|pending|hold|waiting|suspend", "pending"),
    (r"ouvert|open|nouveau|new|en cours|progress|a traiter|todo", "open"),
)
HIDDEN_WORDS = ("spam", "trash", "corbeille", "supprime", "deleted", "rejected", "rejete",
                "refuse", "unapproved")
CONTENT_KEY_PREFIX = "contenu-"
KIND_COLUMNS = {
    "reviews": ("rating", "review_title", "review_body", "product", "replied_at"),
    "survey": ("nps_score", "recommend_5", "csat_score", "satisfaction_10", "comment"),
    "tickets": ("status", "reason", "resolved_at", "first_response_at", "one_touch"),
}


@dataclass
class AfterSaleRows:
    """What one after-sale file contributes, ready to be linked and loaded."""

    kind: str  # reviews, survey or tickets
    rows: pd.DataFrame  # row_key, at, email, order_ref, customer_ref, ref_guessed + KIND_COLUMNS
    rejects: pd.DataFrame
    skipped: int = 0
    date_order: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)


def build(table: RawTable, source: Source, mapping: dict[str, str], file_name: str,
          date_order: str | None = None, scale: str | None = None) -> AfterSaleRows:
    """The file's rows (see the module docstring). ``scale``: the owner's answer, '5' or '10',
    for the recommendation question."""
    kind = source.after_sale
    required(kind, mapping, file_name)
    values = ParsedColumns(table, mapping, file_name, date_order)
    rows = pd.DataFrame(index=table.frame.index)
    rows["row_number"] = table.row_numbers
    reasons = Reasons(rows.index)
    notes: list[tuple[str, str]] = []
    doubts: list[Doubt] = []
    main = dates(table, mapping, "feedback_date", date_order, source.date_order, reasons,
                 file_name)
    rows["at"] = main.values
    for name in ("resolved_at", "replied_at", "first_response_at"):
        if name in mapping:
            rows[name] = dates(table, mapping, name, main.order, None, None, file_name).values
    people(rows, values, mapping)
    if kind == "reviews":
        review_columns(rows, table, values, mapping, reasons, notes)
    elif kind == "survey":
        doubts += survey_columns(rows, table, values, mapping, scale, reasons, notes)
    else:
        ticket_columns(rows, table, values, mapping, notes)
    hidden = hidden_rows(values, mapping)
    reasons.flag(rows["at"].isna(), "aftersale_missing_date")
    keep = ~reasons.bad & ~hidden
    rows["row_key"] = row_keys(rows[keep], values, mapping).reindex(rows.index)
    again = rows["row_key"].duplicated() & keep  # one id twice: the first row stands
    if again.any():
        first = rows[keep].groupby("row_key")["row_number"].transform("first").reindex(rows.index)
        reasons.flag(again, "aftersale_same_id", row="")
        for lang, said in (("fr", reasons.fr), ("en", reasons.en)):
            before, _, after = words.text("aftersale_same_id", lang, row="\x00").partition("\x00")
            said[again] = before + first[again].astype("str") + after
    bad = reasons.bad & ~hidden
    rejects = rejects_frame(table, rows, bad, reasons.fr, reasons.en)
    good = rows[~bad & ~hidden]
    if hidden.any():
        notes.append(words.both("aftersale_hidden_rows", count=int(hidden.sum())))
    if good.empty:
        if rejects.empty:  # every row flagged as spam or deleted by the tool
            raise rejected(file_name, *words.both("aftersale_all_hidden", count=len(rows)))
        first_reject = rejects.iloc[0]
        raise rejected(file_name, *(
            words.text("aftersale_nothing_loaded", lang, count=len(rows) + len(table.rejects),
                       row=first_reject["row_number"], reason=first_reject[f"reason_{lang}"])
            for lang in words.LANGS))
    notes.insert(0, date_order_note(main.order, main.ambiguous, mapping["feedback_date"]))
    columns = ["row_key", "row_number", "at", "email", "order_ref", "customer_ref",
               "ref_guessed", *KIND_COLUMNS[kind]]
    return AfterSaleRows(kind, good.reindex(columns=columns).reset_index(drop=True), rejects,
                         int(hidden.sum()), main.order, notes, doubts)


class Reasons:
    """Why each row is rejected: the first reason given stays."""

    def __init__(self, index: pd.Index) -> None:
        self.bad = pd.Series(False, index=index)
        self.fr = pd.Series(pd.NA, index=index, dtype="str")
        self.en = pd.Series(pd.NA, index=index, dtype="str")

    def flag(self, mask: pd.Series, key: str, **values: object) -> None:
        fresh = mask & ~self.bad
        fr, en = words.both(key, **values)
        self.fr[fresh], self.en[fresh] = fr, en
        self.bad = self.bad | mask


def required(kind: str, mapping: dict[str, str], file_name: str) -> None:
    """Refuse, saying what to map, a file without the columns its kind cannot do without."""
    needed = {"reviews": ("rating",), "survey": ("nps_score", "csat_score"), "tickets": ()}[kind]
    if "feedback_date" not in mapping:
        raise rejected(file_name, *words.both("aftersale_no_date"))
    if needed and not any(name in mapping for name in needed):
        raise rejected(file_name, *words.both(f"aftersale_no_score_{kind}"))


def dates(table: RawTable, mapping: dict[str, str], name: str, requested: str | None,
          declared: str | None, reasons: Reasons | None,
          file_name: str) -> parse.ParsedDates:
    """A date column read in one day/month order; ``reasons`` (the main date only) gains its
    unreadable cells, and a column mostly unreadable refuses the file."""
    raw = column(table, mapping, name)
    raw = raw.mask(raw.isin(EXCEL_ERRORS)).str.replace(GMT_OFFSET, "", regex=True)
    order = None if requested == "serial" else requested
    result = parse.parse_dates(raw, order=order or declared)
    if order is None and declared is not None and result.invalid.any():
        result = parse.parse_dates(raw)  # a file saved again by a spreadsheet: its own order
    if reasons is not None:
        filled, invalid = int(raw.notna().sum()), int(result.invalid.sum())
        if filled and invalid * 2 > filled:
            raise rejected(file_name, *words.both(
                "import_not_dates", header=mapping[name], count=invalid, filled=filled,
                example=raw[result.invalid].iloc[0]))
        reasons.flag(result.invalid, "aftersale_unreadable_date", header=mapping[name])
    return result


def people(rows: pd.DataFrame, values: ParsedColumns, mapping: dict[str, str]) -> None:
    """The e-mail, order number and customer number a row gives; a hand-made sheet's "Client"
    is an e-mail when it has an @, else an order or customer number (ingest/aftersale_load.py
    tries both, and keeps it as the row's order number only if it is one: ``ref_guessed``)."""
    rows["email"] = values.get("email")
    rows["order_ref"] = values.get("order_id")
    rows["customer_ref"] = values.get("customer_id")
    rows["ref_guessed"] = False
    if "client_ref" in mapping:
        given = values.get("client_ref")
        is_email = given.str.contains("@", regex=False).fillna(False).astype(bool)
        email = parse.normalise_email(given.where(is_email)).values
        rows["email"] = rows["email"].fillna(email)
        rows["ref_guessed"] = rows["order_ref"].isna() & given.notna() & ~is_email
        rows["order_ref"] = rows["order_ref"].fillna(given.mask(is_email))
        rows["customer_ref"] = rows["customer_ref"].fillna(given.mask(is_email))
    for name in ("order_ref", "customer_ref"):
        rows[name] = rows[name].astype("str").str.strip()


def score(table: RawTable, mapping: dict[str, str], name: str) -> parse.Parsed:
    """A score column as numbers; satisfaction words ("Très satisfait") as their 1-5 value."""
    raw = column(table, mapping, name)
    raw = raw.mask(raw.isin(EXCEL_ERRORS))
    result = parse.parse_quantity(raw)
    if name != "csat_score" or not result.invalid.any():
        return result
    said = normalise_distinct(raw).map(SATISFACTION_WORDS).astype("float64")
    return parse.Parsed(result.values.fillna(said), result.invalid & said.isna())


def scale_in_words(header: str) -> str | None:
    text = parse.normalise_header(header)
    return next((scale for scale, pattern in SCALE_IN_WORDS if re.search(pattern, text)), None)


def review_columns(rows: pd.DataFrame, table: RawTable, values: ParsedColumns,
                   mapping: dict[str, str], reasons: Reasons,
                   notes: list[tuple[str, str]]) -> None:
    """Stars out of 5: a file whose stars go above 5 counts out of 10 and is halved."""
    stars = score(table, mapping, "rating")
    rating = stars.values
    reasons.flag(stars.invalid, "aftersale_unreadable_score", header=mapping["rating"])
    out_of_10 = scale_in_words(mapping["rating"]) == "10" or bool((rating > 5).any())
    if out_of_10:
        notes.append(words.both("aftersale_stars_out_of_10", header=mapping["rating"]))
        rating = rating / 2
    reasons.flag(rating.isna() & ~stars.invalid, "aftersale_missing_rating",
                 header=mapping["rating"])
    reasons.flag((rating < 1) | (rating > 5), "aftersale_score_out_of_scale",
                 header=mapping["rating"], scale="1–10" if out_of_10 else "1–5")
    rows["rating"] = rating.round(1)
    for name in ("review_title", "review_body", "product"):
        rows[name] = values.get(name)
    rows["replied_at"] = rows.get("replied_at", pd.Series(pd.NaT, index=rows.index))


def survey_columns(rows: pd.DataFrame, table: RawTable, values: ParsedColumns,
                   mapping: dict[str, str], scale: str | None, reasons: Reasons,
                   notes: list[tuple[str, str]]) -> list[Doubt]:
    """The recommendation answer as NPS (0-10) or on 1-5; satisfaction as CSAT (1-5) or on 10."""
    doubts: list[Doubt] = []
    for name in ("nps_score", "recommend_5", "csat_score", "satisfaction_10"):
        rows[name] = pd.Series(np.nan, index=rows.index)
    answered = pd.Series(False, index=rows.index)
    if "nps_score" in mapping:
        header = mapping["nps_score"]
        given = score(table, mapping, "nps_score")
        reasons.flag(given.invalid, "aftersale_unreadable_score", header=header)
        chosen = scale or scale_in_words(header)
        if chosen is None:
            chosen = "10" if (given.values > 5).any() else "5"
            if answered_up_to_5(given.values):
                doubts.append(scale_doubt(header))
        low = 0 if chosen == "10" else 1
        reasons.flag(out_of(given.values, low, int(chosen)), "aftersale_score_out_of_scale",
                     header=header, scale=f"{low}–{chosen}")
        rows["nps_score" if chosen == "10" else "recommend_5"] = given.values
        answered |= given.values.notna()
        notes.append(words.both(f"aftersale_recommend_scale_{chosen}", header=header))
    if "csat_score" in mapping:
        header = mapping["csat_score"]
        given = score(table, mapping, "csat_score")
        reasons.flag(given.invalid, "aftersale_unreadable_score", header=header)
        chosen = scale_in_words(header) or ("10" if (given.values > 5).any() else "5")
        low = 0 if chosen == "10" else 1
        reasons.flag(out_of(given.values, low, int(chosen)), "aftersale_score_out_of_scale",
                     header=header, scale=f"{low}–{chosen}")
        rows["csat_score" if chosen == "5" else "satisfaction_10"] = given.values
        answered |= given.values.notna()
        if chosen == "10":
            notes.append(words.both("aftersale_satisfaction_10", header=header))
    rows["comment"] = values.get("comment")
    answered |= rows["comment"].notna()
    reasons.flag(~answered, "aftersale_no_answer")
    return doubts


def answered_up_to_5(values: pd.Series) -> bool:
    """Answers that do not tell a 1-5 question from a 0-10 one: some, none above 5."""
    return bool(values.notna().any() and not (values > 5).any())


def scale_unsure(table: RawTable, source: Source, mapping: dict[str, str]) -> bool:
    """Whether importing this file will ask the recommendation question's scale: for the
    preview, which asks it before the import."""
    if source.after_sale != "survey" or "nps_score" not in mapping:
        return False
    if scale_in_words(mapping["nps_score"]) is not None:
        return False
    return answered_up_to_5(score(table, mapping, "nps_score").values)


def out_of(values: pd.Series, low: int, high: int) -> pd.Series:
    """Answers off the scale or not whole (a 7.5 is no answer to a 0-10 question)."""
    return values.notna() & ((values < low) | (values > high) | (values % 1 != 0))


def scale_doubt(header: str) -> Doubt:
    fr, en = words.both("aftersale_scale_doubt", header=header)
    return Doubt("scale", fr, en, "--scale 5|10")


def ticket_columns(rows: pd.DataFrame, table: RawTable, values: ParsedColumns,
                   mapping: dict[str, str], notes: list[tuple[str, str]]) -> None:
    """Status as open, pending, solved or closed; first response from its time or its delay;
    resolved at first contact where the file says so or counts one reply to a solved ticket."""
    rows["reason"] = values.get("reason")
    resolved = rows.get("resolved_at", pd.Series(pd.NaT, index=rows.index))
    rows["resolved_at"] = resolved
    status = pd.Series(np.where(resolved.notna(), "solved", "open"), index=rows.index)
    if "status" in mapping:
        said = normalise_distinct(values.get("status"))
        meant = pd.Series(pd.NA, index=rows.index, dtype="object")
        for pattern, meaning in reversed(TICKET_STATUSES):
            meant = meant.mask(said.fillna("").str.contains(pattern, regex=True), meaning)
        unknown = meant.isna() & said.notna() & (said != "")
        if unknown.any():
            shown = ", ".join(f"« {w} »" for w in values.get("status")[unknown].unique()[:5])
            notes.append(words.both("aftersale_unknown_status", count=int(unknown.sum()),
                                    words=shown))
        status = meant.fillna(status)
    rows["status"] = status
    first = rows.get("first_response_at", pd.Series(pd.NaT, index=rows.index))
    for name, unit in (("first_response_minutes", "min"), ("first_response_hours", "h")):
        if name in mapping:  # a delay the file leaves blank or writes otherwise stays unknown
            delay = pd.to_timedelta(delays(table, mapping, name), unit=unit)
            first = first.fillna(rows["at"] + delay)
    rows["first_response_at"] = first
    one_touch = pd.Series(pd.NA, index=rows.index, dtype="boolean")
    if "replies" in mapping:
        replies = delays(table, mapping, "replies")
        done = rows["status"].isin(["solved", "closed"])
        one_touch = one_touch.mask(done & replies.notna(), replies == 1)
    if "one_touch" in mapping:
        one_touch = values.get("one_touch").astype("boolean").fillna(one_touch)
    rows["one_touch"] = one_touch


def delays(table: RawTable, mapping: dict[str, str], name: str) -> pd.Series:
    """A count or delay column as numbers, NaN where unreadable: optional, never a reject."""
    return parse.parse_quantity(column(table, mapping, name)).values.astype("float64")


def hidden_rows(values: ParsedColumns, mapping: dict[str, str]) -> pd.Series:
    """Reviews the tool itself flags as spam or deleted: neither loaded nor rejected."""
    said = values.get("hidden")
    if "hidden" not in mapping:
        return pd.Series(False, index=said.index)
    text = normalise_distinct(said).fillna("")
    return text.isin(HIDDEN_WORDS)


def row_keys(rows: pd.DataFrame, values: ParsedColumns, mapping: dict[str, str]) -> pd.Series:
    """The file's own id, or for rows without one a key made of the row's parsed content (the
    nth of identical rows), the same whichever form of the file it comes from."""
    given = (values.get("feedback_id").reindex(rows.index).astype("str").str.strip()
             if "feedback_id" in mapping else pd.Series(pd.NA, index=rows.index, dtype="str"))
    missing = given.isna().to_numpy()
    if not missing.any():
        return given
    content = rows.loc[missing].drop(columns=["row_number"]).copy()
    content["at"] = content["at"].dt.floor("min")
    hashed = pd.Series(np.char.mod("%016x", pd.util.hash_pandas_object(
        content, index=False).to_numpy()), index=rows.index[missing])
    nth = hashed.groupby(hashed).cumcount().astype("str")
    return given.fillna(CONTENT_KEY_PREFIX + hashed + "-" + nth)
