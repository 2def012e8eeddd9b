from django.urls import path

from recommendations.views import commitments, imports, my, pages

urlpatterns = [
    path("imports/", imports.imports_page, name="imports"),
    path("imports/template.xlsx", imports.import_template, name="import_template"),
    path("imports/<int:import_id>/", imports.import_detail, name="import_detail"),
    path("imports/<int:import_id>/confirm/", imports.import_confirm, name="import_confirm"),
    path("", pages.home, name="home"),
    path("matrix/", pages.matrix, name="matrix"),
    path(
        "recommendations/<int:number>/",
        pages.recommendation_detail,
        name="recommendation_detail",
    ),
    path(
        "commitments/<int:commitment_id>/",
        commitments.commitment_detail,
        name="commitment_detail",
    ),
    path(
        "commitments/<int:commitment_id>/update/",
        commitments.commitment_update,
        name="commitment_update",
    ),
    path("milestones/<int:milestone_id>/done/", commitments.milestone_done, name="milestone_done"),
    path("evidence/<int:update_id>/", commitments.evidence_file, name="evidence_file"),
    path(
        "evidence/<int:update_id>/thumbnail/",
        commitments.evidence_thumbnail,
        name="evidence_thumbnail",
    ),
    path("my/", my.my_page, name="my"),
]
