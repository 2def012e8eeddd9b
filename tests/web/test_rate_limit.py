"""The fixed-window rate limit of feedback and of look-ups by code: the limit counts exactly,
a count lasts its window and no longer, and a count lost to the cache midway starts again."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import override_settings

from web import ratelimit
from web.ratelimit import limit_count, limit_reached

WINDOW = 600
START = datetime.datetime(2026, 3, 16, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock(settings):
    # A cache in this process, whose expiry follows the clock the test moves (Redis keeps its
    # own time).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller
    cache.clear()


@override_settings(FOLLOW_RATE_LIMIT=1)
def test_a_limit_of_one_lets_one_look_up_through_and_holds_the_next(client, reference_data):
    statuses = [
        client.get(f"/ar/feedback/AAAAA-AAA{i + 2}A/", REMOTE_ADDR="10.1.1.4").status_code
        for i in range(2)
    ]
    assert statuses == [404, 429]


def test_a_count_lasts_its_window_and_no_longer(clock):
    for _ in range(2):
        limit_count("follow", "10.1.1.5", window=WINDOW)
    clock.shift(datetime.timedelta(seconds=WINDOW - 30))
    assert limit_reached("follow", "10.1.1.5", limit=2, window=WINDOW)
    clock.shift(datetime.timedelta(seconds=60))
    assert not limit_reached("follow", "10.1.1.5", limit=2, window=WINDOW)


def test_a_limit_of_zero_holds_no_one_back(clock):
    for _ in range(50):
        limit_count("feedback", "10.1.1.6", window=WINDOW)
    assert not limit_reached("feedback", "10.1.1.6", limit=0, window=WINDOW)


def test_a_count_that_expires_between_two_cache_calls_starts_again_at_one(monkeypatch, clock):
    class ExpiredMidway:
        """The count is there when `add` looks, and gone when `incr` comes."""

        def __init__(self):
            self.looked = False

        def add(self, key, value, timeout=None):
            if not self.looked:
                self.looked = True
                return False
            return cache.add(key, value, timeout=timeout)

        def incr(self, key):
            raise ValueError(key)

    monkeypatch.setattr(ratelimit, "cache", ExpiredMidway())
    limit_count("feedback", "10.1.1.7", window=WINDOW)
    monkeypatch.undo()
    assert limit_reached("feedback", "10.1.1.7", limit=1, window=WINDOW)
    assert not limit_reached("feedback", "10.1.1.7", limit=2, window=WINDOW)
    clock.shift(datetime.timedelta(seconds=WINDOW + 1))  # and it lasts a window too
    assert not limit_reached("feedback", "10.1.1.7", limit=1, window=WINDOW)
