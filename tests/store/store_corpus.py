"""Small news articles written for these tests, numbered so each copy is a distinct article."""
from __future__ import annotations

from pathlib import Path

TEMPLATES = (
    """Turkey and Greece agree to resume talks on maritime borders (report {n})

ANKARA, March {day}, 2024 — Turkey and Greece agreed on Monday to resume talks on their \
disputed maritime borders, officials in both capitals said in statement number {n}.

Turkish Foreign Minister Hakan Fidan met his Greek counterpart George Gerapetritis in Ankara. \
"We have chosen dialogue over confrontation," Fidan told reporters after the meeting.

Greece accused Turkey last year of violating its airspace {n} times. Turkey rejected the \
accusation and said its jets flew in international airspace.

The European Union welcomed the announcement and urged both countries to keep their \
commitments.
""",
    """Japan sends aid to the Philippines after typhoon (bulletin {n})

MANILA, April {day}, 2024 — Japan sent {n} tonnes of emergency supplies to the Philippines \
on Tuesday after a typhoon flooded several northern provinces.

Japanese Prime Minister Fumio Kishida said his government would also send a medical team. \
"We stand with our neighbours," Kishida said in a statement.

Philippine President Ferdinand Marcos Jr. thanked Japan and said the aid would reach the \
worst-hit towns within days.
""",
    """Russia and Ukraine trade accusations over drone strikes (dispatch {n})

KYIV, May {day}, 2024 — Ukraine accused Russia on Wednesday of launching {n} drones at its \
power grid overnight, while Moscow said Ukrainian forces had shelled a border village.

Ukrainian President Volodymyr Zelensky urged Western allies to send more air defence systems. \
The Kremlin denied targeting civilian infrastructure.

The United Nations called on both sides to protect civilians.
""",
)


def article(n: int) -> str:
    """Article number `n`: one of the templates, made distinct by its numbers."""
    return TEMPLATES[n % len(TEMPLATES)].format(n=n, day=1 + n % 28)


def write_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` distinct article files in `folder` (created), named in input order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"article-{n:04d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


BAD_INPUTS: dict[str, bytes] = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 8,
    "not-gzip.txt.gz": b"this is not compressed at all",
    "broken.jsonl": b'{"text": "no closing brace"\n',
}
