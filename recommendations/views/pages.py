from django.shortcuts import render
from django.views.decorators.http import require_safe

from recommendations.selectors.recommendations import recommendation_get, recommendation_list
from taata_portal.selectors import commune_list


@require_safe
def home(request):
    context = {"recommendations": recommendation_list(), "communes": commune_list()}
    return render(request, "recommendations/home.html", context)


@require_safe
def recommendation_detail(request, number: int):
    context = {"recommendation": recommendation_get(number=number)}
    return render(request, "recommendations/recommendation_detail.html", context)
