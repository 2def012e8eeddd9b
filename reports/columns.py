"""The columns of a progress report, in one place for every format."""

from django.utils.translation import gettext_lazy as _

COLUMNS = [
    ("recommendation", _("Recommendation")),
    ("commune_code", _("Commune code")),
    ("commune", _("Commune")),
    ("body", _("Owner body")),
    ("commitment_id", _("Commitment no.")),
    ("title", _("Commitment")),
    ("level", _("Level code")),
    ("level_label", _("Level")),
    ("progress", _("Progress (%)")),
    ("target_date", _("Target date")),
    ("last_update", _("Last update")),
    ("stale", _("Stale")),
    ("overdue", _("Overdue")),
    ("updates", _("Updates")),
    ("evidence", _("Evidence items")),
    ("public", _("Public")),
]


def row_values(row) -> list:
    return [getattr(row, key) for key, _label in COLUMNS]


def headers() -> list[str]:
    return [str(label) for _key, label in COLUMNS]
