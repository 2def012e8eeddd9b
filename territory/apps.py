from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "territory"
    verbose_name = _("Communes and bodies")

    def ready(self):
        from territory.models import Body, Commune
        from web.memo import epoch_moves_with

        # Kept per process by the pages (territory.selectors): a change anywhere reaches them.
        epoch_moves_with(Commune, Body)
