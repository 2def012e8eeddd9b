from urllib.parse import unquote_plus

from django.shortcuts import render


class RefuseNulInQueryMiddleware:
    """No link or form of the portal puts a NUL character in an address; PostgreSQL cannot
    even compare one. Such a request gets a 400 page in the visitor's language instead of
    reaching a view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in unquote_plus(query) or "\x00" in request.path:
            return render(request, "400.html", status=400)
        return self.get_response(request)
