from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from consultations.views.calendar import committee_calendar, commune_calendar
from consultations.views.feedback_follow import feedback_short_link
from reports.views.scorecard import scorecard_csv, scorecard_page
from taata_portal.views.health import healthz
from taata_portal.views.language import root_redirect
from taata_portal.views.privacy import privacy

urlpatterns = [
    path("", root_redirect, name="root"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("open-data/", include("reports.urls_open_data")),
    # The short link an SMS carries: the follow page in the feedback's language.
    path("f/<str:code>", feedback_short_link, name="feedback_short_link"),
    # Calendar feeds a phone subscribes to: no language in the address, the phone's is used.
    path("calendar/<str:code>.ics", commune_calendar, name="commune_calendar"),
    path(
        "calendar/committee/<int:committee_id>.ics", committee_calendar, name="committee_calendar"
    ),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("my/", include("notifications.urls")),
    path("reports/", include("reports.urls")),
    path("privacy/", privacy, name="privacy"),
    path("scorecard/", scorecard_page, name="scorecard"),
    path("scorecard/scorecard.csv", scorecard_csv, name="scorecard_csv"),
    path("", include("recommendations.urls")),
    path("", include("consultations.urls")),
    prefix_default_language=True,
)
