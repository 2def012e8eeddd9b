from django import forms
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from reports.exporters.csv_export import csv_lines
from reports.scorecard import BY_KEY, INDICATORS, scorecard, sorted_rows
from web.forms import DayField, PortalForm


class ScorecardForm(PortalForm):
    as_of = DayField(
        label=_("As of"),
        required=False,
        help_text=_("The figures as they stood at the end of this day. Empty: today."),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[("", _("Official code")), *((i.key, i.label) for i in INDICATORS)],
        required=False,
    )
    order = forms.ChoiceField(choices=[("asc", "asc"), ("desc", "desc")], required=False)

    def clean_as_of(self):
        day = self.cleaned_data.get("as_of")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("A report cannot be as of a future day."))
        return day


def _chart(rows, indicator) -> list[tuple[str, object, float]]:
    """(commune, value, bar length in hundredths) for one indicator: shares as they are,
    counts and days against the largest."""
    values = [r.values.get(indicator.key) for r in rows]
    top = max((v for v in values if v is not None), default=0) or 1
    scale = 100 if indicator.unit == "%" else top
    return [
        (r.name, v, round(100 * (v or 0) / scale, 1)) for r, v in zip(rows, values, strict=True)
    ]


def _rows(request):
    form = ScorecardForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    as_of = data.get("as_of") or timezone.localdate()
    rows = scorecard(as_of=as_of, language=get_language())
    key = data.get("sort") or ""
    if key:
        indicator = BY_KEY[key]
        descending = (
            data.get("order") or ("desc" if indicator.higher_is_better else "asc")
        ) == "desc"
        rows = sorted_rows(rows, key, descending)
    return form, as_of, rows, key, data.get("order", "")


@require_safe
def scorecard_page(request):
    form, as_of, rows, key, order = _rows(request)
    context = {
        "form": form,
        "as_of": as_of,
        "rows": rows,
        "indicators": INDICATORS,
        "sort": key,
        "order": order,
        "charts": [(i, _chart(rows, i)) for i in INDICATORS],
    }
    return render(request, "reports/scorecard.html", context, status=400 if form.errors else 200)


@require_safe
def scorecard_csv(request):
    _form, as_of, rows, _key, _order = _rows(request)
    header = ["as_of", "commune_code", "commune", "commitments", *(i.key for i in INDICATORS)]
    lines = (
        [as_of.isoformat(), r.code, r.name, r.commitments, *(r.values[i.key] for i in INDICATORS)]
        for r in rows
    )
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(header, lines)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="tata-scorecard-{as_of}.csv"'
    return response
