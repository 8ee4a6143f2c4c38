"""The import's progress line (dailybeat.progress, which generate_corpus uses too):
posts done of the total, per second and the time left; on a terminal one line
redrawn in place, in a log a line now and then."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import OutputWrapper

from dailybeat import progress
from dailybeat.progress import Progress

EXPORT = Path(__file__).with_name("export.xml")


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    """time.monotonic for dailybeat.progress: ``step`` seconds later each call."""

    def __init__(self, step=0.0):
        self.now, self.step = 1000.0, step

    def __call__(self):
        self.now += self.step
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(progress, "monotonic", clock)
    monkeypatch.setenv("COLUMNS", "100")
    return clock


def test_on_a_terminal_one_line_is_redrawn_in_place(clock):
    terminal = Terminal()
    line = Progress(100, out=OutputWrapper(terminal), label="posts")
    for done in range(1, 101):
        clock.now += 0.0625  # 16 posts a second, for 6.25 seconds
        line.update(done)
    line.finish()

    text = terminal.getvalue()
    redraws = text.split("\n")[0].split("\r")[1:]
    # Four times a second at most (and the last state), not once a post.
    assert len(redraws) == 26
    assert (
        redraws[0] == "[                              ] 1/100 posts  16/s  0m06s left"
    )
    assert "\r[##############                ] 49/100 posts  16/s  0m03s left" in text
    assert (
        redraws[-1]
        == "[##############################] 100/100 posts  16/s  0m00s left"
    )
    assert text.endswith("left\n100 posts in 6s\n")


def test_a_shorter_line_leaves_nothing_of_the_longer_one(clock):
    terminal = Terminal()
    line = Progress(10_000, out=terminal, label="stories")
    clock.now += 1
    line.update(10)  # 10/s: 16m39s left
    clock.now += 1
    line.update(9_000)  # 4,500/s: 0m00s left

    first, second = terminal.getvalue().split("\r")[1:]
    assert len(second) >= len(first)
    assert second.rstrip().endswith("9,000/10,000 stories  4,500/s  0m00s left")


def test_a_long_import_shows_hours_and_fits_the_terminal(clock, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    terminal = Terminal()
    line = Progress(1_000_000, out=terminal, label="stories")
    clock.now += 100
    line.update(10_000)

    drawn = terminal.getvalue().removeprefix("\r")
    assert drawn.endswith("10,000/1,000,000 stories  100/s  2h45m left")
    assert len(drawn) <= 59


def test_in_a_log_a_line_now_and_then(clock):
    log = io.StringIO()
    line = Progress(100, out=OutputWrapper(log), label="posts")
    for done in range(1, 101):
        clock.now += 0.5  # 2 posts a second, for 50 seconds
        line.update(done)
    line.finish()

    lines = log.getvalue().splitlines()
    assert "\r" not in log.getvalue()
    assert lines[0] == "[                              ] 1/100 posts  2/s  0m49s left"
    assert lines[1].endswith("] 21/100 posts  2/s  0m39s left")  # 10 s later
    assert len(lines) == 6  # every 10 seconds, and the end
    assert lines[-1] == "100 posts in 50s"


def test_before_anything_is_done_the_time_left_is_unknown(clock):
    assert Progress(8, label="posts").line().endswith("0/8 posts  0/s  ? left")


@pytest.mark.django_db
def test_the_import_command_redraws_posts_done_rate_and_time_left(clock, tmp_path):
    clock.step = 0.3  # each look at the clock: every update is drawn
    terminal = Terminal()

    call_command(
        "import_wordpress", str(EXPORT), stdout=terminal, report=str(tmp_path / "r")
    )

    printed = terminal.getvalue()
    drawn = printed.split("Importing 8 posts…\n")[1].split("\n")[0]
    redraws = drawn.split("\r")[1:]
    assert len(redraws) == 9  # after each of the 8 posts, and at the end
    assert re.fullmatch(r"\[#{3} {27}\] 1/8 posts  \d+/s  0m0[1-9]s left", redraws[0])
    assert re.fullmatch(r"\[#{30}\] 8/8 posts  \d+/s  0m00s left", redraws[-1])
    assert "\n8 posts in " in printed
    assert "Posts: 7 imported" in printed
