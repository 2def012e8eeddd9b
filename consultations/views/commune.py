from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from consultations.permissions import can_manage_committees
from consultations.selectors.committees import (
    committee_list_for_commune,
    meeting_list_for_commune,
    split_coming_and_past,
)
from consultations.selectors.feedback import feedback_published_for_commune
from consultations.services.public_pages import consultations_scope
from recommendations.selectors.lists import commune_commitments
from recommendations.selectors.progress import commune_tally
from territory.selectors import commune_get
from web.fragments import scoped_fragment
from web.page_cache import cache_public_page
from web.pagination import page_of

COMMITTEES_SHOWN = 10


def _scopes(request, code: str) -> list[str]:
    return [f"commune:{code}", consultations_scope(code)]


# The commune page lives in consultations because it gathers both apps: its council's
# commitments (recommendations) and its committees, meetings and feedback (consultations).
@require_safe
@cache_public_page(scopes=_scopes, query=("page",))
def commune_detail(request, code: str):
    commune = commune_get(code=code)
    tally = commune_tally(commune=commune)
    commitments = commune_commitments(commune=commune)
    context = {
        "commune": commune,
        "page": page_of(commitments.rows, request, count=tally.total),
        "late": commitments.late,
        "late_count": commitments.late_count,
        "tally": tally,
        "consultations": _consultations(request, commune),
    }
    return render(request, "consultations/commune_detail.html", context)


def _consultations(request, commune) -> str:
    """Committees, meetings and published feedback: the part of the page a status update leaves
    alone, kept as a fragment until a consultation write of this commune (web.fragments)."""
    can_manage = can_manage_committees(request.user, commune)

    def render_part() -> tuple[str, float]:
        coming, past = split_coming_and_past(meeting_list_for_commune(commune=commune))
        committees = list(committee_list_for_commune(commune=commune)[: COMMITTEES_SHOWN + 1])
        context = {
            "commune": commune,
            "committees": committees[:COMMITTEES_SHOWN],
            "more_committees": len(committees) > COMMITTEES_SHOWN,
            "committee_count": (
                committee_list_for_commune(commune=commune).count()
                if len(committees) > COMMITTEES_SHOWN
                else len(committees)
            ),
            "coming_meetings": coming,
            "past_meetings": past[:10],
            "feedback": feedback_published_for_commune(commune=commune),
            "can_manage": can_manage,
        }
        html = render_to_string(
            "consultations/partials/commune_consultations.html", context, request
        )
        # The part changes by itself when the next meeting starts (it moves to the past).
        starts = (coming[0].starts_at - timezone.now()).total_seconds() if coming else 86400
        return html, starts

    return scoped_fragment(
        "commune-consultations",
        scopes=[consultations_scope(commune.code)],
        key=(get_language(), request.get_host(), can_manage),
        render=render_part,
    )
