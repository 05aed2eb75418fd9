"""Bytes of a user's file -> a table of text cells, with the file's row number for each row.

Everything here is about the container, not the meaning: encoding, delimiter, the real header row
under title lines, ragged rows, the data sheet of a workbook, a totals row at the bottom. Values
stay text; `ingest.parse` gives them types. CSV goes through DuckDB's reader (fast, and its
rejects table tells which record was malformed); workbooks through python-calamine.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from defusedxml import ElementTree as DefusedET
from numpy.lib.stride_tricks import sliding_window_view
from python_calamine import CalamineWorkbook, PasswordError

from ingest import text_body
from ingest.doubts import Doubt
from ingest.errors import rejected
from ingest.fields import FIELDS, IDENTITY_FIELDS, ORDER_VALUE_FIELDS
from ingest.mapping import candidates
from ingest.parse import normalise_header, parse_money
from ingest.progress import Part, no_part
from ingest.sources import detect_source
from ingest.sql_files import sql_text

SAMPLE_ROWS = 40
DELIMITERS = (";", ",", "\t", "|")
TOTAL_WORDS = re.compile(r"^\s*(total|totaux|sous[- ]?total|somme|sum|grand total)\b", re.IGNORECASE)
DATE_LIKE = r"\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
LETTER = r"[A-Za-zÀ-ÿ]"
TOTALS_SAMPLE = 1_000  # data rows that show which columns hold letters and which are always filled
MAX_XLSX_UNCOMPRESSED = 1_000_000_000
MAX_XLSX_RATIO = 200
MAX_SHEET_CELLS = 25_000_000  # calamine allocates the sheet's whole rectangle, empty cells too
ARROW_BATCH_ROWS = 100_000
MAX_LINE_CHARS = 10_000_000  # as read_body.sql's max_line_size
# How far a delimited file's reading is (ingest/progress.py) once its encoding and header are
# found, once its body is written as UTF-8 for DuckDB (moving slice by slice in between), and once
# DuckDB has split every row: the 1M-line bench file's profile (bench/RESULTS.md).
HEADER_FOUND, WRITTEN, SPLIT = 0.09, 0.50, 0.85
csv.field_size_limit(MAX_LINE_CHARS)  # the sample parser's default (131,072) crashed on long cells
MARKUP = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:\?xml|!doctype|html|table|workbook)", re.IGNORECASE)
# é è à ç ô, then € ’ …: two patterns, as each one's leading byte is searched at memchr speed
UTF8_ACCENTS = (re.compile(rb"\xc3[\x80-\xbf]"), re.compile(rb"\xe2[\x80-\x82][\x80-\xbf]"))
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
ENCRYPTED = re.compile(  # an encrypted OOXML package, or a BIFF8 workbook whose BOF is followed by FILEPASS
    rb"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00"
    rb"|\x09\x08\x10\x00\x00\x06\x05\x00.{12}\x2f\x00",
    re.DOTALL,
)
SHEET_ML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# An error cell of a sheet's XML: <c r="E5" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c>
ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b(?=[^>]*\bt="e")[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*>'
    rb"(?:<(?:\w+:)?f[^>]*/>|<(?:\w+:)?f[^>]*>[^<]*</(?:\w+:)?f>)?<(?:\w+:)?v>([^<]*)</"
)
# Excel's error values: what a formula shows when it has none (a CSV export writes them as text)
EXCEL_ERRORS = ("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                "#CALC!", "#GETTING_DATA")
KNOWN_NAMES = frozenset(s for f in FIELDS for s in f.synonyms)  # header words of a known field
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)
LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "mac_roman")  # the first wins a tie
ENCODING_NAMES = {
    "cp1252": ("Windows-1252", "Windows-1252"),
    "iso8859_15": ("ISO-8859-15 (Latin-9)", "ISO-8859-15 (Latin-9)"),
    "mac_roman": ("Mac Roman (Excel pour Mac)", "Mac Roman (Excel for Mac)"),
}
ENCODING_NOTED = ("iso8859_15", "mac_roman")
CONTEXT_SAMPLE = 1 << 21  # bytes whose every non-ASCII byte is scored with its neighbours
ASCII_BYTES = bytes(range(0x80))
LOWER, UPPER, DIGIT, EDGE, NON_ASCII = range(5)  # kinds of neighbour of a non-ASCII byte
FRENCH_LETTERS = "àâçéèêëîïôùûüÿœæÀÂÇÉÈÊËÎÏÔÙÛÜŸŒÆ"
EUROPEAN_LETTERS = "áäãåíìñóòöõøúßÁÄÃÅÍÌÑÓÒÖÕØÚ"
ANYWHERE = "’\xa0"  # an apostrophe or a no-break space fits inside a word as well as outside
CURRENCIES = "€£"
SYMBOLS = "«»°‘“”…–—§²³·•×"


@dataclass
class RawTable:
    """A file's data rows as text, the header as written, and what reading decided."""

    frame: pd.DataFrame  # columns c0..cN, all text, NA for blank cells
    headers: list[str]  # the header cells as written in the file, one per column
    row_numbers: np.ndarray  # the file's row number (1 = first line/record) of each frame row
    rejects: pd.DataFrame  # row_number, reason_fr, reason_en, raw: rows the reader could not split
    header_row: int  # 1-based row of the header
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (fr, en) things decided
    doubts: list[Doubt] = field(default_factory=list)  # things guessed with low confidence
    # workbook columns (by position) whose numbers have decimals: those numbers as Excel stores
    # them, indexed by file row number (the text cells beside them may use a decimal comma)
    numbers: dict[int, pd.Series] = field(default_factory=dict)
    # columns of ``frame`` packed as Arrow dictionaries while they are parsed (ingest/packed_cells)
    packed: dict[str, pa.ChunkedArray] = field(default_factory=dict)


def empty_rejects() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row_number": pd.Series(dtype="int64"),
            "reason_fr": pd.Series(dtype="str"),
            "reason_en": pd.Series(dtype="str"),
            "raw": pd.Series(dtype="str"),
        }
    )


@dataclass(frozen=True)
class Encoded:
    """A delimited file's bytes as the reader takes them: its text is data[start:] in ``codec``.
    ``data`` is the file itself, or its UTF-8 copy when its encoding cannot be read a slice at a
    time (ingest.text_body.sliceable)."""

    data: bytes
    start: int  # past a byte-order mark
    codec: str
    name: str  # as the import records it
    doubts: list[Doubt]


