"""What is counted in a total, and how: the one rule behind every average and count.

A tally gathers commitments: the active ones (every level but withdrawn) are counted and their
progress averaged; the withdrawn are counted apart and never averaged. Pages count public
commitments only; a staff report may count the others too, and says so. Tallies add up: a
commune's is the sum of its cells, the province's the sum of every cell, so the figures of the
matrix, the cards, the commune pages and the reports are sums of the same parts.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .levels import ACTIVE_LEVELS, Level, level_for_progress
from .rounding import average_percent, tenths


@dataclass
class Tally:
    active: int = 0
    withdrawn: int = 0
    progress_sum: int = 0
    levels: dict = field(default_factory=lambda: dict.fromkeys(ACTIVE_LEVELS, 0))

    def add(self, level: str, progress: int) -> None:
        if level == Level.WITHDRAWN:
            self.withdrawn += 1
            return
        self.active += 1
        self.progress_sum += progress
        self.levels[level] += 1

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            active=self.active + other.active,
            withdrawn=self.withdrawn + other.withdrawn,
            progress_sum=self.progress_sum + other.progress_sum,
            levels={lvl: self.levels[lvl] + other.levels[lvl] for lvl in ACTIVE_LEVELS},
        )

    @property
    def total(self) -> int:
        """Every commitment counted, active and withdrawn: the length of the list it sums."""
        return self.active + self.withdrawn

    @property
    def progress(self) -> int | None:
        """Average progress of the active commitments, a whole percentage (None: none)."""
        return average_percent(self.progress_sum, self.active)

    @property
    def progress_exact(self) -> Decimal | None:
        """The same to one decimal (JSON); it rounds half up to `progress`."""
        return tenths(self.progress_sum, self.active)

    @property
    def level(self) -> str | None:
        """The level that fits the average progress; withdrawn when only withdrawn ones are
        left; None for nothing."""
        if self.active:
            return level_for_progress(self.progress)
        return Level.WITHDRAWN if self.withdrawn else None

    def level_counts(self) -> dict:
        """Commitments per level, withdrawn included."""
        return {**self.levels, Level.WITHDRAWN: self.withdrawn}


def tally_of(states: Iterable[tuple[str, int]]) -> Tally:
    """A tally of (level, progress) pairs; the caller chooses which commitments go in."""
    tally = Tally()
    for level, progress in states:
        tally.add(level, progress)
    return tally


def tally_sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total = total + tally
    return total
