from django.db import migrations, transaction
from django.db.utils import DatabaseError

# Search moves from PostgreSQL's Arabic stemmer to keys computed by the portal (text.search_keys:
# broken plurals, particles, the same results on SQLite). Stored feedback gets its keys; on
# PostgreSQL a trigram index keeps "contains this key" fast over 100,000 feedback.
DROP_ARABIC = "DROP INDEX IF EXISTS feedback_search_arabic_gin"
TRIGRAM = "CREATE EXTENSION IF NOT EXISTS pg_trgm"
CREATE = (
    "CREATE INDEX IF NOT EXISTS feedback_search_keys_trgm ON consultations_feedback "
    "USING gin (search_text gin_trgm_ops)"
)
DROP = "DROP INDEX IF EXISTS feedback_search_keys_trgm"


def forwards(apps, schema_editor):
    from text.search_keys import indexed

    Feedback = apps.get_model("consultations", "Feedback")
    for row in Feedback.objects.only("pk", "text").iterator(chunk_size=2000):
        Feedback.objects.filter(pk=row.pk).update(search_text=indexed(row.text))
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP_ARABIC)
    try:
        with transaction.atomic():
            schema_editor.execute(TRIGRAM)
            schema_editor.execute(CREATE)
    except DatabaseError:
        # A database user that may not add extensions: search still works, by a full scan.
        pass


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("consultations", "0005_attendance_and_parity")]
    operations = [migrations.RunPython(forwards, backwards)]
