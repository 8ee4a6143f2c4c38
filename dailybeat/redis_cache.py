"""Django's Redis cache, with one client per connection pool.

Django's ``RedisCacheClient.get_client`` makes a new ``redis.Redis`` for every
operation, and each one builds its table of some 165 response callbacks: a cost
paid on every cached page a reader gets. A ``redis.Redis`` is safe to share between
threads (each command takes a connection from the pool), so one per pool serves all.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
