from recommendations.selectors.open_data import public_timeline_values

UPDATE_COLUMNS = [
    "commitment_id",
    "recommendation",
    "commune_code",
    "kind",
    "time",
    "level_before",
    "level_after",
    "progress_before",
    "progress_after",
    "evidence_kind",
]


def public_update_rows():
    """Rows for updates.csv, straight from a server-side cursor; no author, no note."""
    for row in public_timeline_values():
        yield [
            row["commitment_id"],
            row["commitment__recommendation__number"],
            row["commitment__body__commune__code"] or "",
            row["kind"],
            row["created_at"].isoformat(),
            row["level_before"],
            row["level_after"],
            row["progress_before"],
            row["progress_after"],
            row["evidence_kind"],
        ]
