"""Where a page's render time goes: `python -m bench.profile DATABASE_URL PATH [sort]`.

Renders PATH in-process (the page cache off, as bench.render does) a few times to warm up,
then 50 times under cProfile, and prints the 40 costliest functions (by `cumulative` time
unless told `tottime`). A tool for finding what to make cheaper, not a figure to report:
the profiler itself slows every call."""

import cProfile
import os
import pstats
import sys

from bench.common import env

RENDERS = 50


def main(url: str, path: str, sort: str = "cumulative") -> None:
    os.environ.update(env(DATABASE_URL=url, PUBLIC_PAGE_CACHE_SECONDS="0"))
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(5):
        assert client.get(path).status_code == 200, path
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(RENDERS):
        client.get(path)
    profile.disable()
    pstats.Stats(profile).sort_stats(sort).print_stats(40)


if __name__ == "__main__":
    main(*sys.argv[1:])
