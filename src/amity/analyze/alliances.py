"""Tacit alliances: pairs whose deeds or shared enemies align while their words do not.

Two rules, both over the per-pair scores of `pair_table`:
- words vs deeds: verbal conflict outweighs verbal cooperation between the two, yet material
  cooperation outweighs material conflict ("hostile in public, working together");
- shared enemy: both are in material conflict with the same third actor (material conflict
  outweighs material cooperation between each of them and it), while toward each other they
  are hostile or silent in words (verbal cooperation does not outweigh verbal conflict). Pairs
  who cooperate openly in words are overt allies, not tacit ones, and are left out.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import pandas as pd

from amity.analyze.scoring import QUADS, in_window, pair_table

WORDS_VS_DEEDS = "hostile in words, cooperating in deeds"
SHARED_ENEMY = "fighting a shared enemy while {stance} toward each other"


def _stance(rel: dict[str, Any] | None) -> str:
    """How the pair speaks of each other: silent, hostile, or (for overt allies) friendly."""
    if rel is None or rel["n_verbal_cooperation"] + rel["n_verbal_conflict"] == 0:
        return "silent"
    if rel["verbal_cooperation"] > rel["verbal_conflict"]:
        return "friendly"
    return "hostile"


def _tagged(items: list[dict[str, Any]], about: str, quad: str | None = None
            ) -> list[dict[str, Any]]:
    return [{**item, "about": about} for item in items if quad is None or item["quad"] == quad]


def alliances(frame: pd.DataFrame, level: str = "rollup", *, since: str | None = None,
              until: str | None = None, include_claims: bool = False) -> list[dict[str, Any]]:
    """Tacit alliances, the strongest first. Each item: `actors` (two names), `ids`, `reason`,
    `reasons` (rule codes), `shared_enemies` (names), `relation` (the pair's scores) and
    `evidence` (sentences, each tagged with what it shows)."""
    pairs = pair_table(in_window(frame, since, until), level, include_claims=include_claims)
    names: dict[str, str] = {}
    relation: dict[frozenset[str], dict[str, Any]] = {}
    enemies: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for rec in pairs.to_dict("records"):
        names[rec["a"]], names[rec["b"]] = str(rec["a_name"]), str(rec["b_name"])
        relation[frozenset((rec["a"], rec["b"]))] = rec
        if rec["material_conflict"] > rec["material_cooperation"]:
            enemies[rec["a"]][rec["b"]] = rec
            enemies[rec["b"]][rec["a"]] = rec

    found: dict[frozenset[str], dict[str, Any]] = {}

    def entry(a: str, b: str) -> dict[str, Any]:
        key = frozenset((a, b))
        if key not in found:
            x, y = sorted((a, b), key=lambda n: names[n])
            rel = relation.get(key)
            found[key] = {
                "actors": [names[x], names[y]], "ids": [x, y], "reasons": [], "reason": "",
                "shared_enemies": [], "shared_enemy_ids": [], "score": 0.0,
                "relation": None if rel is None else {
                    **{q: round(float(rel[q]), 3) for q in QUADS},
                    **{f"n_{q}": int(rel[f"n_{q}"]) for q in QUADS},
                    "sign": int(rel["sign"]), "stance": _stance(rel)},
                "evidence": [] if rel is None else _tagged(rel["evidence"], "between them")}
        return found[key]

    for rel in relation.values():
        if (rel["verbal_conflict"] > rel["verbal_cooperation"]
                and rel["material_cooperation"] > rel["material_conflict"]):
            item = entry(rel["a"], rel["b"])
            item["reasons"].append("words_vs_deeds")
            item["score"] += min(rel["verbal_conflict"], rel["material_cooperation"])
            # Show what the rule rests on: the hostile words and the cooperative deeds.
            item["evidence"] = (_tagged(rel["evidence"], "hostile words", "verbal_conflict")
                                + _tagged(rel["evidence"], "cooperative deeds",
                                          "material_cooperation"))

    for a, b in combinations(sorted(enemies), 2):
        common = (set(enemies[a]) & set(enemies[b])) - {a, b}
        stance = _stance(relation.get(frozenset((a, b))))
        if not common or stance == "friendly":
            continue
        item = entry(a, b)
        item["reasons"].append("shared_enemy")
        item["stance"] = stance
        for enemy in sorted(common, key=lambda n: names[n]):
            item["shared_enemies"].append(names[enemy])
            item["shared_enemy_ids"].append(enemy)
            ea, eb = enemies[a][enemy], enemies[b][enemy]
            item["score"] += min(ea["material_conflict"], eb["material_conflict"])
            item["evidence"] += _tagged(ea["evidence"], f"against {names[enemy]}",
                                        "material_conflict")
            item["evidence"] += _tagged(eb["evidence"], f"against {names[enemy]}",
                                        "material_conflict")

    out = list(found.values())
    for item in out:
        parts = []
        if "words_vs_deeds" in item["reasons"]:
            parts.append(WORDS_VS_DEEDS)
        if "shared_enemy" in item["reasons"]:
            parts.append(SHARED_ENEMY.format(stance=item.pop("stance")) + " ("
                         + ", ".join(item["shared_enemies"]) + ")")
        item["reason"] = "; ".join(parts)
        item["score"] = round(item["score"], 3)
    out.sort(key=lambda i: (-len(i["reasons"]), -i["score"], i["actors"]))
    return out
