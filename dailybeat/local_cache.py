"""Django's local-memory cache, held to a memory budget.

Django's ``LocMemCache`` is bounded by a number of entries, which says little of the
memory it takes when entries range from a few bytes (a version number) to tens of
kilobytes (a story's part of its page). This one is bounded by the size of what it
holds as well: ``OPTIONS["MAX_BYTES"]``, counted as each entry's pickled value and
key, and ENTRY_BYTES for the bookkeeping of an entry. The least recently used
entries go first, as in Django's. Without MAX_BYTES, only the entries are counted.
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# What an entry costs besides the characters of its key and the bytes of its
# value: its places in the store, the expiry times and the sizes, and the objects'
# headers (measured with tracemalloc: about 245 bytes).
ENTRY_BYTES = 256

# Per cache name, as Django keeps the entries themselves: each thread has a cache
# object of its own (django.core.cache.caches), and all of them share one store.
_sizes = {}  # name: {key: bytes}
_used = {}  # name: [bytes in all]


class LocalMemoryCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        budget = params.get("OPTIONS", {}).get("MAX_BYTES")
        self._max_bytes = None if budget is None else int(budget)
        self._sizes = _sizes.setdefault(name, {})
        self._used = _used.setdefault(name, [0])

    @property
    def used_bytes(self):
        return self._used[0]

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._too_big(self.make_and_validate_key(key, version=version), value):
            return False  # nothing would be kept
        return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(self._cache[key]) + delta
            expiry = self._expire_info[key]
            self._set(key, pickle.dumps(value, self.pickle_protocol))
            if key in self._cache:
                self._expire_info[key] = expiry  # as Django's: the expiry stays
        return value

    def clear(self):
        with self._lock:
            self._clear()

    def _too_big(self, key, value):
        return self._max_bytes is not None and (
            self._size(key, pickle.dumps(value, self.pickle_protocol)) > self._max_bytes
        )

    @staticmethod
    def _size(key, pickled):
        return len(key) + len(pickled) + ENTRY_BYTES

    # What follows runs with the store's lock held, as in Django's.
    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        size = self._size(key, value)
        if self._max_bytes is not None and size > self._max_bytes:
            self._delete(key)  # too big to keep; nor may an older value stay
            return
        self._forget(key)
        if self._max_bytes is not None:
            while self._cache and self._used[0] + size > self._max_bytes:
                self._pop_least_recent()
        super()._set(key, value, timeout)
        self._sizes[key] = size
        self._used[0] += size

    def _delete(self, key):
        self._forget(key)
        return super()._delete(key)

    def _cull(self):  # too many entries (MAX_ENTRIES)
        if self._cull_frequency == 0:
            self._clear()
        else:
            for _ in range(len(self._cache) // self._cull_frequency):
                self._pop_least_recent()

    def _pop_least_recent(self):
        key, _ = self._cache.popitem()  # the most recent are moved to the front
        del self._expire_info[key]
        self._forget(key)

    def _forget(self, key):
        self._used[0] -= self._sizes.pop(key, 0)

    def _clear(self):
        self._cache.clear()
        self._expire_info.clear()
        self._sizes.clear()
        self._used[0] = 0
