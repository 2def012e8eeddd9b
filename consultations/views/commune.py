from django.shortcuts import render
from django.views.decorators.http import require_safe

from consultations.permissions import can_manage_committees
from consultations.selectors.committees import (
    committee_list_for_commune,
    meeting_list_for_commune,
    split_coming_and_past,
)
from consultations.selectors.feedback import feedback_published_for_commune
from recommendations.selectors.commitments import commitment_list_for_commune
from recommendations.selectors.progress import commune_tally
from territory.selectors import commune_get
from web.page_cache import cache_public_page


# The commune page lives in consultations because it gathers both apps: its council's
# commitments (recommendations) and its committees, meetings and feedback (consultations).
@require_safe
@cache_public_page
def commune_detail(request, code: str):
    commune = commune_get(code=code)
    commitments = list(commitment_list_for_commune(commune=commune))
    coming, past = split_coming_and_past(meeting_list_for_commune(commune=commune))
    context = {
        "commune": commune,
        "commitments": commitments,
        # Sorted by urgency in Python: the same rows, no second query.
        "late": sorted(
            (c for c in commitments if c.is_late),
            key=lambda c: (not c.is_overdue, not c.milestone_overdue, c.target_date),
        ),
        "tally": commune_tally(commune=commune),
        "committees": committee_list_for_commune(commune=commune),
        "coming_meetings": coming,
        "past_meetings": past[:10],
        "feedback": feedback_published_for_commune(commune=commune),
        "can_manage": can_manage_committees(request.user, commune),
    }
    return render(request, "consultations/commune_detail.html", context)
