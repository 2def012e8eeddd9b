from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from accounts.selectors import user_named
from recommendations.services.imports import spreadsheet_confirm, spreadsheet_preview


class Command(BaseCommand):
    help = (
        "Import commitments, milestones and progress updates from an XLSX or CSV file (the "
        "template of /imports/), as the given staff member: all rows or none; --dry-run only "
        "says what each row would do."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="username of the staff member")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, file: Path, user: str, dry_run: bool, **options):
        staff = user_named(username=user)
        if staff is None or not staff.is_observatory_staff:
            raise CommandError(f"{user!r} is not an active staff member")
        if not file.is_file():
            raise CommandError(f"{file} is not a file")
        upload = SimpleUploadedFile(file.name, file.read_bytes())
        record, result = spreadsheet_preview(user=staff, uploaded=upload)
        for error in result.file_errors:
            self.stderr.write(error)
        for outcome in result.outcomes:
            line = (
                f"{outcome.row.sheet}:{outcome.row.line} {outcome.row.reference} {outcome.action}"
            )
            self.stdout.write(f"{line} {outcome.detail}".rstrip())
        if not result.ok:
            raise CommandError("nothing imported: correct the errors above")
        if dry_run:
            self.stdout.write(f"dry run: {result.counts} (record {record.pk})")
            return
        record, result = spreadsheet_confirm(user=staff, import_id=record.pk)
        if not result.ok:
            raise CommandError("nothing imported: a row failed when applied")
        self.stdout.write(f"imported: {result.counts} (record {record.pk}, sha256 {record.sha256})")
