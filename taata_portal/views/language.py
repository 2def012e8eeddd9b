from django.shortcuts import redirect
from django.utils.translation import get_language_from_request
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers


@require_safe
@vary_on_headers("Accept-Language", "Cookie")
def root_redirect(request):
    """`/` sends the visitor to their language: French or English if they ask, else Arabic."""
    language = get_language_from_request(request)
    return redirect(f"/{language}/")
