"""Django's local-memory cache, held to a memory budget.

Django's ``LocMemCache`` is bounded by a number of entries, which says little of the
memory it takes when entries range from a few bytes (a version number) to tens of
kilobytes (a story's part of its page). This one is bounded by the size of what it
holds as well: ``OPTIONS["MAX_BYTES"]``, counted on the pickled values it stores.
The least recently used entries go first, as in Django's.
"""

from django.core.cache.backends.locmem import LocMemCache

# Per cache name, as Django keeps the entries themselves: each thread has a cache
# object of its own (django.core.cache.caches), and all of them share one store.
_sizes = {}  # name: {key: bytes}
_used = {}  # name: [bytes in all]


class LocalMemoryCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 0)) or None
        self._sizes = _sizes.setdefault(name, {})
        self._used = _used.setdefault(name, [0])

    @property
    def used_bytes(self):
        return self._used[0]

    # All of the below run with the store's lock held, as Django's do.
    def _set(self, key, value, timeout=None):
        if self._max_bytes is not None and len(value) > self._max_bytes:
            self._delete(key)  # too big to keep; nor may an older value stay
            return
        self._forget(key)
        if self._max_bytes is not None:
            while self._cache and self._used[0] + len(value) > self._max_bytes:
                self._pop_least_recent()
        super()._set(key, value, timeout)
        self._sizes[key] = len(value)
        self._used[0] += len(value)

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

    def incr(self, key, delta=1, version=None):
        value = super().incr(key, delta, version)
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if key in self._cache:
                self._forget(key)
                self._sizes[key] = len(self._cache[key])
                self._used[0] += self._sizes[key]
        return value

    def clear(self):
        with self._lock:
            self._clear()
