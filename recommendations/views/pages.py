from django.shortcuts import render
from django.views.decorators.http import require_safe

from recommendations.selectors.commitments import commitment_list_for_recommendation
from recommendations.selectors.progress import (
    progress_matrix,
    province_progress,
    recommendation_list_with_progress,
)
from recommendations.selectors.recommendations import recommendation_get
from territory.selectors import commune_list
from web.page_cache import cache_public_page


def _overview() -> dict:
    recommendations = list(recommendation_list_with_progress())
    communes = list(commune_list())
    return {
        "recommendations": recommendations,
        "communes": communes,
        "matrix": progress_matrix(communes=communes, recommendations=recommendations),
        "province": province_progress(),
    }


@require_safe
@cache_public_page
def home(request):
    return render(request, "recommendations/home.html", _overview())


@require_safe
@cache_public_page
def matrix(request):
    return render(request, "recommendations/matrix_page.html", _overview())


@require_safe
@cache_public_page
def recommendation_detail(request, number: int):
    recommendation = recommendation_get(number=number)
    context = {
        "recommendation": recommendation,
        "commitments": commitment_list_for_recommendation(recommendation=recommendation),
    }
    return render(request, "recommendations/recommendation_detail.html", context)