def encoded(data: bytes, file_name: str, encoding: str | None = None) -> Encoded:
    """The owner's ``encoding`` if given, else UTF-8 (with or without BOM), UTF-16 (BOM or NUL
    pattern), otherwise the likeliest one-byte encoding; a byte the encoding lacks refuses the
    file, naming its line. UTF-8 and the one-byte encodings are checked a slice at a time, without
    the whole file's text (so a UTF-8 file is decoded twice: here, then as it is written)."""
    if encoding is not None:
        return _checked(data, 0, _known_encoding(encoding, file_name), encoding, file_name)
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data, 3, "utf-8", "utf-8-sig", file_name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data, 0, "utf-16", "utf-16", file_name)
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") > len(head) // 4:
        odd_nuls = head[1::2].count(b"\x00")
        encoding = "utf-16-le" if odd_nuls > head[0::2].count(b"\x00") else "utf-16-be"
        return _checked(data, 0, encoding, encoding, file_name)
    if b"\x00" in head:
        raise _not_text(file_name)
    invalid = text_body.first_invalid(data, "utf-8")
    if invalid is None:
        return Encoded(data, 0, "utf-8", "utf-8", [])
    if any(accent.search(data) for accent in UTF8_ACCENTS):  # UTF-8 accents elsewhere: as
        line = _line_of(data, invalid, "utf-8")  # cp1252 every é would become Ã© silently
        raise rejected(
            file_name,
            f"le fichier est en UTF-8 mais la ligne {line} contient des caractères d'un autre "
            "encodage (collés depuis un autre fichier ?). Corrigez cette ligne ou "
            "réenregistrez le fichier depuis Excel en « CSV UTF-8 ».",
            f"the file is UTF-8 but line {line} holds characters in another encoding (pasted "
            "from another file?). Fix that line or save the file again from Excel as "
            "“CSV UTF-8”.",
        )
    best, doubts = legacy_encoding(data, file_name)  # every byte of the file reads in it
    return Encoded(data, 0, best, best, doubts)


def _checked(data: bytes, start: int, codec: str, name: str, file_name: str) -> Encoded:
    """The file from ``start`` on, checked in ``codec``: kept when that encoding can be read a
    slice at a time, made UTF-8 whole otherwise."""
    if not text_body.sliceable(codec):
        return Encoded(_strict(data[start:], codec, file_name).encode("utf-8"), 0, "utf-8", name,
                       [])
    invalid = text_body.first_invalid(data, codec, start)
    if invalid is not None:
        raise _invalid_bytes(data, invalid, codec, file_name)
    return Encoded(data, start, codec, name, [])


def legacy_encoding(data: bytes, file_name: str) -> tuple[str, list[Doubt]]:
    """Encoding and doubt of a file that is not UTF-8: the most plausible of Windows-1252,
    Latin-9 and Mac Roman (latin-1 is never chosen: it reads € as a control character).

    A hand-made scoring rather than charset-normalizer, which called short French files
    mac_iceland, iso8859_10 or cp1257: each distinct (byte, left neighbour, right neighbour) of
    the file's non-ASCII bytes is read in every candidate and scored by how French or European
    the character is there (an accented letter inside a word, € beside a number, versus Ž ½ ¤ ‡
    inside a word). A tie goes to Windows-1252, the most common; a near tie is a doubt."""
    contexts = byte_contexts(data)
    scores = {enc: encoding_score(contexts, enc) for enc in LEGACY_ENCODINGS}
    ranked = sorted((enc for enc in scores if scores[enc] is not None),
                    key=lambda enc: -scores[enc])  # stable: cp1252 first on a tie
    if not ranked or (scores["cp1252"] is None and scores[ranked[0]] <= 0):
        raise _unreadable(data, file_name)
    best = ranked[0]
    rivals = [(enc, differing(contexts, best, enc)) for enc in ranked[1:]]
    doubts = [encoding_doubt(best, enc) for enc, apart in rivals
              if apart and 0 < scores[enc] and scores[best] - scores[enc] < apart][:1]
    return best, doubts


def byte_contexts(data: bytes) -> np.ndarray:
    """How often each non-ASCII byte stands between each kind of neighbour, as counts indexed
    [byte - 0x80, left, right]. Every occurrence in the file's first megabytes, and the first
    ones of any byte only found further on (one C-speed pass deletes the bytes already seen):
    a big file costs little more than a small one, and no byte of it escapes the scoring."""
    raw = np.frombuffer(data, dtype=np.uint8)
    at = np.flatnonzero(raw[:CONTEXT_SAMPLE] >= 0x80)
    seen = np.unique(raw[at]).tobytes()
    later = set(data.translate(None, ASCII_BYTES + seen))
    found = [first_positions(data, byte, CONTEXT_SAMPLE) for byte in later]
    at = np.concatenate([at, *found])
    left = np.where(at > 0, NEIGHBOUR[raw[np.maximum(at - 1, 0)]], EDGE)
    right = np.where(at + 1 < len(raw), NEIGHBOUR[raw[np.minimum(at + 1, len(raw) - 1)]], EDGE)
    cases = (raw[at].astype(np.int64) - 0x80) * 25 + left * 5 + right
    return np.bincount(cases, minlength=128 * 25).reshape(128, 5, 5)


def first_positions(data: bytes, byte: int, start: int, limit: int = 100) -> np.ndarray:
    """Where `byte` first occurs from `start` on, at most `limit` times."""
    positions = []
    at = data.find(bytes([byte]), start)
    while at >= 0 and len(positions) < limit:
        positions.append(at)
        at = data.find(bytes([byte]), at + 1)
    return np.array(positions, dtype=np.int64)


def _neighbour_kinds() -> np.ndarray:
    kinds = np.full(256, EDGE, dtype=np.int64)
    kinds[ord("a") : ord("z") + 1] = LOWER
    kinds[ord("A") : ord("Z") + 1] = UPPER
    kinds[ord("0") : ord("9") + 1] = DIGIT
    kinds[0x80:] = NON_ASCII
    return kinds


NEIGHBOUR = _neighbour_kinds()


def read_byte(byte: int, encoding: str) -> str | None:
    """The character one byte stands for in `encoding`; None if undefined or a control."""
    try:
        char = bytes([byte]).decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if unicodedata.category(char) == "Cc" else char


