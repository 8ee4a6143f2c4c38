"""A progress line for long commands (corpus generation, imports): done, rate and
time left, redrawn in place on a terminal and printed now and then otherwise."""

import sys
import time


class Progress:
    """progress = Progress(total, label="posts"); progress.update(done); …
    progress.finish(). ``total`` may grow (update(done, total=…))."""

    WIDTH = 30
    # Not on a terminal (a log, CI), a line every this many seconds.
    LOG_EVERY = 10.0

    def __init__(self, total, out=None, label="items"):
        self.total, self.label = max(total, 0), label
        self.out = out or sys.stdout
        self.started = time.monotonic()
        self.done = 0
        self._last_line = 0.0
        self._live = getattr(self.out, "isatty", lambda: False)()

    def line(self):
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        share = self.done / self.total if self.total else 1.0
        bar = "#" * int(self.WIDTH * min(share, 1.0))
        return (
            f"[{bar:<{self.WIDTH}}] {self.done:,}/{self.total:,} {self.label}  "
            f"{rate:,.0f}/s  {int(left // 60)}m{int(left % 60):02d}s left"
        )

    def update(self, done, total=None):
        self.done = done
        if total is not None:
            self.total = total
        now = time.monotonic()
        if self._live:
            self.out.write(f"\r{self.line()} ")
            self.out.flush()
        elif now - self._last_line >= self.LOG_EVERY:
            self._last_line = now
            self.out.write(f"{self.line()}\n")
            self.out.flush()

    def finish(self):
        elapsed = time.monotonic() - self.started
        self.out.write(
            f"{chr(10) if self._live else ''}{self.done:,} {self.label} in "
            f"{elapsed:.0f}s\n"
        )
        self.out.flush()
