"""The visible text blocks of an HTML page, to list what the main-text extraction left out."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from amity.clean._junk import is_headline, is_label, junk_patterns
from amity.record import Removed

MAX_REMOVED = 300  # entries listed per page; menus of huge portals go beyond any use
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 br tr td th article section header footer nav figcaption "
    "blockquote aside ul ol table figure dd dt form button label option caption".split())
_HIDDEN = "//script|//style|//noscript|//template|//svg|//head|//iframe|//select"
_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def page_blocks(html: str) -> list[tuple[str, str]]:
    """(text, tag of the block holding it) for each visible block of the page, in order."""
    try:  # lxml refuses str input that still declares its byte encoding
        root = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return []
    for hidden in root.xpath(_HIDDEN):
        hidden.drop_tree()
    body = root.find("body")
    blocks: list[tuple[str, str]] = []
    parts: list[str] = []

    def flush(tag: str) -> None:
        text = _SPACE.sub(" ", "".join(parts)).strip()
        parts.clear()
        if text:
            blocks.append((text, tag))

    def walk(el: etree._Element, tag: str) -> None:
        own = el.tag if isinstance(el.tag, str) else ""
        if own in _BLOCKS:
            flush(tag)
            tag = own
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child, tag)
        if own in _BLOCKS:
            flush(tag)
        if el.tail:
            parts.append(el.tail)

    walk(body if body is not None else root, "body")
    flush("body")
    return blocks


def left_out(blocks: list[tuple[str, str]], kept_text: str) -> list[Removed]:
    """What the page shows (its `page_blocks`) that `kept_text` does not, each with the kind
    of furniture it is."""
    kept = _SPACE.sub(" ", kept_text)
    kept_lines = {_SPACE.sub(" ", line).strip() for line in kept_text.splitlines()}
    patterns = junk_patterns()
    removed: list[Removed] = []
    seen: set[str] = set()
    for text, tag in blocks:
        if text in kept_lines or (len(text) >= 40 and text in kept) or text in seen:
            continue  # (a short block inside a kept line may be a menu word all the same)
        seen.add(text)
        kind = patterns.kind_of(text)
        if kind is None:
            if tag == "figcaption":
                kind = "caption"
            elif tag == "nav" or is_label(text):
                kind = "navigation"
            elif is_headline(text):
                kind = "teaser"
            else:
                kind = "other"
        removed.append(Removed(kind, text))
        if len(removed) >= MAX_REMOVED:
            break
    return removed