def plausibility(char: str, left: int, right: int) -> int:
    """How likely `char` is in French or European shop data between these neighbours."""
    letters = (LOWER, UPPER, NON_ASCII)
    inside = left in letters and right in letters
    if char in FRENCH_LETTERS or char in EUROPEAN_LETTERS:
        if left not in letters and right not in letters:
            return 1 if char in "àÀ" else -1  # a lone letter: only « à » is a French word
        if char.isupper() and left == LOWER:
            return -2  # "RenŽe", "LebÏuf": Mac Roman or Latin-9 read as Windows-1252
        if char.islower() and right == UPPER:
            return -1  # "ëLE": a capital after a small letter
        return 2 if char in FRENCH_LETTERS else 1
    if char in ANYWHERE:
        return 1
    if char in CURRENCIES:
        return -2 if inside else 2
    if char in SYMBOLS:
        return -2 if inside else 1
    return -2


def encoding_score(contexts: np.ndarray, encoding: str) -> int | None:
    """The file's plausibility read in `encoding`; None if a byte is undefined or a control."""
    score = 0
    for byte, left, right in zip(*np.nonzero(contexts)):
        char = read_byte(0x80 + int(byte), encoding)
        if char is None:
            return None
        score += int(contexts[byte, left, right]) * plausibility(char, int(left), int(right))
    return score


def differing(contexts: np.ndarray, first: str, second: str) -> int:
    """How many of the file's bytes the two encodings read as different characters."""
    bytes_seen = np.flatnonzero(contexts.sum(axis=(1, 2)))
    return sum(int(contexts[b].sum()) for b in bytes_seen
               if read_byte(0x80 + int(b), first) != read_byte(0x80 + int(b), second))


def encoding_doubt(chosen: str, other: str) -> Doubt:
    return Doubt(
        "encoding",
        f"encodage deviné : {ENCODING_NAMES[chosen][0]} (le fichier se lit presque aussi bien "
        f"en {ENCODING_NAMES[other][0]}) ; vérifiez les accents de l'aperçu",
        f"encoding guessed: {ENCODING_NAMES[chosen][1]} (the file reads almost as well as "
        f"{ENCODING_NAMES[other][1]}); check the accents in the preview",
        f"--encoding {other}",
    )


def encoding_note(encoding: str) -> list[tuple[str, str]]:
    """A note when the file is in an encoding Excel for Windows does not write: the owner should
    know the accents were read as such."""
    if encoding not in ENCODING_NOTED:
        return []
    fr, en = ENCODING_NAMES[encoding]
    return [(f"fichier lu en {fr}", f"file read as {en}")]


