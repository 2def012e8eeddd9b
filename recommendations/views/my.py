from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.permissions import is_observatory_staff
from recommendations.forms import StatusUpdateForm
from recommendations.selectors.commitments import commitment_list_for_user


@require_safe
@login_required
def my_page(request):
    """A councillor's commitments, most urgent first, each with the form to post an update."""
    user = request.user
    if not (user.is_councillor or is_observatory_staff(user)):
        commitments = []
    else:
        commitments = list(commitment_list_for_user(user=user))
    items = [(c, StatusUpdateForm(commitment=c, auto_id=f"c{c.pk}_%s")) for c in commitments]
    return render(request, "recommendations/my.html", {"items": items})
