"""Ingest progress on stderr: a redrawn bar on a terminal, a plain line now and then otherwise."""
from __future__ import annotations

import sys
import time
from typing import TextIO


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    """Documents done, docs/s and ETA (when the number of inputs is known)."""

    def __init__(self, total: int | None, *, enabled: bool = True, stream: TextIO | None = None,
                 tty: bool | None = None, interval: float = 5.0) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = enabled
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.started = time.monotonic()
        self.done = 0
        self.stored = 0
        self._last_draw = 0.0
        self._last_line: float | None = None
        self._drawn = False

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.done}" + (f"/{self.total}" if self.total else "") + " documents",
                 f"{self.stored} stored", f"{rate:.1f} docs/s"]
        if self.total and rate > 0 and self.done < self.total:
            parts.append(f"ETA {_duration((self.total - self.done) / rate)}")
        return ", ".join(parts)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.enabled and self.tty and time.monotonic() - self._last_draw > 0.1:
            self._draw()

    def committed(self, n: int) -> None:
        """Documents just made durable; plain output reports the first and then each interval."""
        self.stored += n
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            self._draw()
        elif self._last_line is None or now - self._last_line >= self.interval:
            self._last_line = now
            print(f"amity: {self.line()}", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        """A message line that does not garble the bar."""
        if not self.enabled:
            return
        self._clear()
        print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.enabled and self.tty and self._drawn:
            self._draw()
            print(file=self.stream, flush=True)
            self._drawn = False

    def _bar(self) -> str:
        if not self.total:
            return ""
        width = 24
        filled = min(width, int(width * self.done / self.total))
        percent = 100 * self.done // self.total
        return "▕" + "█" * filled + "░" * (width - filled) + f"▏ {percent:3d}% "

    def _draw(self) -> None:
        self._last_draw = time.monotonic()
        self.stream.write(f"\r\x1b[2Kingest {self._bar()}{self.line()}")
        self.stream.flush()
        self._drawn = True

    def _clear(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