def _known_encoding(encoding: str, file_name: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise rejected(
            file_name,
            f"encodage « {encoding} » inconnu (par exemple utf-8, cp1252, mac_roman, iso8859_15).",
            f"unknown encoding “{encoding}” (for example utf-8, cp1252, mac_roman, iso8859_15).",
        ) from None


def _strict(data: bytes, encoding: str, file_name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _invalid_bytes(data, exc.start, encoding, file_name) from exc


def _invalid_bytes(data: bytes, position: int, encoding: str, file_name: str):
    line = _line_of(data, position, encoding)
    return rejected(
        file_name,
        f"le fichier annonce l'encodage {encoding} mais contient des octets invalides "
        f"(ligne {line}). Réenregistrez-le depuis Excel en « CSV UTF-8 ».",
        f"the file announces {encoding} but has invalid bytes (line {line}). "
        "Save it again from Excel as “CSV UTF-8”.",
    )


def _unreadable(data: bytes, file_name: str):
    """The file read in no candidate encoding: name the line of its first byte Windows-1252
    leaves undefined."""
    position = data.decode("cp1252", errors="replace").find("\ufffd")  # one byte, one character
    line = data[: max(position, 0)].count(b"\n") + 1
    return rejected(
        file_name,
        f"le fichier contient des octets illisibles (ligne {line}) : ce n'est ni de "
        "l'UTF-8 ni du Windows-1252. Réenregistrez-le depuis Excel en « CSV UTF-8 ».",
        f"the file has unreadable bytes (line {line}): it is neither UTF-8 nor "
        "Windows-1252. Save it again from Excel as “CSV UTF-8”.",
    )


def _not_text(file_name: str):
    return rejected(
        file_name,
        "ce n'est pas un fichier texte (CSV) ni un classeur Excel lisible. Exportez vos données "
        "en CSV ou en .xlsx puis réessayez.",
        "this is neither a text (CSV) file nor a readable Excel workbook. Export your data as "
        "CSV or .xlsx and try again.",
    )


def _no_data(file_name: str):
    return rejected(
        file_name,
        "le fichier n'a qu'une ligne d'en-tête et aucune donnée. Exportez une période qui "
        "contient des ventes ou des clients.",
        "the file has a header line and no data. Export a period that has sales or customers.",
    )


def _line_of(data: bytes, position: int, encoding: str) -> int:
    """The line (1-based) holding byte `position`: what a user can find in their file."""
    return data[:position].decode(encoding, errors="replace").count("\n") + 1


def first_line_cells(data: bytes) -> list[str]:
    """The first line's cells, read byte for byte (latin-1 never fails): enough to tell what a
    file is when its body cannot be decoded."""
    line = re.split(rb"[\r\n]", data[:65536], maxsplit=1)[0].decode("latin-1")
    line = line.removeprefix("\xef\xbb\xbf").replace("\x00", "")
    return next(csv.reader([line], delimiter=sniff_delimiter(line)), [])


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's lines into the most consistent, widest rows."""
    best, best_score = ";", (-1.0, 0)
    lines = sample.splitlines()[:SAMPLE_ROWS]
    for delim in DELIMITERS:  # line by line: an unclosed quote must not swallow the sample
        rows = [r for line in lines for r in csv.reader([line], delimiter=delim)
                if any(c.strip() for c in r)]
        widths = [len(r) for r in rows if len(r) > 1]
        if not widths:
            continue
        mode = max(set(widths), key=widths.count)
        score = (widths.count(mode) / len(rows), mode)
        if score > best_score:
            best, best_score = delim, score
    return best


def find_header(rows: list[list[str]]) -> int:
    """Index of the header row among the first rows (see `header_choice`)."""
    return header_choice(rows)[0]


def header_choice(rows: list[list[str]]) -> tuple[int, list[Doubt]]:
    """Index of the header, and a doubt when another row could be it.

    Candidates are rows as wide as the data below, made of words rather than values (title
    lines and blank rows above have one filled cell or none). The first candidate wins unless a
    later one has more cells the field synonyms recognise, at least two: a title block's address
    ("12 rue des Lilas;75011;Paris") is wordy too, "Commande;Date;Montant" is a header. When the
    runner-up has at least half as many recognised cells, the choice is a doubt."""
    filled = [sum(1 for c in r if str(c).strip()) for r in rows]
    if not filled or max(filled) == 0:
        return 0, []
    width = max(filled)
    wordy = [i for i, row in enumerate(rows) if filled[i] >= max(2, 0.5 * width) and is_wordy(row)]
    if not wordy:
        return next(i for i, n in enumerate(filled) if n), []  # never a blank row: no columns
    known = {i: recognised_cells(rows[i]) for i in wordy}
    first, best = wordy[0], max(wordy, key=lambda i: (known[i], -i))
    later_wins = known[best] >= 2 and known[best] > known[first]
    chosen, rival = (best, first) if later_wins else (first, best)
    if rival == chosen or known[rival] == 0 or 2 * known[rival] < known[chosen]:
        return chosen, []
    return chosen, [header_doubt(rows, chosen, rival)]


def is_wordy(row: list[str]) -> bool:
    """Whether most filled cells hold words rather than numbers, dates or amounts."""
    cells = [str(c).strip() for c in row if str(c).strip()]
    words = sum(1 for c in cells
                if re.search(r"[A-Za-zÀ-ÿ]", c) and not re.fullmatch(r"[\d\s.,:/€$+-]+", c))
    return words >= 0.6 * len(cells)


def recognised_cells(row: list[str]) -> int:
    """How many cells of a row the field synonyms recognise as a column name."""
    return len({header for *_, header in candidates([str(c) for c in row if str(c).strip()])})


def header_doubt(rows: list[list[str]], chosen: int, rival: int) -> Doubt:
    shown = {i: " ; ".join(str(c).strip() for c in rows[i] if str(c).strip())[:60]
             for i in (chosen, rival)}
    return Doubt(
        "header_row",
        f"en-tête deviné : ligne {chosen + 1} (« {shown[chosen]} »), mais la ligne {rival + 1} "
        f"(« {shown[rival]} ») pourrait l'être aussi",
        f"header guessed: row {chosen + 1} (“{shown[chosen]}”), but row {rival + 1} "
        f"(“{shown[rival]}”) could be it too",
        f"--header-row {rival + 1}",
    )


def chosen_header(header_row: int | None, rows: int, file_name: str) -> int | None:
    """The 0-based index of the owner's header row (1-based, among the first rows), if given."""
    if header_row is None:
        return None
    if not 1 <= header_row <= rows:
        raise rejected(
            file_name,
            f"la ligne d'en-tête doit être entre 1 et {rows} (demandée : {header_row}).",
            f"the header row must be between 1 and {rows} (asked: {header_row}).",
        )
    return header_row - 1


def dedupe_headers(headers: list[str]) -> list[str]:
    """Blank headers get a name, repeated ones a suffix, so every column stays addressable."""
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(headers):
        name = str(h).strip() or f"Colonne {i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def read_file(
    data: bytes,
    file_name: str,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    done: Part = no_part,
) -> RawTable:
    """Read any supported file into a RawTable, or raise FileRejected saying what to do.
    ``sheet``, ``encoding`` and ``header_row`` (1-based) are the owner's choices; None = detect.
    ``done`` hears how much of a delimited file's reading is done (a workbook's is one call)."""
    if not data or not data.strip():
        raise rejected(
            file_name,
            "le fichier est vide. Exportez-le à nouveau depuis votre logiciel.",
            "the file is empty. Export it again from your software.",
        )
    if data.startswith((b"PK\x03\x04", OLE_MAGIC)):  # by content, not by name: old shop software
        table = read_workbook(data, file_name, sheet, header_row)  # saves tab-separated text as .xls
    elif MARKUP.match(data[:512]):
        raise _not_text(file_name)
    else:
        table = read_delimited(data, file_name, encoding, header_row, done)
    table = drop_totals_row(excel_text_undone(table))
    if table.frame.empty and table.rejects.empty:
        raise _no_data(file_name)
    return table


def read_delimited(
    data: bytes, file_name: str, encoding: str | None = None, header_row: int | None = None,
    done: Part = no_part,
) -> RawTable:
    source = encoded(data, file_name, encoding)
    first = text_body.head(source.data, source.start, source.codec, SAMPLE_ROWS)
    controls = sum(1 for ch in first[:4096] if ord(ch) < 32 and ch not in "\n\t")
    if controls > 8:
        raise _not_text(file_name)
    sample = "\n".join(first.split("\n", SAMPLE_ROWS)[:SAMPLE_ROWS])
    delimiter = sniff_delimiter(sample)
    sample_rows = list(csv.reader(io.StringIO(sample), delimiter=delimiter))
    header_index = chosen_header(header_row, len(sample_rows), file_name)
    header_doubts: list[Doubt] = []
    if header_index is None:
        header_index, header_doubts = header_choice(sample_rows)
    if header_index >= len(sample_rows):
        raise _not_text(file_name)
    headers = dedupe_headers(sample_rows[header_index])
    lines_before = sum(1 + "".join(r).count("\n") for r in sample_rows[:header_index])
    header_lines = 1 + "".join(sample_rows[header_index]).count("\n")  # a quoted header can wrap
    body_start = text_body.after_line_breaks(source.data, source.start,
                                             lines_before + header_lines)
    body_end = text_body.end_without_line_breaks(source.data, body_start)
    done(HEADER_FOUND)
    with tempfile.TemporaryDirectory(prefix="comptoir-") as tmp:
        path = Path(tmp) / "body.csv"
        lines, filled = text_body.write_body(
            source.data, body_start, body_end, source.codec, path,
            delimiter * (len(headers) - 1),
            lambda share: done(WRITTEN if share >= 1 else
                               HEADER_FOUND + (WRITTEN - HEADER_FOUND) * share))
        if not filled:
            raise _no_data(file_name)
        frame, row_numbers, rejects = _duckdb_read(
            path, delimiter, headers, lines_before + 2,
            lambda rows: done(WRITTEN + (SPLIT - WRITTEN) * min(1.0, rows / lines)))
    table = RawTable(
        frame=frame,
        headers=headers,
        row_numbers=row_numbers,
        rejects=rejects,
        header_row=lines_before + 1,
        encoding=source.name,
        delimiter=delimiter,
        notes=encoding_note(source.name),
        doubts=source.doubts + header_doubts,
    )
    return drop_blank_rows(table)


def _duckdb_read(
    path: Path, delimiter: str, headers: list[str], first_row: int,
    split: Callable[[int], None],
) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame]:
    """Split the data rows with DuckDB; malformed records go to its rejects table, with their
    record number, and short rows are padded back (their missing trailing cells were blank).
    Cells stream out in Arrow batches, so DuckDB never holds a second copy of them all, and
    ``split`` hears the count of rows out after each batch."""
    names = [f"c{i}" for i in range(len(headers))]
    con = duckdb.connect()
    try:
        con.execute("set preserve_insertion_order = true")
        reader = con.sql(
            sql_text("read_body"),
            params={"path": str(path), "delim": delimiter,
                    "columns": {n: "varchar" for n in names}},
        ).to_arrow_reader(ARROW_BATCH_ROWS)
        batches, rows = [], 0
        for batch in reader:
            batches.append(batch)
            rows += batch.num_rows
            split(rows)
        frame = pa.Table.from_batches(batches, schema=reader.schema).to_pandas()
        del batches
        errors = con.execute(sql_text("read_body_rejects")).df()
    finally:
        con.close()
    frame.columns = names
    errors["line"] = errors["line"].astype("int64")
    short = errors[errors["error_type"] == "MISSING COLUMNS"]
    bad = errors[errors["error_type"] != "MISSING COLUMNS"]
    padded = _pad_short_rows(short, delimiter, names)
    total = len(frame) + len(padded) + len(bad)
    clean = np.ones(total, dtype=bool)  # records the reader split cleanly, in file order
    taken = np.concatenate([short["line"].to_numpy(), bad["line"].to_numpy()]) - 1
    clean[taken[taken < total]] = False  # (a quoted cell's line breaks shift DuckDB's count)
    numbers = np.flatnonzero(clean)[: len(frame)] + first_row
    if len(padded):
        frame = pd.concat([frame, padded], ignore_index=True)
        numbers = np.concatenate([numbers, short["line"].to_numpy() + first_row - 1])
        order = np.argsort(numbers, kind="stable")
        frame = frame.iloc[order].reset_index(drop=True)
        numbers = numbers[order]
        for name in names:
            frame[name] = frame[name].astype("str").str.strip().replace("", pd.NA)
    rejects = empty_rejects()
    if len(bad):
        reason_fr = bad["error_type"].map(_REASONS_FR).fillna("ligne illisible")
        reason_en = bad["error_type"].map(_REASONS_EN).fillna("unreadable row")
        rejects = pd.DataFrame(
            {
                "row_number": bad["line"].to_numpy() + first_row - 1,
                "reason_fr": reason_fr.to_numpy(),
                "reason_en": reason_en.to_numpy(),
                "raw": bad["csv_line"].astype("str").str.strip("\n").to_numpy(),
            }
        )
    return frame, numbers, rejects


