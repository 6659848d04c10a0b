"""Short articles of our own sentences about real actors, for the web tests' store."""
from __future__ import annotations

import json
from pathlib import Path

SCRIPT_TITLE = "Leaked memo shows <script>alert(1)</script> in a ministry page"
SCRIPT_TAG = "<script>alert(1)</script>"

ARTICLES = [
    {"url": "https://example.org/2024/03/turkey-greece-airspace",
     "title": "Turkey accuses Greece over airspace as talks stall",
     "published": "2024-03-12",
     "text": "Turkey accuses Greece over airspace as talks stall\n\n"
             "Turkey accused Greece on Tuesday of violating its airspace over the Aegean Sea, "
             "the Turkish defence ministry said.\n\n"
             "Greece rejected the accusation and said its aircraft had stayed in international "
             "airspace.\n\n"
             "Turkish President Recep Tayyip Erdogan said Ankara would not accept what he "
             "called provocations."},
    {"url": "https://example.org/2024/05/turkey-greece-talks",
     "title": "Turkey and Greece agree to resume talks",
     "published": "2024-05-20",
     "text": "Turkey and Greece agree to resume talks\n\n"
             "Turkey and Greece agreed on Monday to resume talks on confidence-building "
             "measures, officials in Athens said.\n\n"
             "Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip "
             "Erdogan in Ankara and praised the new tone between the two neighbours."},
    {"url": "https://example.org/2024/06/memo-leak",
     "title": SCRIPT_TITLE,
     "published": "2024-06-02",
     "text": f"{SCRIPT_TITLE}\n\n"
             f"A leaked memo that Iran's foreign ministry published by mistake contained the "
             f"string {SCRIPT_TAG} in its text, researchers in Berlin said on Sunday.\n\n"
             "Germany criticised Iran over the leak and urged Tehran to explain the memo, "
             "the German foreign ministry said."},
]

UPLOAD_ARTICLE = (
    "Japan and Australia sign defence pact\n\n"
    "Japan and Australia signed a defence agreement on Friday that lets their forces train "
    "together, officials in Tokyo said.\n\n"
    "Australian Prime Minister Anthony Albanese praised Japan as a close partner and said the "
    "pact would deepen cooperation between the two countries.\n")


def write_articles(folder: Path) -> Path:
    """Our articles as one JSONL file in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "web-articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path
