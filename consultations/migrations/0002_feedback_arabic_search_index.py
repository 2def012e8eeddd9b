from django.db import migrations

# PostgreSQL only: a GIN index over the Arabic text-search vector of the normalised text, so the
# inbox search stays fast over 100,000 feedback. SQLite has no such index and needs none.
CREATE = (
    "CREATE INDEX IF NOT EXISTS feedback_search_arabic_gin ON consultations_feedback "
    "USING gin (to_tsvector('arabic'::regconfig, COALESCE(search_text, '')))"
)
DROP = "DROP INDEX IF EXISTS feedback_search_arabic_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
