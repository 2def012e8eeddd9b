"""One rounding for every figure: whole percentages, half up (62.5 → 63), everywhere.

Python's round() rounds half to even (62.5 → 62) and would make a page and a spreadsheet
disagree. An average is first taken to one decimal, then to a whole number, so that the one
decimal JSON may carry rounds to exactly the whole number every other format shows.
"""

from decimal import ROUND_HALF_UP, Decimal

TENTH = Decimal("0.1")


def half_up(value: Decimal | float | int) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def tenths(total: int, count: int) -> Decimal | None:
    """An average to one decimal, half up; None for nothing to average."""
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(TENTH, rounding=ROUND_HALF_UP)


def average_percent(total: int, count: int) -> int | None:
    """The whole-number average shown on pages, PDF, XLSX and CSV."""
    exact = tenths(total, count)
    return None if exact is None else half_up(exact)
