from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from consultations.models import Feedback
from consultations.selectors.answers import province_figures, published_answers, response_figures
from recommendations.selectors.recommendations import recommendation_list
from territory.selectors import commune_list
from web.forms import PortalForm
from web.page_cache import cache_public_page
from web.pagination import page_of, query_without_page

ANSWERS_PER_PAGE = 20


class AnswersFilterForm(PortalForm):
    commune = forms.ModelChoiceField(
        label=_("Commune"), queryset=commune_list(), required=False, empty_label=_("All")
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *Feedback.Kind.choices], required=False
    )
    recommendation = forms.ModelChoiceField(
        label=_("Recommendation"),
        queryset=recommendation_list(),
        required=False,
        empty_label=_("All"),
    )


@require_safe
@cache_public_page(scopes=lambda request: ["answers"], query=("page",))
def answers_page(request):
    """Answers published by the observatory, and how quickly each commune responds."""
    filters = AnswersFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    answers = published_answers(
        commune_id=data["commune"].pk if data.get("commune") else None,
        kind=data.get("kind", ""),
        recommendation_id=data["recommendation"].pk if data.get("recommendation") else None,
    )
    per_commune = response_figures()
    context = {
        "filters": filters,
        "page": page_of(answers, request, size=ANSWERS_PER_PAGE),
        "figures": per_commune,
        "province": province_figures(per_commune),
        "query_string": query_without_page(request.GET),
    }
    return render(request, "consultations/answers.html", context)
