"""Store problems that deserve one clear line for the user, never a traceback."""
from __future__ import annotations


class StoreError(Exception):
    """A store problem worth one clear line to the user (no traceback)."""


class StoreLocked(StoreError):
    """The DuckDB file is held by another process (DuckDB allows one writer)."""

    def __init__(self, path: str, holder: str | None) -> None:
        who = f" (PID {holder})" if holder else ""
        super().__init__(f"{path} is in use by another process{who}; wait for it to finish "
                         "or use another --db")
        self.path = path


class UnknownActor(StoreError):
    """An actor argument that matches no id, name or alias in the store."""

    def __init__(self, text: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no actor in the store matches {text!r}{hint}")
        self.text = text
        self.suggestions = suggestions
