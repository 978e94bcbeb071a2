"""Redis databases for the tests: each pytest-xdist worker gets its own block, since
Django's Redis `cache.clear()` and the tests' `flushdb()` empty a whole database.

Worker gwN uses databases F + 3N (the caches), F + 1 + 3N (`manage.py serve`'s task
queue) and F + 2 + 3N (the two app servers), on the host and port of REDIS_URL (or the
local Redis), where F is HUZHENG_TEST_REDIS_FIRST (default 1; two checkouts testing on
one Redis at once give each its own range). Redis has 16 databases."""

import os
import urllib.parse

PURPOSES = ("cache", "serve", "two_servers")
LOCAL = "redis://127.0.0.1:6379/0"


def url_for(purpose):
    """The Redis URL this worker uses for one purpose."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    number = int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0
    first = int(os.environ.get("HUZHENG_TEST_REDIS_FIRST", "1"))
    index = first + 3 * number + PURPOSES.index(purpose)
    if index > 15:
        raise RuntimeError(f"Redis has 16 databases; worker {worker} would need {index}.")
    base = urllib.parse.urlparse(os.environ.get("REDIS_URL") or LOCAL)
    return base._replace(path=f"/{index}").geturl()
