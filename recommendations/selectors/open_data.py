from recommendations.models import StatusUpdate

CHUNK = 2000


def public_timeline_values():
    """The timeline of public commitments, as plain values, streamed in chunks."""
    return (
        StatusUpdate.objects.filter(commitment__is_public=True)
        .order_by("created_at", "pk")
        .values(
            "commitment_id",
            "commitment__recommendation__number",
            "commitment__body__commune__code",
            "kind",
            "created_at",
            "level_before",
            "level_after",
            "progress_before",
            "progress_after",
            "evidence_kind",
        )
        .iterator(chunk_size=CHUNK)
    )
