"""Making report files, publishing them, and building big ones in the background."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.types import Actor
from background.enqueue import enqueue_on_commit
from reports.exporters import WRITERS, filename
from reports.filters import ReportFilters
from reports.models import PublishedReport, ReportJob
from reports.permissions import can_publish_reports, can_view_reports
from reports.services.build import report_build
from text.dates import format_day
from web.page_cache import pages_changed

ASYNC_FORMATS = ("pdf", "xlsx")


def report_bytes(
    *,
    filters: ReportFilters,
    language: str,
    fmt: str,
    progress: Callable[[int], None] | None = None,
) -> tuple[bytes, str]:
    report = report_build(filters=filters, language=language)
    writer = WRITERS[fmt]
    data = writer(report, progress=progress) if fmt in ASYNC_FORMATS else writer(report)
    return data, filename(report, fmt)


def needs_background(*, fmt: str, rows: int) -> bool:
    """PDF and XLSX past a number of rows are built by a worker (immediately without a broker)."""
    threshold = {"pdf": settings.REPORT_ASYNC_ROWS_PDF, "xlsx": settings.REPORT_ASYNC_ROWS_XLSX}
    return fmt in threshold and rows > threshold[fmt]


@transaction.atomic
def report_publish(
    *, user: Actor, filters: ReportFilters, language: str, fmt: str
) -> PublishedReport:
    if not can_publish_reports(user):
        raise PermissionDenied
    # Open data: what is published holds public commitments only.
    filters = ReportFilters(**{**filters.__dict__, "public_only": True})
    data, name = report_bytes(filters=filters, language=language, fmt=fmt)
    # The title in the report's own language, its day written as that language writes it.
    with translation.override(language):
        title = _("Progress as of %(day)s") % {"day": format_day(filters.as_of, language)}
    published = PublishedReport(
        title=title,
        format=fmt,
        language=language,
        as_of=filters.as_of,
        filters=filters.as_json(),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        created_by=user,
    )
    published.file.save(name, ContentFile(data), save=False)
    published.save()
    pages_changed("open-data")
    return published


def report_job_create(*, user: Actor, filters: ReportFilters, language: str, fmt: str) -> ReportJob:
    if not can_view_reports(user):
        raise PermissionDenied
    job = ReportJob.objects.create(
        format=fmt, language=language, params=filters.as_json(), created_by=user
    )

    # No broker reachable: build it here rather than never.
    enqueue_on_commit(
        "reports.tasks.build_report",
        [(job.pk,)],
        fallback=lambda args: report_job_run(job_id=args[0]),
    )
    return job


def report_job_run(*, job_id: int) -> ReportJob:
    """Safe to run twice: a finished job is left as it is."""
    job = ReportJob.objects.get(pk=job_id)
    if job.status == ReportJob.Status.DONE:
        return job
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING, progress=5)

    def progress(percent: int) -> None:
        ReportJob.objects.filter(pk=job.pk).update(progress=min(percent, 99))

    try:
        data, name = report_bytes(
            filters=ReportFilters.from_json(job.params),
            language=job.language,
            fmt=job.format,
            progress=progress,
        )
    except Exception as exc:
        ReportJob.objects.filter(pk=job.pk).update(
            status=ReportJob.Status.FAILED, error=repr(exc)[:2000], finished_at=timezone.now()
        )
        raise
    job.file.save(name, ContentFile(data), save=False)
    job.status, job.progress, job.finished_at = ReportJob.Status.DONE, 100, timezone.now()
    job.save(update_fields=["file", "status", "progress", "finished_at"])
    return job
