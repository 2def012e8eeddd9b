from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from taata_portal.models import ReminderItem, User
from taata_portal.reminders import kind_label

LIST_SIZE = 100


@require_safe
@login_required
def notifications(request):
    """The in-app list: what the reminders said, newest first, whether or not email is on."""
    items = list(
        ReminderItem.objects.filter(recipient=request.user).order_by("-created_at", "pk")[
            :LIST_SIZE
        ]
    )
    language = request.LANGUAGE_CODE
    rows = [
        {
            "label": kind_label(item.kind),
            "title": (item.payload.get("title") or {}).get(language)
            or (item.payload.get("title") or {}).get("ar", ""),
            "path": f"/{language}{item.payload.get('path', '/')}",
            "date": item.payload.get("date", ""),
            "when": item.created_at,
        }
        for item in items
    ]
    return render(request, "taata_portal/notifications.html", {"rows": rows})


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language", "email_reminders", "digest_frequency"]
        labels = {"language": gettext_lazy("Language of your messages")}


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def preferences(request):
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences are saved."))
        return redirect("my_preferences")
    return render(request, "taata_portal/preferences.html", {"form": form})
