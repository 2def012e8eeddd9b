import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from accounts.models import User
from notifications.registry import kind_label
from notifications.services.daily_run import reminders_collect, reminders_escalations, reminders_run
from text.languages import in_language


class Command(BaseCommand):
    help = "Run the daily reminders, as the scheduler does; --dry-run prints who would get what."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print, store and send nothing.")
        parser.add_argument("--now", help="Pretend it is this date or time (ISO 8601).")

    def handle(self, *args, dry_run=False, now=None, **options):
        moment = self._moment(now)
        if not dry_run:
            summary = reminders_run(now=moment)
            self.stdout.write(
                "{reminders} reminders ({new} new), {escalations} escalations, "
                "{digests} digests to send.".format(**summary)
            )
            return
        reminders = reminders_collect(now=moment)
        reminders += reminders_escalations(reminders, now=moment)
        people = User.objects.in_bulk({r.recipient_id for r in reminders})
        by_person: dict = {}
        for reminder in reminders:
            by_person.setdefault(reminder.recipient_id, []).append(reminder)
        for user_id, items in sorted(by_person.items()):
            user = people[user_id]
            with translation.override(user.language):
                email = "email" if user.email_reminders and user.email else "no email"
                self.stdout.write(f"{user.username} [{user.language}, {email}]")
                for item in sorted(items, key=lambda r: (r.kind, r.item_ref)):
                    title = in_language(item.payload.get("title"), user.language)
                    self.stdout.write(f"  - {kind_label(item.kind)}: {title}")
        self.stdout.write(f"{len(reminders)} reminders for {len(by_person)} people (dry run).")

    def _moment(self, raw):
        if not raw:
            return timezone.now()
        try:
            moment = datetime.datetime.fromisoformat(raw)
        except ValueError as exc:
            raise CommandError(f"--now: not an ISO date or time: {raw}") from exc
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment
