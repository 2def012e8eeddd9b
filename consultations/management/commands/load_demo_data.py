from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from taata_portal.services.demo import DEMO_PASSWORD, demo_accounts_create


class Command(BaseCommand):
    help = "Load clearly marked sample data (demo accounts and their records) to try the portal."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even when DEBUG is off. Demo accounts have a published password.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "Refusing to load demo data with DEBUG off: demo accounts have a published "
                "password. Pass --allow-production if this really is a test site."
            )
        users = demo_accounts_create()
        self.stdout.write(f"Demo accounts (sample data, password for all: {DEMO_PASSWORD}):")
        for user in users:
            where = f" — {user.body.name_fr}" if user.body else ""
            self.stdout.write(f"  {user.username:24} {user.get_role_display()}{where}")
