from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def privacy(request):
    context = {
        "personal_data_days": settings.FEEDBACK_PERSONAL_DATA_DAYS,
        "cndp_declaration": settings.CNDP_DECLARATION,
        "log_days": settings.LOG_RETENTION_DAYS,
    }
    return render(request, "taata_portal/privacy.html", context)
