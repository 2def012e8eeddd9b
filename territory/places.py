"""The place a reminder is about (a commune), as plain data in its payload: digests group by it
(notifications.grouping) and link to the commune's lists."""

from collections.abc import Mapping

from text.languages import every_language, interface_languages, row_in_language


def place_fields(prefix: str) -> tuple[str, ...]:
    """The `.values()` fields a place needs, for a relation path such as "body__commune"."""
    return (
        f"{prefix}__code",
        f"{prefix}_id",
        *(f"{prefix}__name_{c}" for c in interface_languages()),
    )


def place_from_row(row: Mapping, prefix: str) -> dict:
    """{"code": …, "id": …, "name": {"ar": …, …}}; an empty code for a province-wide body."""
    return {
        "code": row.get(f"{prefix}__code") or "",
        "id": row.get(f"{prefix}_id"),
        "name": every_language(lambda lang: row_in_language(row, f"{prefix}__name", lang)),
    }
