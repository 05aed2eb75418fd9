"""A mapped table of text cells -> the canonical rows: people, orders, order lines, rejects.

Values are parsed column by column (vectorised); rows are grouped into orders by order number
(line-item files) or taken one order per row. An order loads whole or not at all: a bad cell in
one of its rows rejects all of its rows, each with its row number and the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import words
from ingest import currency, parse
from ingest.channels import CHANNELS
from ingest.doubts import Doubt
from ingest.errors import rejected
from ingest.fields import FIELD_BY_NAME, IDENTITY_FIELDS, ORDER_VALUE_FIELDS
from ingest.packed_cells import cell_rows, header_cells, pack
from ingest.read import EXCEL_ERRORS, RawTable, empty_rejects
from ingest.sources.base import Source, status_by_meaning

INVALID_SHARE_FOR_FILE_REJECT = 0.5
STRICT_KINDS = ("money", "quantity", "date")  # an error cell there rejects its row
# Order dates outside this range are placeholders (31/12/9999, Excel's day 0, the Unix epoch):
# loaded, one of them would move "the latest week" of every dashboard to the year 9999.
# A workbook's own number is an amount when its cents fit the digits a text amount may have
# (parse.MAX_DIGITS): past that, as 1e20 or an overflow to infinity, the row is rejected.
MAX_TYPED_AMOUNT = 10.0 ** (parse.MAX_DIGITS - 2)
PLAUSIBLE_ORDER_DATES = (pd.Timestamp("1980-01-01"), pd.Timestamp("2099-12-31 23:59:59"))
ORDER_FIELDS = (
    "order_id", "order_date", "order_total", "line_amount", "unit_price", "quantity", "product",
    "sku", "status", "refunded_amount", "discount", "shipping", "tax", "currency", "channel",
    "cancelled_at", "refunded_at", "discount_code",
)
# Columns that only a sales file has: two of them and no date is a sales file misread.
SALE_LINE_FIELDS = ("quantity", "unit_price", "product", "sku")
# What differs from line to line of an order: not needed among the order's first values.
LINE_ONLY_COLUMNS = ("order_key", "row_number", "product", "sku", "quantity", "unit_price",
                     "line_amount", "discount")
# What a row without an order number is recognised by in any form of the file (the workbook or its
# CSV copy give other cells, the same values): its parsed sale and buyer, the date to the day (a
# CSV copy may show no time); not its status or refund, which a later version of the file changes.
CONTENT_KEY_FIELDS = ("order_date", "order_total", "line_amount", "unit_price", "quantity",
                      "discount", "shipping", "tax", "currency", "channel", "product", "sku",
                      "email", "phone", "first_name", "last_name", "full_name", "postal_code",
                      "city", "country", "customer_id")
# The key of such a row starts with CONTENT_KEY_PREFIX; before content keys it was a hash of the
# row's raw cell text starting with LEGACY_KEY_PREFIX, which databases filled then still hold
# (ingest/load.py recognises those orders by their day and amount and gives them the new key).
CONTENT_KEY_PREFIX = "contenu-"
LEGACY_KEY_PREFIX = "ligne-"


@dataclass
class Canonical:
    """What one file contributes, ready for matching and loading."""

    kind: str  # 'orders', 'customers' or 'both'
    people: pd.DataFrame  # one row per order (orders files) or per row (customer files)
    orders: pd.DataFrame
    lines: pd.DataFrame
    rejects: pd.DataFrame
    date_order: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0  # rows the platform says are not sales: neither loaded nor rejected
    doubts: list[Doubt] = field(default_factory=list)  # values guessed with low confidence


def column(table: RawTable, mapping: dict[str, str], name: str) -> pd.Series | None:
    header = mapping.get(name)
    if header is None:
        return None
    return header_cells(table, header)


def build(
    table: RawTable,
    source: Source,
    mapping: dict[str, str],
    file_name: str,
    date_order: str | None = None,
    statuses: tuple[tuple[str, str], ...] = (),
    decimal_mark: str | None = None,
) -> Canonical:
    """The file's canonical rows. Consumes ``table.frame``: its cells are packed while values
    are parsed, and freed (left empty) once the rejects have theirs, before orders are shaped,
    which would otherwise hold both (the import's peak memory). ``statuses`` are the owner's
    (status word, status) pairs."""
    owner_statuses = {parse.normalise_header(word): status for word, status in statuses}
    has_orders = "order_date" in mapping and any(f in mapping for f in ORDER_VALUE_FIELDS)
    has_identity = any(f in mapping for f in IDENTITY_FIELDS)
    if "order_date" in mapping and not any(f in mapping for f in ORDER_VALUE_FIELDS):
        raise rejected(
            file_name,
            "une colonne de date est reconnue mais aucune colonne de montant (Montant, Total, "
            "Prix…). Indiquez quelle colonne contient le montant dans la correspondance.",
            "a date column was found but no amount column (Amount, Total, Price…). Say which "
            "column holds the amount in the mapping.",
        )
    sales_columns = [mapping[f] for f in SALE_LINE_FIELDS if f in mapping]
    if "order_date" not in mapping and len(sales_columns) >= 2:
        raise rejected(  # loaded as a customer file, its sales would silently be lost
            file_name,
            f"les colonnes {', '.join(sales_columns)} ressemblent à des ventes, mais aucune date "
            "de vente n'est reconnue : indiquez la colonne de date (--map \"COLONNE=order_date\" "
            "ou dans la correspondance).",
            f"columns {', '.join(sales_columns)} look like sales, but no sale date was "
            "recognised: say which column holds the date (--map \"COLUMN=order_date\" or in the "
            "mapping).",
        )
    if not has_orders and not has_identity:
        raise rejected(
            file_name,
            "aucune colonne n'est reconnue (ni date et montant de vente, ni e-mail, téléphone ou "
            "nom de client). Indiquez ce que contient chaque colonne dans la correspondance.",
            "no column was recognised (neither sale date and amount, nor customer email, phone or "
            "name). Say what each column holds in the mapping.",
        )
    pack(table)
    values = ParsedColumns(table, mapping, file_name, date_order, source.date_order, decimal_mark)
    notes: list[tuple[str, str]] = []
    rows = pd.DataFrame(index=table.frame.index)
    rows["row_number"] = table.row_numbers
    bad = pd.Series(False, index=rows.index)
    skipped = pd.Series(False, index=rows.index)
    reasons_fr = pd.Series(pd.NA, index=rows.index, dtype="str")
    reasons_en = pd.Series(pd.NA, index=rows.index, dtype="str")

    def flag(mask: pd.Series, fr: str, en: str) -> None:
        nonlocal bad
        fresh = mask & ~bad & ~skipped  # a skipped row keeps the platform's reason
        reasons_fr[fresh] = fr
        reasons_en[fresh] = en
        bad = bad | mask

    for name in ("email", "phone", "first_name", "last_name", "full_name", "postal_code", "city",
                 "country", "customer_id", "opt_in", "sms_opt_in", "call_opt_in", "signup_date"):
        rows[name] = values.get(name)
    for name in ("email", "phone"):
        if values.invalid(name).any():
            count = int(values.invalid(name).sum())
            notes.append(words.both(f"import_unreadable_{name}", count=count))
    for name in mapping:  # an Excel error (#DIV/0!) is no value: never a blank, never a 0
        if FIELD_BY_NAME[name].kind in STRICT_KINDS and (has_orders or name == "signup_date"):
            for error, cells in values.errors(name):
                flag(cells, f"{error} dans « {mapping[name]} »", f"{error} in “{mapping[name]}”")
    if has_orders:
        amounts = [f for f in ORDER_VALUE_FIELDS if f in mapping]
        if len(table.frame) and all(values.get(f).isna().all() for f in amounts):
            label = mapping[amounts[0]]
            raise rejected(
                file_name,
                f"la colonne « {label} » est vide sur toutes les lignes (des formules jamais "
                "calculées ?). Ouvrez le fichier dans Excel et enregistrez-le, ou choisissez la "
                "colonne du montant dans la correspondance.",
                f"column “{label}” is empty on every row (formulas never calculated?). Open the "
                "file in Excel and save it, or choose the amount column in the mapping.",
            )
        for name in ORDER_FIELDS:
            rows[name] = values.get(name)
        for name in ("order_total", "line_amount", "unit_price", "quantity", "refunded_amount",
                     "discount", "shipping", "tax"):
            invalid = values.invalid(name)
            if invalid.any():
                label = mapping[name]
                flag(invalid, f"« {label} » illisible", f"“{label}” unreadable")
    if source.transform is not None:
        for name, header in (source.extras(table.headers) if source.extras else {}).items():
            rows[name] = column(table, {name: header}, name)
        rows = source.transform(rows)
        mapping = {**mapping, **{name: mapping.get(name, name) for name in ORDER_FIELDS
                                 if name in rows and rows[name].notna().any()}}
        if "reject_fr" in rows:
            refused = rows["reject_fr"].notna() & ~bad
            reasons_fr[refused] = rows.loc[refused, "reject_fr"]
            reasons_en[refused] = rows.loc[refused, "reject_en"]
            bad = bad | refused
        if "skip_fr" in rows:  # not sales, says the platform: no part of any order, not rejected
            skipped = rows["skip_fr"].notna()
            reasons_fr[skipped] = rows.loc[skipped, "skip_fr"]
            reasons_en[skipped] = rows.loc[skipped, "skip_en"]
            notes += skip_notes(rows[skipped])
            if "order_id" in rows:
                rows["order_id"] = rows["order_id"].mask(skipped)
    if has_orders:
        rows["order_key"] = order_keys(rows)
        if "currency" not in mapping:  # after the keys: they were made without it
            rows["currency"], found = currency.from_amounts(
                currency.amount_cells(table, mapping), rows.index)
            notes += found
        group = rows.groupby("order_key", sort=False)
        rows["order_date"] = group["order_date"].transform("first")
        date_invalid = values.invalid("order_date")
        flag(rows["order_date"].isna() & date_invalid, "date illisible", "unreadable date")
        flag(rows["order_date"].isna(), "date manquante", "missing date")
        flag(~rows["order_date"].between(*PLAUSIBLE_ORDER_DATES),
             "date improbable (avant 1980 ou après 2099) : une date de remplacement ?",
             "implausible date (before 1980 or after 2099): a placeholder?")
        order_bad = bad.groupby(rows["order_key"]).transform("any")
        flag(order_bad & ~bad, "une autre ligne de la même commande est rejetée",
             "another row of the same order was rejected")
    elif "signup_date" in mapping:
        flag(values.invalid("signup_date"), "date d'inscription illisible",
             "unreadable sign-up date")
    if not has_orders:
        no_identity = rows[[c for c in ("email", "phone", "full_name", "last_name", "customer_id")
                            if c in rows]].isna().all(axis=1)
        flag(no_identity, "aucun e-mail, téléphone, nom ni n° client pour identifier la personne",
             "no email, phone, name or customer number to identify the person")
    bad = bad & ~skipped
    rejects = rejects_frame(table, rows, bad, reasons_fr, reasons_en)
    table.frame, table.packed = table.frame.iloc[:0], {}  # the raw cells are done with
    good = rows[~bad & ~skipped] if (bad | skipped).any() else rows  # (no copy of a clean file)
    if good.empty:
        first = (rejects if len(rejects) else pd.DataFrame(  # all rows skipped by the platform
            {"row_number": rows["row_number"], "reason_fr": reasons_fr, "reason_en": reasons_en}
        )).iloc[0]  # (rows is empty when the reader refused every row)
        raise rejected(
            file_name,
            f"aucune ligne n'a pu être importée ({len(rows) + len(table.rejects)} lignes "
            f"rejetées, par exemple ligne {first['row_number']} : {first['reason_fr']}). "
            "Vérifiez la correspondance des colonnes ou corrigez le fichier.",
            f"no row could be imported ({len(rows) + len(table.rejects)} rows rejected, e.g. "
            f"row {first['row_number']}: {first['reason_en']}). Check the column mapping or "
            "fix the file.",
        )
    if has_orders:
        orders, people, lines, doubts = shape_orders(good, source, mapping, owner_statuses)
        kind = "both" if mapping.keys() & {"opt_in", "sms_opt_in", "call_opt_in"} else "orders"
    else:
        people = people_frame(good)
        orders = pd.DataFrame()
        lines = pd.DataFrame()
        kind = "customers"
        doubts = []
    if values.date_note:
        notes.insert(0, values.date_note)
    return Canonical(kind, people, orders, lines, rejects, values.date_order, notes,
                     int(skipped.sum()), values.doubts + doubts)


class ParsedColumns:
    """Each mapped column parsed once by its kind; whole-column failures reject the file."""

    def __init__(
        self, table: RawTable, mapping: dict[str, str], file_name: str, date_order: str | None,
        declared_order: str | None = None, decimal_mark: str | None = None,
    ) -> None:
        self.table, self.mapping, self.file_name = table, mapping, file_name
        self.requested_order = date_order  # the owner's: it wins
        self.declared_order = declared_order  # the platform's: kept unless the dates disprove it
        self.decimal_mark = decimal_mark  # the owner's, for amounts like 1,234 nothing settles
        self.parsed: dict[str, parse.Parsed] = {}
        self.error_cells: dict[str, pd.Series] = {}
        self.date_order: str | None = None
        self.date_note: tuple[str, str] | None = None
        self.doubts: list[Doubt] = []
        self.absent: pd.Series | None = None

    def get(self, name: str) -> pd.Series:
        """The parsed column; every field the file lacks is one shared column of NA (a column
        of its own each, the fourteen a sales file lacks held 1.1 GB at 10M lines)."""
        if name not in self.mapping:
            if self.absent is None:
                self.absent = pd.Series(pd.NA, index=self.table.frame.index, dtype="object")
            return self.absent
        if name not in self.parsed:
            self.parsed[name] = self._parse(name)
        return self.parsed[name].values

    def invalid(self, name: str) -> pd.Series:
        if name not in self.mapping:
            return pd.Series(False, index=self.table.frame.index)
        self.get(name)
        return self.parsed[name].invalid

    def errors(self, name: str) -> list[tuple[str, pd.Series]]:
        """Each Excel error value the column holds, with the rows holding it."""
        self.get(name)
        found = self.error_cells.get(name)
        if found is None:
            return []
        return [(error, found == error) for error in found.dropna().unique()]

    def _typed(self, name: str) -> pd.Series | None:
        """The workbook's own numbers of the column (NaN elsewhere), row by row, if it has any."""
        numbers = self.table.numbers.get(self.table.headers.index(self.mapping[name]))
        if numbers is None:
            return None
        return pd.Series(numbers.reindex(self.table.row_numbers).to_numpy(),
                         index=self.table.frame.index)

    def _parse(self, name: str) -> parse.Parsed:
        raw = column(self.table, self.mapping, name)
        kind = FIELD_BY_NAME[name].kind
        errors = raw.isin(EXCEL_ERRORS)
        if errors.any():  # blank to the parsers; rows in STRICT_KINDS are rejected by build
            self.error_cells[name] = raw.where(errors)
            raw = raw.mask(errors)
        country = column(self.table, self.mapping, "country")
        if kind in ("phone", "postcode"):  # Wix writes "015224260416" in quotes to keep the 0
            raw = raw.str.strip('"')
        if kind == "money":
            typed = self._typed(name)
            if typed is None:
                result = self._parse_money(name, raw)
            else:  # the decimal-mark vote is over the text cells only
                text = self._parse_money(name, raw.mask(typed.notna()))
                fits = np.isfinite(typed) & (typed.abs() < MAX_TYPED_AMOUNT)
                result = parse.Parsed(text.values.fillna(typed.where(fits).round(2)),
                                      text.invalid | (typed.notna() & ~fits))
        elif kind == "quantity":
            result = parse.parse_quantity(raw)
        elif kind == "date":
            result = self._parse_dates(name, raw)
        elif kind == "time":
            result = parse.parse_times(raw)
        elif kind == "email":
            result = parse.normalise_email(raw)
        elif kind == "phone":
            result = parse.normalise_phone(raw, country)
        elif kind == "postcode":
            padded = parse.pad_postcode(raw, country)
            result = parse.Parsed(padded, pd.Series(False, index=raw.index))
        elif kind == "bool":
            result = parse.parse_bool(raw)
        else:
            result = parse.parse_text(raw)
        if kind in ("money", "date", "quantity"):
            self._reject_column_if_mostly_invalid(name, raw, result.invalid)
        return result

    def _parse_money(self, name: str, raw: pd.Series) -> parse.Parsed:
        """Amounts such as '1,234' that neither their column nor the owner settles take the
        decimal mark the file's other amounts show; failing that, the guess is a doubt."""
        result = parse.parse_money(raw, self.decimal_mark)
        if result.unsure is None:
            return result
        shown = {parse.parse_money(column(self.table, self.mapping, other)).decimal_mark
                 for other in self.mapping
                 if other != name and FIELD_BY_NAME[other].kind == "money"} - {None}
        if len(shown) == 1:
            return parse.parse_money(raw, shown.pop())
        self.doubts.append(decimal_mark_doubt(self.mapping[name], result.unsure))
        return result

    def _parse_dates(self, name: str, raw: pd.Series) -> parse.Parsed:
        if name != "order_date":
            result = parse.parse_dates(raw)
            return parse.Parsed(result.values, result.invalid)
        result, declared = self._order_dates(raw)
        values = result.values
        if "order_time" in self.mapping:
            values = parse.combine_date_time(values, self.get("order_time"))
        self.date_order = result.order
        self.date_note = date_order_note(result.order, result.ambiguous, self.mapping[name],
                                         declared)
        return parse.Parsed(values, result.invalid)

    def _order_dates(self, raw: pd.Series) -> tuple[parse.ParsedDates, str | None]:
        """(the order dates, the platform's order when the dates disproved it). The owner's
        order wins. A platform's order stands unless another order reads more dates: a file
        re-saved by French Excel has '15/03/2024 14:22' where PrestaShop wrote '2024-03-15'.
        When no date then proves the day/month order, the guess is a doubt."""
        declared = self.declared_order
        if self.requested_order is not None or declared is None:
            return parse.parse_dates(raw, order=self.requested_order), None
        result = parse.parse_dates(raw, order=declared)
        if not result.invalid.any():
            return result, None
        found = parse.parse_dates(raw, default_order="dmy" if declared == "ymd" else declared)
        if found.invalid.sum() >= result.invalid.sum():
            return result, None
        if found.ambiguous:
            self.doubts.append(date_order_doubt(self.mapping["order_date"], declared,
                                                found.order))
        return found, declared

    def _reject_column_if_mostly_invalid(self, name: str, raw: pd.Series, invalid: pd.Series) -> None:
        filled = int(raw.notna().sum())
        count = int(invalid.sum())
        if filled == 0 or count / filled <= INVALID_SHARE_FOR_FILE_REJECT:
            return
        example = raw[invalid].iloc[0]
        key = "import_not_dates" if FIELD_BY_NAME[name].kind == "date" else "import_not_numbers"
        raise rejected(self.file_name, *words.both(
            key, header=self.mapping[name], count=count, filled=filled, example=example))


def skip_notes(skipped: pd.DataFrame) -> list[tuple[str, str]]:
    """One note per reason a platform gave for rows that are not sales, with their count."""
    counts = skipped.groupby(["skip_fr", "skip_en"], sort=False).size()
    return [(words.text("import_skipped_rows", "fr", count=n, reason=fr),
             words.text("import_skipped_rows", "en", count=n, reason=en))
            for (fr, en), n in counts.items()]


DATE_ORDER_FR = {"dmy": "jour/mois/année", "mdy": "mois/jour/année", "ymd": "année-mois-jour",
                 "serial": "numéros de série Excel"}
DATE_ORDER_EN = {"dmy": "day/month/year", "mdy": "month/day/year", "ymd": "year-month-day",
                 "serial": "Excel serial numbers"}


def date_order_note(
    order: str, ambiguous: bool, header: str, declared: str | None = None
) -> tuple[str, str]:
    """What the report says of the order dates; `declared`: the platform's order they disproved."""
    fr = f"dates de « {header} » lues en {DATE_ORDER_FR.get(order, order)}"
    en = f"dates in “{header}” read as {DATE_ORDER_EN.get(order, order)}"
    if declared is not None:
        fr += (f" et non en {DATE_ORDER_FR[declared]} comme la plateforme les exporte (fichier "
               "réenregistré par un tableur ?)")
        en += (f", not {DATE_ORDER_EN[declared]} as the platform exports them (file saved "
               "again by a spreadsheet?)")
    if ambiguous:
        fr += " (aucune date ne permettait de trancher : vérifiez)"
        en += " (no date settled it: please check)"
    return fr, en


def date_order_doubt(header: str, declared: str, guessed: str) -> Doubt:
    """The question when dates contradict the platform's order and none proves day/month."""
    return Doubt(
        "date_order",
        f"les dates de « {header} » ne sont pas en {DATE_ORDER_FR[declared]} comme la plateforme "
        f"les exporte et aucune ne dit si le jour précède le mois : lues en "
        f"{DATE_ORDER_FR[guessed]}, précisez l'ordre des dates",
        f"the dates in “{header}” are not {DATE_ORDER_EN[declared]} as the platform exports them "
        f"and none tells whether the day comes before the month: read as "
        f"{DATE_ORDER_EN[guessed]}, say which order they are in",
        "--date-order dmy|mdy",
    )


def decimal_mark_doubt(header: str, example: str) -> Doubt:
    """The question when nothing in the file says whether '1,234' is 1234 or 1.234."""
    mark = "," if "," in example else "."
    return Doubt(
        "decimal_mark",
        f"rien dans le fichier ne dit si « {mark} » sépare les décimales ou les milliers dans "
        f"les montants de « {header} » comme « {example} » : lus comme décimales, précisez le "
        "séparateur décimal",
        f"nothing in the file tells whether “{mark}” separates decimals or thousands in the "
        f"amounts of “{header}” like “{example}”: read as decimals, say which is the decimal mark",
        "--decimal-mark ,|.",
    )


def order_keys(rows: pd.DataFrame) -> pd.Series:
    """The order number, or for rows without one a key made of the row's parsed content, so that
    the same file imported twice, or in another form, gives the same keys (and identical rows
    stay distinct: the nth of their kind)."""
    given = (rows["order_id"] if "order_id" in rows
             else pd.Series(pd.NA, index=rows.index, dtype="str"))
    missing = given.isna().to_numpy()
    if not missing.any():
        return given
    values = rows.loc[missing, [f for f in CONTENT_KEY_FIELDS if f in rows]].copy()
    values["order_date"] = values["order_date"].dt.floor("D")
    amounts = values.select_dtypes("float").columns
    values[amounts] = values[amounts].round(2)
    content = pd.util.hash_pandas_object(values, index=False)
    hashed = pd.Series(np.char.mod("%016x", content.to_numpy()), index=rows.index[missing])
    nth = hashed.groupby(hashed).cumcount().astype("str")
    return given.fillna(CONTENT_KEY_PREFIX + hashed + "-" + nth)


def shape_orders(
    rows: pd.DataFrame, source: Source, mapping: dict[str, str], owner: Mapping[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[Doubt]]:
    rows = rows.copy(deep=False)  # copy on write: the caller's frame keeps its columns
    if "quantity" in mapping:
        rows["quantity"] = rows["quantity"].fillna(1.0)
    if "line_amount" not in mapping and "unit_price" in mapping:
        qty = rows["quantity"] if "quantity" in mapping else 1.0
        rows["line_amount"] = (rows["unit_price"] * qty).round(2)
    group = rows.groupby("order_key", sort=False)
    first = group[[c for c in rows.columns if c not in LINE_ONLY_COLUMNS]].first()
    orders = pd.DataFrame(index=first.index)
    orders["ordered_at"] = first["order_date"]
    line_sum = (pd.to_numeric(group["line_amount"].sum(min_count=1))  # no amounts: object NAs
                if "line_amount" in rows else None)
    if "order_total" in mapping:
        orders["amount"] = first["order_total"]
        if line_sum is not None:
            orders["amount"] = orders["amount"].fillna(line_sum)
    else:
        orders["amount"] = line_sum
    orders["amount"] = orders["amount"].astype("float64").fillna(0.0).round(2)
    orders["discount"] = group["discount"].sum(min_count=1) if "discount" in mapping else np.nan
    for name in ("shipping", "tax", "refunded_amount"):
        orders[name] = first[name] if name in mapping else np.nan
    orders["refunded_amount"] = orders["refunded_amount"].astype("float64").fillna(0.0)
    orders["refunded_at"] = (
        pd.to_datetime(group["refunded_at"].max()).astype("datetime64[us]")
        if "refunded_at" in mapping
        else pd.Series(pd.NaT, index=first.index, dtype="datetime64[us]"))
    orders["discount_code"] = discount_codes(first) if "discount_code" in mapping else None
    orders["currency"] = first["currency"].str.upper()  # NA: the importer assumes the shop's
    orders["channel"] = channel_values(first, source)
    orders["status"], doubts = status_values(first, source, orders, owner)
    # a refund's date only on a refunded order (a date column may be filled on every row)
    orders["refunded_at"] = orders["refunded_at"].where(
        orders["status"].isin(["refunded", "partially_refunded"]))
    orders = orders.reset_index().rename(columns={"order_key": "source_order_id"})
    orders["person"] = np.arange(len(orders))
    people = people_frame(first.reset_index(drop=True), seen=orders["ordered_at"])
    lines = lines_frame(rows, mapping)
    return orders, people, lines, doubts


def discount_codes(first: pd.DataFrame) -> pd.Series:
    """The order's code (its first row's that has one), upper-case: the platforms take a code in
    any case (WooCommerce writes them lower-case), so « bienvenue10 » and « BIENVENUE10 » are
    one code to the cohorts by first code. Several codes stay as the file joins them."""
    return first["discount_code"].str.upper()


def normalise_distinct(values: pd.Series) -> pd.Series:
    """Normalise a column of few distinct words (statuses, channels) once per distinct value."""
    codes, uniques = pd.factorize(values)
    normalised = np.array([parse.normalise_header(str(u)) for u in uniques] + [None], dtype=object)
    return pd.Series(normalised[codes], index=values.index)


def channel_values(first: pd.DataFrame, source: Source) -> pd.Series:
    if "channel" not in first:
        return pd.Series(source.default_channel, index=first.index, dtype="object")
    text = normalise_distinct(first["channel"])
    return text.map(CHANNELS).fillna(source.default_channel)


def status_values(
    first: pd.DataFrame, source: Source, orders: pd.DataFrame, owner: Mapping[str, str]
) -> tuple[pd.Series, list[Doubt]]:
    """Canonical status from the status words, reconciled with the refunded amount. A word
    neither the owner (``owner``: normalised word -> status), the platform's table nor its
    meaning explains is no revenue until the owner says what it is: a doubt."""
    doubts: list[Doubt] = []
    if "status" in first:
        codes, uniques = pd.factorize(first["status"])
        normalised = pd.Series([parse.normalise_header(str(u)) for u in uniques], dtype="object")
        meant = normalised.map(owner).combine_first(normalised.map(source.statuses))
        meant = meant.combine_first(status_by_meaning(normalised))
        unknown = meant.isna() & (normalised != "")
        if unknown.any():
            doubts.append(unknown_status_doubt(uniques, np.bincount(codes[codes >= 0],
                                                                    minlength=len(uniques)),
                                               unknown.to_numpy()))
        meant = meant.mask(unknown, "pending").fillna("paid")
        status = pd.Series(np.append(meant.to_numpy(dtype=object), "paid")[codes],
                           index=first.index)
    else:
        status = pd.Series("paid", index=first.index)
    refunded, amount = orders["refunded_amount"], orders["amount"]
    if "cancelled_at" in first:
        status = status.mask(first["cancelled_at"].notna(), "cancelled")
    # Money paid back that no sale of the file carries (a credit note, UCI's "C" invoices): its
    # own row with a negative net amount, no order, that net revenue counts (view net_revenue).
    credit = status.isin(["paid", "partially_refunded", "refunded"]) & (amount < 0)
    status = status.mask(credit, "credit_note")
    orders.loc[credit, "refunded_amount"] = 0.0
    open_status = status.isin(["paid", "partially_refunded", "refunded"])
    status = status.mask(open_status & (refunded > 0) & (refunded >= amount), "refunded")
    status = status.mask(open_status & (refunded > 0) & (refunded < amount), "partially_refunded")
    full = (status == "refunded") & (refunded == 0)
    orders.loc[full, "refunded_amount"] = amount[full]
    return status, doubts


def unknown_status_doubt(
    status_words: pd.Index, counts: np.ndarray, unknown: np.ndarray
) -> Doubt:
    """The question about status words nothing explains, the most frequent first, with counts."""
    order = np.argsort(-counts[unknown], kind="stable")
    shown, many = status_words[unknown][order], counts[unknown][order]
    fr, en = (", ".join(words.text("import_status_word", lang, count=int(n), word=w)
                        for w, n in zip(shown[:5], many[:5])) for lang in words.LANGS)
    return Doubt(
        "status_words",
        words.text("import_status_unknown", "fr", words=fr),
        words.text("import_status_unknown", "en", words=en),
        f'--status "{shown[0]}=paid|cancelled|refunded|pending"',
    )


def people_frame(rows: pd.DataFrame, seen: pd.Series | None = None) -> pd.DataFrame:
    people = pd.DataFrame(index=rows.index)
    for name in ("email", "phone", "first_name", "last_name", "full_name", "postal_code", "city",
                 "country", "customer_id", "opt_in", "sms_opt_in", "call_opt_in"):
        people[name] = rows[name] if name in rows else pd.NA
    if "full_name" in rows:
        split_first, split_last = split_full_name(rows["full_name"].dropna())  # index-aligned
        people["first_name"] = people["first_name"].fillna(split_first)
        people["last_name"] = people["last_name"].fillna(split_last)
    signup = rows["signup_date"] if "signup_date" in rows else pd.Series(pd.NaT, index=rows.index)
    people["seen_at"] = seen.to_numpy() if seen is not None else signup.to_numpy()
    return people.reset_index(drop=True)


def split_full_name(full: pd.Series) -> tuple[pd.Series, pd.Series]:
    """'Marie Dupont' -> ('Marie', 'Dupont'); a single word is a last name."""
    parts = full.str.strip().str.extract(r"^(?:(?P<first>\S+)\s+)?(?P<last>.+)$")
    return parts["first"], parts["last"]


def lines_frame(rows: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    line_fields = ("product", "sku", "quantity", "unit_price", "line_amount")
    if not any(f in mapping for f in line_fields):
        return pd.DataFrame()
    lines = rows[["order_key", *(f for f in line_fields if f in rows)]].reset_index(drop=True)
    lines = lines.rename(columns={"order_key": "source_order_id"})  # (columns keep their arrays)
    for name in line_fields:
        if name not in lines:
            lines[name] = np.nan
    lines["line_number"] = lines.groupby("source_order_id", sort=False).cumcount() + 1
    return lines


def rejects_frame(
    table: RawTable, rows: pd.DataFrame, bad: pd.Series, fr: pd.Series, en: pd.Series
) -> pd.DataFrame:
    """Reader rejects plus rows refused here, with the row's cells as the user wrote them."""
    if not bad.any():
        return table.rejects
    raw = cell_rows(table, bad).fillna("").astype("str")
    joined = raw.iloc[:, 0]
    for name in raw.columns[1:]:
        joined = joined + (table.delimiter or ";") + raw[name]
    refused = pd.DataFrame({
        "row_number": rows.loc[bad, "row_number"].to_numpy(),
        "reason_fr": fr[bad].to_numpy(),
        "reason_en": en[bad].to_numpy(),
        "raw": joined.to_numpy(),
    })
    frames = [f for f in (table.rejects, refused) if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else empty_rejects()
