"""CSV export of 100,000 rows (the open-data timeline, streamed) against PostgreSQL's own COPY
of the same query, and peak Python memory at 10,000 and 100,000 rows. Targets (DESIGN.md §6):
within 1.2x of COPY, memory flat as rows grow."""

import io
import os
import sys
import time
import tracemalloc

from bench.common import env, prepare_database, save


class Null(io.RawIOBase):
    def write(self, data):
        return len(data)


def django_csv(limit=None):
    """What /open-data/updates.csv sends, consumed as the response would be."""
    from reports.services.updates_csv import updates_csv_chunks

    count = 0
    chunks = updates_csv_chunks()
    for chunk in chunks:
        count += chunk.encode("utf-8").count(b"\n")
        if limit and count > limit:
            chunks.close()  # the client stops reading: the COPY stops too
            break
    return count - 1


def main(url=None):
    url = url or prepare_database(updates=100_000, name_suffix="_export")
    os.environ.update(env(DATABASE_URL=url))
    import django

    django.setup()
    from django.db import connection

    from reports.services.updates_csv import updates_copy_sql

    with connection.cursor() as cursor:
        start = time.perf_counter()
        # The very query updates.csv streams, written by the database alone: the baseline.
        cursor.copy_expert(f"COPY ({updates_copy_sql()}) TO STDOUT WITH CSV HEADER", Null())
        copy_seconds = time.perf_counter() - start
    start = time.perf_counter()
    rows = django_csv()
    csv_seconds = time.perf_counter() - start

    memory = {}
    for limit in (10_000, 100_000):
        tracemalloc.start()
        django_csv(limit)
        memory[limit] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    result = {
        "rows": rows,
        "copy_seconds": round(copy_seconds, 3),
        "csv_seconds": round(csv_seconds, 3),
        "time_ratio_to_copy": round(csv_seconds / copy_seconds, 2),
        "peak_bytes_10k": memory[10_000],
        "peak_bytes_100k": memory[100_000],
        "memory_ratio_100k_to_10k": round(memory[100_000] / memory[10_000], 2),
        "target_time_ratio": 1.2,
    }
    print(
        f"  {rows} rows: COPY {copy_seconds:.2f} s, streamed CSV {csv_seconds:.2f} s, "
        f"ratio {result['time_ratio_to_copy']}; peak memory {memory[10_000] / 1e6:.1f} MB at 10k, "
        f"{memory[100_000] / 1e6:.1f} MB at 100k (ratio {result['memory_ratio_100k_to_10k']})"
    )
    save("export", result)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
