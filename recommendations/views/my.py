from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from recommendations.selectors.my_work import MyWork, my_work


@require_safe
@login_required
def my_page(request):
    """A councillor's commitments, what is late first and by how much; for staff, what is late
    everywhere. Each card links to its update form."""
    user = request.user
    commune = request.GET.get("commune", "")[:20]
    if user.is_councillor or user.is_observatory_staff:
        work = my_work(user=user, commune_code=commune)
    else:
        work = MyWork()
    return render(request, "recommendations/my.html", {"work": work})
