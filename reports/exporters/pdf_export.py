"""PDF with WeasyPrint: Arabic shaped and right to left (Pango and HarfBuzz do the shaping),
a cover with the filters, the as-of day and the generation time, the charts, a section per
commune, page numbers. French and English reports run left to right."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from reports import charts


def report_html(report) -> str:
    rtl = report.language == "ar"
    rows_by_commune: dict = {}
    for row in report.rows:
        rows_by_commune.setdefault((row.commune_code, row.commune or row.body), []).append(row)
    with translation.override(report.language):
        context = {
            "report": report,
            "rtl": rtl,
            "generated_local": timezone.localtime(report.generated_at),
            "sections": sorted(rows_by_commune.items(), key=lambda item: item[0][0] or "~"),
            "chart_recommendations": charts.progress_by_recommendation(
                report.by_recommendation, rtl
            ),
            "chart_communes": charts.levels_by_commune(report.by_commune, rtl),
            "chart_months": charts.updates_per_month(report.updates_per_month, rtl),
        }
        return render_to_string("reports/pdf.html", context)


def report_pdf_bytes(report, progress=None) -> bytes:
    from weasyprint import HTML  # heavy import, only where PDFs are made

    html = report_html(report)
    if progress:
        progress(30)
    data = HTML(string=html).write_pdf()
    if progress:
        progress(100)
    return data
