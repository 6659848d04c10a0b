"""Bytes to text: UTF-8, declared charsets, Windows-1252, and undecodable bytes with a warning."""
from __future__ import annotations

import codecs

import pytest

from amity.ingest.decode import decode_bytes, looks_binary

SENTENCE = "Zarif called the sanctions \u201cillegal\u201d in Tehran \u2014 and Erdoğan agreed."


@pytest.mark.parametrize("data,encoding", [
    (SENTENCE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
    (SENTENCE.encode("utf-16"), "utf-16"),
])
def test_decodes_unicode_encodings(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text.lstrip("\ufeff") == SENTENCE
    assert decoded.encoding == encoding and decoded.warnings == []


def test_decodes_windows_1252_copy() -> None:
    text = ("The minister said \u201cno\u201d \u2014 twice \u2014 on Friday, in Paris and "
            "Bogot\u00e1. ") * 5
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text


def test_uses_charset_declared_in_page() -> None:
    html = "<html><head><meta charset='koi8-r'></head><body>Москва заявила</body></html>"
    decoded = decode_bytes(html.encode("koi8-r"))
    assert "Москва заявила" in decoded.text


def test_undecodable_bytes_are_replaced_with_a_warning() -> None:
    data = b"Tehran said on Friday that it would respond \x81\x9d to the sanctions. " * 3
    decoded = decode_bytes(data)
    assert decoded.text.count("Tehran said on Friday that it would respond") == 3
    assert decoded.text.count("\ufffd") == 6
    assert decoded.warnings == ["6 undecodable byte(s) replaced"]


@pytest.mark.parametrize("data,binary", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
    (b"%PDF-1.7\n\x00\x01\x02\x03", True),
    (SENTENCE.encode("utf-8"), False),
    (SENTENCE.encode("utf-16"), False),
])
def test_tells_binary_from_text(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_utf8_page_with_pasted_single_byte_characters_keeps_both() -> None:
    # A copy assembled from a UTF-8 page and a Windows-1252 snippet: each part reads right.
    data = ("Iran\u2019s foreign minister met his Omani counterpart. ".encode()
            + "Caf\u00e9 talks in Muscat followed.".encode("cp1252"))
    decoded = decode_bytes(data)
    assert decoded.text == ("Iran\u2019s foreign minister met his Omani counterpart. "
                            "Caf\u00e9 talks in Muscat followed.")
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ["1 byte(s) not valid UTF-8, read as Windows-1252"]
