# The review's cases use the consultations' people and objects (a commune, its councillor, a
# committee, a meeting, a commitment): the same fixtures, not copies.
from tests.consultations.conftest import (  # noqa: F401
    akka,
    commitment_in_akka,
    commitment_in_tata,
    committee,
    councillor,
    feedback,
    meeting,
    other_councillor,
    roles,
    staff,
    tata,
)
