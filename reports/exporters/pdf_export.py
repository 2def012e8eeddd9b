"""PDF with WeasyPrint: Arabic shaped and right to left (Pango and HarfBuzz do the shaping),
a cover with the filters, the as-of day and the generation time, the charts, a section per
commune, page numbers. French and English reports run left to right."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from recommendations.state.levels import Level
from reports import charts
from text.bidi import isolated
from text.dates import format_day

TIFINAGH_FONT = Path(settings.BASE_DIR) / "static" / "fonts" / "NotoSansTifinagh-Regular.ttf"


def section_html(rows) -> SafeString:
    """A commune's commitments, one paragraph each (title first, then its facts), built once
    as text: a plain paragraph is the cheapest thing for WeasyPrint to lay out, several times
    cheaper than a table row, which keeps the province report at ten times today's data within
    seconds (BENCHMARKS.md)."""
    words = {
        "rec": escape(_("Rec.")),
        "target": escape(_("Target date")),
        "last": escape(_("Last update")),
        "overdue": escape(_("Overdue")),
        "stale": escape(_("Stale")),
    }
    language = translation.get_language()
    html = []
    for r in rows:
        facts = [
            f"{words['rec']} {r.recommendation}",
            # "40%" as it is: a figure and its sign hold together in either direction, and an
            # isolate around them put the sign on the wrong side in WeasyPrint. Dates are
            # isolated, so a date stays one piece inside the sentence.
            f"{escape(r.level_label)} {r.progress}%",
            f"{words['target']} {isolated(format_day(r.target_date, language))}",
            f"{words['last']} {isolated(format_day(r.last_update, language) or '–')}",
        ]
        facts += [words[flag] for flag in ("overdue", "stale") if getattr(r, flag)]
        html.append(f'<p class="row">{escape(r.title)} — {" · ".join(facts)}</p>')
    return mark_safe("".join(html))  # noqa: S308 - every text escaped above


def report_html(report) -> str:
    rtl = report.language == "ar"
    rows_by_commune: dict = {}
    for row in report.rows:
        rows_by_commune.setdefault((row.commune_code, row.commune or row.body), []).append(row)
    with translation.override(report.language):
        sections = sorted(rows_by_commune.items(), key=lambda item: item[0][0] or "~")
        context = {
            "report": report,
            "rtl": rtl,
            "generated_local": timezone.localtime(report.generated_at),
            "sections": [(key, section_html(rows)) for key, rows in sections],
            "months": charts.month_bars(report.updates_per_month),
            "commune_bars": charts.coloured_segments(report.by_commune),
            "level_colours": [(charts.LEVEL_COLOURS[v], label) for v, label in Level.choices],
            "tifinagh_font": TIFINAGH_FONT.as_uri(),
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
