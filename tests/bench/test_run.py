"""The benchmark's own arithmetic (bench/run.py): what it reads from wrk, the
ceilings' medians and ranges, and the ratios it prints."""

import math
import subprocess
from types import SimpleNamespace

import pytest

from bench import run

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:8100/
  2 threads and 16 connections
  Latency Distribution
     50%    7.03ms
     75%   10.20ms
     90%   14.88ms
     99%   49.50ms
  20270 requests in 10.00s, 5.3MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   2027.01
"""
NOTHING_ANSWERED = """\
Running 10s test @ http://127.0.0.1:8100/
  2 threads and 16 connections
  Latency Distribution
     50%    0.00us
     99%    0.00us
  0 requests in 10.00s, 0.00B read
  Socket errors: connect 0, read 0, write 0, timeout 32
Requests/sec:      0.00
"""
ARGS = SimpleNamespace(connections=16, duration=10)


def run_wrk(monkeypatch, output):
    monkeypatch.setattr(
        subprocess,
        "run",
        lambda *args, **kwargs: SimpleNamespace(stdout=output),
    )
    return run.wrk(ARGS, "http://127.0.0.1:8100/")


def test_wrk_figures_are_read(monkeypatch):
    assert run_wrk(monkeypatch, WRK_OUTPUT) == {
        "rps": 2027.01,
        "p50": 7.03,
        "p99": 49.5,
        "errors": 3,
        "timeouts": 0,
    }


def test_no_answer_has_no_latency(monkeypatch):
    result = run_wrk(monkeypatch, NOTHING_ANSWERED)

    assert result["rps"] == 0
    assert result["p50"] == result["p99"] == math.inf
    assert result["timeouts"] == 32


def test_a_ceiling_that_answered_nothing_or_errors_stops_the_run():
    ceiling = {"rps": 2027.0, "p50": 7.0, "p99": 49.5, "errors": 0}
    assert run.answered(ceiling, "http://127.0.0.1:8100/") is ceiling

    nothing = {"rps": 0.0, "p50": math.inf, "p99": math.inf, "errors": 0}
    with pytest.raises(SystemExit, match="answered no request.*run the benchmark"):
        run.answered(nothing, "http://x/")
    errors = {**ceiling, "errors": 20270}  # a fast error page is no ceiling
    with pytest.raises(SystemExit, match="20,270 requests with an error status"):
        run.answered(errors, "http://x/")


def figures(rps, p50=1.0, p99=2.0):
    return {"rps": rps, "p50": p50, "p99": p99}


def test_ceilings_are_summed_up_by_their_medians_and_range():
    results = {
        ("home", "cached"): {**figures(1500), "ceiling": figures(2000, 5, 40)},
        ("home", "nginx"): {**figures(30000), "ceiling": figures(40000)},
        ("tag", "cached"): {**figures(1600), "ceiling": figures(2400, 7, 60)},
        ("tag", "uncached"): figures(50),  # measured without a ceiling
    }

    summary = run.ceiling_summary(figures(1800, 6, 50), results, ("cached",))

    assert summary == {
        "rps": 2000,
        "p50": 6,
        "p99": 50,
        "low": 1800,
        "high": 2400,
        "runs": 3,
    }


def test_a_result_is_shown_against_the_ceiling_just_before_it():
    assert run._versus(figures(1234.4)) == "1,234/s"
    assert (
        run._versus({**figures(1500), "ceiling": figures(2000)})
        == "1,500/s (75% of 2,000/s just before)"
    )


def test_the_story_page_built_whole_is_shown_without_a_target():
    results = {("article (random)", "cold"): {**figures(90), "ceiling": figures(4500)}}

    [line] = run._cold_story_page(results, figures(4000))

    assert line.startswith("- ➖ article, cold (built whole): 90/s, 2% of the Django")
    assert "(no target: " in line
    assert run._cold_story_page({}, figures(4000)) == []


@pytest.mark.django_db(transaction=True)  # the story page's lookup, as readers run it
def test_the_story_pages_prepared_lookup_is_explained_with_its_statement():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.story_lookup import live_story
    from tests.factories import ArticleFactory

    story = ArticleFactory(published=True)
    live_story(story.slug)  # prepared on this connection
    with CaptureQueriesContext(connection) as queries:
        live_story(story.slug)
    [executed] = [query["sql"] for query in queries.captured_queries]

    [(statement, plan)] = run.explain([executed])
    # A first use (prepared in the same round trip) is explained the same way.
    [(again, _)] = run.explain([f"PREPARE x AS SELECT 1; {executed}"])
    assert again == statement

    assert executed.startswith("EXECUTE dailybeat_live_story")
    assert statement.startswith("PREPARE dailybeat_live_story")
    assert statement.endswith(executed)
    assert "articles_article" in plan
    assert "$1" in plan  # the generic plan, as PostgreSQL keeps it
    assert "Execution Time" in plan
