from django.conf import settings
from django.shortcuts import render


class RequestSizeLimitMiddleware:
    """Refuse bodies larger than any form needs before Django spools them to disk.

    Evidence files are at most EVIDENCE_MAX_BYTES; a little more covers the other fields. The
    answer is a page in the visitor's language (this runs after LocaleMiddleware).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.EVIDENCE_MAX_BYTES + settings.REQUEST_OVERHEAD_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return render(request, "413.html", status=413)
        return self.get_response(request)
