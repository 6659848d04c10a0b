"""Actor tests run on the packaged dictionary; a small stand-in fills in while it is absent."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGED = Path(__file__).resolve().parents[2] / "src" / "amity" / "actors" / "data"
STAND_IN = Path(__file__).resolve().parent / "data"

if not (PACKAGED / "states.yaml").is_file() or not list(PACKAGED.glob("officials_*.yaml")):
    os.environ.setdefault("AMITY_ACTOR_DATA", str(STAND_IN))
