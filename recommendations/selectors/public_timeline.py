"""The public timeline as a documented query, for exports that stream it (open data).

`public_timeline_entries()` is every entry of every public commitment's timeline, oldest first.
Besides the entry's own columns (commitment_id, kind, level_before, level_after,
progress_before, progress_after, evidence_kind) it carries, under these names:

- `recommendation`: the recommendation's number;
- `commune_code`: the owning body's commune code, or "" for a body above the communes;
- `time`: when, as ISO 8601 text in UTC to the second ("2026-03-16T09:30:00+00:00").

No author, no note, nothing personal. Callers pick the columns with `.values_list(...)`; the
query stays this module's, whatever the tables are called.
"""

from django.db.models import CharField, F, Func, QuerySet, Value
from django.db.models.functions import Coalesce
from django.db.models.sql.compiler import SQLCompiler

from recommendations.models import StatusUpdate

ISO_UTC_SQLITE = "%Y-%m-%dT%H:%M:%S+00:00"


class UtcIsoText(Func):
    """A timestamp as ISO 8601 text in UTC, formatted by the database (cheaper than Python)."""

    output_field = CharField()

    def as_postgresql(self, compiler: SQLCompiler, connection: object, **extra: object) -> tuple:
        template = (
            "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+00:00\"')"
        )
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler: SQLCompiler, connection: object, **extra: object) -> tuple:
        # SQLite keeps datetimes as UTC text; the format goes as a parameter, since a literal
        # percent sign would be taken for a placeholder.
        formatted = Func(Value(ISO_UTC_SQLITE), *self.source_expressions, function="strftime")
        return formatted.as_sql(compiler, connection, **extra)


def public_timeline_entries() -> QuerySet:
    return (
        StatusUpdate.objects.filter(commitment__is_public=True)
        .annotate(
            recommendation=F("commitment__recommendation__number"),
            commune_code=Coalesce(F("commitment__body__commune__code"), Value("")),
            time=UtcIsoText("created_at"),
        )
        .order_by("created_at", "pk")
    )
