import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from recommendations.models import Commitment
from reports.services.bench_data import bench_data_generate


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database with benchmark volumes: at scale 1, 20 communes, 400 commitments, "
        "4,000 milestones, 20,000 status updates, 300 meetings, 100,000 feedback, "
        "2,000 councillors."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=1)
        parser.add_argument("--updates", type=int, help="Status updates in all (overrides scale).")

    def handle(self, *args, scale, updates, **options):
        call_command("load_reference_data", stdout=self.stdout)
        if Commitment.objects.exists():
            raise CommandError(
                "The database already has commitments: benchmarks need an empty one."
            )
        start = time.perf_counter()
        counts = bench_data_generate(scale=scale, updates=updates)
        elapsed = time.perf_counter() - start
        summary = ", ".join(f"{v} {k}" for k, v in counts.items())
        self.stdout.write(f"{summary} in {elapsed:.1f} s")
