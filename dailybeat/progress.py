"""A progress line for long commands (corpus generation, imports): done, rate and
time left. On a terminal it is one line redrawn in place, a few times a second at
most; elsewhere (a log file, CI) a line is printed every few seconds."""

import shutil
import sys
from time import monotonic

from django.core.management.base import OutputWrapper


class Progress:
    """progress = Progress(total, label="posts"); progress.update(done); …
    progress.finish(). ``total`` may grow (update(done, total=…)). ``out`` is a
    stream or a management command's self.stdout."""

    WIDTH = 30
    # On a terminal, at most one redraw every this many seconds.
    REDRAW_EVERY = 0.25
    # Not on a terminal (a log, CI), a line every this many seconds.
    LOG_EVERY = 10.0

    def __init__(self, total, out=None, label="items"):
        self.total, self.label = max(total, 0), label
        self.out = out or sys.stdout
        self.started = monotonic()
        self.done = 0
        self._shown = None  # when the line was last written
        self._drawn = 0  # the length of the line on the terminal
        self._live = getattr(self.out, "isatty", lambda: False)()

    def line(self, width=None):
        """The line, e.g. "[####    ] 1,200/4,000 posts  80/s  0m35s left"; at most
        ``width`` characters long if given (the bar shrinks, or goes, first)."""
        elapsed = monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = _duration((self.total - self.done) / rate) if rate else "?"
        text = f"{self.done:,}/{self.total:,} {self.label}  {rate:,.0f}/s  {left} left"
        bar = self.WIDTH if width is None else min(self.WIDTH, width - len(text) - 3)
        if bar < 5:
            return text if width is None else text[:width]
        share = min(self.done / self.total, 1.0) if self.total else 1.0
        return f"[{'#' * int(bar * share):<{bar}}] {text}"

    def update(self, done, total=None):
        self.done = done
        if total is not None:
            self.total = total
        now = monotonic()
        every = self.REDRAW_EVERY if self._live else self.LOG_EVERY
        if self._shown is None or now - self._shown >= every:
            self._shown = now
            self._show()

    def finish(self):
        elapsed = monotonic() - self.started
        if self._live:
            self._show()  # where it ended, then off the line
            self._write("\n")
        self._write(f"{self.done:,} {self.label} in {elapsed:.0f}s\n")

    def _show(self):
        if self._live:
            # Back to the start of the line, over what was there (a line as wide as
            # the terminal would wrap, and \r would then redraw only its end).
            line = self.line(width=shutil.get_terminal_size().columns - 1)
            self._write(f"\r{line:<{self._drawn}}")
            self._drawn = len(line)
        else:
            self._write(f"{self.line()}\n")

    def _write(self, text):
        if isinstance(self.out, OutputWrapper):
            # A command's self.stdout would end each write with a line break.
            self.out.write(text, ending="")
        else:
            self.out.write(text)
        self.out.flush()


def _duration(seconds):
    seconds = max(int(seconds), 0)  # (more done than the total: none left)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"