_REASONS_FR = {
    "TOO MANY COLUMNS": "plus de cellules que d'en-têtes : un séparateur en trop, ou une valeur "
    "contenant le séparateur sans guillemets",
    "UNQUOTED VALUE": "guillemet non fermé : la suite du fichier ne peut pas être découpée",
    "INVALID ENCODING": "caractères illisibles",
    "LINE SIZE OVER MAXIMUM": "ligne trop longue",
}
_REASONS_EN = {
    "TOO MANY COLUMNS": "more cells than headers: an extra delimiter, or a value containing the "
    "delimiter without quotes",
    "UNQUOTED VALUE": "unterminated quote: the rest of the file cannot be split",
    "INVALID ENCODING": "unreadable characters",
    "LINE SIZE OVER MAXIMUM": "line too long",
}


def _pad_short_rows(short: pd.DataFrame, delimiter: str, names: list[str]) -> pd.DataFrame:
    """Rows with fewer cells than headers (trailing blanks left out by some tools), padded."""
    lines = short["csv_line"].astype("str").str.strip("\n").tolist()
    rows = list(csv.reader(lines, delimiter=delimiter))
    padded = pd.DataFrame([r + [None] * (len(names) - len(r)) for r in rows], columns=names)
    return padded.astype("str") if len(padded) else pd.DataFrame(columns=names, dtype="str")


