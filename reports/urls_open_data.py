from django.urls import path

from reports.views import open_data

urlpatterns = [
    path("", open_data.open_data_page, name="open_data"),
    path("progress.json", open_data.progress_json, name="open_data_progress_json"),
    path("progress.csv", open_data.progress_csv, name="open_data_progress_csv"),
    path("updates.csv", open_data.updates_csv, name="open_data_updates_csv"),
    path("schema.json", open_data.schema_json, name="open_data_schema"),
    path("published/<int:report_id>/", open_data.published_file, name="open_data_published"),
]
