from django.shortcuts import render
from django.views.decorators.http import require_safe

from recommendations.selectors.lists import listed, recommendation_commitments
from recommendations.selectors.progress import (
    progress_matrix,
    province_tally,
    public_tallies,
    recommendation_cards,
    recommendation_tally,
)
from recommendations.selectors.recommendations import all_recommendations, recommendation_get
from territory.selectors import all_communes
from web.page_cache import cache_public_page
from web.pagination import page_of


def _overview() -> dict:
    recommendations = list(all_recommendations())
    communes = list(all_communes())
    tallies = public_tallies()
    return {
        "cards": recommendation_cards(recommendations=recommendations, tallies=tallies),
        "recommendations": recommendations,
        "communes": communes,
        "matrix": progress_matrix(
            communes=communes, recommendations=recommendations, tallies=tallies
        ),
        "province": province_tally(tallies),
    }


@require_safe
@cache_public_page()
def home(request):
    return render(request, "recommendations/home.html", _overview())


@require_safe
@cache_public_page()
def matrix(request):
    return render(request, "recommendations/matrix_page.html", _overview())


@require_safe
@cache_public_page(scopes=lambda request, number: [f"recommendation:{number}"], query=("page",))
def recommendation_detail(request, number: int):
    recommendation = recommendation_get(number=number)
    commitments = recommendation_commitments(recommendation=recommendation)
    tally = recommendation_tally(recommendation=recommendation)
    context = {
        "recommendation": recommendation,
        "tally": tally,
        "page": listed(page_of(commitments, request, count=tally.total)),
    }
    return render(request, "recommendations/recommendation_detail.html", context)
