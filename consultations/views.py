from django.shortcuts import render
from django.views.decorators.http import require_safe

from taata_portal.selectors import commune_get


# The commune page lives in consultations because it gathers both apps: its council's
# commitments (recommendations) and its committees, meetings and feedback (consultations).
@require_safe
def commune_detail(request, code: str):
    commune = commune_get(code=code)
    return render(request, "consultations/commune_detail.html", {"commune": commune})
