import threading

from django.db import connections


def run_together(*calls, timeout: float = 20) -> list:
    """Start every call at the same moment, each in its own thread and database connection.

    Returns what each returned, or the exception it raised (as an object, to assert on).
    """
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=5)
            results[index] = call()
        except Exception as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results
