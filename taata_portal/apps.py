from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaataPortalConfig(AppConfig):
    name = "taata_portal"
    verbose_name = _("Portal core")

    def ready(self):
        from taata_portal.page_cache import connect_invalidation

        connect_invalidation()
