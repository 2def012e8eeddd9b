"""Predicates every app shares, and how a view refuses."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def is_observatory_staff(user) -> bool:
    return user.is_authenticated and user.is_observatory_staff


def councillor_commune_id(user) -> int | None:
    """The commune whose council the user sits on, if any."""
    if not user.is_authenticated or not user.is_councillor or user.body is None:
        return None
    return user.body.commune_id


def refuse(request):
    """Anonymous visitors are sent to log in; a logged-in user who may not gets a 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
