"""Staff import commitments, milestones and updates from a spreadsheet: a preview first (what
each row would do, every problem), then, confirmed, the import itself, all or nothing. Every
file is recorded with who, when and its SHA-256 (recommendations.imports for the rules)."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.types import Actor
from recommendations.imports.runner import ImportResult, run_import
from recommendations.models import SpreadsheetImport
from recommendations.permissions import can_manage_commitments
from uploads.limits import upload_bytes

S = SpreadsheetImport.Status


def _status(result: ImportResult) -> str:
    return S.PREVIEWED if result.ok else S.REFUSED


def spreadsheet_preview(
    *, user: Actor, uploaded: UploadedFile
) -> tuple[SpreadsheetImport, ImportResult]:
    """Read and try the file, keep it with its record, write nothing else."""
    if not can_manage_commitments(user):
        raise PermissionDenied
    data = upload_bytes(
        uploaded,
        limit=settings.EVIDENCE_MAX_BYTES,
        too_big=_("The file is too big: at most %(max)s MB."),
    )
    result = run_import(data=data, user=user, commit=False)
    digest = hashlib.sha256(data).hexdigest()
    record = SpreadsheetImport.objects.create(
        created_by=user,
        file=ContentFile(data, name=f"{digest[:16]}.{'xlsx' if data[:2] == b'PK' else 'csv'}"),
        file_name=str(getattr(uploaded, "name", ""))[:200],
        sha256=digest,
        status=_status(result),
        counts=result.counts | {"file_errors": len(result.file_errors)},
    )
    return record, result


def _data(record: SpreadsheetImport) -> bytes:
    with record.file.open("rb") as f:
        data = f.read()
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise ValidationError(_("The stored file changed since it was previewed: upload it again."))
    return data


def spreadsheet_try(*, user: Actor, import_id: int) -> tuple[SpreadsheetImport, ImportResult]:
    """The preview again, for the record's page."""
    if not can_manage_commitments(user):
        raise PermissionDenied
    record = SpreadsheetImport.objects.get(pk=import_id)
    return record, run_import(data=_data(record), user=user, commit=False)


@transaction.atomic
def spreadsheet_confirm(*, user: Actor, import_id: int) -> tuple[SpreadsheetImport, ImportResult]:
    """Import the previewed file: everything, or (if a row fails now) nothing."""
    if not can_manage_commitments(user):
        raise PermissionDenied
    record = SpreadsheetImport.objects.select_for_update().get(pk=import_id)
    if record.status != S.PREVIEWED:
        raise ValidationError(_("This file was already imported, or has errors to correct."))
    result = run_import(data=_data(record), user=user, commit=True)
    record.counts = result.counts | {"file_errors": len(result.file_errors)}
    if result.ok:
        record.status, record.imported_at = S.IMPORTED, timezone.now()
    else:
        record.status = S.REFUSED
    record.save(update_fields=["counts", "status", "imported_at"])
    return record, result
