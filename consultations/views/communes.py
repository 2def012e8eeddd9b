from django.shortcuts import render
from django.views.decorators.http import require_safe

from recommendations.selectors.commitments import late_counts_by_commune
from recommendations.selectors.progress import commune_tallies, public_tallies
from territory.selectors import commune_list, commune_search
from web.page_cache import cache_public_page

QUERY_MAX = 100


@require_safe
@cache_public_page()  # a search (?q=) is never cached: only the plain list is
def commune_list_page(request):
    """The twenty communes, municipalities first, each with its progress and what is late; a
    search by any of their names, however typed."""
    query = request.GET.get("q", "")[:QUERY_MAX]
    communes = commune_search(query=query) if query.strip() else list(commune_list())
    tallies = commune_tallies(tallies=public_tallies(), communes=communes)
    late = late_counts_by_commune()
    rows = [(c, tallies[c.pk], late.get(c.pk, 0)) for c in communes]
    return render(request, "consultations/commune_list.html", {"rows": rows, "query": query})
