"""Public look-ups are limited per client and per target, across app servers."""

import pytest

from huzheng.core import ratelimit

pytestmark = pytest.mark.django_db


def test_ten_failures_use_up_the_limit_and_another_key_is_untouched():
    for _ in range(9):
        ratelimit.counted("case-query", "203.0.113.9", window_seconds=600)
    assert not ratelimit.exceeded("case-query", "203.0.113.9", limit=10)
    assert ratelimit.counted("case-query", "203.0.113.9", window_seconds=600) == 10
    assert ratelimit.exceeded("case-query", "203.0.113.9", limit=10)
    assert not ratelimit.exceeded("case-query", "203.0.113.10", limit=10)
    assert not ratelimit.exceeded("id-validity", "203.0.113.9", limit=10)


def test_the_count_lives_in_the_shared_cache_not_in_process_memory():
    from django.core.cache import caches

    ratelimit.counted("case-query", "A123456789", window_seconds=600)
    # What another app server would read: the shared cache (database or Redis).
    keys = [k for k in [ratelimit._name("case-query", "A123456789")] if caches["shared"].get(k)]
    assert keys and "A123456789" not in keys[0]


def test_reset_clears_the_count():
    ratelimit.counted("case-query", "x", window_seconds=600)
    ratelimit.reset("case-query", "x")
    assert not ratelimit.exceeded("case-query", "x", limit=1)