def check_workbook_size(data: bytes, file_name: str) -> set[str]:
    """Refuse zip bombs before parsing: a small xlsx can inflate to gigabytes of XML, and one
    value in cell XFD1048576 makes calamine allocate a 17-billion-cell grid (the process dies).
    Returns the parts that hold error cells (t="e"), seen while their bytes are at hand."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            if total > MAX_XLSX_UNCOMPRESSED or total > MAX_XLSX_RATIO * max(len(data), 1):
                raise rejected(
                    file_name,
                    f"le classeur se décompresse en {total / 1e6:.0f} Mo, ce qui n'est pas "
                    "plausible pour des données : il est peut-être piégé. Exportez vos données "
                    "en CSV.",
                    f"the workbook inflates to {total / 1e6:.0f} MB, which is not plausible for "
                    "data: it may be booby-trapped. Export your data as CSV.",
                )
            extents, errors_in = [], set()
            for info in zf.infolist():
                xml = zf.read(info)
                extents.append(grid_extent(xml))
                if b't="e"' in xml:
                    errors_in.add(info.filename)
    except ZIP_ERRORS as exc:
        raise rejected(
            file_name,
            "le classeur est abîmé (archive illisible). Ouvrez-le dans Excel et enregistrez-le à "
            "nouveau.",
            "the workbook is damaged (unreadable archive). Open it in Excel and save it again.",
        ) from exc
    rows = max((r for r, _ in extents), default=0)
    columns = max((c for _, c in extents), default=0)
    if rows * max(columns, 1) > MAX_SHEET_CELLS:
        corner = f"{column_letters(columns)}{rows}"
        raise rejected(
            file_name,
            f"une feuille va jusqu'à la cellule {corner}, loin de tout tableau : la lire "
            f"demanderait {rows * columns // 1_000_000} millions de cellules. Dans Excel, "
            "supprimez les lignes et colonnes vides après vos données (Ctrl+Fin montre la "
            "dernière cellule) ou exportez vos données en CSV.",
            f"a sheet reaches cell {corner}, far from any table: reading it would take "
            f"{rows * columns // 1_000_000} million cells. In Excel, delete the empty "
            "rows and columns after your data (Ctrl+End shows the last cell) or export your data "
            "as CSV.",
        )
    return errors_in


def grid_extent(xml: bytes) -> tuple[int, int]:
    """The last row and column named by the ` r="B12"` references of rows and cells in a part of
    the workbook: the grid calamine will allocate. Vectorised over the bytes (a sheet holds
    millions of cells): each reference is read through a window of the bytes, never copied
    whole; references have at most 3 letters and 7 digits."""
    raw = np.frombuffer(xml + bytes(16), dtype=np.uint8)
    at = np.flatnonzero(raw[1 : len(xml) + 1] == 114) + 1  # each r, then those of ' r="'
    at = at[(raw[at - 1] == 32) & (raw[at + 1] == 61) & (raw[at + 2] == 34)] + 3
    if not len(at):
        return 0, 0
    letters = sliding_window_view(raw, 4)[at]
    letter_count = leading_run(letters, 65, 90)
    digits = sliding_window_view(raw, 8)[at + letter_count]
    digit_count = leading_run(digits, 48, 57)
    return (largest_number(digits, digit_count, 48, 10),
            largest_number(letters, letter_count, 64, 26))


def leading_run(chars: np.ndarray, low: int, high: int) -> np.ndarray:
    """How many bytes of each row, all but its last, run from the start within [low, high]."""
    inside = (chars >= low) & (chars <= high)
    inside[:, -1] = False
    return np.argmin(inside, axis=1)


def largest_number(chars: np.ndarray, lengths: np.ndarray, zero: int, base: int) -> int:
    """The largest number written by the rows' first ``lengths`` bytes, as digits of ``base``
    counted from the byte ``zero`` (0-9 from '0', A-Z as 1-26 from '@'). Every row is read, not
    only the longest: digits may start with zeros (« 00 » is shorter in value than « 1 »)."""
    value = np.zeros(len(chars), dtype=np.int64)
    for i in range(int(lengths.max())):
        value = np.where(i < lengths, value * base + chars[:, i] - zero, value)
    return int(value.max())


def column_letters(number: int) -> str:
    """Excel's name of the column with 1-based `number`: 1 -> A, 16384 -> XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@contextmanager
def calamine_errors(data: bytes, file_name: str) -> Iterator[None]:
    """calamine's failures as one plain message. Its Rust panics arrive as pyo3's
    PanicException, which derives from BaseException; and it reports an encrypted file as
    "cannot detect file format", so encryption is recognised here."""
    try:
        yield
    except BaseException as exc:
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        if isinstance(exc, PasswordError) or (data.startswith(OLE_MAGIC) and ENCRYPTED.search(data)):
            raise rejected(
                file_name,
                "le classeur est protégé par un mot de passe. Enregistrez-en une copie sans mot "
                "de passe (Fichier › Informations › Protéger) puis réessayez.",
                "the workbook is password-protected. Save a copy without a password and try "
                "again.",
            ) from exc
        raise _not_text(file_name) from exc


def read_workbook(
    data: bytes, file_name: str, sheet: str | None, header_row: int | None = None
) -> RawTable:
    errors_in: set[str] = set()
    if data.startswith(b"PK\x03\x04"):
        errors_in = check_workbook_size(data, file_name)
    with calamine_errors(data, file_name):
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
    if sheet is not None and sheet not in names:
        raise rejected(
            file_name,
            f"la feuille « {sheet} » n'existe pas (feuilles : {', '.join(names)}).",
            f"there is no sheet “{sheet}” (sheets: {', '.join(names)}).",
        )
    sheets = [_read_sheet(book, name, data, file_name) for name in ([sheet] if sheet else names)]
    chosen, plausible = choose_sheet(sheets) if sheets else (None, [])
    if chosen is None or chosen.size == 0:  # (a damaged workbook may list no sheet at all)
        raise rejected(
            file_name,
            "le classeur ne contient aucun tableau de données. Vérifiez que vous avez choisi le "
            "bon fichier.",
            "the workbook holds no data table. Check you chose the right file.",
        )
    rows = chosen.head
    header_index = chosen_header(header_row, min(chosen.height, SAMPLE_ROWS), file_name)
    upper, lower = chosen.header if header_index is None else header_rows(
        rows, chosen.merged, header_index)
    headers = dedupe_headers(two_row_headers(rows, chosen.merged, upper, lower))
    row_numbers = np.arange(lower + 2, chosen.height + 1, dtype="int64")
    frame = pd.DataFrame(index=pd.RangeIndex(len(row_numbers)))
    numbers: dict[int, pd.Series] = {}
    for i, column in enumerate(chosen.columns):  # (calamine's rows are as wide as the sheet)
        frame[f"c{i}"], typed = _cells_as_text(column[lower + 1 :], row_numbers)
        if typed is not None:
            numbers[i] = typed
    if errors_in:
        with calamine_errors(data, file_name):  # (a workbook.xml the XML parser refuses)
            if _sheet_part(data, chosen.name) in errors_in:
                _put_errors(frame, error_cells(data, chosen.name), lower + 1)
    table = RawTable(
        frame=frame,
        headers=headers,
        row_numbers=row_numbers,
        rejects=empty_rejects(),
        header_row=lower + 1,
        sheet=chosen.name,
        sheets=names,
        numbers=numbers,
    )
    if len(names) > 1 and sheet is None:
        table.notes.append(
            (
                f"feuille « {chosen.name} » choisie parmi {len(names)}",
                f"sheet “{chosen.name}” chosen among {len(names)}",
            )
        )
    if len(plausible) > 1:
        table.doubts.append(sheet_doubt(chosen.name, plausible))
    return drop_blank_rows(table)


@dataclass
class Sheet:
    """One sheet's cells and what its table looks like."""

    name: str
    head: list[list]  # the first rows, where the header is looked for
    height: int  # rows, blank ones included
    columns: list[pa.Array | list]  # each column's cells, see sheet_columns
    merged: list[tuple[tuple[int, int], tuple[int, int]]]  # ((row, col), (row, col)), 0-based
    size: int
    header: tuple[int, int]  # 0-based first and last row of the detected header
    headers: list[str]


