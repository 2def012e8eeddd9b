import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, the visitor gets a clear page in their language
    with HTTP 503 (and Retry-After), not a server error. The page needs no database: no user,
    no session, just the translated text. The transaction that failed was rolled back whole, so
    nothing half-written is left."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError) or not _unreachable(
            exception
        ):
            return None
        log.error("database unreachable during %s %s: %s", request.method, request.path, exception)
        html = render_to_string("503.html", {"request_path": request.path})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "60"
        return response


def _unreachable(exception: DatabaseError) -> bool:
    # A lost or refused connection, not a bug in a query.
    text = str(exception).lower()
    markers = (
        "connection",
        "could not connect",
        "server closed",
        "unable to open",
        "timeout",
        "terminating",
        "database is locked",
    )
    return isinstance(exception, InterfaceError) or any(m in text for m in markers)
