from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import DEMO_PASSWORD, FEATURED_COUNCILLORS, demo_accounts_create
from consultations.services.demo import demo_consultations_create
from recommendations.services.demo import demo_commitments_create
from web.page_cache import everything_changed


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
        staff = next(u for u in users if u.role == User.Role.STAFF)
        councillors = {u.body_id: u for u in users if u.is_councillor}
        commitments = demo_commitments_create(staff=staff, councillors=councillors)
        by_commune = {u.body.commune_id: u for u in users if u.is_councillor}
        counts = demo_consultations_create(staff=staff, councillors_by_commune=by_commune)
        everything_changed()

        self.stdout.write(
            f"Demo data (sample, not real): {commitments} commitments, "
            f"{counts['committees']} committees, {counts['meetings']} meetings, "
            f"{counts['feedback']} feedback."
        )
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        shown = [u for u in users if not u.is_councillor or u.username in FEATURED_COUNCILLORS]
        for user in shown:
            where = f" — {user.body.name_fr}" if user.body else ""
            self.stdout.write(f"  {user.username:24} {user.role}{where}")
        more = len(users) - len(shown)
        self.stdout.write(f"  … and {more} more councillors: demo-councillor-<commune>")
