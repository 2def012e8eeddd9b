from django.db import migrations

from db.append_only import append_only


class Migration(migrations.Migration):
    """Feedback and meeting event logs are append-only in the database itself. A feedback
    event's detail may be emptied, nothing else changed, when the resident's personal data is
    erased (it can quote their reason)."""

    dependencies = [("consultations", "0003_events_outlive_nothing")]

    operations = [
        append_only(
            "consultations_feedbackevent",
            columns=(
                "id",
                "feedback_id",
                "action",
                "actor_id",
                "at",
                "detail",
                "state_before",
                "state_after",
            ),
            blankable=("detail",),
        ),
        append_only("consultations_meetingevent"),
    ]
