from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from consultations.calendar import meetings_calendar
from consultations.models import Committee
from consultations.selectors.committees import meetings_for_calendar
from territory.selectors import commune_get


def _language(request) -> str:
    """?lang=fr, else the language the phone asks for (LocaleMiddleware), else Arabic."""
    asked = request.GET.get("lang", "")
    return asked if asked in dict(settings.LANGUAGES) else translation.get_language()


def _feed(request, meetings, title_of, name: str) -> HttpResponse:
    language = _language(request)
    with translation.override(language):
        body = meetings_calendar(meetings, title=title_of(), language=language)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


@require_safe
def commune_calendar(request, code: str):
    commune = commune_get(code=code)
    return _feed(
        request,
        meetings_for_calendar(commune=commune),
        lambda: _("Meetings of the commune of %(commune)s") % {"commune": commune.name},
        f"tata-{code}",
    )


@require_safe
def committee_calendar(request, committee_id: int):
    committee = get_object_or_404(Committee.objects.select_related("commune"), pk=committee_id)
    return _feed(
        request,
        meetings_for_calendar(committee=committee),
        lambda: str(committee.name),
        f"tata-committee-{committee_id}",
    )
