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


def figured(rps, p99=2.0, errors=0, timeouts=0):
    return {**figures(rps, rps / 1000, p99), "errors": errors, "timeouts": timeouts}


def test_rounds_in_turn_with_the_ceiling_give_the_median_ratio():
    pairs = [
        (figured(4000), figured(2600, p99=20)),  # 65%
        (figured(3000), figured(1500, p99=45, errors=1)),  # 50%: a slow minute
        (figured(4400), figured(2640, p99=18, timeouts=2)),  # 60%
    ]

    result = run.paired(pairs)

    assert result["ratio"] == 0.60  # not 2,600 / 4,000: each with its own ceiling
    assert result["ratios"] == [0.65, 0.50, 0.60]
    assert result["rps"] == 2600
    assert result["p50"] == 2.6
    assert result["p99"] == 45  # the worst round's
    assert (result["errors"], result["timeouts"]) == (1, 2)
    assert result["ceiling"]["rps"] == 4000
    assert result["ceilings"] == [reference for reference, _ in pairs]
    assert run.ratio(result, figures(9999)) == 0.60
    assert run.ratio(figures(500), figures(2000)) == 0.25  # no ceiling of its own


def test_measure_runs_the_ceiling_right_before_each_round(monkeypatch):
    calls = []

    def fake_wrk(args, url, paths_file=None, duration=None, connections=None):
        calls.append((url, duration))
        return figured(4000 if "ceiling" in url else 2400)

    monkeypatch.setattr(run, "wrk", fake_wrk)
    args = SimpleNamespace(warmup=3, round_duration=5, duration=10)
    endpoint = {"path": "/"}

    result = run.measure(args, "http://app", endpoint, "http://app/ceiling/", rounds=3)

    assert calls == [
        ("http://app/", 3),  # the warm-up
        *[("http://app/ceiling/", 5), ("http://app/", 5)] * 3,
    ]
    assert result["ratios"] == [0.6, 0.6, 0.6]
    calls.clear()
    single = run.measure(args, "http://app", endpoint, "http://app/ceiling/")
    assert calls == [
        ("http://app/", 3),
        ("http://app/ceiling/", None),
        ("http://app/", None),
    ]
    assert single["ratio"] == 0.6
    calls.clear()
    assert "ratio" not in run.measure(args, "http://app", endpoint)
    assert calls == [("http://app/", 3), ("http://app/", None)]


def test_ceilings_are_summed_up_by_their_medians_and_range():
    results = {
        ("home", "cached"): run.paired([(figures(2000, 5, 40), figured(1500))]),
        ("home", "nginx"): run.paired([(figures(40000), figured(30000))]),
        ("tag", "cached"): run.paired(
            [
                (figures(2400, 7, 60), figured(1600)),
                (figures(1700, 4, 30), figured(1200)),
            ]
        ),
        ("tag", "uncached"): figures(50),  # measured without a ceiling
    }

    summary = run.ceiling_summary(figures(1800, 6, 50), results, ("cached",))

    assert summary == {
        "rps": 1900,
        "p50": 5.5,
        "p99": 45,
        "low": 1700,
        "high": 2400,
        "runs": 4,
    }


def test_a_result_is_shown_against_the_ceiling_just_before_it():
    assert run._versus(figures(1234.4)) == "1,234/s"
    assert (
        run._versus(run.paired([(figures(2000), figured(1500))]))
        == "1,500/s (75% of 2,000/s just before)"
    )
    rounds = run.paired(
        [(figures(2000), figured(1500)), (figures(2200), figured(1430))]
    )
    assert run._versus(rounds) == (
        "1,465/s (median of 2 rounds; 70% of the ceiling just before, 75%, 65%; "
        "ceiling 2,100/s)"
    )


def test_targets_are_judged_on_the_median_of_their_rounds():
    pairs = [(figures(4000), figured(2600)), (figures(4000), figured(2000))] + [
        (figures(4000), figured(2440))
    ]
    result = run.paired(pairs)  # rates 65%, 50%, 61%: the median meets 60%

    assert run.ratio(result, figures(1)) >= run.CACHED_VS_CEILING
    assert run._rounds(result) == ", median of 65%, 50%, 61%"
    assert run._rounds(run.paired(pairs[:1])) == ""
    assert run.has_cached_target("article (random)")
    assert run.has_cached_target("section, page 1")
    assert not run.has_cached_target("section, deep page")
    assert not run.has_cached_target("search, common word")


def test_the_story_page_built_whole_is_shown_without_a_target():
    results = {("article (random)", "cold"): run.paired([(figures(4500), figured(90))])}

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
