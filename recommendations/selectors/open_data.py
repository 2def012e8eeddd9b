from django.db import connection

from recommendations.models import StatusUpdate

CHUNK = 2000

# On PostgreSQL the timeline is read with plain SQL through a server-side cursor, the time
# formatted by the database: the ORM's per-row work made the export five times slower than
# PostgreSQL's own COPY of the same rows (BENCHMARKS.md), against a target of three.
POSTGRES_SELECT = """
SELECT u.commitment_id, r.number, COALESCE(cm.code, ''), u.kind,
       to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
       u.level_before, u.level_after, u.progress_before, u.progress_after, u.evidence_kind
FROM recommendations_statusupdate u
JOIN recommendations_commitment c ON c.id = u.commitment_id
JOIN recommendations_recommendation r ON r.id = c.recommendation_id
JOIN taata_portal_body b ON b.id = c.body_id
LEFT JOIN taata_portal_commune cm ON cm.id = b.commune_id
WHERE c.is_public
ORDER BY u.created_at, u.id
"""


def public_timeline_rows():
    """The timeline of public commitments as tuples in the open-data column order, streamed
    in chunks: commitment, recommendation, commune code, kind, time (ISO 8601, UTC), level
    before and after, progress before and after, evidence kind. No author, no note."""
    if connection.vendor == "postgresql":
        yield from _postgres_rows()
        return
    rows = (
        StatusUpdate.objects.filter(commitment__is_public=True)
        .order_by("created_at", "pk")
        .values_list(
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
    for commitment, number, code, kind, created, *rest in rows:
        yield (commitment, number, code or "", kind, created.isoformat(), *rest)


def _postgres_rows():
    with connection.chunked_cursor() as cursor:
        cursor.execute(POSTGRES_SELECT)
        while chunk := cursor.fetchmany(CHUNK):
            yield from chunk
