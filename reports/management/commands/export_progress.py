import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.filters import ReportFilters
from reports.services.files import report_bytes
from text.languages import interface_languages


class Command(BaseCommand):
    help = "Write a progress report to a file, with the same filters as the reports page."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=["csv", "xlsx", "pdf", "json"])
        parser.add_argument("--output", required=True, help="File to write.")
        parser.add_argument("--as-of", help="Figures as of this day (YYYY-MM-DD); default today.")
        parser.add_argument("--period-start", help="Count updates from this day (YYYY-MM-DD).")
        parser.add_argument("--commune", action="append", default=[], help="Official code.")
        parser.add_argument("--recommendation", action="append", type=int, default=[])
        parser.add_argument("--body", action="append", default=[], help="Body identifier.")
        parser.add_argument("--level", action="append", default=[])
        parser.add_argument("--language", default="ar", choices=interface_languages())
        parser.add_argument("--public-only", action="store_true")

    def handle(self, *args, **o):
        filters = ReportFilters(
            as_of=self._date(o["as_of"]) or timezone.localdate(),
            period_start=self._date(o["period_start"]),
            communes=tuple(o["commune"]),
            recommendations=tuple(o["recommendation"]),
            bodies=tuple(o["body"]),
            levels=tuple(o["level"]),
            public_only=o["public_only"],
        )
        data, _name = report_bytes(filters=filters, language=o["language"], fmt=o["format"])
        Path(o["output"]).write_bytes(data)
        self.stdout.write(f"{o['output']}: {len(data)} bytes")

    def _date(self, raw):
        if not raw:
            return None
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError as exc:
            raise CommandError(f"not a date (YYYY-MM-DD): {raw}") from exc
