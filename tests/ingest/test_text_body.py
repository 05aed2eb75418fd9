"""Issue 19: a delimited file's body is written for DuckDB a slice at a time (ingest/text_body.py).

Slices as small as a few bytes cut lines, "\\r\\n" pairs and multi-byte characters anywhere; the
file written must still be the one the whole text gave (line ends made "\\n", blank lines filled,
trailing line breaks left out), checked against that whole-text rule written out here; and the
reading's memory must not grow with the file."""

from __future__ import annotations

import re
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import text_body
from ingest.errors import FileRejected
from ingest.read import read_file

FILL = ";;"


def whole_text_body(data: bytes, codec: str) -> str:
    """The body as the reader wrote it from the whole text before slicing (2026-12-03)."""
    body = data.decode(codec).replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip("\n"):
        return ""
    body = body.rstrip("\n") + "\n"
    return re.sub(r"(?m)^[ \t]*$", FILL, body[:-1]) + "\n"


def sliced_body(data: bytes, codec: str, tmp_path, slice_bytes: int, monkeypatch) -> str:
    monkeypatch.setattr(text_body, "SLICE", slice_bytes)
    path = tmp_path / "body.csv"
    end = text_body.end_without_line_breaks(data, 0)
    text_body.write_body(data, 0, end, codec, path, FILL, lambda share: None)
    return path.read_text(encoding="utf-8")


LINES = st.lists(
    st.tuples(st.text(alphabet="ab ;\t€éœ’", max_size=6), st.sampled_from(["\n", "\r\n", "\r"])),
    min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(lines=LINES, slice_bytes=st.integers(1, 20), codec=st.sampled_from(["utf-8", "cp1252"]))
def test_any_slicing_writes_the_body_the_whole_text_gave(lines, slice_bytes, codec, tmp_path_factory):
    data = "".join(text + end for text, end in lines).encode(codec)
    tmp = tmp_path_factory.mktemp("body")
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert sliced_body(data, codec, tmp, slice_bytes, monkeypatch) == whole_text_body(data, codec)


def test_the_share_written_reaches_one_slice_by_slice(tmp_path, monkeypatch):
    monkeypatch.setattr(text_body, "SLICE", 10)
    data = b"a;b\r\n" * 7 + b"a;bcd"  # 40 bytes without the trailing line break: four slices
    shares = []
    lines, filled = text_body.write_body(data, 0, len(data), "cp1252", tmp_path / "b.csv", FILL,
                                         shares.append)
    assert shares == [0.25, 0.5, 0.75, 1.0]
    assert (lines, filled) == (8, True)


def test_a_file_read_in_slices_is_the_file_read_whole(monkeypatch):
    header = "N° de commande;Date;E-mail;Montant\r\n"
    rows = "".join(f"{i};15/01/2024;cliente{i}@exemple.fr;{i},90 €\r\n" if i % 7 else "\r\n"
                   for i in range(1, 400))
    data = (header + rows).encode("cp1252")
    whole = read_file(data, "ventes.csv")
    monkeypatch.setattr(text_body, "SLICE", 37)
    sliced = read_file(data, "ventes.csv")
    assert sliced.frame.equals(whole.frame)
    assert sliced.row_numbers.tolist() == whole.row_numbers.tolist()
    assert len(whole.frame) == 399 - 57  # the blank lines are no rows, and keep the numbering
    assert whole.row_numbers[:7].tolist() == [2, 3, 4, 5, 6, 7, 9]
    assert (sliced.encoding, sliced.delimiter) == (whole.encoding, whole.delimiter) == ("cp1252", ";")


def test_a_byte_the_owners_encoding_lacks_in_a_later_slice_names_its_line(monkeypatch):
    """Past the first lines read for the header (16 kB), in the 300th slice of 64 bytes."""
    monkeypatch.setattr(text_body, "SLICE", 64)
    lines = ["Nom;E-mail"] + [f"Client {i:03d};c{i:03d}@exemple.fr" for i in range(700)]
    data = ("\r\n".join(lines) + "\r\nL\xe9a;lea@exemple.fr\r\n").encode("cp1252")
    assert len(data) > text_body.HEAD_BYTES
    with pytest.raises(FileRejected) as refused:
        read_file(data, "clients.csv", encoding="utf-8")
    assert "(ligne 702)" in str(refused.value)


def test_reading_a_big_file_holds_slices_not_its_text(tmp_path, monkeypatch):
    """8 MB of cp1252 text in slices of 256 kB: the Python objects alive at once are a few
    copies of one slice's text (2 MB measured: a slice's str is 512 kB, as the € makes every
    character two bytes), where the whole text was 16 MB and grew with the file."""
    monkeypatch.setattr(text_body, "SLICE", 1 << 18)
    data = ("Dupont;Léa;9,90 €;" + "x" * 40 + "\r\n").encode("cp1252") * 140_000
    tracemalloc.start()
    try:
        text_body.write_body(data, 0, len(data), "cp1252", tmp_path / "b.csv", FILL,
                             lambda share: None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(data) > 8_000_000
    assert peak < 16 * (1 << 18)


@pytest.mark.parametrize("encoding", [None, "cp1252"])
def test_a_byte_the_encoding_lacks_is_told_before_any_question_about_the_header(encoding):
    """As when the whole file was decoded first: the bytes are the problem to fix, not the header
    row asked for (found by a review comparing the two readers)."""
    bom = b"" if encoding else b"\xef\xbb\xbf"
    data = bom + b"a;b\n" + b"1;2\n" * 4200 + b"\x81\n"
    with pytest.raises(FileRejected) as refused:
        read_file(data, "ventes.csv", encoding=encoding, header_row=50)
    assert "octets invalides (ligne 4202)" in str(refused.value)


@pytest.mark.parametrize(("encoding", "data", "cells"), [
    ("iso2022_jp", b'a;b\x1b$B\n$"$"\x1b(B;2\n', ["\u3042\u3042", "2"]),
    ("iso2022_kr", b"\x1b$)Ca;b\n\x0eY#nq\x0f;2\n", ["\u540d\u524d", "2"]),
    ("utf-16", "a;b\r\nLéa;2\r\n".encode("utf-16"), ["Léa", "2"]),
])
def test_an_encoding_read_whole_keeps_its_state_across_lines(encoding, data, cells):
    """An encoding whose bytes mean something else after an escape sequence (ISO-2022) or whose
    line breaks are two bytes (UTF-16) is made UTF-8 whole before the slices: read a slice at a
    time, the shift set on the header's line was lost and the names read as « $"$" »."""
    assert not text_body.sliceable(encoding)
    assert read_file(data, "clients.csv", encoding=encoding).frame.iloc[0].tolist() == cells
