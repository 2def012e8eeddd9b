from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations and feedback")

    def ready(self):
        from consultations import reminder_rules

        reminder_rules.register()
