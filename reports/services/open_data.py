from recommendations.selectors.open_data import public_timeline_rows

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
    """Rows for updates.csv: no author, no note, nothing personal."""
    return public_timeline_rows()
