from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def refuse(request):
    """Anonymous visitors are sent to log in; a logged-in user who may not gets a 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
