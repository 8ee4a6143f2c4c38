"""Each process's own memory in front of Redis (dailybeat/local_cache.py): held to
a memory budget, least recently used first, and its count of bytes always that
of what it holds."""

import contextlib
import pickle
import random
import subprocess
import sys
import threading
import time
from itertools import count
from pathlib import Path

import pytest

from dailybeat.local_cache import ENTRY_BYTES, LocalMemoryCache

_names = count()


def local_cache(max_bytes, name=None, **options):
    """A cache with a store of its own, unless ``name`` is another's (the stores
    are shared by name)."""
    options = {"MAX_BYTES": max_bytes, "CULL_FREQUENCY": 3, **options}
    name = name or f"test-local-{next(_names)}"
    return LocalMemoryCache(name, {"OPTIONS": options})


def part(size):
    """A value whose pickle is ``size`` bytes long."""
    value = "x" * size
    value = "x" * (2 * size - len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))
    assert len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)) == size
    return value


def held(cache):
    """The bytes of what ``cache`` holds, counted from its store: each entry's key
    and pickled value, and its bookkeeping."""
    return sum(
        len(key) + len(pickled) + ENTRY_BYTES for key, pickled in cache._cache.items()
    )


# An entry of part(1_000) under a key such as "part-0".
ENTRY = len(":1:part-0") + 1_000 + ENTRY_BYTES


def test_it_keeps_within_its_budget_dropping_the_least_recently_used():
    cache = local_cache(max_bytes=5 * ENTRY)
    for number in range(4):
        cache.set(f"part-{number}", part(1_000))
    assert cache.get("part-0") is not None  # read: now the most recent

    cache.set("part-4", part(1_000))
    cache.set("part-5", part(1_000))

    assert cache.used_bytes == held(cache) == 5 * ENTRY
    assert cache.get("part-1") is None  # the least recently used went first
    for number in (0, 2, 3, 4, 5):
        assert cache.get(f"part-{number}") == part(1_000)


def test_a_value_bigger_than_the_budget_is_not_kept_nor_an_older_one():
    cache = local_cache(max_bytes=5 * ENTRY)
    cache.set("part", part(1_000))
    cache.set("other", part(1_000))

    cache.set("part", part(7_000))
    assert not cache.add("new", part(7_000))

    assert cache.get("part") is None
    assert cache.get("new") is None
    assert cache.get("other") == part(1_000)
    assert cache.used_bytes == held(cache)
    assert cache.add("new", part(1_000))


def test_a_budget_of_nothing_keeps_nothing():
    cache = local_cache(max_bytes=0)
    cache.set("part", part(100))
    assert cache.get("part") is None
    assert cache.used_bytes == 0


def test_replacing_deleting_expiring_and_clearing_keep_the_count_true():
    cache = local_cache(max_bytes=100_000)
    cache.set("part", part(1_000))
    cache.set("part", part(2_000))
    assert cache.used_bytes == held(cache) == len(":1:part") + 2_000 + ENTRY_BYTES

    cache.set("counter", 1, timeout=600)
    expiry = cache._expire_info[":1:counter"]
    cache.incr("counter", 10**30)  # a longer pickle
    assert cache.get("counter") == 10**30 + 1
    assert cache._expire_info[":1:counter"] == expiry
    assert cache.used_bytes == held(cache)

    cache.set("brief", part(3_000), timeout=0.01)
    time.sleep(0.02)
    assert cache.get("brief") is None  # expired: dropped when read
    assert cache.used_bytes == held(cache)

    cache.delete("part")
    assert cache.used_bytes == held(cache)
    assert "part" not in cache

    cache.clear()
    assert cache.used_bytes == held(cache) == 0


def test_a_counter_that_grows_past_the_budget_makes_room():
    cache = local_cache(max_bytes=2 * ENTRY)
    cache.set("part-0", part(1_000))
    cache.set("count", 1)
    cache.set("part-1", part(900))

    cache.incr("count", 256**600)  # some 600 bytes longer

    assert cache.used_bytes == held(cache) <= 2 * ENTRY
    assert cache.get("part-0") is None
    assert cache.get("count") == 256**600 + 1


def test_too_many_entries_are_culled_with_their_bytes():
    cache = local_cache(max_bytes=1_000_000, MAX_ENTRIES=9)
    for number in range(20):
        cache.set(f"part-{number}", part(100))

    assert len(cache._cache) <= 9
    assert cache.used_bytes == held(cache)
    assert cache.get("part-19") == part(100)


def test_the_threads_caches_share_one_store_and_one_count():
    """Django makes a cache object per thread (django.core.cache.caches)."""
    one = local_cache(max_bytes=3 * ENTRY, name="test-local-threads")
    other = local_cache(max_bytes=3 * ENTRY, name="test-local-threads")
    one.set("part-0", part(1_000))
    other.set("part-1", part(1_000))
    one.set("part-2", part(1_000))

    other.set("part-3", part(1_000))

    assert one.get("part-0") is None
    assert other.get("part-1") == part(1_000)
    assert one.used_bytes == other.used_bytes == held(one) == 3 * ENTRY


def test_threads_writing_at_once_leave_the_count_true():
    name = f"test-local-busy-{next(_names)}"
    start = threading.Barrier(4)

    def work(seed):
        cache = local_cache(max_bytes=20 * ENTRY, name=name, MAX_ENTRIES=30)
        rng = random.Random(seed)
        start.wait()
        for _ in range(2_000):
            key = f"part-{rng.randrange(40)}"
            action = rng.random()
            if action < 0.5:
                cache.set(key, part(rng.choice((100, 1_000, 1_500))))
            elif action < 0.7:
                cache.get(key)
            elif action < 0.8:
                cache.delete(key)
            elif action < 0.9:
                cache.add(key, part(500))
            else:
                if rng.random() < 0.1:
                    cache.set("count", 1)
                with contextlib.suppress(ValueError):  # gone meanwhile
                    cache.incr("count", 256 ** rng.randrange(200))

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    cache = local_cache(max_bytes=20 * ENTRY, name=name)
    assert 0 < cache.used_bytes == held(cache) <= 20 * ENTRY
    assert len(cache._cache) <= 30


@pytest.mark.parametrize(
    ("environment", "budget"),
    [
        ({}, 32 * 2**20),
        ({"LOCAL_CACHE_MB": "8"}, 8 * 2**20),
        ({"REDIS_URL": "redis://127.0.0.1:6379/9"}, 32 * 2**20),
        ({"REDIS_URL": "redis://127.0.0.1:6379/9", "LOCAL_CACHE_MB": "8"}, 8 * 2**20),
    ],
)
def test_the_budget_comes_from_the_environment(environment, budget):
    """With Redis, for the memory in front of it; without, for the cache itself."""
    settings = subprocess.run(
        [
            sys.executable,
            "-c",
            # Not a developer's .env file: only the variables given here.
            "import environ; environ.Env.read_env = lambda *args, **kwargs: None;"
            "from dailybeat import settings as s; local = s.CACHES['local'];"
            " print(local['BACKEND'], local['OPTIONS']['MAX_BYTES'])",
        ],
        env={"PATH": "/usr/bin:/bin", "DEBUG": "true", **environment},
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert settings.stdout.split() == [
        "dailybeat.local_cache.LocalMemoryCache",
        str(budget),
    ]
