"""Entity-ruler patterns for names the statistical model misses (fed from the dictionary)."""
from __future__ import annotations

from typing import Any


def entity_patterns() -> list[dict[str, Any]]:
    """Patterns for spaCy's entity ruler; the actor dictionary supplies them."""
    return []
