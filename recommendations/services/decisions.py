"""Committee decisions reaching a commitment's timeline.

Consultations call this; the entry keeps the decision's text and a link back to the meeting as
plain data, so this app never reads consultations' tables.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.types import Actor
from recommendations.models import StatusUpdate
from recommendations.permissions import can_record_decision
from text.cleaning import clean_text

from .milestones import milestone_add
from .timeline import commitment_lock, timeline_append


@transaction.atomic
def commitment_record_decision(
    *,
    author: Actor,
    commitment_id: int,
    text: str,
    source_url: str,
    milestone_title: str = "",
    milestone_due: datetime.date | None = None,
) -> StatusUpdate:
    """One timeline entry for the decision; when it adds a milestone, that entry names it.

    The author must be allowed to record committee decisions on this commitment (its commune's
    councillors, or staff): checked here, whoever calls.
    """
    commitment = commitment_lock(commitment_id)
    if not can_record_decision(author, commitment):
        raise PermissionDenied
    if milestone_title:
        milestone = milestone_add(
            commitment=commitment,
            author=author,
            title_ar=milestone_title,
            due_date=milestone_due,
            note=text,
            source_url=source_url,
            kind=StatusUpdate.Kind.DECISION,
        )
        return milestone.timeline_entries.get()
    return timeline_append(
        commitment_id=commitment.pk,
        expected_version=None,
        kind=StatusUpdate.Kind.DECISION,
        author=author,
        note=clean_text(text),
        source_url=source_url,
    )
