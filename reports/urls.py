from django.urls import path

from reports.views import staff

urlpatterns = [
    path("", staff.report_page, name="reports"),
    path("download/<str:fmt>/", staff.report_download, name="report_download"),
    path("publish/", staff.report_publish_view, name="report_publish"),
    path("jobs/<int:job_id>/", staff.report_job, name="report_job"),
    path("jobs/<int:job_id>/file/", staff.report_job_file, name="report_job_file"),
]
