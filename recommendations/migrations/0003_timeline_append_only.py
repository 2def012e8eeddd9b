from django.db import migrations

from db.append_only import append_only


class Migration(migrations.Migration):
    """The public timeline (status updates) is append-only in the database itself."""

    dependencies = [("recommendations", "0002_align_levels_with_progress")]

    operations = [append_only("recommendations_statusupdate")]
