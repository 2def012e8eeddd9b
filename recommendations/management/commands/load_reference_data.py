from django.core.management.base import BaseCommand

from recommendations.services.reference import recommendations_load_reference
from territory.services import bodies_load_reference, communes_load_reference
from web.page_cache import everything_changed


class Command(BaseCommand):
    help = (
        "Load the 20 communes, the bodies and the nine recommendations. Idempotent: existing "
        "rows keep their values, only empty fields are filled."
    )

    def handle(self, *args, **options):
        for label, loader in (
            ("communes", communes_load_reference),
            ("bodies", bodies_load_reference),
            ("recommendations", recommendations_load_reference),
        ):
            counts = loader()
            summary = ", ".join(f"{n} {k}" for k, n in counts.items())
            self.stdout.write(f"{label}: {summary}")
        everything_changed()  # names and titles show on every page
