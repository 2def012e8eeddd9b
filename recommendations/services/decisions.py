"""Committee decisions reaching a commitment's timeline.

Consultations call this; the entry keeps the decision's text and a link back to the meeting as
plain data, so this app never reads consultations' tables.
"""

import datetime

from django.db import transaction

from recommendations.models import StatusUpdate
from taata_portal.text import clean_text

from .milestones import milestone_create
from .timeline import timeline_append


@transaction.atomic
def commitment_record_decision(
    *,
    author,
    commitment_id: int,
    text: str,
    source_url: str,
    milestone_title: str = "",
    milestone_due: datetime.date | None = None,
) -> StatusUpdate:
    """One timeline entry for the decision; when it adds a milestone, that entry names it.

    The caller has checked that the author may manage the meeting's committee.
    """
    if milestone_title:
        milestone = milestone_create(
            user=author,
            author_is_system=True,
            commitment_id=commitment_id,
            title_ar=milestone_title,
            due_date=milestone_due,
            note=text,
            source_url=source_url,
            kind=StatusUpdate.Kind.DECISION,
        )
        return milestone.timeline_entries.get()
    return timeline_append(
        commitment_id=commitment_id,
        expected_version=None,
        kind=StatusUpdate.Kind.DECISION,
        author=author,
        note=clean_text(text),
        source_url=source_url,
    )
