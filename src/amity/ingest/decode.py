"""Bytes to text: UTF-8 first, then the page's own declaration, then detection."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer

_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECLARED = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# English-language news in a single-byte charset is nearly always Windows-1252; detectors
# often guess a sibling code page on short texts, which garbles accents.
_LATIN_FAMILY = re.compile(r"^(cp125\d|windows-125\d|iso-?8859-\d+|latin[-_]?\d|mac_?roman)$", re.I)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252 instead."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("amity-cp1252", _as_cp1252)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with stray single-byte characters pasted in (a page copy assembled from two
    sources): most non-ASCII bytes form valid UTF-8 sequences."""
    sample = data[:200_000]
    high = len(_HIGH_BYTE.findall(sample))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(sample))
    return high > 0 and in_sequences >= 0.5 * high


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any charset we read (images, archives, PDFs)."""
    head = data[:4096]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def _codec(name: bytes | str) -> str | None:
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _mostly_ascii(data: bytes, share: float = 0.95) -> bool:
    sample = data[:200_000]
    return sum(b < 0x80 for b in sample) >= share * len(sample)


def decode_bytes(data: bytes) -> Decoded:
    """Decode page bytes robustly; undecodable bytes become U+FFFD with a warning."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="amity-cp1252")
        strays = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
        return Decoded(text, "utf-8", [f"{strays} byte(s) not valid UTF-8, read as "
                                       f"Windows-1252"])
    head = data[:4096]
    for pattern in (_DECLARED, _XML_DECLARED):
        found = pattern.search(head)
        declared = _codec(found.group(1)) if found else None
        if declared and declared not in ("utf-8", "utf_8"):
            try:
                return Decoded(data.decode(declared), declared)
            except (UnicodeDecodeError, LookupError):
                pass
    if _mostly_ascii(data):
        # English text with a few stray bytes: detectors guess exotic code pages on these
        # (cp932, cp1251) and garble the rest, so read Windows-1252 and flag what it cannot.
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            bad = text.count("\ufffd")
            return Decoded(text, "cp1252", [f"{bad} undecodable byte(s) replaced"])
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        enc = best.encoding
        if _LATIN_FAMILY.match(enc):
            try:
                return Decoded(data.decode("cp1252"), "cp1252")
            except UnicodeDecodeError:
                pass
        try:
            return Decoded(data.decode(enc), enc)
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return Decoded(text, "utf-8", [f"{bad} undecodable byte(s) replaced"])
