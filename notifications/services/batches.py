from collections.abc import Iterable, Iterator
from itertools import islice

from notifications.models import Notification

# Rows per insert or update: within SQLite's 999 bound variables for the widest row (a
# Notification), so every database splits the work the same way. Queries grow by batch, not by
# person.
BATCH = 999 // len(Notification._meta.concrete_fields)


def batched(items: Iterable, size: int) -> Iterator[tuple]:
    """itertools.batched arrives in Python 3.12; this portal runs on 3.11."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk
