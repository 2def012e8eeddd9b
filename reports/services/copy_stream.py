"""On PostgreSQL, a query's rows as CSV written by the database's own COPY, streamed.

psycopg2 can only COPY into a file-like object, in one blocking call. So a worker thread runs
the COPY on a connection of its own, handing chunks through a bounded queue to the response's
generator: memory stays bounded by the queue, and the time stays near COPY's own. When the
client goes away, the generator closes, the thread's next write fails, and the COPY stops.
Being another connection, it sees committed data only — which is all a public download needs.
"""

import queue
import threading
from collections.abc import Iterator

from django.db import connections

QUEUE_CHUNKS = 32
_DONE = object()


class _Stopped(Exception):
    pass


class _Pipe:
    """psycopg2 writes one row at a time: rows are gathered into chunks of about 64 KB before
    they cross to the reader, or the queue would cost more than the COPY."""

    CHUNK_BYTES = 64 * 1024

    def __init__(self) -> None:
        self.chunks = queue.Queue(maxsize=QUEUE_CHUNKS)
        self.stopped = threading.Event()
        self.buffer: list = []
        self.size = 0

    def write(self, data: bytes | str) -> int:
        self.buffer.append(data)
        self.size += len(data)
        if self.size >= self.CHUNK_BYTES:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if not self.buffer:
            return
        data = b"".join(self.buffer) if isinstance(self.buffer[0], bytes) else "".join(self.buffer)
        self.buffer, self.size = [], 0
        self._put(data.decode("utf-8") if isinstance(data, bytes) else data)

    def _put(self, data: str) -> None:
        while True:
            if self.stopped.is_set():
                raise _Stopped
            try:
                self.chunks.put(data, timeout=0.5)
                return
            except queue.Full:
                continue


def copy_csv_chunks(sql: str) -> Iterator[str]:
    """CSV text chunks (no header) of the rows of `sql`, a complete query without parameters."""
    pipe = _Pipe()
    errors = []

    def run() -> None:
        connection = connections.create_connection("default")
        try:
            with connection.cursor() as cursor:
                cursor.cursor.copy_expert(f"COPY ({sql}) TO STDOUT WITH CSV", pipe)
            pipe.flush()
        except _Stopped:
            pass
        except Exception as exc:  # handed to the reader, raised there
            errors.append(exc)
        finally:
            connection.close()
            while True:
                try:
                    pipe.chunks.put(_DONE, timeout=0.5)
                    break
                except queue.Full:
                    if pipe.stopped.is_set():
                        break

    worker = threading.Thread(target=run, name="open-data-copy", daemon=True)
    worker.start()
    try:
        while (chunk := pipe.chunks.get()) is not _DONE:
            yield chunk
        if errors:
            raise errors[0]
    finally:
        pipe.stopped.set()
        worker.join(timeout=10)
