from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from notifications.forms import PreferencesForm
from notifications.registry import kind_label
from notifications.selectors import reminder_items_for
from notifications.services.preferences import preferences_update
from text.dates import format_stored
from text.languages import in_language


@require_safe
@login_required
def notifications(request):
    """The in-app list: what the reminders said, newest first, whether or not email is on."""
    language = request.LANGUAGE_CODE
    rows = [
        {
            "label": kind_label(item.kind),
            "title": in_language(item.payload.get("title"), language),
            "path": f"/{language}{item.payload.get('path', '/')}",
            "date": format_stored(item.payload.get("date"), language),
            "when": item.created_at,
        }
        for item in reminder_items_for(user=request.user)
    ]
    return render(request, "notifications/my_notifications.html", {"rows": rows})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def preferences(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        preferences_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your preferences are saved."))
        return redirect("my_preferences")
    return render(request, "notifications/preferences.html", {"form": form})
