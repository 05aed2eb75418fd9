"""A delimited file's text, read a slice at a time: its first lines for the header search, and
its body written as UTF-8 for DuckDB's reader.

The whole file's text is never built. A cp1252 file of 1M order lines (151 MB) used to be held
as a 290 MB Python string (one character above U+00FF, such as €, makes every character two
bytes), then a copy without its header: the reading step's peak. Here a slice of 16 MB at a time
has its line ends made "\\n" and its blank lines filled (on the bytes: cheaper than on text,
where each replacement copies two bytes a character), is decoded, written, then let go.

Works on UTF-8 and the one-byte encodings (``sliceable``): their line breaks are their own bytes,
and a slice cut after one decodes alone, as it would within the whole text. ingest.read makes a
file in any other encoding (UTF-16, Shift-JIS, ISO-2022…: rare) UTF-8 whole first.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable
from pathlib import Path

SLICE = 1 << 24
LINE_BREAK = re.compile(rb"\r\n|\r|\n")
BLANK_LINE = re.compile(rb"\n[ \t]*\n")
BLANK_LINE_START = re.compile(rb"(?m)^[ \t]*$")
HEAD_BYTES = 1 << 14  # at least this much of the file in its head: its first 4,096 characters
SLICEABLE = ("utf-8", "iso8859-1", "ascii")  # and the codecs with a decoding table, as cp1252


def sliceable(codec: str) -> bool:
    """Whether a text in ``codec`` (a name codecs.lookup gives) can be read a slice at a time."""
    module = sys.modules.get(getattr(codecs.lookup(codec).decode, "__module__", None) or "")
    return codec in SLICEABLE or hasattr(module, "decoding_table")


def after_line_breaks(data: bytes, start: int, count: int) -> int:
    """The offset just after the ``count``-th line break from ``start`` ("\\r\\n" is one), or the
    end of the data when it has fewer."""
    position = start
    for _ in range(count):
        found = LINE_BREAK.search(data, position)
        if found is None:
            return len(data)
        position = found.end()
    return position


def end_without_line_breaks(data: bytes, start: int) -> int:
    """Where the data ends once its trailing line breaks are left out (never before ``start``)."""
    end = len(data)
    while end > start and data[end - 1] in b"\r\n":
        end -= 1
    return end


def head(data: bytes, start: int, codec: str, lines: int) -> str:
    """The text's first ``lines`` lines, and more up to a line end past its first 4,096
    characters, line ends made "\\n"."""
    end = max(after_line_breaks(data, start, lines), start + HEAD_BYTES)
    end = after_line_breaks(data, end, 1) if end < len(data) else len(data)
    return line_ends(data[start:end]).decode(codec)


def slice_end(data: bytes, start: int, end: int) -> int:
    """Where the slice from ``start`` ends: after the last line break within SLICE bytes, so that
    no line, "\\r\\n" pair or character is split (a longer line goes whole into its slice)."""
    window = start + SLICE
    if window >= end:
        return end
    cut = data.rfind(b"\n", start, window) + 1
    if not cut:  # a lone "\r" ends a line unless a "\n" follows it, which would be in the window
        cut = data.rfind(b"\r", start, window - 1) + 1
    if not cut:
        found = LINE_BREAK.search(data, window - 1)
        cut = found.end() if found else end
    return min(cut, end)


def line_ends(lines: bytes) -> bytes:
    """Windows and old Mac line ends made "\\n", on the bytes (the ASCII line breaks are never
    part of a character in the encodings read here); deleting every "\\r" is the fast path."""
    returns = lines.count(b"\r")
    if not returns:
        return lines
    if returns == lines.count(b"\r\n"):
        return lines.translate(None, b"\r")
    return lines.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def has_blank_line(lines: bytes) -> bool:
    """Whether a line of ``lines`` (each ending with one line break) is empty or only spaces and
    tabs, found without copying them."""
    first, last = lines[: lines.find(b"\n")], lines[lines.rfind(b"\n", 0, len(lines) - 1) + 1 : -1]
    return not first.strip(b" \t") or not last.strip(b" \t") or bool(BLANK_LINE.search(lines))


def write_body(data: bytes, start: int, end: int, codec: str, path: Path, blank_fill: str,
               written: Callable[[float], None]) -> tuple[int, bool]:
    """Write data[start:end] (without its trailing line breaks, checked in ``codec``) to ``path``
    as UTF-8, line ends made "\\n", blank lines filled with ``blank_fill`` (the reader's row
    numbers then stay the file's); ``written`` hears the share done after each slice. UTF-8 is
    written as it came. Returns the count of lines and whether any holds more than white space
    (blank lines before their filling)."""
    fill = blank_fill.encode("ascii")
    lines, filled, at = 0, False, start
    with open(path, "wb") as out:
        while at < end:
            cut = slice_end(data, at, end)
            chunk = line_ends(data[at:cut]) + (b"\n" if cut == end else b"")
            text = chunk.decode(codec)
            filled = filled or not text.isspace()
            if has_blank_line(chunk):  # rare: spare a substitution over every slice
                chunk = BLANK_LINE_START.sub(lambda m: fill, chunk[:-1]) + b"\n"
                text = chunk.decode(codec)
            out.write(chunk if codec == "utf-8" else text.encode("utf-8"))
            lines += chunk.count(b"\n")
            at = cut
            written((at - start) / (end - start))
    return lines, filled


def first_invalid(data: bytes, codec: str, start: int = 0) -> int | None:
    """The offset of the first byte that does not decode in ``codec``, or None: checked a slice
    at a time, without the whole text."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    for offset in range(start, len(data), SLICE):
        held = len(decoder.getstate()[0])  # bytes of a character cut by the previous slice
        try:
            decoder.decode(data[offset:offset + SLICE], final=offset + SLICE >= len(data))
        except UnicodeDecodeError as exc:
            return offset - held + exc.start
    return None
