from django.utils.translation import gettext_lazy as _

from accounts.models import User
from web.forms import PortalModelForm


class PreferencesForm(PortalModelForm):
    class Meta:
        model = User
        fields = ["language", "email_reminders", "digest_frequency"]
        labels = {"language": _("Language of your messages")}
