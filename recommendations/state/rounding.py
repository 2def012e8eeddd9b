"""One rounding for every figure: whole percentages, half up (62.5 → 63), everywhere.

Python's round() rounds half to even (62.5 → 62) and would make a page and a spreadsheet
disagree. An average is first taken to one decimal, then to a whole number, so that the one
decimal JSON may carry rounds to exactly the whole number every other format shows. Averages
are worked out in integers (exact, and cheap enough for every cell of a page).
"""

from decimal import ROUND_HALF_UP, Decimal


def half_up(value: Decimal | float | int) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _tenths(total: int, count: int) -> int:
    """The average in tenths, half up: round(10 * total / count), halves going up."""
    return (20 * total + count) // (2 * count)


def tenths(total: int, count: int) -> Decimal | None:
    """An average to one decimal, half up; None for nothing to average."""
    if not count:
        return None
    return Decimal(_tenths(total, count)) / 10


def average_percent(total: int, count: int) -> int | None:
    """The whole-number average shown on pages, PDF, XLSX and CSV: the one-decimal figure,
    rounded half up."""
    if not count:
        return None
    return (_tenths(total, count) + 5) // 10
