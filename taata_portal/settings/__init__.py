"""Settings for the Tata civic portal, all read from the environment.

One package for every place the portal runs: `make run` (SQLite under var/, tasks in-process),
the tests and CI (PostgreSQL and Redis from DATABASE_URL and REDIS_URL), and production.
The README lists every variable. Each module holds one concern; they are read in this order.
"""

from .base import *  # noqa: F403
from .data import *  # noqa: F403
from .portal import *  # noqa: F403
from .security import *  # noqa: F403
from .tasks import *  # noqa: F403
