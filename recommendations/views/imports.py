from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from recommendations.imports.template import import_template_xlsx
from recommendations.models import SpreadsheetImport
from recommendations.permissions import can_manage_commitments
from recommendations.services.imports import (
    spreadsheet_confirm,
    spreadsheet_preview,
    spreadsheet_try,
)
from web.forms import PortalForm, add_service_errors
from web.refusal import refuse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(PortalForm):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (XLSX or CSV)"),
        help_text=gettext_lazy(
            "Nothing is written yet: you will see what each row would do, then confirm."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv," + XLSX}),
    )


def _preview(request, record, result, status=200):
    context = {"record": record, "result": result, "counts": result.counts}
    return render(request, "recommendations/import_preview.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def imports_page(request):
    if not can_manage_commitments(request.user):
        return refuse(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            record, result = spreadsheet_preview(
                user=request.user, uploaded=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _preview(request, record, result, status=200 if result.ok else 400)
    recent = SpreadsheetImport.objects.select_related("created_by")[:20]
    status = 400 if form.is_bound else 200
    return render(
        request, "recommendations/imports.html", {"form": form, "recent": recent}, status=status
    )


@require_safe
@login_required
def import_detail(request, import_id: int):
    if not can_manage_commitments(request.user):
        return refuse(request)
    try:
        record, result = spreadsheet_try(user=request.user, import_id=import_id)
    except SpreadsheetImport.DoesNotExist:
        raise Http404 from None
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("imports")
    return _preview(request, record, result)


@require_POST
@login_required
def import_confirm(request, import_id: int):
    if not can_manage_commitments(request.user):
        return refuse(request)
    try:
        record, result = spreadsheet_confirm(user=request.user, import_id=import_id)
    except SpreadsheetImport.DoesNotExist:
        raise Http404 from None
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("import_detail", import_id=import_id)
    if result.ok:
        counts = result.counts
        messages.success(
            request,
            _("Imported: %(create)d created, %(change)d changed, %(unchanged)d unchanged.")
            % counts,
        )
        return redirect("import_detail", import_id=record.pk)
    return _preview(request, record, result, status=400)


@require_safe
@login_required
def import_template(request):
    if not can_manage_commitments(request.user):
        return refuse(request)
    response = HttpResponse(import_template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="tata-import-template.xlsx"'
    return response
