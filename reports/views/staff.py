from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from recommendations.state.levels import Level
from reports import charts
from reports.exporters import CONTENT_TYPES, WRITERS, filename
from reports.exporters.csv_export import report_csv_lines
from reports.filters import ReportFilterForm
from reports.models import FORMATS, ReportJob
from reports.permissions import can_download_job, can_publish_reports, can_view_reports
from reports.services.build import report_build
from reports.services.files import needs_background, report_job_create, report_publish
from web.refusal import refuse

PREVIEW_ROWS = 50


def _form(request, data):
    form = ReportFilterForm(data or None, initial={"language": get_language()})
    if not data:
        # No filters yet: today, everything, in the page's language.
        form = ReportFilterForm({"language": get_language()})
    return form


@require_safe
@login_required
def report_page(request):
    if not can_view_reports(request.user):
        return refuse(request)
    form = _form(request, request.GET)
    context = {"form": form, "formats": FORMATS, "query": request.GET.urlencode()}
    if form.is_valid():
        language = form.cleaned_data["language"]
        report = report_build(filters=form.filters(), language=language)
        context.update(
            report=report,
            preview=report.rows[:PREVIEW_ROWS],
            months=charts.month_bars(report.updates_per_month),
            commune_bars=charts.level_segments(report.by_commune),
            level_choices=Level.choices,
            can_publish=can_publish_reports(request.user),
        )
    return render(
        request, "reports/report_page.html", context, status=200 if form.is_valid() else 400
    )


def _attachment(response, name: str):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
@login_required
def report_download(request, fmt: str):
    if not can_view_reports(request.user):
        return refuse(request)
    if fmt not in WRITERS:
        raise Http404
    form = _form(request, request.GET)
    if not form.is_valid():
        return render(request, "reports/report_page.html", {"form": form}, status=400)
    filters, language = form.filters(), form.cleaned_data["language"]
    report = report_build(filters=filters, language=language)
    if fmt == "csv":
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in report_csv_lines(report)),
            content_type=CONTENT_TYPES["csv"],
        )
        return _attachment(response, filename(report, fmt))
    if needs_background(fmt=fmt, rows=len(report.rows)):
        job = report_job_create(user=request.user, filters=filters, language=language, fmt=fmt)
        return redirect("report_job", job_id=job.pk)
    response = HttpResponse(WRITERS[fmt](report), content_type=CONTENT_TYPES[fmt])
    return _attachment(response, filename(report, fmt))


@require_POST
@login_required
def report_publish_view(request):
    if not can_publish_reports(request.user):
        return refuse(request)
    form = ReportFilterForm(request.POST)
    fmt = request.POST.get("format", "")
    if fmt not in WRITERS or not form.is_valid():
        messages.error(request, _("Choose valid filters and a format before publishing."))
        return redirect("reports")
    if request.POST.get("confirmed") != "yes":
        # Publishing is public and for good: say what will be published, and ask once more.
        report = report_build(filters=form.filters(), language=form.cleaned_data["language"])
        context = {
            "form": form,
            "fmt": fmt,
            "format_label": dict(FORMATS)[fmt],
            "report": report,
            "back": f"{reverse('reports')}?{_without_format(request.POST)}",
        }
        return render(request, "reports/publish_confirm.html", context)
    published = report_publish(
        user=request.user, filters=form.filters(), language=form.cleaned_data["language"], fmt=fmt
    )
    messages.success(request, _("Published. SHA-256: %(hash)s") % {"hash": published.sha256})
    return redirect("open_data")


def _without_format(data) -> str:
    query = data.copy()
    for key in ("format", "confirmed", "csrfmiddlewaretoken"):
        query.pop(key, None)
    return query.urlencode()


@require_safe
@login_required
def report_job(request, job_id: int):
    job = get_object_or_404(ReportJob, pk=job_id)
    if not can_download_job(request.user, job):
        return refuse(request)
    return render(request, "reports/job.html", {"job": job})


@require_safe
@login_required
def report_job_file(request, job_id: int):
    job = get_object_or_404(ReportJob, pk=job_id)
    if not can_download_job(request.user, job):
        return refuse(request)
    if job.status != ReportJob.Status.DONE or not job.file:
        raise Http404
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.file.name.rsplit("/", 1)[-1],
        content_type=CONTENT_TYPES[job.format],
    )
