"""Fill an EMPTY database with benchmark volumes: at scale 1, 20 communes, 400 commitments,
4,000 milestones, 20,000 status updates, 300 meetings, 100,000 feedback, 2,000 councillors.

    python -m bench.generate --scale 1 [--updates N]

Not product code: it lives with the benchmarks and is never installed as a command."""

import argparse
import os
import sys
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--updates", type=int, help="Status updates in all (overrides scale).")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taata_portal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from bench.data import bench_data_generate
    from recommendations.models import Commitment

    call_command("load_reference_data")
    if Commitment.objects.exists():
        print("The database already has commitments: benchmarks need an empty one.")
        return 1
    start = time.perf_counter()
    counts = bench_data_generate(scale=args.scale, updates=args.updates)
    elapsed = time.perf_counter() - start
    print(", ".join(f"{v} {k}" for k, v in counts.items()) + f" in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
