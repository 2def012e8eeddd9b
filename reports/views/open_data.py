"""Public, anonymous open data: progress of public commitments, the timeline of their updates,
and the reports staff published. No names or contacts, ever."""

from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from reports.exporters import CONTENT_TYPES
from reports.exporters.csv_export import report_csv_lines
from reports.exporters.json_export import report_dict
from reports.filters import ReportFilters
from reports.models import PublishedReport
from reports.services.build import SCHEMA_VERSION, report_build
from reports.services.updates_csv import updates_csv_chunks
from text.languages import interface_languages
from web.page_cache import cache_public_page

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "progress-1.1.json"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def _language(request) -> str:
    language = request.GET.get("language")
    return language if language in interface_languages() else "ar"


def _public_report(request):
    filters = ReportFilters(as_of=timezone.localdate(), public_only=True)
    return report_build(filters=filters, language=_language(request))


@require_safe
@cache_public_page(scopes=lambda request: ["open-data"])
def open_data_page(request):
    context = {
        "published": PublishedReport.objects.order_by("-created_at")[:50],
        "licence_url": LICENCE_URL,
        "schema_version": SCHEMA_VERSION,
    }
    return render(request, "reports/open_data.html", context)


@require_safe
@cache_control(public=True, max_age=300)
@cache_public_page(query=("language",))
def progress_json(request):
    data = report_dict(_public_report(request))
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "sort_keys": True})


@require_safe
@cache_control(public=True, max_age=300)
@cache_public_page(query=("language",))
def progress_csv(request):
    # One row per public commitment, a bounded size: built whole, so the page cache keeps it.
    response = HttpResponse(
        "".join(report_csv_lines(_public_report(request))).encode("utf-8"),
        content_type=CONTENT_TYPES["csv"],
    )
    response["Content-Disposition"] = 'attachment; filename="progress.csv"'
    return response


@require_safe
def updates_csv(request):
    """Every entry of every public commitment's timeline, streamed: memory stays flat."""
    lines = updates_csv_chunks()
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines), content_type=CONTENT_TYPES["csv"]
    )
    response["Content-Disposition"] = 'attachment; filename="updates.csv"'
    return response


@require_safe
@cache_control(public=True, max_age=3600)
def schema_json(request):
    return HttpResponse(SCHEMA.read_bytes(), content_type="application/schema+json")


@require_safe
def published_file(request, report_id: int):
    published = get_object_or_404(PublishedReport, pk=report_id)
    if not published.file:
        raise Http404
    response = FileResponse(
        published.file.open("rb"),
        as_attachment=True,
        filename=published.file.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES[published.format],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
