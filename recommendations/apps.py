from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _count_rollups_if_missing(**kwargs) -> None:
    """A database migrated with commitments but no roll-ups yet (they came with the one-truth
    figures, or a bulk load skipped them) gets them counted once, from its commitments."""
    from recommendations.models import Commitment, Rollup
    from recommendations.services.rollups import rollups_rebuild

    if Commitment.objects.exists() and not Rollup.objects.exists():
        rollups_rebuild()


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Recommendations and commitments")

    def ready(self):
        from recommendations import reminder_rules
        from recommendations.models import Recommendation
        from web.memo import epoch_moves_with

        reminder_rules.register()
        # Kept per process by the pages (selectors.recommendations): a change reaches them.
        epoch_moves_with(Recommendation)
        post_migrate.connect(_count_rollups_if_missing, sender=self)
