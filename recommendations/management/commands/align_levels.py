from django.core.management.base import BaseCommand

from recommendations.services.alignment import commitments_align_levels


class Command(BaseCommand):
    help = (
        "Align every commitment's level with the band of its progress (after changing "
        "LEVEL_SUBSTANTIAL_FROM), each with a timeline entry, and count the roll-ups again."
    )

    def handle(self, *args, **options):
        aligned = commitments_align_levels()
        self.stdout.write(f"{aligned} commitments aligned; roll-ups counted again.")
