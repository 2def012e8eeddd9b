from django.shortcuts import render
from django.views.decorators.http import require_safe

from consultations.permissions import can_manage_committees
from consultations.selectors.committees import (
    committee_list_for_commune,
    meeting_list_for_commune,
    split_coming_and_past,
)
from consultations.selectors.feedback import feedback_published_for_commune
from recommendations.selectors.commitments import (
    commitment_list_for_commune,
    commitments_late_for_commune,
    flagged,
)
from recommendations.selectors.progress import commune_tally
from territory.selectors import commune_get
from web.page_cache import cache_public_page
from web.pagination import page_of

COMMITTEES_SHOWN = 10


# The commune page lives in consultations because it gathers both apps: its council's
# commitments (recommendations) and its committees, meetings and feedback (consultations).
@require_safe
@cache_public_page(scopes=lambda request, code: [f"commune:{code}"], query=("page",))
def commune_detail(request, code: str):
    commune = commune_get(code=code)
    coming, past = split_coming_and_past(meeting_list_for_commune(commune=commune))
    late, late_count = commitments_late_for_commune(commune=commune)
    committees = committee_list_for_commune(commune=commune)
    tally = commune_tally(commune=commune)
    context = {
        "commune": commune,
        "page": flagged(
            page_of(commitment_list_for_commune(commune=commune), request, count=tally.total)
        ),
        "late": late,
        "late_count": late_count,
        "tally": tally,
        "committees": committees[:COMMITTEES_SHOWN],
        "committee_count": committees.count(),
        "coming_meetings": coming,
        "past_meetings": past[:10],
        "feedback": feedback_published_for_commune(commune=commune),
        "can_manage": can_manage_committees(request.user, commune),
    }
    return render(request, "consultations/commune_detail.html", context)