def _read_sheet(book: CalamineWorkbook, name: str, data: bytes, file_name: str) -> Sheet:
    with calamine_errors(data, file_name):
        found = book.get_sheet_by_name(name)
        rows = found.to_python(skip_empty_area=False)
        merged = list(found.merged_cell_ranges or [])
    columns = sheet_columns(rows)
    head = rows[: SAMPLE_ROWS + 2]  # (a header found in the sample may have a row below it)
    size = table_size(columns)
    header = (0, 0)
    if size:
        found_at = find_header([[str(c) for c in r] for r in head[:SAMPLE_ROWS]])
        header = header_rows(head, merged, found_at)
    headers = two_row_headers(head, merged, *header) if size else []
    return Sheet(name, head, len(rows), columns, merged, size, header, headers)


def sheet_columns(rows: list[list]) -> list[pa.Array | list]:
    """A sheet's cells column by column: an Arrow text array where every cell is text (most
    columns: the cells are then cleaned by Arrow, never again one Python object at a time), else
    the list of calamine's values (numbers, dates, booleans)."""
    columns: list[pa.Array | list] = []
    for i in range(len(rows[0]) if rows else 0):  # calamine's rows are a rectangle
        values = [row[i] for row in rows]
        try:
            columns.append(pa.array(values, pa.string()))
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            columns.append(values)
    return columns


def choose_sheet(sheets: list[Sheet]) -> tuple[Sheet, list[str]]:
    """The sheet to import, and the names of those that look like sales or customers. A sheet
    whose columns are recognised beats a bigger one that is not (a product catalogue); among
    those, the biggest."""
    plausible = [s for s in sheets if s.size and looks_like_data(s.headers)]
    best = max(plausible or sheets, key=lambda s: s.size)  # (the first of equals)
    return best, [s.name for s in plausible]


def looks_like_data(headers: list[str]) -> bool:
    """Whether the columns the detected source maps hold sales (a date and an amount) or people."""
    source, _ = detect_source(headers)
    mapping = source.mapping(headers)
    sales = "order_date" in mapping and any(f in mapping for f in ORDER_VALUE_FIELDS)
    return sales or any(f in mapping for f in IDENTITY_FIELDS)


def sheet_doubt(chosen: str, plausible: list[str]) -> Doubt:
    shown_fr = ", ".join(f"« {n} »" for n in plausible)
    shown_en = ", ".join(f"“{n}”" for n in plausible)
    return Doubt(
        "sheet",
        f"plusieurs feuilles ressemblent à des ventes ou des clients ({shown_fr}) : la feuille "
        f"« {chosen} » a été prise, choisissez celle à importer",
        f"several sheets look like sales or customers ({shown_en}): sheet “{chosen}” was "
        "taken, choose the one to import",
        "--sheet",
    )


def header_rows(
    rows: list[list], merged: list[tuple[tuple[int, int], tuple[int, int]]], index: int
) -> tuple[int, int]:
    """The header's first and last row (0-based) around row `index`: two rows when a row of
    group titles merged over several columns ("Client" over Nom, E-mail, Téléphone) sits above
    the column names, whichever of the two the header search found."""
    if index > 0 and _group_titles_over(rows, merged, index - 1):
        return index - 1, index
    if index + 1 < len(rows) and _group_titles_over(rows, merged, index):
        return index, index + 1
    return index, index


def _group_titles_over(
    rows: list[list], merged: list[tuple[tuple[int, int], tuple[int, int]]], upper: int
) -> bool:
    """Whether row `upper` holds group titles for the row below: at least two filled cells, one
    merged across columns, and below it column names (a known field name under a group, or a
    title merged down into it). A title merged over the whole table is one cell: not groups."""
    spans = [(c0, c1) for (r0, c0), (r1, c1) in merged if r0 == upper and c1 > c0]
    if not spans or sum(1 for c in rows[upper] if str(c).strip()) < 2:
        return False
    if any(r0 == upper and r1 > upper for (r0, _), (r1, _) in merged):
        return True
    below = rows[upper + 1]
    return any(normalise_header(_cell_header(below[c])) in KNOWN_NAMES
               for c0, c1 in spans for c in range(c0, min(c1, len(below) - 1) + 1))


def two_row_headers(
    rows: list[list], merged: list[tuple[tuple[int, int], tuple[int, int]]], upper: int,
    lower: int,
) -> list[str]:
    """One header per column from a header on one or two rows: the column name when it is a
    known field name, else the group title and the name ("Commande N°"), else whichever is
    filled."""
    names = [_cell_header(c).strip() for c in rows[lower]]
    if upper == lower:
        return names
    titles = [_cell_header(c).strip() for c in rows[upper]]
    for (r0, c0), (_, c1) in merged:
        if r0 == upper and c0 < len(titles):
            titles[c0 : c1 + 1] = [titles[c0]] * (min(c1, len(titles) - 1) - c0 + 1)
    return [name if name and (not title or normalise_header(name) in KNOWN_NAMES)
            else f"{title} {name}".strip() for title, name in zip(titles, names)]


def table_size(columns: list[pa.Array | list]) -> int:
    """How many rows of a sheet hold at least two filled cells: its table, not its notes."""
    if not columns:
        return 0
    filled = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        if isinstance(column, pa.Array):
            filled += pc.fill_null(pc.not_equal(column, ""), False).to_numpy(zero_copy_only=False)
        else:
            cells = np.array(column, dtype=object)
            filled += (cells != "") & ~pd.isna(cells)
    return int((filled >= 2).sum())


def _cell_header(value: object) -> str:
    text = str(value)
    return text[:-2] if re.fullmatch(r"-?\d+\.0", text) else text


def _cells_as_text(cells: pa.Array | list, row_numbers: np.ndarray
                   ) -> tuple[pd.Series, pd.Series | None]:
    """Workbook cells as the text a CSV export would hold: 612345678.0 -> '612345678',
    dates -> ISO (which the date parser reads unambiguously). With them, when the column holds
    numbers with decimals, those numbers as Excel stores them (by file row number): a formula's
    saved 14.988 among text cells "12,50" must not be read with the text's decimal comma.
    A column of calamine's values takes pandas' types as a frame of the sheet's rows would."""
    typed = None
    if isinstance(cells, pa.Array):
        col = pd.Series(cells, dtype="str")
    else:
        col = pd.DataFrame(zip(cells), columns=["cells"])["cells"]
        if pd.api.types.infer_dtype(col, skipna=True) not in ("string", "empty"):
            number = col.map(type).isin((float, int)).to_numpy()
            if number.any():  # (a column of date-times alone is typed as such by pandas)
                values = col[number].astype("float64")
                if (values != values.round()).any():
                    typed = pd.Series(values.to_numpy(), index=row_numbers[number])
    text = col.astype("str").str.strip()
    if text.str.endswith(".0").any():  # (a column of names needs no regular expression)
        whole = text.str.fullmatch(r"-?\d+\.0")  # (no backreferences: they run row by row)
        text = text.mask(whole, text.str.slice(0, -2))
    if text.str.endswith(" 00:00:00").any():
        midnight = text.str.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00")
        text = text.mask(midnight, text.str.slice(0, 10))
    return text.mask(text.isin(["", "None", "nan", "NaT"])), typed


def _sheet_part(data: bytes, sheet: str) -> str | None:
    """The zip member holding a sheet of an xlsx workbook, from workbook.xml and its relations
    (None for other workbooks: an OpenDocument spreadsheet is a zip too)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if not {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"} <= set(zf.namelist()):
            return None
        book = DefusedET.fromstring(zf.read("xl/workbook.xml"))
        links = DefusedET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    ids = {s.get("name"): s.get(f"{{{RELATIONSHIPS}}}id")
           for s in book.iter(f"{{{SHEET_ML}}}sheet")}
    targets = {r.get("Id"): r.get("Target", "") for r in links}
    target = targets.get(ids.get(sheet))
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def error_cells(data: bytes, sheet: str) -> pd.DataFrame:
    """The error cells (#DIV/0!, #N/A…) of an xlsx sheet: row, column (0-based) and error.
    calamine reads them as blank cells, and a blank amount would load as a 0 € order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        found = ERROR_CELL.findall(zf.read(_sheet_part(data, sheet)))
    letters, rows, errors = zip(*found) if found else ((), (), ())
    padded = np.char.rjust(np.array(letters, dtype="S3"), 3, b"@")  # '@' is letter 0
    digits = padded.view(np.uint8).reshape(-1, 3).astype(np.int64) - 64
    return pd.DataFrame({"row": np.array(rows, dtype="S7").astype(np.int64) - 1,
                         "column": digits @ np.array([676, 26, 1]) - 1,
                         "error": np.array(errors, dtype="S16").astype("str")})


def _put_errors(frame: pd.DataFrame, errors: pd.DataFrame, first_row: int) -> None:
    """Write each error cell's text into the frame (whose row 0 is sheet row `first_row`, 0-based),
    one column at a time: the importer then says which error a row holds instead of a blank."""
    errors = errors[(errors["row"] >= first_row) & (errors["row"] < first_row + len(frame))
                    & (errors["column"] < frame.shape[1])]
    for column, cells in errors.groupby("column"):
        name = f"c{column}"
        values = frame[name].to_numpy(dtype=object, na_value=None).copy()
        values[cells["row"].to_numpy() - first_row] = cells["error"].to_numpy()
        frame[name] = pd.Series(values, index=frame.index, dtype="str")


def excel_text_undone(table: RawTable) -> RawTable:
    """Undo Excel's keep-as-text tricks, which any export may carry: ="0612345679" (a formula
    giving the text) and a ' before digits (Shopify's ids and phones) stand for what they wrap."""
    for name in table.frame.columns:
        text = table.frame[name]
        if not text.str.startswith(('="', "'")).any():
            continue
        formula = text.str.startswith('="') & text.str.endswith('"') & (text.str.len() > 2)
        quoted = text.str.match(r"'[0-9+]")
        table.frame[name] = text.mask(formula, text.str.slice(2, -1)).mask(
            quoted, text.str.slice(1))
    return table


def drop_blank_rows(table: RawTable) -> RawTable:
    keep = table.frame.notna().any(axis=1).to_numpy()
    if not keep.all():
        table.frame = table.frame[keep].reset_index(drop=True)
        table.row_numbers = table.row_numbers[keep]
    return table


def drop_totals_row(table: RawTable) -> RawTable:
    """Drop totals lines at the bottom (hand-made files and till exports add them): a word such as
    TOTAL or Somme in one of the first cells, on a row that `looks_like_totals`. A customer
    whose surname is Somme, on the last line, is a data row and stays."""
    if table.frame.empty:
        return table
    tail = table.frame.tail(3)
    first_cells = tail.iloc[:, : min(3, tail.shape[1])].fillna("")
    worded = first_cells.apply(lambda c: c.str.match(TOTAL_WORDS))
    rows = worded.index[worded.any(axis=1)].tolist()
    drop_at = np.array([i for i in rows if looks_like_totals(
        table.frame, i, worded.columns[worded.loc[i]].tolist(), rows)], dtype=np.int64)
    if len(drop_at):
        numbers = table.row_numbers[drop_at]
        table.frame = table.frame.drop(index=drop_at).reset_index(drop=True)
        table.row_numbers = np.delete(table.row_numbers, drop_at)
        rows_shown = ", ".join(str(n) for n in numbers)
        table.notes.append((f"ligne de total ignorée (ligne {rows_shown})",
                            f"totals row dropped (row {rows_shown})"))
    return table


def looks_like_totals(frame: pd.DataFrame, at: int, word_columns: list[str], worded: list[int]
                      ) -> bool:
    """Whether row `at`, which has a totals word in `word_columns`, lacks what a data row has.

    Never with an e-mail or a date in it. Otherwise any of: the word stands in a column whose
    data holds no letters (order numbers, amounts); the row's other cells are letter-free and it
    leaves blank a column every data row fills; one of its amounts is the sum of the column
    above. Data rows are judged on the first rows (cheap), the sum on the whole column."""
    row = frame.loc[at]
    others = row.drop(word_columns).dropna().astype("str")
    if others.str.contains("@").any() or others.str.match(DATE_LIKE).any():
        return False
    sample = frame.head(TOTALS_SAMPLE).drop(index=worded, errors="ignore")
    if len(sample) and not sample[word_columns].apply(lambda c: c.str.contains(LETTER)).any().any():
        return True
    always_filled = sample.notna().all()
    if not others.str.contains(LETTER).any() and (always_filled & row.isna()).any():
        return True
    return any(is_column_sum(frame[column].iloc[:at], value) for column, value in others.items())


def is_column_sum(above: pd.Series, value: str) -> bool:
    """Whether `value` is an amount equal to the sum of the amounts above it, to the cent."""
    amount = parse_money(pd.Series([value])).values.iloc[0]
    return bool(pd.notna(amount) and len(above)
                and abs(parse_money(above).values.sum() - amount) < 0.005)
